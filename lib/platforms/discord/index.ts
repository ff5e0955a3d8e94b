import type { PlatformModule } from '../types';
import { extractDiscord } from './extract';
import { DISCORD_HOSTS, parseDiscordUrl } from './url';

export const discord: PlatformModule<'discord'> = {
  id: 'discord',
  name: 'Discord',
  badge: 'DC',
  hosts: DISCORD_HOSTS,
  parseUrl: parseDiscordUrl,
  // Messages look alike on every page (server channels, threads, direct messages): one extractor for all.
  extractorFor: () => extractDiscord,
  kindLabels: {
    server: { nl: 'server', fr: 'serveur', en: 'server' },
    'server-channel': { nl: 'kanaal op een server', fr: "salon d'un serveur", en: 'channel in a server' },
    'server-message': {
      nl: 'bericht in een serverkanaal',
      fr: "message dans un salon d'un serveur",
      en: 'message in a server channel',
    },
    'dm-message': {
      nl: 'bericht in een privégesprek',
      fr: 'message dans une conversation privée',
      en: 'message in a private conversation',
    },
  },
};
