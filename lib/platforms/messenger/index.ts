import type { PlatformModule } from '../types';
import { MESSENGER_HOSTS, parseMessengerUrl } from './url';

export const messenger: PlatformModule = {
  id: 'messenger',
  name: 'Messenger',
  hosts: MESSENGER_HOSTS,
  parseUrl: parseMessengerUrl,
};
