import type { PlatformModule } from '../types';
import { INSTAGRAM_HOSTS, parseInstagramUrl } from './url';

export const instagram: PlatformModule = {
  id: 'instagram',
  name: 'Instagram',
  hosts: INSTAGRAM_HOSTS,
  parseUrl: parseInstagramUrl,
};
