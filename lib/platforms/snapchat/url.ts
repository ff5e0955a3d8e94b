import type { PageKind, ParsedUrl } from '../types';
import { isWord, normalizedHost, pageResult, pathSegments, withoutFragment } from '../url-utils';

/**
 * Exact hosts: `*.snapchat.com` would also claim help.snapchat.com and accounts.snapchat.com, where the content
 * script has nothing to do.
 */
export const SNAPCHAT_HOSTS = [
  'snapchat.com',
  'www.snapchat.com',
  'web.snapchat.com',
  'story.snapchat.com',
  't.snapchat.com',
] as const;

const ORIGIN = 'https://www.snapchat.com';
const WEB_CHAT_HOST = 'web.snapchat.com';
const STORY_HOST = 'story.snapchat.com';
const SHORT_LINK_HOST = 't.snapchat.com';
/** User names: 3-15 characters officially; allow a little more for older accounts. */
export const SNAPCHAT_USERNAME = /^[A-Za-z0-9._-]{2,30}$/;
const CONTENT_ID = /^[A-Za-z0-9_-]{5,200}$/;
const SHORT_CODE = /^[A-Za-z0-9_-]{4,40}$/;
/** Conversations in the web client are addressed by UUID. */
const CONVERSATION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseSnapchatUrl(url: URL): ParsedUrl | null {
  const host = normalizedHost(url);
  const segments = pathSegments(url);
  if (host === SHORT_LINK_HOST) return shortLinkResult(url, 'https://t.snapchat.com', segments);
  if (host === WEB_CHAT_HOST) return webChatResult(url, segments);
  if (host === STORY_HOST) return parseStoryHostPath(url, segments);
  return parseMainPath(url, segments);
}

/** snapchat.com: `/add/<user>`, `/@<user>`, `/spotlight/<id>`, `/t/<code>`, `/web[/<conversation>]`. */
function parseMainPath(url: URL, segments: string[]): ParsedUrl {
  const [first, second] = segments;
  if (first === undefined) return snapchatPage('home', url);
  if (first.startsWith('@') && segments.length === 1) return profileResult(url, first.slice(1));
  if (isWord(first, 'add') && segments.length === 2) return profileResult(url, second);
  if (isWord(first, 'spotlight') && segments.length === 2) return spotlightResult(url, second);
  if (isWord(first, 't')) return shortLinkResult(url, `${ORIGIN}/t`, segments.slice(1));
  // The web client moved from web.snapchat.com to snapchat.com/web.
  if (isWord(first, 'web')) return webChatResult(url, segments.slice(1));
  return snapchatPage('other', url);
}

function profileResult(url: URL, username: string | undefined): ParsedUrl {
  if (username === undefined || !SNAPCHAT_USERNAME.test(username)) return snapchatPage('other', url);
  return pageResult('snapchat', 'profile', `${ORIGIN}/add/${username}`, { handle: username });
}

/** Spotlight is Snapchat's feed of short vertical videos: the same kind as reels. */
function spotlightResult(url: URL, spotlightId: string | undefined): ParsedUrl {
  if (spotlightId === undefined || !CONTENT_ID.test(spotlightId)) return snapchatPage('other', url);
  return pageResult('snapchat', 'reel', `${ORIGIN}/spotlight/${spotlightId}`, { videoId: spotlightId });
}

function shortLinkResult(url: URL, prefix: string, segments: string[]): ParsedUrl {
  const [code] = segments;
  if (segments.length !== 1 || code === undefined || !SHORT_CODE.test(code)) return snapchatPage('other', url);
  return pageResult('snapchat', 'short-link', `${prefix}/${code}`, { code });
}

/** The web client: a conversation when the path names one, otherwise the client's start (chat list). */
function webChatResult(url: URL, segments: string[]): ParsedUrl {
  const [conversationId] = segments;
  if (segments.length === 1 && conversationId !== undefined && CONVERSATION_ID.test(conversationId)) {
    return pageResult('snapchat', 'chat', `${ORIGIN}/web/${conversationId.toLowerCase()}`, { chatId: conversationId });
  }
  return snapchatPage('chat', url);
}

/**
 * story.snapchat.com: `/s/<user>` and `/@<user>` show a user's public story; `/p/<id>[/<snap>]`, `/o/<id>` and
 * `/u/<id>` show one public story or snap by opaque id.
 */
function parseStoryHostPath(url: URL, segments: string[]): ParsedUrl {
  const [first, second] = segments;
  if (first === undefined) return snapchatPage('other', url);
  if (first.startsWith('@') && segments.length === 1) return userStoryResult(url, first.slice(1));
  if (isWord(first, 's') && segments.length === 2) return userStoryResult(url, second);
  if (/^[pou]$/i.test(first) && segments.length >= 2 && segments.length <= 3) {
    const storyId = segments[segments.length - 1];
    if (storyId === undefined || !CONTENT_ID.test(storyId)) return snapchatPage('other', url);
    return pageResult('snapchat', 'story', withoutQuery(url), { storyId });
  }
  return snapchatPage('other', url);
}

function userStoryResult(url: URL, username: string | undefined): ParsedUrl {
  if (username === undefined || !SNAPCHAT_USERNAME.test(username)) return snapchatPage('other', url);
  return pageResult('snapchat', 'story', `https://story.snapchat.com/s/${username}`, { handle: username });
}

/** The https address without query and fragment: ids in the path are all these story links need. */
function withoutQuery(url: URL): string {
  return `https://${normalizedHost(url)}${url.pathname}`;
}

function snapchatPage(kind: PageKind, url: URL): ParsedUrl {
  return pageResult('snapchat', kind, withoutFragment(url));
}
