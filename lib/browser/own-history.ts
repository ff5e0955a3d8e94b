/**
 * Discreet mode and the browser's history. Chrome records visits of extension pages, titled with the page's
 * <title> (chrome://history lists them under the extension's name); removing them needs the optional `history`
 * permission, asked for with the reason given (only to remove the visits of our own pages). Only our own URLs are
 * ever deleted (lib/discreet/own-visits.ts). Firefox records no visit of moz-extension:// pages (checked by
 * tests/e2e/discreet.e2e.ts), so its build neither asks for the permission nor removes anything.
 */
import { browser } from 'wxt/browser';
import { isOwnPage, ownPageUrls } from '../discreet/own-visits';

/** Whether this browser keeps visits of our pages in its history at all. */
export const HISTORY_KEEPS_OWN_PAGES = !import.meta.env.FIREFOX;

const HISTORY_PERMISSION = { permissions: ['history' as const] };

/** At most this many entries per history search; a larger history is searched again until none of ours is left. */
const SEARCH_PAGE = 1000;
/** A bound on those searches, should the browser keep returning entries it was asked to delete. */
const MAX_SEARCHES = 20;

interface HistoryApi {
  search(query: { text: string; startTime: number; maxResults: number }): Promise<Array<{ url?: string }>>;
  deleteUrl(details: { url: string }): Promise<void>;
  onVisited: {
    addListener(listener: (item: { url?: string }) => void): void;
    hasListener(listener: (item: { url?: string }) => void): boolean;
  };
}

/** The history API, present only while the permission is granted. */
function historyApi(): HistoryApi | undefined {
  return HISTORY_KEEPS_OWN_PAGES ? (browser as unknown as { history?: HistoryApi }).history : undefined;
}

/**
 * Asks for the permission (the browser shows its prompt). Call straight from the person's click, before any other
 * await, or the browser refuses. Refused, or unavailable: false.
 */
export function askHistoryPermission(): Promise<boolean> {
  if (!HISTORY_KEEPS_OWN_PAGES) return Promise.resolve(false);
  return browser.permissions.request(HISTORY_PERMISSION).catch(() => false);
}

export function historyPermissionGranted(): Promise<boolean> {
  if (!HISTORY_KEEPS_OWN_PAGES) return Promise.resolve(false);
  return browser.permissions.contains(HISTORY_PERMISSION).catch(() => false);
}

/** Discreet mode off: the permission is given back, so nothing stays granted that is not used. */
export async function giveBackHistoryPermission(): Promise<void> {
  if (HISTORY_KEEPS_OWN_PAGES) await browser.permissions.remove(HISTORY_PERMISSION).catch(() => false);
}

/**
 * Deletes every visit of our pages from the history; how many addresses, or null without the permission. The
 * search text is our id, which every one of our URLs holds; only URLs under our origin are deleted. The addresses of
 * our open tabs go too, visited or not: Chrome keeps a page's favicon apart from its visits (its Favicons database),
 * written after the visit was removed, and deleting an address no longer in the history removes that.
 */
export async function removeOwnVisits(): Promise<number | null> {
  const history = historyApi();
  if (!history) return null;
  const ownOrigin = browser.runtime.getURL('/');
  const openTabs = ownPageUrls(await browser.tabs.query({}).catch(() => []), ownOrigin);
  const openTabsGone = Promise.all(openTabs.map((url) => history.deleteUrl({ url })));
  let removed = 0;
  for (let search = 0; search < MAX_SEARCHES; search += 1) {
    const entries = await history.search({ text: browser.runtime.id, startTime: 0, maxResults: SEARCH_PAGE });
    const urls = ownPageUrls(entries, ownOrigin);
    await Promise.all(urls.map((url) => history.deleteUrl({ url })));
    removed += urls.length;
    if (urls.length === 0 || entries.length < SEARCH_PAGE) break;
  }
  await openTabsGone;
  return removed;
}

/**
 * The background: each visit of one of our pages is deleted as soon as the browser records it, while `discreetOn`
 * says so. Registered at the background's start (so a visit wakes it) and again when the permission is granted.
 */
export function removeOwnVisitsAsRecorded(discreetOn: () => Promise<boolean>): void {
  if (!HISTORY_KEEPS_OWN_PAGES) return;
  const ownOrigin = browser.runtime.getURL('/');
  const onVisited = (item: { url?: string }) => {
    const url = item.url;
    if (url === undefined || !isOwnPage(url, ownOrigin)) return;
    void discreetOn()
      .then((on) => (on ? historyApi()?.deleteUrl({ url }) : undefined))
      .catch(() => undefined);
  };
  const listen = () => {
    const history = historyApi();
    if (history && !history.onVisited.hasListener(onVisited)) history.onVisited.addListener(onVisited);
  };
  listen();
  browser.permissions.onAdded.addListener(listen);
}
