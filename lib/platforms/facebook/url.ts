import type { PageIds, PageKind, ParsedUrl } from '../types';
import { isWord, linkShimResult, normalizedHost, pageResult, pathSegments, withoutFragment } from '../url-utils';

/**
 * `*.facebook.com` because Facebook serves pages from many subdomains (www., m., mbasic., web., touch. and locale
 * hosts such as fr-fr.); fb.com redirects to facebook.com; fb.watch carries video short links.
 */
export const FACEBOOK_HOSTS = ['*.facebook.com', 'fb.com', 'www.fb.com', 'fb.watch'] as const;

const ORIGIN = 'https://www.facebook.com';
const SHORT_LINK_HOST = 'fb.watch';
/** l.facebook.com/l.php?u= (desktop) and lm.facebook.com/l.php?u= (mobile) wrap every outbound link. */
const LINK_SHIM_HOSTS: ReadonlySet<string> = new Set(['l.facebook.com', 'lm.facebook.com']);
/** Subdomains that serve the same pages as www.; others (developers., business., about.) are separate sites. */
const PAGE_SUBDOMAINS: ReadonlySet<string> = new Set([
  'www', 'm', 'mbasic', 'web', 'touch', 'mobile', 'free', 'd', '0',
]);
/** Locale hosts such as fr-fr.facebook.com or es-la.facebook.com. */
const LOCALE_SUBDOMAIN = /^[a-z]{2}-[a-z]{2}$/;

/** User names: letters, digits and dots (older page names also have hyphens). */
const USERNAME = /^[A-Za-z0-9.-]{1,80}$/;
const NUMERIC_ID = /^\d{1,25}$/;
/** Post ids: numeric, or the opaque "pfbid..." form used since 2022. */
const POST_ID = /^(?:\d{1,25}|pfbid[A-Za-z0-9]{10,})$/;
const GROUP_ID = /^[A-Za-z0-9._-]{1,100}$/;
const SHARE_CODE = /^[A-Za-z0-9_-]{4,40}$/;
const STORY_ID = /^[A-Za-z0-9_=-]{1,200}$/;

/**
 * First path segments that are Facebook's own pages, not user names. Any segment ending in `.php` is also one.
 * The list needs no completeness for safety: Facebook refuses such names, so a miss only mislabels a page 'profile'.
 */
export const FACEBOOK_RESERVED_PATHS: ReadonlySet<string> = new Set([
  'home', 'login', 'logout', 'recover', 'checkpoint', 'watch', 'marketplace', 'groups', 'events', 'pages', 'gaming',
  'friends', 'messages', 'notifications', 'settings', 'help', 'privacy', 'policies', 'terms', 'legal', 'ads',
  'business', 'bookmarks', 'saved', 'memories', 'onthisday', 'search', 'hashtag', 'photo', 'photos', 'video',
  'videos', 'reel', 'reels', 'stories', 'story', 'share', 'sharer', 'dialog', 'plugins', 'fundraisers', 'places',
  'jobs', 'live', 'me', 'people', 'pg', 'media', 'notes', 'offers', 'feeds', 'latest', 'games', 'weather',
  'crisisresponse', 'community', 'lite', 'campaign', 'ajax', 'api', 'flx', 'p', 'permalink', 'profile', 'composer',
  'careers', 'developers', 'about', 'safety', 'security', 'l', 'r', 'reg', 'signup', 'mobile', 'find-friends',
  'support', 'coronavirus_info', 'climatescienceinfo', 'votinginformationcenter', 'business_help', 'watchparty',
  'commerce', 'shops', 'messenger_media', 'confirmemail', 'sw', 'rsrc', 'favicon.ico', 'robots.txt', 'ig', 'gift',
  'donate', 'friendship', 'profile_picture', 'trust',
]);

/** `/groups/<word>` pages that list groups rather than being one. */
const GROUP_SECTIONS: ReadonlySet<string> = new Set([
  'feed', 'discover', 'joins', 'create', 'search', 'notifications', 'your_groups', 'category',
]);

/** Profile sub pages (`/<user>/about`, `/<user>/photos_by`) that still show the profile. */
const PROFILE_TAB = new RegExp(
  '^(?:about|photos|videos|friends|followers|following|reels|mentions|reviews|events|likes|music|sports|movies|tv|' +
    'books|map|groups|community|posts|featured|photos_\\w+|about_\\w+|friends_\\w+)$',
  'i',
);

export function parseFacebookUrl(url: URL): ParsedUrl | null {
  const host = normalizedHost(url);
  if (host === SHORT_LINK_HOST) return parseFbWatchPath(url);
  if (LINK_SHIM_HOSTS.has(host)) return parseLinkShim(url);
  if (!isFacebookPageHost(host)) return facebookPage('other', url);
  return parseFacebookPath(url);
}

