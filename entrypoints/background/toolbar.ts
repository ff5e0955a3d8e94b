/**
 * The toolbar button (and Firefox's sidebar): our name, and on a platform page the platform and page kind with its
 * badge; in discreet mode the neutral title and icon and no badge, on every tab (lib/discreet/look.ts). Applied
 * when the background starts (also at the browser's start: the browser forgets a button's set look on restart),
 * when discreet mode or the language changes, and as each platform page tells what it is.
 */
import { browser } from 'wxt/browser';
import { pageTitle, toolbarLook, type IconPaths, type ToolbarLook } from '../../lib/discreet/look';
import { interfaceLanguage, type Lang } from '../../lib/i18n';
import { sendToTab } from '../../lib/messaging';
import type { PageInfo } from '../../lib/messaging/protocol';
import { loadSettings, settingsItem } from '../../lib/browser/settings';
import { normalizeSettings, type Settings } from '../../lib/settings';

// MV3 has `action`, Firefox's MV2 build has `browserAction`: same calls.
const toolbarButton = browser.action ?? browser.browserAction;

interface FirefoxSidebar {
  setTitle(details: { title: string }): Promise<void>;
  setIcon(details: { path: IconPaths }): Promise<void>;
}
const sidebar = (browser as unknown as { sidebarAction?: FirefoxSidebar }).sidebarAction;

function looks(settings: Settings): { discreet: boolean; lang: Lang } {
  return { discreet: settings.discreetMode, lang: interfaceLanguage(settings.lang, navigator.languages) };
}

async function showOnTab(tabId: number, look: ToolbarLook): Promise<void> {
  await Promise.all([
    toolbarButton.setBadgeText({ tabId, text: look.badge }),
    toolbarButton.setTitle({ tabId, title: look.title }),
    look.badge ? toolbarButton.setBadgeBackgroundColor({ tabId, color: '#1d4e89' }) : undefined,
  ]);
}

/** A platform page told what it is ('page-info'). */
export async function showPageOnToolbar(tabId: number, info: PageInfo): Promise<void> {
  const { discreet, lang } = looks(await loadSettings());
  await showOnTab(tabId, toolbarLook(discreet, lang, info.parsed));
}

/**
 * The button's look for every tab, and with `tabs` each open tab's own (asking platform pages again what they show):
 * tab-specific looks last until the tab navigates, so they are redone only when the setting changes.
 */
async function showEverywhere(settings: Settings, { tabs }: { tabs: boolean }): Promise<void> {
  const { discreet, lang } = looks(settings);
  const plain = toolbarLook(discreet, lang, null);
  const work: Array<Promise<unknown>> = [
    toolbarButton.setIcon({ path: plain.icons }),
    toolbarButton.setTitle({ title: plain.title }),
    toolbarButton.setBadgeText({ text: '' }),
  ];
  if (sidebar) {
    work.push(sidebar.setTitle({ title: pageTitle('sidepanel', lang, discreet) }), sidebar.setIcon({ path: plain.icons }));
  }
  for (const tab of tabs ? await browser.tabs.query({}) : []) {
    const tabId = tab.id;
    if (tabId === undefined) continue;
    // Only a tab's own content script knows its platform page; tabs without one answer nothing.
    const parsed = discreet ? null : await sendToTab(tabId, 'get-page-info').then((info) => info?.parsed ?? null, () => null);
    work.push(showOnTab(tabId, toolbarLook(discreet, lang, parsed)));
  }
  await Promise.allSettled(work);
}

export function keepToolbarLook(): void {
  void loadSettings()
    .then((settings) => showEverywhere(settings, { tabs: false }))
    .catch(() => undefined);
  // Nothing else to do at the browser's start: listening makes the browser start the background then.
  browser.runtime.onStartup.addListener(() => undefined);
  settingsItem.watch((next, previous) => {
    const before = normalizeSettings(previous);
    const after = normalizeSettings(next);
    if (before.discreetMode !== after.discreetMode || before.lang !== after.lang) void showEverywhere(after, { tabs: true }).catch(() => undefined);
  });
}
