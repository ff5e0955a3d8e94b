import type { PlatformModule } from '../types';
import { guide } from './steps';
import { FACEBOOK_HOSTS, parseFacebookUrl } from './url';

export const facebook: PlatformModule<'facebook'> = {
  id: 'facebook',
  name: 'Facebook',
  badge: 'FB',
  hosts: FACEBOOK_HOSTS,
  parseUrl: parseFacebookUrl,
  kindLabels: { group: { nl: 'groep', fr: 'groupe', en: 'group' } },
  guide,
};
