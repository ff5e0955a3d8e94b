/**
 * The strings the extension writes outside its pages too (the evidence band, page kinds, the toolbar's and tabs'
 * titles, the default case), translated without the rest of the catalogs: the background, which needs only these,
 * then does not load the interface's every string in three languages (`npm run bench -- bundles`).
 */
import { enCore, type CoreKey } from './en';
import { frCore } from './fr';
import { nlCore } from './nl';

export type { CoreKey } from './en';

/** The interface languages. */
export type Lang = 'nl' | 'fr' | 'en';

const cores: Record<Lang, Record<CoreKey, string>> = { en: enCore, nl: nlCore, fr: frCore };

/** Fill `{name}` placeholders; an unknown placeholder stays visible rather than vanishing silently. */
export function format(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** One of the strings above in `lang` (the same text `translate` of lib/i18n gives for the key). */
export function translateCore(lang: Lang, key: CoreKey, params?: Record<string, string | number>): string {
  return format(cores[lang][key] ?? enCore[key], params);
}
