/**
 * The content script's update of the page's items, in steps: find the platform's extractor for the address,
 * read the rows (only those that changed: RowCache), count failures, and tell whether the result differs from
 * the one last sent. tests/bench/content-script.bench.ts times exactly this.
 */
import type { PageItems } from '../messaging/protocol';
import { extractorOn, readRows } from '../platforms/extraction';
import type { PlatformRegistry } from '../platforms/lookup';
import type { ItemExtractor, PlatformModule } from '../platforms/types';
import { itemsSignature } from './item-signature';
import { ReadCounter } from './read-counts';
import { RowCache } from './row-cache';

/** A page of ours with items to read: its platform and the extractor for that kind of page. */
export interface PageExtractor {
  platform: PlatformModule;
  extractor: ItemExtractor;
}

/** The extractor that reads the page at `href`, if the page is one of ours and has items. */
export function pageExtractor(href: string, registry: PlatformRegistry): PageExtractor | null {
  const parsed = registry.parseUrl(href);
  if (!parsed) return null;
  const platform = registry.byId(parsed.platform);
  const extractor = extractorOn(platform, parsed);
  return extractor ? { platform, extractor } : null;
}

/** What decides whether the side panel must hear of the page again: the items and any problem, not the counts. */
export function pageSignature(page: PageItems): string {
  const problem = page.problem ? `${page.problem.scope} ${page.problem.failedItems} ${page.problem.error}` : '';
  return `${page.url}\n${problem}\n${itemsSignature(page.items)}`;
}

export class PageItemsReader {
  readonly #root: Document;
  readonly #registry: PlatformRegistry;
  /** Created on the first page with an extractor: other pages need not watch their whole document. */
  #rows: RowCache | null = null;
  readonly #counter = new ReadCounter();
  #lastSignature = '';
  /** The last reading, whether it was sent or not (what a fresh request gets). */
  latest: PageItems;

  constructor(root: Document, href: string, registry: PlatformRegistry) {
    this.#root = root;
    this.#registry = registry;
    this.latest = { url: href, items: [] };
  }

  /** Reads the items of the page at `href` now. */
  read(href: string): PageItems {
    const page = pageExtractor(href, this.#registry);
    if (!page) return (this.latest = { url: href, items: [] });
    this.#rows ??= new RowCache(this.#root);
    this.#rows.prepare(href);
    const result = readRows(page.extractor, this.#root, new URL(href), this.#rows);
    this.#counter.record(page.platform.id, result);
    const items: PageItems = { url: href, items: result.items, counts: this.#counter.all() };
    if (result.problem) items.problem = result.problem;
    return (this.latest = items);
  }

  /** Reads the page, and returns it only when it differs from the page last returned here (else null). */
  update(href: string): PageItems | null {
    const page = this.read(href);
    const signature = pageSignature(page);
    if (signature === this.#lastSignature) return null;
    this.#lastSignature = signature;
    return page;
  }

  stop(): void {
    this.#rows?.stop();
  }
}
