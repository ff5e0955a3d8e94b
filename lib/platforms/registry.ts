import { createRegistry, type PlatformRegistry } from './lookup';
import type { ParsedUrl, PlatformId, PlatformModule } from './types';
import { discord } from './discord';
import { facebook } from './facebook';
import { instagram } from './instagram';
import { messenger } from './messenger';
import { snapchat } from './snapchat';
import { tiktok } from './tiktok';
import { whatsapp } from './whatsapp';
import { x } from './x';
import { youtube } from './youtube';

export { createRegistry, hostMatches, type PlatformRegistry } from './lookup';

/**
 * Every supported platform's module, one line each. Order matters only where hosts overlap: Messenger claims
 * facebook.com/messages/* before Facebook sees it, so it comes first.
 */
export const platforms = [
  messenger,
  facebook,
  instagram,
  snapchat,
  youtube,
  tiktok,
  x,
  whatsapp,
  discord,
] as const satisfies readonly PlatformModule<PlatformId>[];

/**
 * One module for each id of the evidence model (lib/evidence/platform-ids.ts): a module whose id is not there fails
 * `satisfies` above, and an id without a module fails here, named by `npm run check`.
 */
type Unregistered = Exclude<PlatformId, (typeof platforms)[number]['id']>;
const _everyIdRegistered: [Unregistered] extends [never] ? true : Unregistered = true;

/** The extension's registry, built from `platforms`. */
export const registry: PlatformRegistry<PlatformId> = createRegistry<PlatformId>(platforms);

export const platformById = (id: PlatformId): PlatformModule<PlatformId> => registry.byId(id);
export const platformsForHost = (hostname: string): PlatformModule<PlatformId>[] => registry.forHost(hostname);
export const parsePlatformUrl = (input: string): ParsedUrl | null => registry.parseUrl(input);
export const contentScriptMatches = (): string[] => registry.contentScriptMatches();
