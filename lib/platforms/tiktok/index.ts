import type { PlatformModule } from '../types';
import { tiktokExtractorFor } from './extract';
import { parseTikTokUrl, TIKTOK_HOSTS } from './url';

export const tiktok: PlatformModule<'tiktok'> = {
  id: 'tiktok',
  name: 'TikTok',
  badge: 'TT',
  hosts: TIKTOK_HOSTS,
  parseUrl: parseTikTokUrl,
  // A profile lists its videos; a video, its author and comments.
  extractorFor: tiktokExtractorFor,
  // TikTok shows `@name` in its addresses.
  handleText: (handle) => `@${handle}`,
};
