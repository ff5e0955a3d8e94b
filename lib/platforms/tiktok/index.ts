import type { PlatformModule } from '../types';
import { parseTikTokUrl, TIKTOK_HOSTS } from './url';

export const tiktok: PlatformModule = {
  id: 'tiktok',
  name: 'TikTok',
  hosts: TIKTOK_HOSTS,
  parseUrl: parseTikTokUrl,
};
