/**
 * The contract every platform module fulfils. A platform lives in its own folder under `lib/platforms/<id>/`
 * and is listed once in `registry.ts`; nothing else in the code base names a platform.
 */
import type { ExtractedItem, ParsedUrl } from '../evidence/types';

export type PlatformId =
  | 'facebook'
  | 'messenger'
  | 'instagram'
  | 'snapchat'
  | 'youtube'
  | 'tiktok'
  | 'x'
  | 'whatsapp'
  | 'discord';

// The page and item shapes are part of the evidence model (captures record them): defined with its schemas.
export type {
  ExtractedItem,
  IdentifierField,
  IdentifierKey,
  PageIds,
  PageKind,
  ParsedUrl,
} from '../evidence/types';
export interface PlatformModule {
  id: PlatformId;
  /** Display name; platform names are not translated. */
  name: string;
  /**
   * Hostnames this platform serves, as registrable domains or exact hosts. `*.example.com` covers
   * example.com and every subdomain. Used both for matching and to build the content script's match patterns.
   */
  hosts: readonly string[];
  /** Parse an absolute URL already known to be on one of `hosts`. Returns null if it is not a page of ours. */
  parseUrl(url: URL): ParsedUrl | null;
  /**
   * Reads reportable items (messages, posts) from the page, for platforms whose pages show several. Platforms
   * without one fall back to the identifiers in the URL.
   */
  extract?: DomExtractor;
}

/** Reads the identifiers of the items currently in the page. Must be cheap: it runs as the page changes. */
export type DomExtractor = (root: ParentNode, pageUrl: URL) => ExtractedItem[];
