/**
 * Reads what an Instagram page shows that can be reported on its own: on a profile, each post and reel of the grid;
 * on a post or reel, the post itself (its author) and each comment and reply (the commenter's handle and the
 * comment's own permalink); in the home feed, each post with its author.
 *
 * Every item is found from its permalink outward (lib/platforms/permalink-rows.ts): a comment is the largest element
 * around its `/p/<code>/c/<id>/` link that holds no other item's permalink; a feed post is its `<article>`; a grid
 * tile is its link. Instagram's class names are never used (selectors.ts).
 */
import { EXCERPT_LENGTH, isoFromDatetime, pushField, textExcerpt } from '../dom-helpers';
import { boundaries, uniqueInDocumentOrder, type Anchor } from '../permalink-rows';
import type { ExtractedItem, IdentifierField, ItemExtractor } from '../types';
import { INSTAGRAM_SELECTORS as S } from './selectors';
import { INSTAGRAM_RESERVED_PATHS } from './url';

const ORIGIN = 'https://www.instagram.com';
/** Node.DOCUMENT_POSITION_FOLLOWING, without relying on a global Node. */
const FOLLOWING = 4;

/**
 * A post, reel or comment permalink, relative or on instagram.com: `/p/<code>/`, `/reel/<code>/`, `/tv/<code>/`,
 * `/<user>/p/<code>/`, each optionally followed by `c/<comment id>/`. Nothing else may follow (`/p/<code>/liked_by/`
 * is a list of people, not the post).
 */
