/**
 * What the tab strip, the window list and the toolbar show of us, normally and in discreet mode. In discreet mode
 * nothing there names the tool or what it is for: every page has the same everyday title ("Notes") and icon, and
 * the toolbar button that icon and title, with no badge. Pure: the pages and the background apply it.
 */
import { translateCore, type CoreKey, type Lang } from '../i18n/core';
import { describePage } from '../page-label';
import { platformById } from '../platforms/registry';
import type { ParsedUrl } from '../platforms/types';

/** Our pages that open in a tab or window (the welcome is the manager's `#welcome`). */
export type OwnPage = 'manager' | 'popup' | 'sidepanel';

const PAGE_TITLES: Record<OwnPage, CoreKey> = {
  manager: 'pageTitle.manager',
  popup: 'pageTitle.popup',
  sidepanel: 'pageTitle.sidepanel',
};

/** Icons by size, as paths in the build (public/): what action.setIcon takes. */
export type IconPaths = Record<'16' | '32' | '48', string>;

export const OWN_ICONS: IconPaths = { 16: '/icon/16.png', 32: '/icon/32.png', 48: '/icon/48.png' };
/** A note pad (public/icon-neutral/notepad.svg): an everyday look that says nothing of evidence or reporting. */
export const NEUTRAL_ICONS: IconPaths = { 16: '/icon-neutral/16.png', 32: '/icon-neutral/32.png', 48: '/icon-neutral/48.png' };

export function pageTitle(page: OwnPage, lang: Lang, discreet: boolean): string {
  return translateCore(lang, discreet ? 'discreet.neutralTitle' : PAGE_TITLES[page]);
}

/** The page's favicon: our icon, or the neutral one. */
export function pageIcon(discreet: boolean): string {
  return (discreet ? NEUTRAL_ICONS : OWN_ICONS)[32];
}

export interface ToolbarLook {
  title: string;
  /** '' for none. */
  badge: string;
  icons: IconPaths;
}

/**
 * The toolbar button, for a tab showing `parsed` (null: not a platform page, or the button's look for every tab):
 * normally our name and the platform and page kind, with the platform's badge; in discreet mode the neutral title
 * and icon, no badge.
 */
export function toolbarLook(discreet: boolean, lang: Lang, parsed: ParsedUrl | null): ToolbarLook {
  if (discreet) return { title: translateCore(lang, 'discreet.neutralTitle'), badge: '', icons: NEUTRAL_ICONS };
  const appName = translateCore(lang, 'app.name');
  return {
    title: parsed ? `${appName}: ${describePage(parsed, lang)}` : appName,
    badge: parsed ? platformById(parsed.platform).badge : '',
    icons: OWN_ICONS,
  };
}
