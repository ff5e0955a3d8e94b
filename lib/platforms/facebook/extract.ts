/**
 * Reads the posts a Facebook page shows: in a feed, a group or on a profile, each post's permalink and its author's
 * profile URL (the guide asks for "de Facebook-URL van het profiel van de persoon die de beelden heeft verspreid");
 * on a post, photo or video page, that post's author.
 *
 * A post is found from its permalink outward: the link that holds its time (2016) or any link to a post, photo,
 * video or reel, then the feed unit or article around it (lib/platforms/permalink-rows.ts where there is none).
 * Comments are articles inside a post: their links (`?comment_id=`) and their authors are never the post's. A shared
 * post inside another is part of the outer post's item, as on X. Class names are never used (selectors.ts).
 */
import { isInsidePart, pushField, textExcerpt } from '../dom-helpers';
import { boundaries, type Anchor } from '../permalink-rows';
import type { ExtractedItem, IdentifierField, ItemExtractor, ParsedUrl } from '../types';
import { normalizedHost } from '../url-utils';
import { FACEBOOK_SELECTORS as S } from './selectors';
import { isFacebookPageHost, parseFacebookUrl } from './url';

/** Relative links on Facebook are path-absolute: any of its origins resolves them alike. */
const BASE = 'https://www.facebook.com/';
/** Page kinds that are one post (its permalink). */
const POST_KINDS: ReadonlySet<string> = new Set(['post', 'photo', 'video', 'reel', 'live']);

/**
 * Addresses already parsed: the same links are read on every update of a feed (hundreds of them), and parsing an
 * address is most of an update's cost. Bounded: emptied when it grows past what a long feed holds.
 */
const parsedHrefs = new Map<string, ParsedUrl | null>();
const PARSED_HREFS_LIMIT = 5000;

/** A link's address parsed as a Facebook page, or null (outbound shims, other sites, `#`). */
function parseLink(link: Element): ParsedUrl | null {
  const href = link.getAttribute('href');
  if (!href || href.startsWith('#')) return null;
  let parsed = parsedHrefs.get(href);
  if (parsed === undefined) {
    if (parsedHrefs.size >= PARSED_HREFS_LIMIT) parsedHrefs.clear();
    parsed = parseHref(href);
    parsedHrefs.set(href, parsed);
  }
  return parsed;
}

function parseHref(href: string): ParsedUrl | null {
  let url: URL;
  try {
    url = new URL(href, BASE);
  } catch {
    return null;
  }
  return isFacebookPageHost(normalizedHost(url)) ? parseFacebookUrl(url) : null;
}

/** Links to a comment (`?comment_id=`, `&reply_comment_id=`): a comment's own, never a post's permalink. */
function isCommentLink(link: Element): boolean {
  return /[?&](?:reply_)?comment_id=/.test(link.getAttribute('href') ?? '');
}

/** The post, photo, video or reel a link is the permalink of, or null. */
function postTarget(link: Element): ParsedUrl | null {
  if (isCommentLink(link)) return null;
  const parsed = parseLink(link);
  return parsed !== null && POST_KINDS.has(parsed.kind) ? parsed : null;
}

export const extractFacebook: ItemExtractor = {
  itemKind: 'post',
  rows: facebookRows,
  begin(pageUrl) {
    const page = parseFacebookUrl(pageUrl);
    const pagePost = page !== null && POST_KINDS.has(page.kind) ? page : null;
    // Posts do not depend on each other: nothing is carried from one to the next.
    return { read: (row) => ({ item: postItem(row, pagePost), carry: undefined }) };
  },
};

/**
 * One row per post, outermost first: the feed unit or article around each permalink (not a comment's), or the
 * permalink's own boundary where the page marks none. A page with none (a photo viewer) is one row: its main part.
 */
function facebookRows(root: ParentNode): Element[] {
  const anchors: Anchor[] = [];
  for (const link of root.querySelectorAll(S.permalinks)) {
    const target = postTarget(link);
    if (target !== null) anchors.push({ link, key: target.url });
  }
  const containers = anchors.map((anchor) => anchor.link.closest(S.postContainer));
  // Only where the page marks no container (a photo viewer): climb from the permalink.
  const climbed = containers.includes(null) ? boundaries(anchors, root) : [];
  const comments = new Map<Element, boolean>();
  const outermost: Element[] = [];
  containers.forEach((container, index) => {
    let row = container ?? (climbed[index] as Element);
    if (container !== null) {
      let comment = comments.get(container);
      if (comment === undefined) comments.set(container, (comment = isCommentContainer(container)));
      // A post linked from a comment is not a post of this page's: the comment is not an item here.
      if (comment) return;
      row = container;
    }
    keepOutermost(outermost, row);
  });
  if (outermost.length > 0) return outermost;
  const page = S.page.map((selector) => root.querySelector(selector)).find((element) => element !== null);
  return page ? [page] : [];
}

/**
 * Adds `row` to rows kept in document order, keeping only the outermost: a post shown inside another (shared) is
 * part of the outer one's item. Rows come in the order of their permalinks, so a row can only hold the last ones
 * kept, or lie inside the last one: comparing with the last is enough, and no sort is needed.
 */
