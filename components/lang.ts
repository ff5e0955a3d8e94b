import { loadSettings } from '../lib/browser/settings';
import { pickLanguage, translate, type Lang, type MessageKey } from '../lib/i18n';

/**
 * The interface language of this extension page: the person's choice in the settings (made in the side panel),
 * else the browser's language, English when we lack it. Set once before the page is drawn (`useChosenLanguage`).
 */
export let lang: Lang = pickLanguage(typeof navigator === 'undefined' ? [] : navigator.languages);

/** Reads the chosen language; pages call it before mounting, so everything is drawn in one language. */
export async function useChosenLanguage(): Promise<Lang> {
  try {
    const { lang: chosen } = await loadSettings();
    if (chosen !== 'auto') lang = chosen;
  } catch {
    // Settings unreadable: the browser's language will do.
  }
  return lang;
}

export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return translate(lang, key, params);
}
