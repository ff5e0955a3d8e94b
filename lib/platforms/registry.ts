import type { ParsedUrl, PlatformId, PlatformModule } from './types';
import { discord } from './discord';
import { facebook } from './facebook';
import { instagram } from './instagram';
import { messenger } from './messenger';
import { snapchat } from './snapchat';
import { tiktok } from './tiktok';
import { whatsapp } from './whatsapp';
import { x } from './x';
import { youtube } from './youtube';

/**
 * Every supported platform, one line each. Order matters only where hosts overlap: Messenger claims
 * facebook.com/messages/* before Facebook sees it, so it comes first.
 */
export const platforms: readonly PlatformModule[] = [
  messenger,
  facebook,
  instagram,
  snapchat,
  youtube,
  tiktok,
  x,
  whatsapp,
  discord,
];

export function platformById(id: PlatformId): PlatformModule {
  const found = platforms.find((platform) => platform.id === id);
  if (!found) throw new Error(`Unknown platform ${id}`);
  return found;
}

/** True when `hostname` is `pattern` (exact) or, for `*.domain`, the domain itself or any subdomain of it. */
export function hostMatches(hostname: string, pattern: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (pattern.startsWith('*.')) {
    const domain = pattern.slice(2);
    return host === domain || host.endsWith(`.${domain}`);
  }
  return host === pattern;
}

/** The platforms that serve this hostname (several when hosts are shared, e.g. Facebook and Messenger). */
export function platformsForHost(hostname: string): PlatformModule[] {
  return platforms.filter((platform) => platform.hosts.some((pattern) => hostMatches(hostname, pattern)));
}

/** Link shims wrap a destination; we follow at most this many levels so a crafted loop cannot spin. */
const MAX_SHIM_DEPTH = 3;

/**
 * Parse any string into what it points at on a supported platform. Never throws: anything that is not an
 * http(s) URL on one of the platforms' hosts gives null.
 */
export function parsePlatformUrl(input: string): ParsedUrl | null {
  return parseAtDepth(input, 0);
}

function parseAtDepth(input: string, depth: number): ParsedUrl | null {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  for (const platform of platformsForHost(url.hostname)) {
    let parsed: ParsedUrl | null;
    try {
      parsed = platform.parseUrl(url);
    } catch {
      // A parser bug must never break the page or the popup: treat it as "not recognised".
      parsed = null;
    }
    if (!parsed) continue;
    if (parsed.kind === 'link-shim' && parsed.target) {
      const inner = depth < MAX_SHIM_DEPTH ? parseAtDepth(parsed.target.url, depth + 1) : null;
      return { ...parsed, target: { url: parsed.target.url, parsed: inner } };
    }
    return parsed;
  }
  return null;
}

/** Content script match patterns (`*://host/*`), derived from the hosts so the two can never disagree. */
export function contentScriptMatches(): string[] {
  const patterns = new Set<string>();
  for (const platform of platforms) {
    for (const host of platform.hosts) patterns.add(`*://${host}/*`);
  }
  return [...patterns].sort();
}
