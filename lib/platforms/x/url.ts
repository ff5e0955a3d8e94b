import { snowflakeIso, X_EPOCH } from '../snowflake';
import type { PageKind, ParsedUrl } from '../types';
import { isWord, normalizedHost, pageResult, pathSegments, withoutFragment } from '../url-utils';

/**
 * Exact hosts: `*.x.com` would also claim help.x.com (the reporting forms) and `*.twitter.com` the API hosts.
 */
export const X_HOSTS = [
  'x.com',
  'www.x.com',
  'mobile.x.com',
  'twitter.com',
  'www.twitter.com',
  'mobile.twitter.com',
  'm.twitter.com',
  't.co',
] as const;

const SHORT_LINK_HOST = 't.co';
const ORIGIN = 'https://x.com';
export const X_HANDLE = /^[A-Za-z0-9_]{1,15}$/;
/** Status ids are unsigned 64-bit integers (at most 20 digits). */
const STATUS_ID = /^\d{1,20}$/;
/** Ids up to 13 digits predate snowflakes (2010) and are sequential: they carry no time. */
const MIN_SNOWFLAKE_DIGITS = 14;
const SHORT_CODE = /^[A-Za-z0-9]{1,32}$/;
/** Conversation ids: `<userId>-<userId>` for one-to-one, a single number for groups. */
const CONVERSATION_ID = /^\d{1,20}(?:-\d{1,20})?$/;

/**
 * First path segments that are X's own pages, not accounts. Handles of 1-15 [A-Za-z0-9_] can collide with these,
 * and X refuses such handles, so a match is never a profile.
 */
export const X_RESERVED_PATHS: ReadonlySet<string> = new Set([
  'home', 'explore', 'search', 'i', 'settings', 'messages', 'notifications', 'compose', 'login', 'logout', 'signup',
  'tos', 'privacy', 'hashtag', 'intent', 'share', 'account', 'about', 'download', 'jobs', 'lists', 'bookmarks',
  'communities', 'premium_sign_up', 'status', 'statuses', 'web', 'oauth', 'jump', 'flow', 'who_to_follow',
  'connect_people', 'your_twitter_data', 'en', 'sw.js', 'manifest.json',
]);

/** Sub pages of a profile (`/<handle>/media`) that still show that account. */
const PROFILE_TABS: ReadonlySet<string> = new Set([
  'with_replies', 'media', 'likes', 'highlights', 'articles', 'followers', 'following', 'verified_followers',
  'followers_you_follow', 'photo', 'header_photo', 'superfollows', 'affiliates', 'creator-subscriptions',
]);

export function parseXUrl(url: URL): ParsedUrl | null {
  const segments = pathSegments(url);
  if (normalizedHost(url) === SHORT_LINK_HOST) return parseShortLink(url, segments);

  const [first] = segments;
  if (first === undefined || (isWord(first, 'home') && segments.length === 1)) return xPage('home', url);
  if (isWord(first, 'i')) return parseInternalPath(url, segments.slice(1));
  if (isWord(first, 'statuses')) return statusResult(url, undefined, segments[1]);
  if (isWord(first, 'messages')) return parseMessagesPath(url, segments.slice(1));
  if (isWord(first, 'intent') && isWord(segments[1], 'user')) return parseUserIntent(url);
  if (X_RESERVED_PATHS.has(first.toLowerCase()) || !X_HANDLE.test(first)) return xPage('other', url);
  return parseHandlePath(url, first, segments.slice(1));
}

function parseShortLink(url: URL, segments: string[]): ParsedUrl {
  const [code] = segments;
  if (segments.length !== 1 || code === undefined || !SHORT_CODE.test(code)) return xPage('other', url);
  return pageResult('x', 'short-link', `https://t.co/${code}`, { code });
}

/** `/i/web/status/<id>`, `/i/status/<id>`, `/i/user/<id>`, `/i/chat[/<id>]`, and the rest of X's `/i/` pages. */
function parseInternalPath(url: URL, rest: string[]): ParsedUrl {
  const [first, second, third] = rest;
  if (isWord(first, 'web') && isWord(second, 'status')) return statusResult(url, undefined, third);
  if (isWord(first, 'status')) return statusResult(url, undefined, second);
  if (isWord(first, 'user') && second !== undefined && /^\d{1,20}$/.test(second) && rest.length === 2) {
    return pageResult('x', 'profile', `${ORIGIN}/i/user/${second}`, { userId: second });
  }
  if (isWord(first, 'chat')) return conversationResult(url, rest.length === 2 ? second : undefined, 'i/chat');
  return xPage('other', url);
}

function parseMessagesPath(url: URL, rest: string[]): ParsedUrl {
  return conversationResult(url, rest.length === 1 ? rest[0] : undefined, 'messages');
}

/** A conversation id gives a 'dm-channel'; the inbox, compose and settings pages are just 'chat'. */
function conversationResult(url: URL, conversationId: string | undefined, prefix: string): ParsedUrl {
  if (conversationId === undefined || !CONVERSATION_ID.test(conversationId)) return xPage('chat', url);
  return pageResult('x', 'dm-channel', `${ORIGIN}/${prefix}/${conversationId}`, { chatId: conversationId });
}

function parseUserIntent(url: URL): ParsedUrl {
  const handle = url.searchParams.get('screen_name');
  if (handle !== null && X_HANDLE.test(handle)) return profileResult(handle);
  const userId = url.searchParams.get('user_id');
  if (userId !== null && /^\d{1,20}$/.test(userId)) {
    return pageResult('x', 'profile', `${ORIGIN}/i/user/${userId}`, { userId });
  }
  return xPage('other', url);
}

/** `/<handle>`, `/<handle>/<tab>`, `/<handle>/status(es)/<id>[/photo/1|/video/1|/analytics...]`. */
function parseHandlePath(url: URL, handle: string, rest: string[]): ParsedUrl {
  const [first, second] = rest;
  if (first === undefined) return profileResult(handle);
  if (isWord(first, 'status') || isWord(first, 'statuses')) return statusResult(url, handle, second);
  if (rest.length === 1 && PROFILE_TABS.has(first.toLowerCase())) return profileResult(handle);
  return xPage('other', url);
}

function profileResult(handle: string): ParsedUrl {
  return pageResult('x', 'profile', `${ORIGIN}/${handle}`, { handle });
}

/** A post. Segments after the id (`/photo/1`, `/video/1`, `/analytics`) show the same post and are dropped. */
function statusResult(url: URL, handle: string | undefined, postId: string | undefined): ParsedUrl {
  if (postId === undefined || !STATUS_ID.test(postId)) return xPage('other', url);
  const canonical = handle === undefined ? `${ORIGIN}/i/status/${postId}` : `${ORIGIN}/${handle}/status/${postId}`;
  return pageResult('x', 'post', canonical, { handle, postId }, xPostTime(postId));
}

/** The creation time of a post id, when it is a snowflake (longer than 13 digits). */
export function xPostTime(postId: string): string | undefined {
  return postId.length >= MIN_SNOWFLAKE_DIGITS ? snowflakeIso(postId, X_EPOCH) : undefined;
}

function xPage(kind: PageKind, url: URL): ParsedUrl {
  return pageResult('x', kind, withoutFragment(url));
}
