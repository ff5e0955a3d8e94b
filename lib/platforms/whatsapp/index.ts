import type { PlatformModule } from '../types';
import { guide } from './steps';
import { parseWhatsAppUrl, WHATSAPP_HOSTS } from './url';

export const whatsapp: PlatformModule<'whatsapp'> = {
  id: 'whatsapp',
  name: 'WhatsApp',
  badge: 'WA',
  hosts: WHATSAPP_HOSTS,
  parseUrl: parseWhatsAppUrl,
  guide,
};