/** True for hosts that serve facebook.com's pages: facebook.com itself, fb.com, www., m., locales... */
export function isFacebookPageHost(host: string): boolean {
  if (host === 'facebook.com' || host === 'fb.com' || host === 'www.fb.com') return true;
  if (!host.endsWith('.facebook.com')) return false;
  const subdomain = host.slice(0, -'.facebook.com'.length);
  return PAGE_SUBDOMAINS.has(subdomain) || LOCALE_SUBDOMAIN.test(subdomain);
}

function parseFbWatchPath(url: URL): ParsedUrl {
  const segments = pathSegments(url);
  const [code] = segments;
  if (segments.length !== 1 || code === undefined || !SHARE_CODE.test(code)) return facebookPage('other', url);
  return pageResult('facebook', 'short-link', `https://fb.watch/${code}/`, { code });
}

function parseLinkShim(url: URL): ParsedUrl {
  if (!isWord(pathSegments(url)[0], 'l.php')) return facebookPage('other', url);
  return linkShimResult('facebook', url, url.searchParams.get('u'));
}

function parseFacebookPath(url: URL): ParsedUrl {
  const segments = pathSegments(url);
  const [first] = segments;
  if (first === undefined) return facebookPage('home', url);
  const lowerFirst = first.toLowerCase();
  const rest = segments.slice(1);
  switch (lowerFirst) {
    case 'home.php':
      return facebookPage('home', url);
    case 'profile.php':
      return numericProfileResult(url, url.searchParams.get('id'));
    case 'people':
    case 'pages':
      // `/people/<name>/<id>` and the legacy `/pages/<name>/<id>`: the name is decoration, the id is the page.
      return rest.length === 2 ? numericProfileResult(url, rest[1]) : facebookPage('other', url);
    case 'permalink.php':
    case 'story.php':
      return storyFbidResult(url);
    case 'groups':
      return parseGroupPath(url, rest);
    case 'photo.php':
    case 'photo':
      return rest.length === 0 ? photoResult(url, url.searchParams.get('fbid'), {}) : facebookPage('other', url);
    case 'watch':
      return parseWatchPath(url, rest);
    case 'video.php':
      return videoResult(url, url.searchParams.get('v'), {});
    case 'reel':
      return reelResult(url, rest);
    case 'share':
      return shareResult(url, rest);
    case 'stories':
      return storyResult(url, rest);
    case 'flx':
      // facebook.com/flx/warn/?u=...: the interstitial shown before a link Facebook considers unsafe.
      if (!isWord(rest[0], 'warn')) return facebookPage('other', url);
      return linkShimResult('facebook', url, url.searchParams.get('u'));
    default:
      return parseUserPath(url, first, rest);
  }
}

function numericProfileResult(url: URL, userId: string | null | undefined): ParsedUrl {
  if (!userId || !NUMERIC_ID.test(userId)) return facebookPage('other', url);
  return pageResult('facebook', 'profile', `${ORIGIN}/profile.php?id=${userId}`, { userId });
}

/** permalink.php / story.php?story_fbid=<post>&id=<author>: both parameters are needed to find the post. */
function storyFbidResult(url: URL): ParsedUrl {
  const postId = url.searchParams.get('story_fbid');
  const userId = url.searchParams.get('id');
  if (!postId || !POST_ID.test(postId)) return facebookPage('other', url);
  const hasAuthor = userId !== null && NUMERIC_ID.test(userId);
  const canonical = `${ORIGIN}/permalink.php?story_fbid=${postId}${hasAuthor ? `&id=${userId}` : ''}`;
  return pageResult('facebook', 'post', canonical, { postId, userId: hasAuthor ? userId : undefined });
}

/** `/groups/<G>`, `/groups/<G>/(posts|permalink)/<ID>`, `/groups/<G>/user/<U>`, `/groups/<G>/<tab>`. */
function parseGroupPath(url: URL, rest: string[]): ParsedUrl {
  const [groupId, section, itemId] = rest;
  if (groupId === undefined || !GROUP_ID.test(groupId) || GROUP_SECTIONS.has(groupId.toLowerCase())) {
    return facebookPage('other', url);
  }
  const groupUrl = `${ORIGIN}/groups/${groupId}`;
  if (itemId !== undefined && (isWord(section, 'posts') || isWord(section, 'permalink'))) {
    if (!POST_ID.test(itemId)) return facebookPage('other', url);
    return pageResult('facebook', 'post', `${groupUrl}/posts/${itemId}`, { groupId, postId: itemId });
  }
  if (itemId !== undefined && isWord(section, 'user')) {
    if (!NUMERIC_ID.test(itemId)) return facebookPage('other', url);
    return pageResult('facebook', 'profile', `${groupUrl}/user/${itemId}`, { groupId, userId: itemId });
  }
  return pageResult('facebook', 'group', groupUrl, { groupId });
}

