/**
 * The work the content script does on one page update (entrypoints/platform.content.ts, `refreshItems`): run
 * the platform's extractor over the document, fingerprint the items, and serialize them as the extension's
 * messaging does. Bundled by content-script.bench.ts and run inside the benchmark page.
 */
import { itemsSignature } from '../../../lib/content/item-signature';
import { extractItems } from '../../../lib/platforms/page-identifiers';
import { parsePlatformUrl, platformById } from '../../../lib/platforms/registry';

export function update(pageUrl: string): number {
  const parsed = parsePlatformUrl(pageUrl);
  if (!parsed) return 0;
  const items = extractItems(platformById(parsed.platform), document, new URL(pageUrl));
  const signature = itemsSignature(items);
  // runtime.sendMessage serializes its message on the sending (main) thread.
  const message = JSON.stringify({ type: 'page-items', page: { url: pageUrl, items } });
  return items.length + (signature.length > 0 ? 0 : 1) + (message.length > 0 ? 0 : 1);
}