const MEDIA_HREF =
  /^(?:https?:\/\/(?:www\.)?instagram\.com)?\/(?:([A-Za-z0-9._]{1,30})\/)?(p|reels?|tv)\/([A-Za-z0-9_-]{5,64})\/?(?:c\/(\d{1,25})\/?)?(?:[?#]|$)/;
/** A profile link: `/<user>/`, relative or on instagram.com. */
const PROFILE_HREF = /^(?:https?:\/\/(?:www\.)?instagram\.com)?\/([A-Za-z0-9._]{1,30})\/?(?:[?#]|$)/;
/** Words that follow `/reels/` but name sections, not reels. */
const NOT_CODES: ReadonlySet<string> = new Set(['audio', 'explore']);

interface MediaTarget {
  kind: 'post' | 'reel' | 'video';
  /** Path prefix of the canonical address. */
  prefix: 'p' | 'reel' | 'tv';
  code: string;
  /** The account in `/<user>/p/<code>/` links. */
  owner?: string;
  commentId?: string;
}

export function mediaTarget(href: string | null): MediaTarget | null {
  const match = href === null ? null : MEDIA_HREF.exec(href);
  if (!match) return null;
  const [, owner, type = '', code = '', commentId] = match;
  if (NOT_CODES.has(code.toLowerCase())) return null;
  if (owner !== undefined && INSTAGRAM_RESERVED_PATHS.has(owner.toLowerCase())) return null;
  const prefix = type === 'p' ? 'p' : type === 'tv' ? 'tv' : 'reel';
  const kind = prefix === 'p' ? 'post' : prefix === 'tv' ? 'video' : 'reel';
  return { kind, prefix, code, owner, commentId };
}

/** The user name a profile link points at, unless it is one of Instagram's own pages. */
function profileHandle(href: string | null): string | undefined {
  const handle = href === null ? undefined : PROFILE_HREF.exec(href)?.[1];
  return handle === undefined || INSTAGRAM_RESERVED_PATHS.has(handle.toLowerCase()) ? undefined : handle;
}

export const extractInstagram: ItemExtractor = {
  itemKind: 'post',
  rows: instagramRows,
  begin(pageUrl) {
    const owner = pageOwner(pageUrl);
    return {
      read(row, carry) {
        const found = ownPermalink(row);
        if (found === null) return { item: null, carry };
        if (found.target.commentId !== undefined) return commentReading(row, found.link, found.target, carry);
        return { item: postItem(row, found.link, found.target, owner), carry };
      },
    };
  },
};

/** The same reader, named for what a post or reel page mostly shows (read-problem messages name the kind). */
export const extractInstagramComments: ItemExtractor = { ...extractInstagram, itemKind: 'comment' };

/**
 * One row per item, in document order: comments (from their permalinks outward), posts with a time (their
 * `<article>`, or from the permalink outward where the article also holds comments: a post page), and grid tiles
 * (their link) that lie in none of those.
 */
function instagramRows(root: ParentNode): Element[] {
  const anchors: Anchor[] = [];
  const tiles: Element[] = [];
  for (const link of root.querySelectorAll(S.mediaLinks)) {
    const target = mediaTarget(link.getAttribute('href'));
    if (target === null) continue;
    if (target.commentId !== undefined) anchors.push({ link, key: `c${target.commentId}` });
    else if (link.querySelector(S.time) !== null) anchors.push({ link, key: `p${target.code}` });
    else tiles.push(link);
  }
  const climbed = boundaries(anchors, root);
  const rows = anchors.map((anchor, index) =>
    anchor.key.startsWith('p') ? (feedArticle(anchor.link) ?? (climbed[index] as Element)) : (climbed[index] as Element),
  );
  const taken = new Set(rows);
  // A feed post's image links to the post too: it belongs to the post's row, not a tile of its own.
  const ownTiles = tiles.filter((tile) => !hasAncestorIn(tile, taken, root));
  return uniqueInDocumentOrder([...rows, ...ownTiles]);
}

/** The `<article>` around a feed post's time link, unless it also holds comments (then it is a whole post page). */
function feedArticle(link: Element): Element | null {
  const article = link.closest(S.postContainer);
  if (article === null) return null;
  for (const candidate of article.querySelectorAll(S.mediaLinks)) {
    if (mediaTarget(candidate.getAttribute('href'))?.commentId !== undefined) return null;
  }
  return article;
}

function hasAncestorIn(element: Element, set: ReadonlySet<Element>, root: ParentNode): boolean {
  for (let node = element.parentElement; node !== null && node !== root; node = node.parentElement) {
    if (set.has(node)) return true;
  }
  return false;
}

/** The account whose profile the page shows (`/<user>/`, `/<user>/reels/`): the author of its grid's tiles. */
function pageOwner(pageUrl: URL): string | undefined {
  const [first, second, ...rest] = pageUrl.pathname.split('/').filter(Boolean);
  if (first === undefined || rest.length > 0 || (second !== undefined && second.toLowerCase() !== 'reels')) return undefined;
  return profileHandle(`/${first}/`);
}

/** The row's own permalink: the row itself (a tile), else its first comment permalink, else its first timed one. */
function ownPermalink(row: Element): { link: Element; target: MediaTarget } | null {
  const rowTarget = row.tagName === 'A' ? mediaTarget(row.getAttribute('href')) : null;
  if (rowTarget !== null) return { link: row, target: rowTarget };
  let timed: { link: Element; target: MediaTarget } | null = null;
  for (const link of row.querySelectorAll(S.mediaLinks)) {
    const target = mediaTarget(link.getAttribute('href'));
    if (target?.commentId !== undefined) return { link, target };
    if (timed === null && target !== null && link.querySelector(S.time) !== null) timed = { link, target };
  }
  return timed;
}

/**
 * A comment, or a reply when it lies in a list under the previous top-level comment's block (carry: that
 * comment's row). Replies carry their thread's comment on; a top-level comment starts a new thread.
 */
function commentReading(
  row: Element,
  link: Element,
  target: MediaTarget,
  carry: unknown,
): { item: ExtractedItem; carry: unknown } {
  const reply = isReply(row, carry);
  const commentId = target.commentId as string;
  const author = firstProfileLink(row);
  const handle = profileHandle(author?.getAttribute('href') ?? null);
  const fields: IdentifierField[] = [];
  pushField(fields, 'commentUrl', `${ORIGIN}/${target.prefix}/${target.code}/c/${commentId}/`);
  pushField(fields, 'commentId', commentId);
  pushField(fields, 'handle', handle);
  pushField(fields, 'profileUrl', handle === undefined ? undefined : `${ORIGIN}/${handle}/`);
  pushField(fields, 'time', isoFromDatetime(link.querySelector(S.time)));
  const item: ExtractedItem = { key: commentId, kind: reply ? 'reply' : 'comment', fields };
  const excerpt = commentText(row, link);
  if (excerpt !== undefined) item.excerpt = excerpt;
  return { item, carry: reply ? carry : row };
}

function isReply(row: Element, carry: unknown): boolean {
  if (!(carry instanceof Element) || carry === row) return false;
  const list = row.parentElement?.closest(S.replyList) ?? null;
  return list !== null && !list.contains(carry) && (carry.parentElement?.contains(row) ?? false);
}

function firstProfileLink(scope: Element): Element | null {
  for (const link of scope.querySelectorAll('a[href]')) {
    if (profileHandle(link.getAttribute('href')) !== undefined) return link;
  }
  return null;
}

/** A comment's body: its first text block after its permalink (the header, name and time, comes first). */
function commentText(row: Element, permalink: Element): string | undefined {
  for (const block of row.querySelectorAll(S.textBlock)) {
    if (!(permalink.compareDocumentPosition(block) & FOLLOWING) || permalink.contains(block)) continue;
    const control = block.closest(S.controls);
    if (control !== null && row.contains(control)) continue;
    const excerpt = textExcerpt(block);
    if (excerpt !== undefined) return excerpt;
  }
  return undefined;
}

function postItem(row: Element, link: Element, target: MediaTarget, pageOwnerHandle: string | undefined): ExtractedItem {
  // The author: named in the link (`/<user>/p/<code>/`), else the first profile link of the post, else the page's.
  const fromRow = row === link ? undefined : profileHandle(firstProfileLink(row)?.getAttribute('href') ?? null);
  const handle = target.owner ?? fromRow ?? pageOwnerHandle;
  const fields: IdentifierField[] = [];
  pushField(fields, 'postUrl', `${ORIGIN}/${target.prefix}/${target.code}/`);
  pushField(fields, 'handle', handle);
  pushField(fields, 'profileUrl', handle === undefined ? undefined : `${ORIGIN}/${handle}/`);
  pushField(fields, 'time', isoFromDatetime(link.querySelector(S.time)));
  const item: ExtractedItem = { key: target.code, kind: target.kind, fields };
  // A tile shows no text: its picture's description (Instagram writes the caption there) helps recognise it.
  const excerpt = (row === link ? undefined : caption(row)) ?? altExcerpt(postPicture(row));
  if (excerpt !== undefined) item.excerpt = excerpt;
  return item;
}

/** A post's caption: its first text block that is neither inside a link nor around the author's name. */
function caption(row: Element): string | undefined {
  for (const block of row.querySelectorAll(S.textBlock)) {
    if (block.closest('a') !== null || firstProfileLink(block) !== null) continue;
    const excerpt = textExcerpt(block);
    if (excerpt !== undefined) return excerpt;
  }
  return undefined;
}

/** The post's picture: the first described image that is not an avatar (avatars sit in profile links). */
function postPicture(row: Element): Element | null {
  for (const image of row.querySelectorAll('img[alt]')) {
    const link = image.closest('a[href]');
    if (link === null || profileHandle(link.getAttribute('href')) === undefined) return image;
  }
  return null;
}

/** An image's description as an excerpt: whitespace collapsed, cut like textExcerpt's (never inside an emoji). */
function altExcerpt(image: Element | null): string | undefined {
  const alt = image?.getAttribute('alt')?.replace(/\s+/g, ' ').trim();
  if (!alt) return undefined;
  const characters = Array.from(alt);
  return characters.length <= EXCERPT_LENGTH ? alt : `${characters.slice(0, EXCERPT_LENGTH - 1).join('').trimEnd()}…`;
}
