import type { PageKind, ParsedUrl } from '../types';
import {
  isWord,
  linkShimResult,
  normalizedHost,
  pageResult,
  pathSegments,
  safeDecode,
  withoutFragment,
} from '../url-utils';

/**
 * Exact hosts: `*.youtube.com` would also claim studio., music., tv. and accounts pages that show no
 * reportable content in a form we parse.
 */
export const YOUTUBE_HOSTS = [
  'youtube.com',
  'www.youtube.com',
  'm.youtube.com',
  'youtube-nocookie.com',
  'www.youtube-nocookie.com',
  'youtu.be',
] as const;

const SHORT_HOST = 'youtu.be';
const ORIGIN = 'https://www.youtube.com';
export const YOUTUBE_VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;
/** Channel ids: "UC" followed by 22 base64url characters. */
export const YOUTUBE_CHANNEL_ID = /^UC[A-Za-z0-9_-]{22}$/;
/** Handles: 3-30 characters, letters (any script), digits, `_`, `-`, `.`, and the middle dot. */
const HANDLE = /^[\p{L}\p{M}\p{N}._\-·]{3,30}$/u;
/** Legacy /c/<custom name> and /user/<name> paths. */
const LEGACY_NAME = /^[A-Za-z0-9_.-]{1,100}$/;
/**
 * Embed paths whose last segment is 11 characters long but names no video: playlists (`/embed/videoseries?list=`)
 * and a channel's live stream (`/embed/live_stream?channel=`).
 */
const NOT_VIDEO_IDS: ReadonlySet<string> = new Set(['videoseries', 'live_stream']);
/**
 * Comment ids, as in a comment's permalink (`&lc=`): "Ug" and base64url characters (26 in all today); a reply's id
 * is its thread's id, a dot, and its own part ("Ugx….AaABAg.9x…").
 */
export const YOUTUBE_COMMENT_ID = /^Ug[A-Za-z0-9_-]{10,40}(?:\.[A-Za-z0-9_-]{10,40})?$/;
/** Community post ids ("Ugkx..." or "Ugz..."). */
const POST_ID = /^Ug[A-Za-z0-9_-]{10,}$/;

export function parseYouTubeUrl(url: URL): ParsedUrl | null {
  const segments = pathSegments(url);
  if (normalizedHost(url) === SHORT_HOST) return parseShortHostPath(url, segments);

  const [first, second] = segments;
  if (first === undefined) return youtubePage('home', url);
  if (first.startsWith('@')) return parseHandlePath(url, first.slice(1), segments.slice(1));
  switch (first.toLowerCase()) {
    case 'watch':
      return watchResult(url);
    case 'shorts':
      return shortsResult(url, second);
    case 'live':
      return videoResult(url, second, 'live');
    case 'embed':
    case 'v':
    case 'e':
      return videoResult(url, second, 'video');
    case 'channel':
      return channelIdResult(url, second);
    case 'c':
    case 'user':
      return legacyChannelResult(url, first.toLowerCase(), second);
    case 'post':
      return communityPostResult(url, second);
    case 'redirect':
      // YouTube's outbound link wrapper: the destination is in `q`.
      return linkShimResult('youtube', url, url.searchParams.get('q'));
    default:
      return youtubePage('other', url);
  }
}

/** youtu.be/<id>: the only path is a video id, so it resolves statically. */
function parseShortHostPath(url: URL, segments: string[]): ParsedUrl {
  if (segments.length !== 1) return youtubePage('other', url);
  return videoResult(url, segments[0], 'video');
}

function videoResult(url: URL, videoId: string | null | undefined, kind: 'video' | 'live'): ParsedUrl {
  if (!isVideoId(videoId)) return youtubePage('other', url);
  return pageResult('youtube', kind, watchUrl(videoId), { videoId });
}

/** `watch?v=<video>`, and a comment's permalink `watch?v=<video>&lc=<comment>`: the video, with the comment's id. */
function watchResult(url: URL): ParsedUrl {
  const parsed = videoResult(url, url.searchParams.get('v'), 'video');
  const commentId = url.searchParams.get('lc');
  if (parsed.kind === 'video' && commentId !== null && YOUTUBE_COMMENT_ID.test(commentId)) parsed.ids.commentId = commentId;
  return parsed;
}

function isVideoId(candidate: string | null | undefined): candidate is string {
  return !!candidate && YOUTUBE_VIDEO_ID.test(candidate) && !NOT_VIDEO_IDS.has(candidate.toLowerCase());
}

/** The video an address names (`/watch?v=`, `/shorts/`...; relative addresses are YouTube's own), if any. */
export function videoIdOfHref(href: string): string | undefined {
  try {
    return parseYouTubeUrl(new URL(href, ORIGIN))?.ids.videoId;
  } catch {
    return undefined;
  }
}

export function watchUrl(videoId: string): string {
  return `${ORIGIN}/watch?v=${videoId}`;
}

function shortsResult(url: URL, videoId: string | undefined): ParsedUrl {
  if (!isVideoId(videoId)) return youtubePage('other', url);
  return pageResult('youtube', 'reel', `${ORIGIN}/shorts/${videoId}`, { videoId });
}

/** `/@handle`, its tabs (`/@handle/videos`), and `/@handle/live` (the channel's current live stream). */
function parseHandlePath(url: URL, encodedHandle: string, rest: string[]): ParsedUrl {
  const handle = safeDecode(encodedHandle);
  if (handle === null || !HANDLE.test(handle)) return youtubePage('other', url);
  const canonical = `${ORIGIN}/@${encodedHandle}`;
  if (rest.length === 1 && isWord(rest[0], 'live')) {
    return pageResult('youtube', 'live', `${canonical}/live`, { handle });
  }
  return pageResult('youtube', 'channel', canonical, { handle });
}

function channelIdResult(url: URL, channelId: string | undefined): ParsedUrl {
  if (!channelId || !YOUTUBE_CHANNEL_ID.test(channelId)) return youtubePage('other', url);
  return pageResult('youtube', 'channel', `${ORIGIN}/channel/${channelId}`, { channelId });
}

/** `/c/<name>` and `/user/<name>`: older channel addresses whose name is not a handle but still identifies it. */
function legacyChannelResult(url: URL, prefix: string, name: string | undefined): ParsedUrl {
  if (!name || !LEGACY_NAME.test(name)) return youtubePage('other', url);
  return pageResult('youtube', 'channel', `${ORIGIN}/${prefix}/${name}`, { handle: name });
}

function communityPostResult(url: URL, postId: string | undefined): ParsedUrl {
  if (!postId || !POST_ID.test(postId)) return youtubePage('other', url);
  return pageResult('youtube', 'post', `${ORIGIN}/post/${postId}`, { postId });
}

/** A handle as YouTube writes it: `@name` for `/@name` addresses; legacy `/c/<name>` and `/user/<name>` names bare. */
export function youtubeHandleText(handle: string, parsed: ParsedUrl): string {
  return parsed.url.includes('/@') ? `@${handle}` : handle;
}

function youtubePage(kind: PageKind, url: URL): ParsedUrl {
  return pageResult('youtube', kind, withoutFragment(url));
}
