import type { PageKind, ParsedUrl } from '../types';
import { tiktokIdIso } from '../snowflake';
import { isWord, normalizedHost, pageResult, pathSegments, withoutFragment } from '../url-utils';

/** Exact hosts: `*.tiktok.com` would also claim support.tiktok.com, where the reporting forms live. */
export const TIKTOK_HOSTS = ['tiktok.com', 'www.tiktok.com', 'm.tiktok.com', 'vm.tiktok.com', 'vt.tiktok.com'] as const;

/** Hosts whose only pages are short links (`vm.tiktok.com/<code>/`). */
const SHORT_LINK_HOSTS: ReadonlySet<string> = new Set(['vm.tiktok.com', 'vt.tiktok.com']);
const ORIGIN = 'https://www.tiktok.com';
/** User names: letters, digits, `_` and `.`, at most 24 characters. */
export const TIKTOK_USERNAME = /^[A-Za-z0-9_.]{1,24}$/;
/** Video and photo-post ids are 64-bit integers (19 digits today) whose upper bits are their creation time. */
const ITEM_ID = /^\d{1,20}$/;
const SHORT_CODE = /^[A-Za-z0-9]{4,20}$/;
/** Feeds that make up the start page. */
const HOME_PATHS: ReadonlySet<string> = new Set(['foryou', 'following', 'explore', 'friends']);

export function parseTikTokUrl(url: URL): ParsedUrl | null {
  const segments = pathSegments(url);
  if (SHORT_LINK_HOSTS.has(normalizedHost(url))) return parseShortLinkHostPath(url, segments);

  const [first, second, third] = segments;
  if (first === undefined) return tiktokPage('home', url);
  if (first.startsWith('@')) return parseUserPath(url, first.slice(1), segments.slice(1));
  if (isWord(first, 't') && segments.length === 2) return shortLinkResult(url, `${ORIGIN}/t`, second);
  if (isWord(first, 'embed')) return embedResult(url, isWord(second, 'v2') ? third : second);
  if (isWord(first, 'v') && segments.length === 2) return embedResult(url, second?.replace(/\.html$/i, ''));
  if (segments.length === 1 && HOME_PATHS.has(first.toLowerCase())) return tiktokPage('home', url);
  return tiktokPage('other', url);
}

function parseShortLinkHostPath(url: URL, segments: string[]): ParsedUrl {
  if (segments.length !== 1) return tiktokPage('other', url);
  return shortLinkResult(url, `https://${normalizedHost(url)}`, segments[0]);
}

/** vm./vt.tiktok.com/<code>/ and tiktok.com/t/<code>/: only TikTok's servers know where they lead. */
function shortLinkResult(url: URL, prefix: string, code: string | undefined): ParsedUrl {
  if (code === undefined || !SHORT_CODE.test(code)) return tiktokPage('other', url);
  return pageResult('tiktok', 'short-link', `${prefix}/${code}/`, { code });
}

/** `/@user`, `/@user/video/<id>`, `/@user/photo/<id>`, `/@user/live`. */
function parseUserPath(url: URL, handle: string, rest: string[]): ParsedUrl {
  if (!TIKTOK_USERNAME.test(handle)) return tiktokPage('other', url);
  const [section, itemId] = rest;
  const profileUrl = `${ORIGIN}/@${handle}`;
  if (section === undefined) return pageResult('tiktok', 'profile', profileUrl, { handle });
  if (isWord(section, 'live') && rest.length === 1) {
    return pageResult('tiktok', 'live', `${profileUrl}/live`, { handle });
  }
  if (itemId === undefined || !ITEM_ID.test(itemId)) return tiktokPage('other', url);
  if (isWord(section, 'video')) {
    return pageResult('tiktok', 'video', `${profileUrl}/video/${itemId}`, { handle, videoId: itemId }, tiktokIdIso(itemId));
  }
  if (isWord(section, 'photo')) {
    return pageResult('tiktok', 'photo', `${profileUrl}/photo/${itemId}`, { handle, postId: itemId }, tiktokIdIso(itemId));
  }
  return tiktokPage('other', url);
}

/**
 * `/embed/<id>`, `/embed/v2/<id>` and the old `m.tiktok.com/v/<id>.html` name a video without its author; the
 * embed address is the one form that shows the video from the id alone.
 */
function embedResult(url: URL, videoId: string | undefined): ParsedUrl {
  if (videoId === undefined || !ITEM_ID.test(videoId)) return tiktokPage('other', url);
  return pageResult('tiktok', 'video', `${ORIGIN}/embed/v2/${videoId}`, { videoId }, tiktokIdIso(videoId));
}

function tiktokPage(kind: PageKind, url: URL): ParsedUrl {
  return pageResult('tiktok', kind, withoutFragment(url));
}
