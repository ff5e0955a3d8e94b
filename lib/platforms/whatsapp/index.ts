import type { PlatformModule } from '../types';
import { extractWhatsApp } from './extract';
import { parseWhatsAppUrl, WHATSAPP_HOSTS } from './url';

export const whatsapp: PlatformModule<'whatsapp'> = {
  id: 'whatsapp',
  name: 'WhatsApp',
  badge: 'WA',
  hosts: WHATSAPP_HOSTS,
  parseUrl: parseWhatsAppUrl,
  // The web client's open conversation (wa.me and invite links show none). WhatsApp publishes no message ids.
  extractorFor: (page) => (page.kind === 'chat' && page.url === 'https://web.whatsapp.com/' ? extractWhatsApp : null),
  publishesNoMessageIds: true,
};
