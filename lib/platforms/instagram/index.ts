import type { PlatformModule } from '../types';
import { guide } from './steps';
import { INSTAGRAM_HOSTS, parseInstagramUrl } from './url';

export const instagram: PlatformModule<'instagram'> = {
  id: 'instagram',
  name: 'Instagram',
  badge: 'IG',
  hosts: INSTAGRAM_HOSTS,
  parseUrl: parseInstagramUrl,
  guide,
};
