import type { PlatformModule } from '../types';
import { extractMessenger } from './extract';
import { MESSENGER_HOSTS, parseMessengerUrl } from './url';

export const messenger: PlatformModule<'messenger'> = {
  id: 'messenger',
  name: 'Messenger',
  badge: 'MS',
  hosts: MESSENGER_HOSTS,
  parseUrl: parseMessengerUrl,
  // A conversation's messages: sender and time as shown (Messenger publishes no message ids).
  extractorFor: (page) => (page.kind === 'chat' ? extractMessenger : null),
  publishesNoMessageIds: true,
};
