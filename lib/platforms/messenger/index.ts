import type { PlatformModule } from '../types';
import { guide } from './steps';
import { MESSENGER_HOSTS, parseMessengerUrl } from './url';

export const messenger: PlatformModule<'messenger'> = {
  id: 'messenger',
  name: 'Messenger',
  badge: 'MS',
  hosts: MESSENGER_HOSTS,
  parseUrl: parseMessengerUrl,
  guide,
};