function photoResult(url: URL, photoId: string | null | undefined, ids: PageIds): ParsedUrl {
  if (!photoId || !NUMERIC_ID.test(photoId)) return facebookPage('other', url);
  return pageResult('facebook', 'photo', `${ORIGIN}/photo/?fbid=${photoId}`, { ...ids, postId: photoId });
}

/** `/watch/?v=<id>` and `/watch/live/?v=<id>`; `/watch` alone is the video feed. */
function parseWatchPath(url: URL, rest: string[]): ParsedUrl {
  const videoId = url.searchParams.get('v');
  if (videoId === null) return facebookPage('other', url);
  if (isWord(rest[0], 'live')) {
    if (!NUMERIC_ID.test(videoId)) return facebookPage('other', url);
    return pageResult('facebook', 'live', `${ORIGIN}/watch/?v=${videoId}`, { videoId });
  }
  return rest.length === 0 ? videoResult(url, videoId, {}) : facebookPage('other', url);
}

function videoResult(url: URL, videoId: string | null | undefined, ids: PageIds): ParsedUrl {
  if (!videoId || !NUMERIC_ID.test(videoId)) return facebookPage('other', url);
  return pageResult('facebook', 'video', `${ORIGIN}/watch/?v=${videoId}`, { ...ids, videoId });
}

function reelResult(url: URL, rest: string[]): ParsedUrl {
  const [videoId] = rest;
  if (rest.length !== 1 || videoId === undefined || !NUMERIC_ID.test(videoId)) return facebookPage('other', url);
  return pageResult('facebook', 'reel', `${ORIGIN}/reel/${videoId}`, { videoId });
}

/** `/share/<code>/` and `/share/(p|v|r|g)/<code>/`: only Facebook knows what they point at. */
function shareResult(url: URL, rest: string[]): ParsedUrl {
  const type = rest.length === 2 ? rest[0] : undefined;
  const code = rest.length === 2 ? rest[1] : rest.length === 1 ? rest[0] : undefined;
  if (code === undefined || !SHARE_CODE.test(code)) return facebookPage('other', url);
  if (type !== undefined && !/^[a-z]$/i.test(type)) return facebookPage('other', url);
  const canonical = `${ORIGIN}/share/${type === undefined ? '' : `${type.toLowerCase()}/`}${code}/`;
  return pageResult('facebook', 'share', canonical, { code });
}

/** `/stories/<owner id>/<story id>/`. */
function storyResult(url: URL, rest: string[]): ParsedUrl {
  const [ownerId, storyId] = rest;
  if (ownerId === undefined || !NUMERIC_ID.test(ownerId) || storyId === undefined || !STORY_ID.test(storyId)) {
    return facebookPage('other', url);
  }
  return pageResult('facebook', 'story', `${ORIGIN}/stories/${ownerId}/${storyId}/`, { userId: ownerId, storyId });
}

/**
 * `/<user>`, `/<numeric id>`, `/<user>/posts/<id>`, `/<user>/videos/[<title>/]<id>`,
 * `/<user>/photos/<album>/<id>`, and profile tabs.
 */
function parseUserPath(url: URL, user: string, rest: string[]): ParsedUrl {
  if (!isProfileName(user)) return facebookPage('other', url);
  const owner: PageIds = NUMERIC_ID.test(user) ? { userId: user } : { handle: user };
  const [section] = rest;
  const lastSegment = rest[rest.length - 1];
  if (section === undefined) return profileResult(user, owner);
  if (isWord(section, 'posts') && rest.length === 2 && lastSegment !== undefined) {
    if (!POST_ID.test(lastSegment)) return facebookPage('other', url);
    return pageResult('facebook', 'post', `${ORIGIN}/${user}/posts/${lastSegment}`, { ...owner, postId: lastSegment });
  }
  if (isWord(section, 'videos') && rest.length >= 2 && rest.length <= 3 && lastSegment !== undefined) {
    if (!NUMERIC_ID.test(lastSegment)) return facebookPage('other', url);
    const canonical = `${ORIGIN}/${user}/videos/${lastSegment}`;
    return pageResult('facebook', 'video', canonical, { ...owner, videoId: lastSegment });
  }
  if (isWord(section, 'photos') && rest.length === 3) return photoResult(url, lastSegment, owner);
  if (rest.length === 1 && PROFILE_TAB.test(section)) return profileResult(user, owner);
  return facebookPage('other', url);
}

function isProfileName(segment: string): boolean {
  const lower = segment.toLowerCase();
  return USERNAME.test(segment) && !lower.endsWith('.php') && !FACEBOOK_RESERVED_PATHS.has(lower);
}

function profileResult(user: string, owner: PageIds): ParsedUrl {
  if (owner.userId !== undefined) return pageResult('facebook', 'profile', `${ORIGIN}/profile.php?id=${user}`, owner);
  return pageResult('facebook', 'profile', `${ORIGIN}/${user}`, owner);
}

function facebookPage(kind: PageKind, url: URL): ParsedUrl {
  return pageResult('facebook', kind, withoutFragment(url));
}
