/** Small URL helpers shared by the platform parsers and the pages' bindings (samePage). None of them throws. */

import type { PageIds, PageKind, ParsedUrl, PlatformId } from './types';

/** The hostname in lower case without a trailing root dot (`x.com.` is the same host as `x.com`). */
export function normalizedHost(url: URL): string {
  return url.hostname.toLowerCase().replace(/\.$/, '');
}

/** The non-empty path segments, still percent-encoded (`/a//b/` gives ['a', 'b']). */
export function pathSegments(url: URL): string[] {
  return url.pathname.split('/').filter((segment) => segment.length > 0);
}

/** The address without its fragment: the fallback `ParsedUrl.url` when a kind has no canonical form. */
export function withoutFragment(url: URL): string {
  const copy = new URL(url.href);
  copy.hash = '';
  return copy.href;
}

/** Same page: the address without its fragment (in-page anchors do not change the page). */
export function samePage(a: string, b: string): boolean {
  return a.split('#')[0] === b.split('#')[0];
}

/** decodeURIComponent that returns null instead of throwing on malformed escapes. */
export function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** Case-insensitive comparison for the fixed words of a path (`/Groups/` works like `/groups/`). */
export function isWord(segment: string | undefined, word: string): boolean {
  return segment !== undefined && segment.toLowerCase() === word;
}

/**
 * The destination of a link shim (`l.facebook.com/l.php?u=...`), already percent-decoded by URLSearchParams.
 * Only absolute http(s) destinations are returned: a `javascript:` or `data:` target must never be offered as a
 * link, so it gives undefined and the caller reports a shim without target.
 */
export function shimTarget(encodedTarget: string | null): string | undefined {
  if (!encodedTarget) return undefined;
  const target = encodedTarget.trim();
  let parsed: URL;
  try {
    parsed = new URL(target);
  } catch {
    return undefined;
  }
  return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? target : undefined;
}

/** Copy of `ids` without keys whose value is undefined, so results compare cleanly and serialize small. */
export function compactIds<T extends object>(ids: T): T {
  const entries = Object.entries(ids).filter(([, value]) => value !== undefined);
  return Object.fromEntries(entries) as T;
}

/** Assemble a ParsedUrl, leaving out empty ids and an unknown creation time. */
export function pageResult(
  platform: PlatformId,
  kind: PageKind,
  url: string,
  ids: PageIds = {},
  createdAt?: string,
): ParsedUrl {
  const result: ParsedUrl = { platform, kind, ids: compactIds(ids), url };
  if (createdAt !== undefined) result.createdAt = createdAt;
  return result;
}

/**
 * A link shim result. The registry parses `target.url` itself (and fills `parsed`); a shim with an unsafe or
 * missing destination is still reported as a shim, without target, so it is recognised but never followed.
 */
export function linkShimResult(platform: PlatformId, url: URL, encodedTarget: string | null): ParsedUrl {
  const result = pageResult(platform, 'link-shim', withoutFragment(url));
  const target = shimTarget(encodedTarget);
  if (target !== undefined) result.target = { url: target, parsed: null };
  return result;
}
