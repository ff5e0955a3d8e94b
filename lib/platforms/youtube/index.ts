import type { PlatformModule } from '../types';
import { parseYouTubeUrl, YOUTUBE_HOSTS } from './url';

export const youtube: PlatformModule<'youtube'> = {
  id: 'youtube',
  name: 'YouTube',
  badge: 'YT',
  hosts: YOUTUBE_HOSTS,
  parseUrl: parseYouTubeUrl,
  // Only `/@name` addresses are @handles; the legacy `/c/<name>` and `/user/<name>` names are not.
  handleText: (handle, parsed) => (parsed.url.includes('/@') ? `@${handle}` : handle),
};
