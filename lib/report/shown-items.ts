/**
 * The items the side panel lists, kept still while the page changes under them.
 *
 * A chat or timeline re-renders as the person scrolls it: items leave at one end and arrive at the other many
 * times a second. Drawing the page's list as it is would move every row the person is reading or about to tick.
 * So, on the same page, an item keeps its place once shown (its fields are refreshed), items that left the page
 * stay where they were and are marked as gone, and new items are added after the rest. Only another page, or the
 * person asking for it, starts the list afresh in the page's order.
 */
import type { ExtractedItem } from '../platforms/types';

export interface ShownItem {
  item: ExtractedItem;
  /** False once the page no longer shows it (scrolled away, deleted); it stays listed until the list is renewed. */
  onPage: boolean;
}

/** With more items than this, the panel draws the first ones and offers the rest behind "show all". */
export const SHOWN_LIMIT = 20;

/** A new list, in the page's order. */
export function freshList(live: readonly ExtractedItem[]): ShownItem[] {
  return live.map((item) => ({ item, onPage: true }));
}

/** `shown` updated with the page's current items: nothing already shown moves; new items come last. */
export function mergeList(shown: readonly ShownItem[], live: readonly ExtractedItem[]): ShownItem[] {
  const liveByKey = new Map(live.map((item) => [item.key, item]));
  const next = shown.map(({ item }): ShownItem => {
    const current = liveByKey.get(item.key);
    return current ? { item: current, onPage: true } : { item, onPage: false };
  });
  const known = new Set(shown.map(({ item }) => item.key));
  for (const item of live) if (!known.has(item.key)) next.push({ item, onPage: true });
  return next;
}

/**
 * The rows to draw: all of them when asked for (or few enough), otherwise the first SHOWN_LIMIT plus any selected
 * item after them (the person chose it, e.g. by picking on the page, and must see it ticked).
 */
export function visibleRows(shown: readonly ShownItem[], selected: readonly string[], showAll: boolean): ShownItem[] {
  if (showAll || shown.length <= SHOWN_LIMIT) return [...shown];
  const chosen = new Set(selected);
  return shown.filter((row, index) => index < SHOWN_LIMIT || chosen.has(row.item.key));
}
