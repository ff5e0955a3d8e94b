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
 * Every supported platform's module, one line each. Order matters only where hosts overlap: Messenger claims
 * facebook.com/messages/* before Facebook sees it, so it comes first.
 */
export const platforms = [
  messenger,
  facebook,
  instagram,
  snapchat,
  youtube,
  tiktok,
  x,
  whatsapp,
  discord,
] as const satisfies readonly PlatformModule<PlatformId>[];

/**
 * One module for each id of the evidence model (lib/evidence/platform-ids.ts): a module whose id is not there fails
 * `satisfies` above, and an id without a module fails here, named by `npm run check`.
 */
type Unregistered = Exclude<PlatformId, (typeof platforms)[number]['id']>;
const _everyIdRegistered: [Unregistered] extends [never] ? true : Unregistered = true;

/** Looks platforms up in one list of modules: the registry above, or a test's own list. */
export interface PlatformRegistry<Id extends string = string> {
  readonly platforms: readonly PlatformModule<Id>[];
  /** The module of a registered id; throws for an unknown one (ids come from our own parsers and records). */
  byId(id: string): PlatformModule<Id>;
  /** The platforms that serve this hostname (several when hosts are shared, e.g. Facebook and Messenger). */
  forHost(hostname: string): PlatformModule<Id>[];
  /**
   * Parse any string into what it points at on a registered platform. Never throws: anything that is not an
   * http(s) URL on one of the platforms' hosts gives null.
   */
  parseUrl(input: string): ParsedUrl | null;
  /** Content script match patterns (`*://host/*`), derived from the hosts so the two can never disagree. */
  contentScriptMatches(): string[];
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

/** Link shims wrap a destination; we follow at most this many levels so a crafted loop cannot spin. */
const MAX_SHIM_DEPTH = 3;

export function createRegistry<Id extends string>(list: readonly PlatformModule<Id>[]): PlatformRegistry<Id> {
  const forHost = (hostname: string) =>
    list.filter((platform) => platform.hosts.some((pattern) => hostMatches(hostname, pattern)));

  const parseAtDepth = (input: string, depth: number): ParsedUrl | null => {
    let url: URL;
    try {
      url = new URL(input.trim());
    } catch {
      return null;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    for (const platform of forHost(url.hostname)) {
      const parsed = parseSafely(platform, url);
      if (!parsed) continue;
      if (parsed.kind === 'link-shim' && parsed.target) {
        const inner = depth < MAX_SHIM_DEPTH ? parseAtDepth(parsed.target.url, depth + 1) : null;
        return { ...parsed, target: { url: parsed.target.url, parsed: inner } };
      }
      return parsed;
    }
    return null;
  };

  return {
    platforms: list,
    byId(id) {
      const found = list.find((platform) => platform.id === id);
      if (!found) throw new Error(`Unknown platform ${id}`);
      return found;
    },
    forHost,
    parseUrl: (input) => parseAtDepth(input, 0),
    contentScriptMatches() {
      const patterns = new Set<string>();
      for (const platform of list) {
        for (const host of platform.hosts) patterns.add(`*://${host}/*`);
      }
      return [...patterns].sort();
    },
  };
}

function parseSafely(platform: PlatformModule, url: URL): ParsedUrl | null {
  try {
    return platform.parseUrl(url);
  } catch {
    // A parser bug must never break the page or the popup: treat it as "not recognised".
    return null;
  }
}

/** The extension's registry, built from `platforms`. */
export const registry: PlatformRegistry<PlatformId> = createRegistry<PlatformId>(platforms);

export const platformById = (id: PlatformId): PlatformModule<PlatformId> => registry.byId(id);
export const platformsForHost = (hostname: string): PlatformModule<PlatformId>[] => registry.forHost(hostname);
export const parsePlatformUrl = (input: string): ParsedUrl | null => registry.parseUrl(input);
export const contentScriptMatches = (): string[] => registry.contentScriptMatches();
