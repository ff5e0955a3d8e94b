/**
 * Quick exit: the tab the person was looking at goes to a neutral page, every page of the extension closes, and
 * the evidence locks; in discreet mode the visits of our pages also leave the browser's history. Done by the
 * background so it completes even as the pages that asked for it disappear.
 */
import { browser } from 'wxt/browser';
import { removeOwnVisits } from '../../lib/browser/own-history';
import { isOwnPage } from '../../lib/discreet/own-visits';
import { loadSettings } from '../../lib/browser/settings';
import { sendMessage } from '../../lib/messaging';

const lockHandlers: Array<() => Promise<void> | void> = [];

/** Whatever holds unlocked evidence registers here, and is cleared on quick exit. */
export function onQuickExitLock(handler: () => Promise<void> | void): void {
  lockHandlers.push(handler);
}

/** Handles 'quick-exit' (lib/messaging/router.ts): `senderTabId` is the asking page's own tab (the manager's). */
export async function quickExit(targetTabId: number | null, senderTabId: number | undefined): Promise<void> {
  // First of all, before the tab is sent away: captures and recordings stop, so none of them sees the neutral page
  // (a recording would end as 'navigated' instead of 'quick-exit'), and the evidence locks.
  const locking = lockHandlers.map(async (lock) => lock());
  const { neutralUrl, discreetMode } = await loadSettings();
  // Discreet mode: before any tab closes, so that the addresses of our open tabs are still there to remove.
  const forgetting = discreetMode ? removeOwnVisits() : null;
  const ownOrigin = browser.runtime.getURL('/');
  const tabToNeutralize = targetTabId ?? senderTabId ?? (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id;
  const work: Array<Promise<unknown>> = [];
  const tabs = await browser.tabs.query({});
  const ownTabs = tabs.filter((tab) => tab.id !== undefined && isOwnPage(tab.url, ownOrigin));
  const target = tabs.find((tab) => tab.id === tabToNeutralize);
  if (target && ownTabs.includes(target)) {
    // Our own tab (the manager) makes way for a new tab on the neutral page instead of going there itself: its Back
    // button cannot lead back to us, and Chrome notes no link followed from our page. Opened first, so that its
    // window stays when ours closes.
    await browser.tabs.create({ url: neutralUrl, active: true, windowId: target.windowId, index: target.index + 1 }).catch(() => undefined);
  } else if (tabToNeutralize !== undefined) {
    work.push(browser.tabs.update(tabToNeutralize, { url: neutralUrl, active: true }));
  }
  if (ownTabs.length > 0) work.push(browser.tabs.remove(ownTabs.map((tab) => tab.id!)));
  // Side panels, sidebars and popups are not tabs: they close themselves on this message.
  work.push(sendMessage('quick-exit-close').catch(() => undefined));
  const sidebar = (browser as unknown as { sidebarAction?: { close(): Promise<void> } }).sidebarAction;
  if (sidebar) work.push(sidebar.close().catch(() => undefined));
  work.push(...locking);
  if (forgetting) work.push(forgetting);
  await Promise.allSettled(work);
}
