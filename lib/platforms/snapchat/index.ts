import type { PlatformModule } from '../types';
import { parseSnapchatUrl, SNAPCHAT_HOSTS } from './url';

export const snapchat: PlatformModule = {
  id: 'snapchat',
  name: 'Snapchat',
  hosts: SNAPCHAT_HOSTS,
  parseUrl: parseSnapchatUrl,
};
