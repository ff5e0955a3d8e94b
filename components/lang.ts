import { pickLanguage, translate, type Lang, type MessageKey } from '../lib/i18n';

/** The interface language of this extension page: the browser's language, English when we lack it. */
export const lang: Lang = pickLanguage(typeof navigator === 'undefined' ? [] : navigator.languages);

export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return translate(lang, key, params);
}
