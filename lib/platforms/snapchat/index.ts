import type { PlatformModule } from '../types';
import { guide } from './steps';
import { parseSnapchatUrl, SNAPCHAT_HOSTS } from './url';

export const snapchat: PlatformModule<'snapchat'> = {
  id: 'snapchat',
  name: 'Snapchat',
  badge: 'SC',
  hosts: SNAPCHAT_HOSTS,
  parseUrl: parseSnapchatUrl,
  guide,
};
