import type { PageKind, ParsedUrl } from '../types';
import { isWord, linkShimResult, normalizedHost, pageResult, pathSegments, withoutFragment } from '../url-utils';

/** Exact hosts: `*.instagram.com` would also claim help.instagram.com, where the reporting forms live. */
export const INSTAGRAM_HOSTS = [
  'instagram.com',
  'www.instagram.com',
  'l.instagram.com',
  'instagr.am',
  'www.instagr.am',
] as const;

const LINK_SHIM_HOST = 'l.instagram.com';
const ORIGIN = 'https://www.instagram.com';
/** User names: 1-30 letters, digits, `.` and `_`. */
export const INSTAGRAM_USERNAME = /^[A-Za-z0-9._]{1,30}$/;
/** Media shortcodes are base64url; private posts have longer ones. */
const SHORTCODE = /^[A-Za-z0-9_-]{5,64}$/;
const NUMERIC_ID = /^\d{1,25}$/;
/** Direct thread ids are numeric today; allow the same alphabet as shortcodes for older ids. */
const THREAD_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** First path segments that are Instagram's own pages, never user names. */
export const INSTAGRAM_RESERVED_PATHS: ReadonlySet<string> = new Set([
  'explore', 'accounts', 'direct', 'p', 'reel', 'reels', 'tv', 'stories', 'share', 'about', 'legal', 'developer',
  'challenge', 'emails', 'session', 'web', 'api', 'graphql', 'oauth', 'static', 'privacy', 'terms', 'help',
  'locations', 'ar', 'topics', 'your_activity', 'create', 'lite', 'download', 'invites', 'press', 'nametag',
  'directory', 'data', 'notifications', 'settings', 'login', 'signup', 'logout', 'saved', 'archive', 'threads',
  'popular', 'igtv', 'audio', 'music', 'cdn-cgi', 'favicon.ico', 'robots.txt', 'meta-verified',
]);

/** Sub pages of a profile that still show that account. */
const PROFILE_TABS: ReadonlySet<string> = new Set(['tagged', 'reels', 'saved', 'followers', 'following', 'igtv']);

/** Post types that may follow `/<user>/` in newer links (`/<user>/p/<code>/`). */
interface MediaPath {
  kind: PageKind;
  prefix: string;
}
/** A Map, not an object literal: a path like `/constructor/x` must not find an inherited property. */
const MEDIA_PATHS: ReadonlyMap<string, MediaPath> = new Map<string, MediaPath>([
  ['p', { kind: 'post', prefix: 'p' }],
  ['reel', { kind: 'reel', prefix: 'reel' }],
  ['reels', { kind: 'reel', prefix: 'reel' }],
  ['tv', { kind: 'video', prefix: 'tv' }],
]);
/** Words that follow `/reels/` but are sections, not shortcodes (`/reels/audio/<id>/` is a sound page). */
const NOT_SHORTCODES: ReadonlySet<string> = new Set(['audio', 'explore']);

export function parseInstagramUrl(url: URL): ParsedUrl | null {
  if (normalizedHost(url) === LINK_SHIM_HOST) return linkShimResult('instagram', url, url.searchParams.get('u'));
  const segments = pathSegments(url);
  const [first, second] = segments;
  if (first === undefined) return instagramPage('home', url);

  const lowerFirst = first.toLowerCase();
  const media = MEDIA_PATHS.get(lowerFirst);
  if (media && second !== undefined) return mediaResult(url, media, second, undefined);
  if (lowerFirst === 'stories') return parseStoriesPath(url, segments.slice(1));
  if (lowerFirst === 'direct') return parseDirectPath(url, segments.slice(1));
  if (lowerFirst === 'share') return parseSharePath(url, segments.slice(1));
  if (INSTAGRAM_RESERVED_PATHS.has(lowerFirst) || !INSTAGRAM_USERNAME.test(first)) return instagramPage('other', url);
  return parseUserPath(url, first, segments.slice(1));
}

function mediaResult(
  url: URL,
  media: MediaPath,
  code: string,
  handle: string | undefined,
): ParsedUrl {
  if (!SHORTCODE.test(code) || NOT_SHORTCODES.has(code.toLowerCase())) return instagramPage('other', url);
  return pageResult('instagram', media.kind, `${ORIGIN}/${media.prefix}/${code}/`, { handle, code });
}

/** `/stories/<user>/[<id>/]` and `/stories/highlights/<id>/`. */
function parseStoriesPath(url: URL, rest: string[]): ParsedUrl {
  const [owner, storyId] = rest;
  if (owner === undefined || rest.length > 2) return instagramPage('other', url);
  if (storyId !== undefined && !NUMERIC_ID.test(storyId)) return instagramPage('other', url);
  if (isWord(owner, 'highlights')) {
    if (storyId === undefined) return instagramPage('other', url);
    return pageResult('instagram', 'story', `${ORIGIN}/stories/highlights/${storyId}/`, { storyId });
  }
  if (!INSTAGRAM_USERNAME.test(owner)) return instagramPage('other', url);
  const canonical = `${ORIGIN}/stories/${owner}/${storyId === undefined ? '' : `${storyId}/`}`;
  return pageResult('instagram', 'story', canonical, { handle: owner, storyId });
}

/** `/direct/t/<thread>/` is a conversation; `/direct/inbox/` and the rest of Direct are the inbox. */
function parseDirectPath(url: URL, rest: string[]): ParsedUrl {
  const [section, threadId] = rest;
  if (isWord(section, 't') && threadId !== undefined && THREAD_ID.test(threadId)) {
    return pageResult('instagram', 'chat', `${ORIGIN}/direct/t/${threadId}/`, { chatId: threadId });
  }
  return instagramPage('chat', url);
}

/** `/share/<code>/`, `/share/p/<code>/`, `/share/reel/<code>/`: resolved by Instagram only. */
function parseSharePath(url: URL, rest: string[]): ParsedUrl {
  const code = rest.length === 1 ? rest[0] : rest.length === 2 ? rest[1] : undefined;
  const type = rest.length === 2 ? rest[0] : undefined;
  if (code === undefined || !SHORTCODE.test(code)) return instagramPage('other', url);
  if (type !== undefined && !/^[a-z]{1,10}$/i.test(type)) return instagramPage('other', url);
  const canonical = `${ORIGIN}/share/${type === undefined ? '' : `${type}/`}${code}/`;
  return pageResult('instagram', 'share', canonical, { code });
}

/** `/<user>/`, its tabs, and the newer `/<user>/p/<code>/` and `/<user>/reel/<code>/` post links. */
function parseUserPath(url: URL, handle: string, rest: string[]): ParsedUrl {
  const [section, code] = rest;
  if (section === undefined) return pageResult('instagram', 'profile', `${ORIGIN}/${handle}/`, { handle });
  const media = MEDIA_PATHS.get(section.toLowerCase());
  if (media && code !== undefined) return mediaResult(url, media, code, handle);
  if (rest.length === 1 && PROFILE_TABS.has(section.toLowerCase())) {
    return pageResult('instagram', 'profile', `${ORIGIN}/${handle}/`, { handle });
  }
  return instagramPage('other', url);
}

function instagramPage(kind: PageKind, url: URL): ParsedUrl {
  return pageResult('instagram', kind, withoutFragment(url));
}
