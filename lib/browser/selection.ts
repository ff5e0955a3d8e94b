/**
 * The items the person selected in the side panel, per tab, until the next capture of that tab records them.
 *
 * Kept in `storage.session` (memory only, cleared when the browser closes, readable by extension pages and the
 * background alike; Chrome 102+ and Firefox 115+ have it, and the manifest asks for Firefox 128). Nothing is written
 * to disk: a selection is a working state, not evidence.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import type { ExtractedItem } from '../platforms/types';

/** One item per tab, under the key `selection:<tabId>` (as before storage items). */
export function selectionItem(tabId: number) {
  return storage.defineItem<ExtractedItem[]>(`session:selection:${tabId}`, { fallback: [], version: 1 });
}

export async function saveSelection(tabId: number, items: ExtractedItem[]): Promise<void> {
  const item = selectionItem(tabId);
  if (items.length === 0) await item.removeValue({ removeMeta: true });
  else await item.setValue(items);
}

export async function loadSelection(tabId: number): Promise<ExtractedItem[]> {
  const stored: unknown = await selectionItem(tabId).getValue();
  return Array.isArray(stored) ? (stored as ExtractedItem[]) : [];
}

/** Background: a closed tab's selection has nothing left to be recorded with. */
export function forgetSelectionsOfClosedTabs(): void {
  browser.tabs.onRemoved.addListener(
    (tabId: number) => void selectionItem(tabId).removeValue({ removeMeta: true }).catch(() => undefined),
  );
}
