/**
 * Reads the posts shown on an X page (timeline, conversation, profile): one item per post, with the normalized
 * post URL and @handle that X's forms ask for, the post id, its time and a short excerpt.
 *
 * A post's own elements are told apart from a quoted post's (which has its own name, time and text) by skipping
 * everything inside the quote card; the outer post's elements come first in any case. For a repost, the status
 * link is the original post's, so the item is the original post: that is what gets reported.
 */

import { normalizedHost } from '../url-utils';
import {
  FallbackChain,
  isInsidePart,
  isoFromDatetime,
  pushField,
  queryFirstMatch,
  textExcerpt,
} from '../dom-helpers';
import type { ExtractedItem, IdentifierField, ItemExtractor, ParsedUrl } from '../types';
import { X_SELECTORS as S } from './selectors';
import { parseXUrl, X_HANDLE, X_HOSTS, X_RESERVED_PATHS } from './url';

const FOREIGN_PARTS = S.foreignParts.join(', ');
const POSTS = S.posts.join(', ');
const STATUS_LINK = S.statusLink.join(', ');
const X_HOST_SET: ReadonlySet<string> = new Set(X_HOSTS);

export const extractX: ItemExtractor = {
  itemKind: 'post',
  // A post nested in another is a quote: it is part of the outer post's item, not one of its own.
  rows: (root) => queryFirstMatch(root, S.posts).filter((article) => !article.parentElement?.closest(POSTS)),
  begin(pageUrl) {
    const find = new PostFinders();
    // Posts do not depend on each other: nothing is carried from one to the next.
    return { read: (article) => ({ item: postItem(article, pageUrl, find), carry: undefined }) };
  },
};

/** The lookups inside one post; one instance per extraction, so each chain learns the page's markup. */
class PostFinders {
  readonly time = new FallbackChain(isOwn);
  readonly text = new FallbackChain(isOwn);
  readonly authorLink = new FallbackChain(isOwn);
}

/** Keeps the post's own elements, not those of a post it quotes. */
function isOwn(element: Element, article: Element): boolean {
  return !isInsidePart(element, article, FOREIGN_PARTS);
}

function postItem(article: Element, pageUrl: URL, find: PostFinders): ExtractedItem | null {
  const status = ownStatus(article, pageUrl);
  const postId = status?.ids.postId;
  if (status === null || postId === undefined) return null;
  const post =
    status.ids.handle === undefined ? withAuthorHandle(status, find.authorLink.find(article, S.authorLink)) : status;

  const fields: IdentifierField[] = [];
  pushField(fields, 'postUrl', post.url);
  pushField(fields, 'postId', postId);
  // '@handle': X's forms ask for the account as "@username" (types.ts PageIds.handle stays without '@').
  pushField(fields, 'handle', post.ids.handle === undefined ? undefined : `@${post.ids.handle}`);
  // The id's snowflake time is exact to the millisecond; the page's datetime is rounded to the second.
  pushField(fields, 'time', post.createdAt ?? isoFromDatetime(find.time.find(article, S.time)));

  const item: ExtractedItem = { key: postId, kind: 'post', fields };
  const excerpt = textExcerpt(find.text.find(article, S.text));
  if (excerpt !== undefined) item.excerpt = excerpt;
  return item;
}

/**
 * The post's own status link, parsed: the link around its time, else any of its own status links (posts whose
 * time is not a link). Quoted posts are skipped, so the outer post's link wins.
 */
function ownStatus(article: Element, pageUrl: URL): ParsedUrl | null {
  for (const time of article.querySelectorAll(S.time.join(', '))) {
    if (!isOwn(time, article)) continue;
    const link = time.closest(STATUS_LINK);
    const parsed = link !== null && article.contains(link) ? parseStatusHref(link, pageUrl) : null;
    if (parsed !== null) return parsed;
  }
  for (const link of article.querySelectorAll(STATUS_LINK)) {
    if (!isOwn(link, article)) continue;
    const parsed = parseStatusHref(link, pageUrl);
    if (parsed !== null) return parsed;
  }
  return null;
}

/** A link's address as an X post (normalized by the URL parser), or null for anything else. */
function parseStatusHref(link: Element, pageUrl: URL): ParsedUrl | null {
  const href = link.getAttribute('href');
  if (!href) return null;
  let url: URL;
  try {
    url = new URL(href, pageUrl);
  } catch {
    return null;
  }
  if (!X_HOST_SET.has(normalizedHost(url))) return null;
  const parsed = parseXUrl(url);
  return parsed?.kind === 'post' ? parsed : null;
}

/** A handle-less status link (`/i/status/<id>`) completed with the author's handle from the post's header. */
function withAuthorHandle(status: ParsedUrl, authorLink: Element | null): ParsedUrl {
  const handle = handleOf(authorLink);
  if (handle === undefined || status.ids.postId === undefined) return status;
  return parseXUrl(new URL(`https://x.com/${handle}/status/${status.ids.postId}`)) ?? status;
}

/** The handle in a profile link `/<handle>`, unless it is one of X's own pages. */
function handleOf(link: Element | null): string | undefined {
  const handle = link?.getAttribute('href')?.split('/')[1];
  if (handle === undefined || !X_HANDLE.test(handle) || X_RESERVED_PATHS.has(handle.toLowerCase())) return undefined;
  return handle;
}
