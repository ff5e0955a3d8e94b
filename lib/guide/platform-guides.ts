/**
 * Each platform's reporting guide (lib/platforms/<id>/steps.ts), by platform id. Kept apart from the registry so
 * the content script, which bundles the registry, does not also bundle every platform's guide text.
 */
import type { PlatformId } from '../platforms/types';
import { guide as discord } from '../platforms/discord/steps';
import { guide as facebook } from '../platforms/facebook/steps';
import { guide as instagram } from '../platforms/instagram/steps';
import { guide as messenger } from '../platforms/messenger/steps';
import { guide as snapchat } from '../platforms/snapchat/steps';
import { guide as tiktok } from '../platforms/tiktok/steps';
import { guide as whatsapp } from '../platforms/whatsapp/steps';
import { guide as x } from '../platforms/x/steps';
import { guide as youtube } from '../platforms/youtube/steps';
import type { GuideStep, PlatformGuide } from './types';

export const platformGuides: Record<PlatformId, PlatformGuide> = {
  discord,
  facebook,
  instagram,
  messenger,
  snapchat,
  tiktok,
  whatsapp,
  x,
  youtube,
};

/** Every step id of a list of steps, sub-steps included (what a progress count counts). */
export function stepIds(steps: readonly GuideStep[]): string[] {
  return steps.flatMap((step) => [step.id, ...stepIds(step.substeps ?? [])]);
}
