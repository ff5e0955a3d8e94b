/**
 * Origins of the guidance: what comes from the Institute's guide and what we added (lib/guide/types.ts), and the
 * marker the interface shows with added material, so that nothing added reads as the guide's own words.
 */
import { translate, type Lang, type MessageKey } from '../i18n';
import type { Added, AddedSource, FromGuide, GuidePart, Origin } from './types';

export function fromGuide(part: GuidePart): FromGuide {
  return { from: 'guide', part };
}

export function added(source: AddedSource): Added {
  return { from: 'added', source };
}

export function isAdded(origin: Origin): origin is Added {
  return origin.from === 'added';
}

/** The same origin (so a step in an added section need not repeat the section's marker). */
export function sameOrigin(a: Origin, b: Origin | undefined): boolean {
  if (!b || a.from !== b.from) return false;
  return a.from === 'guide' ? a.part === (b as FromGuide).part : a.source === (b as Added).source;
}

/**
 * The marker shown with an item, or undefined for the guide's own material (shown as it is). `shownAbove` is
 * the origin already marked on the enclosing section: the same origin is not marked twice.
 */
export function originMarker(lang: Lang, origin: Origin, shownAbove?: Origin): string | undefined {
  if (!isAdded(origin) || sameOrigin(origin, shownAbove)) return undefined;
  return translate(lang, `origin.${origin.source}` as MessageKey);
}
