/**
 * Every platform's reporting steps from the Institute's guide (its folder's steps.ts), one line each. They are
 * apart from the registry (registry.ts) because only the pages show them: the content script, which runs on every
 * page load of the platforms' sites, and the background load the registry and stay without them.
 */
import type { PlatformGuide } from '../guide/types';
import { guide as discord } from './discord/steps';
import { guide as facebook } from './facebook/steps';
import { guide as instagram } from './instagram/steps';
import { guide as messenger } from './messenger/steps';
import { guide as snapchat } from './snapchat/steps';
import { guide as tiktok } from './tiktok/steps';
import { guide as whatsapp } from './whatsapp/steps';
import { guide as x } from './x/steps';
import { guide as youtube } from './youtube/steps';
import type { PlatformId } from './types';

/** One guide for each id of the evidence model (lib/evidence/platform-ids.ts): `npm run check` names a missing one. */
export const platformGuides: Readonly<Record<PlatformId, PlatformGuide>> = {
  messenger,
  facebook,
  instagram,
  snapchat,
  youtube,
  tiktok,
  x,
  whatsapp,
  discord,
};
