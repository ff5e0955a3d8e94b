import type { PlatformModule } from '../types';
import { youtubeExtractorFor } from './extract';
import { parseYouTubeUrl, YOUTUBE_HOSTS, youtubeHandleText } from './url';

export const youtube: PlatformModule<'youtube'> = {
  id: 'youtube',
  name: 'YouTube',
  badge: 'YT',
  hosts: YOUTUBE_HOSTS,
  parseUrl: parseYouTubeUrl,
  // A video lists its channel and comments; a channel, its videos.
  extractorFor: youtubeExtractorFor,
  // Only `/@name` addresses are @handles; the legacy `/c/<name>` and `/user/<name>` names are not.
  handleText: youtubeHandleText,
};
