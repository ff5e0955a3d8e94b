import type { PlatformModule } from '../types';
import { extractDiscord } from './extract';
import { DISCORD_HOSTS, parseDiscordUrl } from './url';

export const discord: PlatformModule = {
  id: 'discord',
  name: 'Discord',
  hosts: DISCORD_HOSTS,
  parseUrl: parseDiscordUrl,
  extract: extractDiscord,
};
