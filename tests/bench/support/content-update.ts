/**
 * The work the content script does on one page update (lib/content/platform-script.ts, `followItems`): the
 * same PageItemsReader reads the changed rows of the document and tells whether the items changed, and the page
 * is serialized as the extension's messaging does. Bundled by content-script.bench.ts and run inside the
 * benchmark page. `stages` times the steps apart, to see what dominates. `grow` and `change` (item-pages.ts) make
 * and change the pages built from real saved pages.
 */
import { PageItemsReader, pageSignature } from '../../../lib/content/page-items';
import { registry } from '../../../lib/platforms/registry';

export { change, grow } from './item-pages';

let reader: PageItemsReader | null = null;

function pageReader(pageUrl: string): PageItemsReader {
  reader ??= new PageItemsReader(document, pageUrl, registry);
  return reader;
}

export function update(pageUrl: string): number {
  const page = pageReader(pageUrl).update(pageUrl);
  if (page === null) return -1;
  // runtime.sendMessage serializes its message on the sending (main) thread.
  const message = JSON.stringify({ type: 'page-items', page });
  return page.items.length + (message.length > 0 ? 0 : 1);
}

/**
 * The same update, step by step: [read (extraction with its cache), signature, serialization] in ms. `expected`:
 * the number of items the page must give (500 on the Discord page), or null where it varies as the page changes.
 */
export function stages(pageUrl: string, expected: number | null = 500): number[] {
  const start = performance.now();
  const page = pageReader(pageUrl).read(pageUrl);
  const read = performance.now();
  const signature = pageSignature(page);
  const signed = performance.now();
  const message = JSON.stringify({ type: 'page-items', page });
  const serialized = performance.now();
  const wrongCount = expected === null ? page.items.length === 0 : page.items.length !== expected;
  if (signature.length === 0 || message.length === 0 || wrongCount) throw new Error('bad update');
  return [read - start, signed - read, serialized - signed];
}
