/**
 * Reads YouTube's reportable items on a video (or short): the channel of the video, which the guide says to
 * contact first, with its link, handle and channel id where the page holds it; and each comment and reply with its
 * permalink (`watch?v=<video>&lc=<comment>`), the commenter's channel, the time as shown and an excerpt. The
 * recommendations beside the video are not the video's and are not listed. A channel's videos: extract-channel.ts.
 *
 * Runs as the page changes: no layout reads, queries scoped to the page shown and to one row.
 */

import { FallbackChain, firstMatch, firstShownNamed, NameChoice, pushField, textExcerpt } from '../dom-helpers';
import { boundaries, type Anchor } from '../permalink-rows';
import type { ExtractedItem, IdentifierField, ItemExtractor, ParsedUrl } from '../types';
import { extractYouTubeChannel } from './extract-channel';
import { plainText, pushChannelFields, youtubeLink } from './links';
import { YOUTUBE_SELECTORS as S } from './selectors';
import { watchUrl, YOUTUBE_COMMENT_ID, YOUTUBE_VIDEO_ID } from './url';

const OWNER = [...S.owner, ...S.shortsOwner].join(', ');
/** Which names the page uses, learned across readings (a page uses one markup version at a time). */
const OWNER_NAMES = new NameChoice(S.owner);
const COMMENT_NAMES = new NameChoice(S.comments);
const PERMALINK = 'a[href*="lc="]';
const REPLIES = S.replies.join(', ');

/** A video's channel and comments. */
export const extractYouTubeWatch: ItemExtractor = {
  itemKind: 'comment',
  rows: watchRows,
  begin(pageUrl) {
    const find = new WatchFinders();
    const read = (row: Element) => (row.matches(OWNER) ? channelItem(row, pageUrl, find) : commentItem(row, pageUrl, find));
    return { read: (row) => ({ item: read(row), carry: undefined }) };
  },
};

/** The extractor for a YouTube page: a video's channel and comments, a channel's videos; nothing elsewhere. */
export function youtubeExtractorFor(page: ParsedUrl): ItemExtractor | null {
  if (page.kind === 'video' || page.kind === 'live' || page.kind === 'reel') return extractYouTubeWatch;
  if (page.kind === 'channel') return extractYouTubeChannel;
  return null;
}

/** The lookups inside one row; one instance per extraction, so each chain learns the page's markup. */
class WatchFinders {
  readonly ownerName = new FallbackChain(() => true);
  readonly permalink = new FallbackChain(() => true);
  readonly author = new FallbackChain(() => true);
  readonly text = new FallbackChain(() => true);
}

/**
 * The channel, then the comments in document order, inside the video page shown. Where the comments' elements
 * are not found (a new layout), each comment is its permalink's boundary outward.
 */
function watchRows(root: ParentNode): Element[] {
  const page = firstShownNamed(root, S.watchPage) ?? root;
  const owner = OWNER_NAMES.first(page) ?? firstMatch(page, S.shortsOwner);
  const owners = owner === null ? [] : [owner];
  const comments = Array.from(COMMENT_NAMES.elements(page));
  if (comments.length > 0) return [...owners, ...comments];
  const permalinks: Anchor[] = [];
  for (const link of page.querySelectorAll(PERMALINK)) {
    const key = commentIdOf(link);
    if (key !== undefined) permalinks.push({ link, key });
  }
  const outward = boundaries(permalinks, page, (element) => owners.some((candidate) => element.contains(candidate)));
  return [...owners, ...new Set(outward)];
}

function channelItem(row: Element, pageUrl: URL, find: WatchFinders): ExtractedItem | null {
  const channel = ownChannelLink(row, pageUrl);
  if (channel === null) return null;
  const fields: IdentifierField[] = [];
  pushChannelFields(fields, channel);
  if (channel.ids.channelId === undefined) pushField(fields, 'channelId', microdataChannelId(row, pageUrl));
  pushField(fields, 'authorName', plainText(find.ownerName.find(row, S.ownerName)));
  return { key: channel.url, kind: 'channel', fields };
}

/** The first link in `row` that is a channel's. */
function ownChannelLink(row: Element, pageUrl: URL): ParsedUrl | null {
  for (const link of row.querySelectorAll('a[href]')) {
    const parsed = youtubeLink(link, pageUrl);
    if (parsed?.kind === 'channel') return parsed;
  }
  return null;
}

/** The channel id of the page's microdata, when that microdata is of the video shown (see selectors.ts). */
function microdataChannelId(row: Element, pageUrl: URL): string | undefined {
  // The page the row is in (a document; in tests, a parsed fragment).
  const page = row.getRootNode() as ParentNode;
  const videoId = firstMatch(page, S.microdataVideoId)?.getAttribute('content');
  const channelId = firstMatch(page, S.microdataChannelId)?.getAttribute('content');
  const shown = pageVideoId(pageUrl);
  return videoId && videoId === shown && channelId && /^UC[\w-]{22}$/.test(channelId) ? channelId : undefined;
}

function pageVideoId(pageUrl: URL): string | undefined {
  const id = pageUrl.searchParams.get('v') ?? pageUrl.pathname.split('/')[2];
  return id !== undefined && YOUTUBE_VIDEO_ID.test(id) ? id : undefined;
}

function commentItem(row: Element, pageUrl: URL, find: WatchFinders): ExtractedItem | null {
  const permalink = find.permalink.find(row, S.commentPermalink);
  const commentId = permalink === null ? undefined : commentIdOf(permalink);
  const videoId = permalink === null ? undefined : videoIdOf(permalink, pageUrl);
  if (commentId === undefined || videoId === undefined) return null;
  const fields: IdentifierField[] = [];
  pushField(fields, 'commentUrl', `${watchUrl(videoId)}&lc=${commentId}`);
  pushField(fields, 'commentId', commentId);
  const author = find.author.find(row, S.commentAuthor);
  const channel = youtubeLink(author, pageUrl);
  if (channel?.kind === 'channel') pushChannelFields(fields, channel);
  // 2017-2022 comments show the commenter's name; later ones their @handle, already a field.
  const name = plainText(author);
  if (name !== undefined && !name.startsWith('@')) pushField(fields, 'authorName', name);
  pushField(fields, 'timeShown', plainText(permalink));
  const reply = commentId.includes('.') || row.closest(REPLIES) !== null;
  const item: ExtractedItem = { key: commentId, kind: reply ? 'reply' : 'comment', fields };
  const excerpt = textExcerpt(find.text.find(row, S.commentText));
  if (excerpt !== undefined) item.excerpt = excerpt;
  return item;
}

/** The comment id of a permalink (`lc=`), or undefined when it has none. */
function commentIdOf(link: Element): string | undefined {
  const id = /[?&]lc=([^&#]+)/.exec(link.getAttribute('href') ?? '')?.[1];
  return id !== undefined && YOUTUBE_COMMENT_ID.test(id) ? id : undefined;
}

/** The video a permalink belongs to. */
function videoIdOf(link: Element, pageUrl: URL): string | undefined {
  return youtubeLink(link, pageUrl)?.ids.videoId;
}

