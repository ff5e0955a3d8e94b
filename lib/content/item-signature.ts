import type { ExtractedItem } from '../platforms/types';

/** Each item's part of the signature, kept while the item object lives (RowCache hands back the same object). */
const parts = new WeakMap<ExtractedItem, string>();

/**
 * A cheap fingerprint of a list of items, to send them only when something changed. Keys, fields and excerpts
 * all count: a group's author may appear only once the page has loaded its avatar.
 */
export function itemsSignature(items: readonly ExtractedItem[]): string {
  let signature = '';
  for (const item of items) {
    let part = parts.get(item);
    if (part === undefined) {
      part = `${item.key}|${item.excerpt ?? ''}`;
      for (const field of item.fields) part += `|${field.key}=${field.value}`;
      part += '\n';
      parts.set(item, part);
    }
    signature += part;
  }
  return signature;
}
