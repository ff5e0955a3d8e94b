import type { PlatformModule } from '../types';
import { DISCORD_HOSTS, parseDiscordUrl } from './url';

export const discord: PlatformModule = {
  id: 'discord',
  name: 'Discord',
  hosts: DISCORD_HOSTS,
  parseUrl: parseDiscordUrl,
};
