/**
 * Looking platforms up in a list of modules, apart from the list itself: the extension's registry
 * (`registry.ts`) holds every platform, and each content script a registry of its own site's platforms only
 * (`contentScriptGroups`), so that a platform page loads no other platform's parser or extractor.
 */
import type { ParsedUrl, PlatformModule } from './types';

/** Looks platforms up in one list of modules: the registry, a content script's own, or a test's. */
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

/** Whether a page could be on both hosts: the same host, or one a subdomain pattern (`*.domain`) covers. */
function hostsOverlap(a: string, b: string): boolean {
  const bare = (pattern: string) => pattern.replace(/^\*\./, '');
  return hostMatches(bare(a), b) || hostMatches(bare(b), a);
}

/**
 * The platforms that share a content script: those whose hosts overlap (Messenger's pages are on facebook.com
 * too), transitively, in the list's order; every other platform alone. Each group's script carries only its
 * platforms' parsers and extractors, and no page is matched by two groups.
 */
export function contentScriptGroups<Module extends PlatformModule>(list: readonly Module[]): Module[][] {
  const inListOrder = (a: Module, b: Module) => list.indexOf(a) - list.indexOf(b);
  let groups: Module[][] = [];
  for (const platform of list) {
    const shares = (group: Module[]) =>
      group.some((member) => member.hosts.some((host) => platform.hosts.some((own) => hostsOverlap(host, own))));
    const joined = [...groups.filter(shares).flat(), platform].sort(inListOrder);
    groups = [...groups.filter((group) => !shares(group)), joined];
  }
  return groups.sort((a, b) => inListOrder(a[0]!, b[0]!));
}

/** A content script's name (its file, `content-scripts/<name>.js`): its platforms' ids. */
export function contentScriptName(group: readonly PlatformModule[]): string {
  return group.map((platform) => platform.id).join('-');
}
