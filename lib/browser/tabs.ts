/**
 * Finding the tab an extension page acts on, and asking that tab's content script what it shows.
 * Shared by the popup, the side panel and (later) the manager.
 */
import { browser } from 'wxt/browser';
import { sendToTab } from '../messaging';
import type { PageInfo } from '../messaging/protocol';
import { parsePlatformUrl } from '../platforms/registry';

/**
 * The tab to act on: `?tabId=N` in the page's own URL when given (tests and the manager use it), otherwise
 * the active tab of the window this page belongs to.
 */
export async function resolveTargetTabId(search: string): Promise<number | null> {
  const fromQuery = tabIdFromQuery(search);
  if (fromQuery !== null) return fromQuery;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id ?? null;
}

export function tabIdFromQuery(search: string): number | null {
  const raw = new URLSearchParams(search).get('tabId');
  if (raw === null || !/^\d+$/.test(raw)) return null;
  return Number(raw);
}

/**
 * What a content script said of its page, with a link shim's destination read here: a content script knows only
 * its own site's platforms (addPlatformContentScripts in wxt.config.ts), and the destination of, say, l.facebook.com may
 * be on any of them. The page's own platform and kind are the content script's, whose parsers are the same.
 */
export function withShimTarget(info: PageInfo): PageInfo {
  const target = info.parsed?.kind === 'link-shim' ? info.parsed.target : undefined;
  if (!info.parsed || !target || target.parsed) return info;
  return { ...info, parsed: { ...info.parsed, target: { url: target.url, parsed: parsePlatformUrl(target.url) } } };
}

export type PageLookup =
  | { status: 'ok'; info: PageInfo }
  /** No content script answered: not one of the platforms (or the page predates the extension). */
  | { status: 'unknown'; url: string | null; title: string | null }
  | { status: 'no-tab' };

/**
 * What the tab shows. The content script is the authority (it sees single-page navigations); when none
 * answers, we still read the tab's URL where the browser lets us (activeTab) and parse it, so a platform
 * page opened before the extension was installed is recognised too.
 */
export async function lookUpPage(tabId: number): Promise<PageLookup> {
  try {
    const info = await sendToTab(tabId, 'get-page-info');
    if (info && typeof info.url === 'string') return { status: 'ok', info: withShimTarget(info) };
  } catch {
    // No content script in that tab: fall through to the URL.
  }
  let tab;
  try {
    tab = await browser.tabs.get(tabId);
  } catch {
    return { status: 'no-tab' };
  }
  const url = tab.url ?? null;
  const parsed = url ? parsePlatformUrl(url) : null;
  if (url && parsed) return { status: 'ok', info: { url, title: tab.title ?? '', parsed } };
  return { status: 'unknown', url, title: tab.title ?? null };
}
