/**
 * For each of our pages (its main.ts): the tab's title and icon as the settings say (lib/discreet/look.ts), at once
 * and whenever the person switches discreet mode or the language, in every page already open. Every page's HTML
 * starts with the neutral title and icon, so a page never shows our name before its script has read the setting;
 * in discreet mode the page also removes earlier visits of our pages from the history as it opens (the background
 * removes each new one as the browser records it).
 */
import { interfaceLanguage } from '../i18n';
import { pageIcon, pageTitle, type OwnPage } from '../discreet/look';
import { normalizeSettings, type Settings } from '../settings';
import { removeOwnVisits } from './own-history';
import { loadSettings, settingsItem } from './settings';

export function keepPageLook(page: OwnPage): void {
  const show = (settings: Settings) => {
    const discreet = settings.discreetMode;
    const title = pageTitle(page, interfaceLanguage(settings.lang, navigator.languages), discreet);
    if (document.title !== title) document.title = title;
    showIcon(pageIcon(discreet));
  };
  void loadSettings()
    .then((settings) => {
      show(settings);
      if (settings.discreetMode) return removeOwnVisits();
    })
    .catch(() => undefined);
  settingsItem.watch((stored) => show(normalizeSettings(stored)));
}

function showIcon(href: string): void {
  let link = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
  if (!link) {
    link = document.createElement('link');
    link.rel = 'icon';
    document.head.append(link);
  }
  if (link.getAttribute('href') !== href) link.setAttribute('href', href);
}