function keepOutermost(rows: Element[], row: Element): void {
  const last = rows.at(-1);
  if (last !== undefined && (last === row || last.contains(row))) return;
  while (rows.length > 0 && row.contains(rows.at(-1) as Element)) rows.pop();
  rows.push(row);
}

/** A comment: its own link (not one of a comment inside it) is a comment link, and it has no own timed post link. */
function isCommentContainer(container: Element): boolean {
  let ownCommentLink = false;
  for (const link of container.querySelectorAll('a[href*="comment_id="]')) {
    if (!isInsidePart(link, container, S.nestedItem)) {
      ownCommentLink = true;
      break;
    }
  }
  if (!ownCommentLink) return false;
  for (const link of container.querySelectorAll(S.permalinks)) {
    if (isOwn(link, container) && link.querySelector(S.time) !== null && postTarget(link) !== null) return false;
  }
  return true;
}

/** Not inside a comment (or another article) of the row. */
function isOwn(element: Element, row: Element): boolean {
  return !isInsidePart(element, row, S.nestedItem);
}

function postItem(row: Element, pagePost: ParsedUrl | null): ExtractedItem | null {
  const permalink = ownPermalink(row);
  const post = permalink?.target ?? pagePost;
  if (post === null) return null;
  const author = authorOf(row, post);
  const fields: IdentifierField[] = [];
  pushField(fields, 'postUrl', post.url);
  pushField(fields, 'profileUrl', author?.url);
  pushField(fields, 'authorName', author?.name);
  const time = permalink ? timeOf(permalink.link) : undefined;
  pushField(fields, time?.iso === undefined ? 'timeShown' : 'time', time?.iso ?? time?.shown);
  const item: ExtractedItem = { key: post.url, kind: itemKind(post), fields };
  const text = S.text.map((selector) => row.querySelector(selector)).find((element) => element && isOwn(element, row));
  const excerpt = textExcerpt(text ?? null);
  if (excerpt !== undefined) item.excerpt = excerpt;
  return item;
}

function itemKind(post: ParsedUrl): ExtractedItem['kind'] {
  if (post.kind === 'video' || post.kind === 'live') return 'video';
  return post.kind === 'reel' ? 'reel' : 'post';
}

/** The row's own permalink: the first own link to a post that holds a time, else the first own link to a post. */
function ownPermalink(row: Element): { link: Element; target: ParsedUrl } | null {
  let first: { link: Element; target: ParsedUrl } | null = null;
  for (const link of row.querySelectorAll(S.permalinks)) {
    if (!isOwn(link, row)) continue;
    const target = postTarget(link);
    if (target === null) continue;
    if (link.querySelector(S.time) !== null) return { link, target };
    first ??= { link, target };
  }
  return first;
}

/**
 * The post's author: the first own link to a person's or page's profile (the avatar or the name above the post),
 * its name from the first such link that shows one; failing that, the author named in the permalink itself.
 */
function authorOf(row: Element, post: ParsedUrl): { url: string; name?: string } | undefined {
  let url: string | undefined;
  let name: string | undefined;
  for (const link of row.querySelectorAll('a[href]')) {
    if (!isOwn(link, row) || isCommentLink(link)) continue;
    const profile = profileUrl(parseLink(link));
    if (profile === undefined || (url !== undefined && profile !== url)) continue;
    url ??= profile;
    const text = link.textContent?.replace(/\s+/g, ' ').trim();
    if (text) {
      name = text.length <= 80 ? text : undefined;
      break;
    }
  }
  return url !== undefined ? { url, name } : authorInPermalink(post);
}

/** A profile's canonical address; a group member's (`/groups/<G>/user/<U>`) as the person's own profile. */
function profileUrl(parsed: ParsedUrl | null): string | undefined {
  if (parsed?.kind !== 'profile') return undefined;
  const { userId, groupId } = parsed.ids;
  return groupId !== undefined && userId !== undefined ? `${BASE}profile.php?id=${userId}` : parsed.url;
}

/** `/<user>/posts/<id>` and `permalink.php?…&id=<user>` name the author. */
function authorInPermalink(post: ParsedUrl): { url: string } | undefined {
  const { handle, userId } = post.ids;
  if (handle !== undefined) return { url: `${BASE}${handle}` };
  if (userId !== undefined && post.ids.groupId === undefined) return { url: `${BASE}profile.php?id=${userId}` };
  return undefined;
}

/** A permalink's time: exact from `data-utime` (seconds) or `datetime`, else as the link shows it ("3 h"). */
function timeOf(link: Element): { iso?: string; shown?: string } | undefined {
  const element = link.querySelector(S.time);
  const seconds = Number(element?.getAttribute('data-utime'));
  if (Number.isInteger(seconds) && seconds > 0) return { iso: new Date(seconds * 1000).toISOString() };
  const datetime = Date.parse(element?.getAttribute('datetime') ?? '');
  if (!Number.isNaN(datetime)) return { iso: new Date(datetime).toISOString() };
  const shown = (link.getAttribute('aria-label') ?? link.textContent ?? '').replace(/\s+/g, ' ').trim();
  return shown.length > 0 && shown.length <= 60 ? { shown } : undefined;
}
