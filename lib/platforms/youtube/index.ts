import type { PlatformModule } from '../types';
import { parseYouTubeUrl, YOUTUBE_HOSTS } from './url';

export const youtube: PlatformModule = {
  id: 'youtube',
  name: 'YouTube',
  hosts: YOUTUBE_HOSTS,
  parseUrl: parseYouTubeUrl,
};
