/**
 * Reads TikTok's reportable items: on a profile, each video (or photo post) of its grid; on a video, its author
 * and each comment and reply, with the commenter's @name and profile link, the time as shown and, where the page
 * holds it, the comment's id (TikTok's comments have no address of their own: they are reported in the app).
 *
 * Items are found from what lasts: the shape of TikTok's links (`/@user/video/<id>`, read by the URL parser),
 * `data-e2e` test ids, and a comment's boundary found outward from its author's name. Runs as the page changes:
 * no layout reads, queries scoped to one row.
 */

import { FallbackChain, firstMatch, pushField, queryFirstMatch, textExcerpt } from '../dom-helpers';
import { boundaries, uniqueInDocumentOrder, type Anchor } from '../permalink-rows';
import type { ExtractedItem, IdentifierField, ItemExtractor, ParsedUrl } from '../types';
import { normalizedHost } from '../url-utils';
import { TIKTOK_SELECTORS as S } from './selectors';
import { parseTikTokUrl, TIKTOK_HOSTS } from './url';

const POST_LINK = S.postLink.join(', ');
const PROFILE_LINK = S.profileLink.join(', ');
const COMMENT_ANCHOR = S.commentAnchors.join(', ');
const REPLY_CONTAINER = S.replyContainer.join(', ');
const TIKTOK_HOST_SET: ReadonlySet<string> = new Set(TIKTOK_HOSTS);
/** A comment's id, where the page puts it in an element's `id` (2021-2024 builds). */
const COMMENT_ID = /^\d{15,20}$/;
/** A time as a page shows it: short, with a digit ("1d ago", "2024-6-24", "il y a 5 h"). */
const SHOWN_TIME = /^(?=.*\d).{1,30}$/;

/** A profile's videos and photo posts. */
export const extractTikTokGrid: ItemExtractor = {
  itemKind: 'video',
  rows: gridRows,
  begin(pageUrl) {
    return { read: (row) => ({ item: gridItem(row, pageUrl), carry: undefined }) };
  },
};

/** A video's author and its comments and replies. */
export const extractTikTokVideoPage: ItemExtractor = {
  itemKind: 'comment',
  rows: videoPageRows,
  begin(pageUrl) {
    const find = new CommentFinders();
    return { read: (row) => ({ item: videoPageItem(row, pageUrl, find), carry: undefined }) };
  },
};

