/**
 * Reads the messages shown in Discord's web client: one item per message row, with the message link Discord's
 * Trust & Safety form asks for, the author's user id and name, the time and a short excerpt.
 *
 * Runs whenever the page changes, so it stays cheap: no layout reads (no getBoundingClientRect, no innerText),
 * queries scoped to one row, and the author of a message group read once, from its first message.
 */

import {
  FallbackChain,
  firstMatch,
  isoFromDatetime,
  pushField,
  queryFirstMatch,
  textExcerpt,
} from '../dom-helpers';
import { DISCORD_EPOCH, snowflakeIso } from '../snowflake';
import type { ExtractedItem, IdentifierField, ItemExtractor } from '../types';
import { DISCORD_SELECTORS as S } from './selectors';
import { parseDiscordUrl } from './url';

const ORIGIN = 'https://discord.com';
const DM_GUILD = '@me';
/** Snowflakes from 2015 onwards have 17 to 20 decimal digits (as in url.ts). */
const SNOWFLAKE = /^\d{17,20}$/;

/** Avatar addresses that carry the user id: `/avatars/<USER>/<hash>` and `/guilds/<G>/users/<USER>/avatars/`. */
const GUILD_MEMBER_AVATAR = /\/guilds\/\d{17,20}\/users\/(\d{17,20})\/avatars\//;
const USER_AVATAR = /\/avatars\/(\d{17,20})\//;

const FOREIGN_PARTS = S.foreignParts.join(', ');
const GROUP_BOUNDARY = S.groupBoundary.join(', ');
const MESSAGE_LIST = S.messageList.join(', ');
const CONTENT_NOISE = S.contentNoise.join(', ');

/** Where the page is: the server (or '@me' for direct messages) and channel that message links are built from. */
interface PageContext {
  guild?: string;
  channelId?: string;
}

/** A message's author as its group's first message shows it; either part can be missing. */
interface Author {
  name?: string;
  userId?: string;
}

const NO_AUTHOR: Author = {};

/** What one row passes on to the next: the list it is in and the author of its message group. */
interface Carry {
  list: Element | null;
  parent: Element | null;
  author: Author;
}

export const extractDiscord: ItemExtractor = {
  itemKind: 'message',
  rows: (root) => queryFirstMatch(root, S.messageRows),
  begin(pageUrl) {
    const page = pageContext(pageUrl);
    const find = new RowFinders();
    return { read: (row, carry) => readRow(row, carry as Carry | undefined, page, find) };
  },
  sameCarry: (a, b) => a === b || (isCarry(a) && isCarry(b) && sameRowPlace(a, b) && sameAuthor(a.author, b.author)),
};

function isCarry(value: unknown): value is Carry {
  return typeof value === 'object' && value !== null && 'author' in value;
}

function sameRowPlace(a: Carry, b: Carry): boolean {
  return a.list === b.list && a.parent === b.parent;
}

function sameAuthor(a: Author, b: Author): boolean {
  return a.name === b.name && a.userId === b.userId;
}

/**
 * One message row. Rows come in document order, so a follow-up's group head is the nearest earlier row of the
 * same list: the carry remembers the last author instead of walking back from every follow-up.
 */
function readRow(
  row: Element,
  carry: Carry | undefined,
  page: PageContext,
  find: RowFinders,
): { item: ExtractedItem | null; carry: Carry | undefined } {
  const ids = rowIds(row);
  if (ids === null) return { item: null, carry };
  // Rows are siblings in their list: look the list up once per parent, not once per row.
  const parent = row.parentElement;
  const list = carry !== undefined && parent === carry.parent ? carry.list : row.closest(MESSAGE_LIST);
  const sameList = carry !== undefined && list === carry.list;
  const author = find.ownAuthor(row) ?? inheritedAuthor(row, sameList, carry?.author ?? NO_AUTHOR);
  return { item: messageItem(row, ids, page, author, find), carry: { list, parent, author } };
}

/** A row without a header continues the previous row's group, unless it starts something new or another list. */
function inheritedAuthor(row: Element, sameList: boolean, previousAuthor: Author): Author {
  return sameList && !isGroupBoundary(row) ? previousAuthor : NO_AUTHOR;
}

/**
 * The lookups inside one row, each with its fallback selectors. One instance per extraction: each chain learns
 * which selector the page uses (see FallbackChain).
 */
class RowFinders {
  private partsRow: Element | null = null;
  private parts: ArrayLike<Element> = [];

  /** Keeps elements that belong to the row's own message, not to a reply preview or an embed. */
  private readonly isOwn = (element: Element, row: Element): boolean => {
    const parts = this.foreignParts(row);
    for (let index = 0; index < parts.length; index++) {
      if (parts[index]?.contains(element)) return false;
    }
    return true;
  };

