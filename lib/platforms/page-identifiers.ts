/**
 * The identifiers a page's URL offers for a report (every platform). The items an extractor reads from the DOM
 * are in extraction.ts; the DOM helpers the extractors share in dom-helpers.ts (extractors must not import this
 * file: it imports the registry, which imports them).
 */

import type {
  IdentifierField,
  IdentifierKey,
  PageIds,
  PageKind,
  ParsedUrl,
} from './types';
import { registry as defaultRegistry, type PlatformRegistry } from './registry';

/** Which field holds the page's own link, by what the page is; kinds without one give no link field. */
const LINK_KEY_BY_KIND: Partial<Record<PageKind, IdentifierKey>> = {
  'server-message': 'messageLink',
  'dm-message': 'messageLink',
  post: 'postUrl',
  photo: 'postUrl',
  story: 'postUrl',
  video: 'videoUrl',
  reel: 'videoUrl',
  live: 'videoUrl',
  profile: 'profileUrl',
  channel: 'channelUrl',
  group: 'url',
  chat: 'url',
  'dm-channel': 'url',
  server: 'url',
  'server-channel': 'url',
  invite: 'url',
  share: 'url',
  'short-link': 'url',
  // 'home' and 'other' identify nothing; 'link-shim' is replaced by its target (see pageIdentifiers).
};

/** The ids copied into fields, in the order a report form usually asks for them. */
const ID_KEYS = [
  'serverId',
  'channelId',
  'messageId',
  'postId',
  'videoId',
  'commentId',
  'groupId',
  'chatId',
  'phone',
  'handle',
  'userId',
] as const satisfies readonly (keyof PageIds & IdentifierKey)[];

/** The creation time of a single item is worth reporting; a channel's or server's is not. */
const TIMED_LINK_KEYS: ReadonlySet<IdentifierKey> = new Set<IdentifierKey>(['messageLink', 'postUrl', 'videoUrl']);

/**
 * The identifiers the URL itself gives: the normalized link (`parsed.url`) under the key that says what it is,
 * the ids the parser found, and the creation time of a message, post or video when the id encodes one.
 */
export function pageIdentifiers(parsed: ParsedUrl, registry: PlatformRegistry = defaultRegistry): IdentifierField[] {
  // A link shim is not the page the person is looking at; its destination is.
  if (parsed.kind === 'link-shim') return parsed.target?.parsed ? pageIdentifiers(parsed.target.parsed, registry) : [];
  const linkKey = LINK_KEY_BY_KIND[parsed.kind];
  if (linkKey === undefined) return [];

  const fields: IdentifierField[] = [{ key: linkKey, value: parsed.url }];
  for (const key of ID_KEYS) {
    const value = parsed.ids[key];
    if (value !== undefined) fields.push({ key, value: key === 'handle' ? handleValue(parsed, value, registry) : value });
  }
  if (parsed.createdAt !== undefined && TIMED_LINK_KEYS.has(linkKey)) {
    fields.push({ key: 'time', value: parsed.createdAt });
  }
  return fields;
}

function handleValue(parsed: ParsedUrl, handle: string, registry: PlatformRegistry): string {
  // Where the platform writes handles as '@name' (X, TikTok, YouTube's /@ addresses), its module says so.
  return registry.byId(parsed.platform).handleText?.(handle, parsed) ?? handle;
}
