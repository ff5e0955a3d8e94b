import type { PlatformModule } from '../types';
import { extractSnapchat } from './extract';
import { parseSnapchatUrl, SNAPCHAT_HOSTS } from './url';

export const snapchat: PlatformModule<'snapchat'> = {
  id: 'snapchat',
  name: 'Snapchat',
  badge: 'SC',
  hosts: SNAPCHAT_HOSTS,
  parseUrl: parseSnapchatUrl,
  // The web client's open conversation: sender and time as shown (Snapchat publishes no message ids).
  extractorFor: (page) => (page.kind === 'chat' ? extractSnapchat : null),
  publishesNoMessageIds: true,
};