/** The extractor for a TikTok page: a profile's grid, a video's comments; nothing elsewhere. */
export function tiktokExtractorFor(page: ParsedUrl): ItemExtractor | null {
  if (page.kind === 'profile') return extractTikTokGrid;
  if (page.kind === 'video' || page.kind === 'photo') return extractTikTokVideoPage;
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// A profile's grid

/** The grid's items; where they carry no test id, each post link's boundary outward. */
function gridRows(root: ParentNode): Element[] {
  const marked = queryFirstMatch(root, S.gridItems);
  if (marked.length > 0) return marked;
  const anchors: Anchor[] = [];
  for (const link of root.querySelectorAll(POST_LINK)) anchors.push({ link, key: link.getAttribute('href') ?? '' });
  return uniqueInDocumentOrder(boundaries(anchors, root));
}

function gridItem(row: Element, pageUrl: URL): ExtractedItem | null {
  const link = row.matches(POST_LINK) ? row : row.querySelector(POST_LINK);
  const post = parsedLink(link, pageUrl);
  if (post === null) return null;
  const excerpt = textExcerpt(firstMatch(row, S.gridDescription)) ?? altExcerpt(row);
  return postItem(post, excerpt);
}

/** A video or photo post as an item; null for a link to anything else. */
function postItem(post: ParsedUrl, excerpt: string | undefined): ExtractedItem | null {
  const fields: IdentifierField[] = [];
  const isVideo = post.kind === 'video';
  const id = isVideo ? post.ids.videoId : post.ids.postId;
  if (id === undefined || (post.kind !== 'video' && post.kind !== 'photo')) return null;
  pushField(fields, isVideo ? 'videoUrl' : 'postUrl', post.url);
  pushField(fields, isVideo ? 'videoId' : 'postId', id);
  pushField(fields, 'handle', post.ids.handle === undefined ? undefined : `@${post.ids.handle}`);
  pushField(fields, 'time', post.createdAt);
  const item: ExtractedItem = { key: id, kind: isVideo ? 'video' : 'post', fields };
  if (excerpt !== undefined) item.excerpt = excerpt;
  return item;
}

/** Since 2023 the grid's thumbnails carry the video's description as their `alt` text. */
function altExcerpt(row: Element): string | undefined {
  const alt = row.querySelector('img[alt]')?.getAttribute('alt')?.replace(/\s+/g, ' ').trim();
  if (!alt) return undefined;
  return alt.length > 80 ? `${alt.slice(0, 79).trimEnd()}…` : alt;
}

// ---------------------------------------------------------------------------------------------------------------
// A video page: its author, its comments and replies

/**
 * The author's block, then each comment's boundary: the largest element around its author's name that holds no
 * other comment's name (nor the video's author), so a comment's collapsed replies belong to it and an expanded
 * reply is a row of its own.
 */
function videoPageRows(root: ParentNode): Element[] {
  const author = authorBlock(root);
  const names = queryFirstMatch(root, S.commentAnchors);
  const anchors: Anchor[] = names.map((link, index) => ({ link, key: String(index) }));
  if (author !== null) anchors.splice(placeOf(author, names), 0, { link: author, key: 'author' });
  const rows = boundaries(anchors, root);
  return anchors.map((anchor, index) => (anchor.key === 'author' ? anchor.link : (rows[index] as Element)));
}

/** Where `element` goes among `sorted` (document order), by binary search: a few comparisons, not a sort. */
function placeOf(element: Element, sorted: readonly Element[]): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    const follows = (sorted[middle] as Element).compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING;
    if (follows) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The video's author: the element holding both their @name's link and their avatar (or the link alone). */
function authorBlock(root: ParentNode): Element | null {
  const link = firstMatch(root, S.authorName)?.closest('a[href]') ?? null;
  if (link === null) return null;
  const avatar = firstMatch(root, S.authorAvatar);
  for (let node = link.parentElement, depth = 0; node !== null && avatar !== null && depth < 4; node = node.parentElement, depth++) {
    if (node.contains(avatar)) return node;
  }
  return link;
}

function videoPageItem(row: Element, pageUrl: URL, find: CommentFinders): ExtractedItem | null {
  const isComment = row.matches(COMMENT_ANCHOR) || row.querySelector(COMMENT_ANCHOR) !== null;
  return isComment ? commentItem(row, pageUrl, find) : authorItem(row, pageUrl);
}

function authorItem(row: Element, pageUrl: URL): ExtractedItem | null {
  const profile = parsedLink(row.matches(PROFILE_LINK) ? row : row.querySelector(PROFILE_LINK), pageUrl);
  const handle = profile?.kind === 'profile' ? profile.ids.handle : undefined;
  if (profile === null || handle === undefined) return null;
  const fields: IdentifierField[] = [];
  pushField(fields, 'profileUrl', profile.url);
  pushField(fields, 'handle', `@${handle}`);
  pushField(fields, 'authorName', ownName(firstMatch(row, S.authorNickname), handle));
  return { key: profile.url, kind: 'profile', fields };
}

/** The lookups inside one comment; one instance per extraction, so each chain learns the page's markup. */
class CommentFinders {
  readonly time = new FallbackChain(() => true);
  readonly text = new FallbackChain(() => true);
}

function commentItem(row: Element, pageUrl: URL, find: CommentFinders): ExtractedItem | null {
  const nameElement = row.matches(COMMENT_ANCHOR) ? row : row.querySelector(COMMENT_ANCHOR);
  const profile = parsedLink(profileLinkOf(row, nameElement), pageUrl);
  const handle = profile?.kind === 'profile' ? profile.ids.handle : undefined;
  const text = find.text.find(row, S.commentText);
  const excerpt = textExcerpt(text);
  const shown = shownTime(find.time.find(row, S.commentTime));
  const commentId = ownCommentId(row);
  const fields: IdentifierField[] = [];
  pushField(fields, 'handle', handle === undefined ? undefined : `@${handle}`);
  pushField(fields, 'profileUrl', handle === undefined ? undefined : profile?.url);
  pushField(fields, 'authorName', handle === undefined ? undefined : ownName(nameElement, handle));
  pushField(fields, 'commentId', commentId);
  // No `time` from the id: comment ids do not reliably encode it (lib/platforms/snowflake.ts).
  pushField(fields, 'timeShown', shown);
  if (fields.length === 0) return null;
  // Without an id, what the comment shows identifies it within the page.
  const key = commentId ?? `comment|${handle ?? ''}|${shown ?? ''}|${excerpt ?? ''}`;
  const item: ExtractedItem = { key, kind: isReply(row, text) ? 'reply' : 'comment', fields };
  if (excerpt !== undefined) item.excerpt = excerpt;
  return item;
}

/** The commenter's profile link: the one around or beside their name, else the first in the comment (the avatar). */
function profileLinkOf(row: Element, nameElement: Element | null): Element | null {
  return nameElement?.closest('a[href]') ?? nameElement?.querySelector(PROFILE_LINK) ?? row.querySelector(PROFILE_LINK);
}

/** `comment-level-2` marks a reply; so does a place inside another comment's replies. */
function isReply(row: Element, text: Element | null): boolean {
  const level = text?.getAttribute('data-e2e');
  if (level?.endsWith('-2')) return true;
  if (level?.endsWith('-1')) return false;
  return row.closest(REPLY_CONTAINER) !== null;
}

/** The comment's own id, from the `id` of its container (2021-2024 builds); none in later builds. */
function ownCommentId(row: Element): string | undefined {
  if (COMMENT_ID.test(row.id)) return row.id;
  for (const element of row.querySelectorAll('[id]')) {
    if (COMMENT_ID.test(element.id)) return element.id;
  }
  return undefined;
}

function shownTime(element: Element | null): string | undefined {
  const text = element?.textContent?.replace(/\s+/g, ' ').trim();
  return text !== undefined && SHOWN_TIME.test(text) ? text : undefined;
}

/**
 * A display name, unless it only repeats the @name. Where the element starts with its own text, only that counts
 * ("Name" of "Name · 6d ago"); otherwise all of its text.
 */
function ownName(element: Element | null, handle: string): string | undefined {
  const first = element?.firstChild;
  const lead = first?.nodeType === 3 ? first.nodeValue?.trim() : undefined;
  const name = (lead || element?.textContent)?.replace(/\s+/g, ' ').trim();
  return name && name.replace(/^@/, '') !== handle ? name : undefined;
}

// ---------------------------------------------------------------------------------------------------------------

/** A link's address as a TikTok page (normalized by the URL parser), or null when it is not TikTok's. */
function parsedLink(link: Element | null, pageUrl: URL): ParsedUrl | null {
  const href = link?.getAttribute('href');
  if (!href) return null;
  let url: URL;
  try {
    url = new URL(href, pageUrl);
  } catch {
    return null;
  }
  return TIKTOK_HOST_SET.has(normalizedHost(url)) ? parseTikTokUrl(url) : null;
}