  private readonly name = new FallbackChain(this.isOwn);
  private readonly avatar = new FallbackChain(this.isOwn);
  private readonly time = new FallbackChain(this.isOwn);
  private readonly content = new FallbackChain(this.isOwn);

  /** The author a group's first message shows in its header; undefined for follow-ups, which have no header. */
  ownAuthor(row: Element): Author | undefined {
    const nameElement = this.name.find(row, S.authorName);
    if (nameElement === null) return undefined;
    return { name: authorName(nameElement), userId: avatarUserId(this.avatar.find(row, S.avatar)) };
  }

  /** The time the page shows, else the one the message id encodes (always present in a valid id). */
  messageTime(row: Element, messageId: string): string | undefined {
    return isoFromDatetime(this.time.find(row, S.time)) ?? snowflakeIso(messageId, DISCORD_EPOCH);
  }

  excerpt(row: Element): string | undefined {
    return textExcerpt(this.content.find(row, S.content), CONTENT_NOISE);
  }

  /**
   * The row's reply preview and accessories, found once per row: one scoped query, then a cheap `contains` per
   * candidate, instead of matching every ancestor of every candidate against the selectors.
   */
  private foreignParts(row: Element): ArrayLike<Element> {
    if (row !== this.partsRow) {
      this.partsRow = row;
      this.parts = row.querySelectorAll(FOREIGN_PARTS);
    }
    return this.parts;
  }
}

function pageContext(pageUrl: URL): PageContext {
  const parsed = parseDiscordUrl(pageUrl);
  if (parsed === null) return {};
  const isDirect = parsed.url.startsWith(`${ORIGIN}/channels/${DM_GUILD}`);
  return { guild: parsed.ids.serverId ?? (isDirect ? DM_GUILD : undefined), channelId: parsed.ids.channelId };
}

/**
 * The ids in a row's `id` (`chat-messages-<CHANNEL>-<MESSAGE>`, older builds `chat-messages-<MESSAGE>`) or its
 * `data-list-item-id` (`chat-messages___chat-messages-<CHANNEL>-<MESSAGE>`). The message id is always the last
 * number; a number before it is the channel. Rows without a valid message id are skipped.
 */
function rowIds(row: Element): { messageId: string; channelId?: string } | null {
  const rowId = row.id || row.getAttribute('data-list-item-id') || '';
  const numbers = rowId.match(/\d+/g);
  const messageId = numbers?.[numbers.length - 1];
  if (messageId === undefined || !SNOWFLAKE.test(messageId)) return null;
  const channelId = numbers?.[numbers.length - 2];
  return { messageId, channelId: channelId !== undefined && SNOWFLAKE.test(channelId) ? channelId : undefined };
}

function messageItem(
  row: Element,
  ids: { messageId: string; channelId?: string },
  page: PageContext,
  author: Author,
  find: RowFinders,
): ExtractedItem {
  const { messageId } = ids;
  // The row's own channel wins over the page's: a thread panel shows another channel's messages.
  const channelId = ids.channelId ?? page.channelId;
  const fields: IdentifierField[] = [];
  if (page.guild !== undefined && channelId !== undefined) {
    pushField(fields, 'messageLink', `${ORIGIN}/channels/${page.guild}/${channelId}/${messageId}`);
  }
  pushField(fields, 'messageId', messageId);
  pushField(fields, 'authorName', author.name);
  pushField(fields, 'userId', author.userId);
  pushField(fields, 'time', find.messageTime(row, messageId));
  const item: ExtractedItem = { key: messageId, kind: 'message', fields };
  const excerpt = find.excerpt(row);
  if (excerpt !== undefined) item.excerpt = excerpt;
  return item;
}

function authorName(nameElement: Element): string | undefined {
  const bare = firstMatch(nameElement, S.authorNameText);
  const name = (bare?.getAttribute('data-text') ?? bare?.textContent ?? nameElement.textContent)?.trim();
  return name ? name : undefined;
}

/** The user id in an avatar's address; default avatars (`/embed/avatars/3.png`, `/assets/…`) carry none. */
function avatarUserId(avatar: Element | null): string | undefined {
  const src = avatar?.getAttribute('src');
  if (!src) return undefined;
  return (GUILD_MEMBER_AVATAR.exec(src) ?? USER_AVATAR.exec(src))?.[1];
}

/** System messages and header-less group starts begin something new: they must not inherit an author. */
function isGroupBoundary(row: Element): boolean {
  // The marker classes sit on the row's article, which is the row itself or its first child.
  return row.matches(GROUP_BOUNDARY) || (row.firstElementChild?.matches(GROUP_BOUNDARY) ?? false);
}
