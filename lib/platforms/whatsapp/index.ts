import type { PlatformModule } from '../types';
import { parseWhatsAppUrl, WHATSAPP_HOSTS } from './url';

export const whatsapp: PlatformModule = {
  id: 'whatsapp',
  name: 'WhatsApp',
  hosts: WHATSAPP_HOSTS,
  parseUrl: parseWhatsAppUrl,
};
