import type { ItemExtractor, PageKind, PlatformModule } from '../types';
import { extractInstagram, extractInstagramComments } from './extract';
import { INSTAGRAM_HOSTS, parseInstagramUrl } from './url';

/**
 * A post or reel page: the post (its author) and its comments; a profile: its grid; the feed and other pages that
 * show posts (explore): their posts. Stories, conversations and share links show none.
 */
const EXTRACTORS: ReadonlyMap<PageKind, ItemExtractor> = new Map<PageKind, ItemExtractor>([
  ['post', extractInstagramComments],
  ['reel', extractInstagramComments],
  ['video', extractInstagramComments],
  ['profile', extractInstagram],
  ['home', extractInstagram],
  ['other', extractInstagram],
]);

export const instagram: PlatformModule<'instagram'> = {
  id: 'instagram',
  name: 'Instagram',
  badge: 'IG',
  hosts: INSTAGRAM_HOSTS,
  parseUrl: parseInstagramUrl,
  extractorFor: (page) => EXTRACTORS.get(page.kind) ?? null,
};
