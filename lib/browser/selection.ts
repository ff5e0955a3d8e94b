/**
 * The items the person selected in the side panel, per tab and bound to the page (address) they were selected on,
 * until the next capture of that page records them. A selection never travels to another page: a capture of a
 * different address in the same tab records none of it.
 *
 * Kept in `storage.session` (memory only, cleared when the browser closes, readable by extension pages and the
 * background alike; Chrome 102+ and Firefox 115+ have it, and the manifest asks for Firefox 128). Nothing is written
 * to disk: a selection is a working state, not evidence.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { ExtractedItem } from '../platforms/types';
import { selectionOnPage, type PageSelection } from '../report/selection';

/** One selection per tab, under the key `selection:<tabId>`. Version 1 held a bare list with no page address. */
export function selectionItem(tabId: number) {
  return storage.defineItem<PageSelection | null>(`session:selection:${tabId}`, {
    fallback: null,
    version: 2,
    // A list kept by version 1 does not say which page it was made on: it is dropped, never guessed.
    migrations: { 2: () => null },
  });
}

export async function saveSelection(tabId: number, url: string, items: ExtractedItem[]): Promise<void> {
  const item = selectionItem(tabId);
  if (items.length === 0 || !url) await item.removeValue({ removeMeta: true });
  else await item.setValue({ url, items });
}

/** The tab's selection as stored, with the page it belongs to (null when there is none). */
export async function loadStoredSelection(tabId: number): Promise<PageSelection | null> {
  const stored: unknown = await selectionItem(tabId).getValue();
  const candidate = stored as Partial<PageSelection> | null;
  return candidate && typeof candidate.url === 'string' && Array.isArray(candidate.items) ? (candidate as PageSelection) : null;
}

/** The items selected on the page at `url` in this tab (none when the tab's selection belongs to another page). */
export async function loadSelection(tabId: number, url: string): Promise<ExtractedItem[]> {
  return selectionOnPage(await loadStoredSelection(tabId), url);
}

/** Tell `onChange` whenever the tab's stored selection changes (null: none, e.g. cleared once a capture recorded it). */
export function watchSelection(tabId: number, onChange: (selection: PageSelection | null) => void): () => void {
  return selectionItem(tabId).watch((value) => onChange(value ?? null));
}

/** Background: a closed tab's selection has nothing left to be recorded with. */
export function forgetSelectionsOfClosedTabs(): void {
  browser.tabs.onRemoved.addListener(
    (tabId: number) => void selectionItem(tabId).removeValue({ removeMeta: true }).catch(() => undefined),
  );
}
