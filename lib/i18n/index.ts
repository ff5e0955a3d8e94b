import { format, type Lang } from './core';
import { en, type MessageKey } from './en';
import { fr } from './fr';
import { nl } from './nl';

export { format, translateCore, type CoreKey, type Lang } from './core';
export type { MessageKey } from './en';

/** One piece of text in every interface language. */
export type Localized = Record<Lang, string>;

export const LANGUAGES: readonly Lang[] = ['nl', 'fr', 'en'];

const catalogs: Record<Lang, Record<MessageKey, string>> = { en, nl, fr };

/**
 * The interface language: the first of the browser's preferred languages that we speak (nl-BE -> nl,
 * fr-BE -> fr), English otherwise.
 */
export function pickLanguage(preferred: readonly string[]): Lang {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split(/[-_]/)[0];
    if (base && (LANGUAGES as readonly string[]).includes(base)) return base as Lang;
  }
  return 'en';
}

/** The language the interface speaks: the person's choice (a setting), else `pickLanguage` of the browser's. */
export function interfaceLanguage(chosen: 'auto' | Lang, preferred: readonly string[]): Lang {
  return chosen === 'auto' ? pickLanguage(preferred) : chosen;
}

export function translate(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  return format(catalogs[lang][key] ?? en[key], params);
}

export function catalog(lang: Lang): Record<MessageKey, string> {
  return catalogs[lang];
}
