import type { PlatformModule } from '../types';
import { parseTikTokUrl, TIKTOK_HOSTS } from './url';

export const tiktok: PlatformModule<'tiktok'> = {
  id: 'tiktok',
  name: 'TikTok',
  badge: 'TT',
  hosts: TIKTOK_HOSTS,
  parseUrl: parseTikTokUrl,
  // TikTok shows `@name` in its addresses.
  handleText: (handle) => `@${handle}`,
};
