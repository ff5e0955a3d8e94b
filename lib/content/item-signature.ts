import type { ExtractedItem } from '../platforms/types';

/**
 * A cheap fingerprint of a list of items, to send them only when something changed. Keys, fields and excerpts
 * all count: a group's author may appear only once the page has loaded its avatar.
 */
export function itemsSignature(items: readonly ExtractedItem[]): string {
  let signature = '';
  for (const item of items) {
    signature += `${item.key}|${item.excerpt ?? ''}`;
    for (const field of item.fields) signature += `|${field.key}=${field.value}`;
    signature += '\n';
  }
  return signature;
}
