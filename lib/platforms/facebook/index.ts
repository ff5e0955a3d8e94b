import type { PlatformModule } from '../types';
import { FACEBOOK_HOSTS, parseFacebookUrl } from './url';

export const facebook: PlatformModule = {
  id: 'facebook',
  name: 'Facebook',
  hosts: FACEBOOK_HOSTS,
  parseUrl: parseFacebookUrl,
};
