/**
 * The side panel's language: the person's choice in the settings (`lang`), else the browser's. Reactive, so
 * switching it redraws the panel at once; `tr()` and `loc()` read it.
 */
import { loadSettings, saveSettings } from '../../lib/browser/settings';
import { translate, type MessageKey, type Lang, type Localized } from '../../lib/i18n';
import { lang as browserLang } from '../lang';

class PanelLang {
  current = $state<Lang>(browserLang);

  async load(): Promise<void> {
    const settings = await loadSettings();
    if (settings.lang !== 'auto') this.set(settings.lang, { save: false });
  }

  set(lang: Lang, { save = true } = {}): void {
    this.current = lang;
    document.documentElement.lang = lang;
    if (save) void saveSettings({ lang }).catch(() => undefined);
  }
}

export const panelLang = new PanelLang();

export function tr(key: MessageKey, params?: Record<string, string | number>): string {
  return translate(panelLang.current, key, params);
}

export function loc(text: Localized): string {
  return text[panelLang.current];
}
