/**
 * The content script's update of the page's items, in steps: find the platform's extractor for the address,
 * read the rows (only those that changed: RowCache), count failures, and tell whether the result differs from
 * the one last sent. tests/bench/content-script.bench.ts times exactly this.
 */
import type { PageItems } from '../messaging/protocol';
import { extractItems } from '../platforms/extraction';
import { registry as defaultRegistry, type PlatformRegistry } from '../platforms/registry';
import type { PlatformModule } from '../platforms/types';
import { itemsSignature } from './item-signature';
import { ReadCounter } from './read-counts';
import { RowCache } from './row-cache';

/** The platform module whose extractor reads the page at `href`, if the page is one of ours and it has one. */
export function extractorFor(href: string, registry: PlatformRegistry = defaultRegistry): PlatformModule | null {
  const parsed = registry.parseUrl(href);
  if (!parsed) return null;
  const platform = registry.byId(parsed.platform);
  return platform.extract ? platform : null;
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

  constructor(root: Document, href: string, registry: PlatformRegistry = defaultRegistry) {
    this.#root = root;
    this.#registry = registry;
    this.latest = { url: href, items: [] };
  }

  /** Reads the items of the page at `href` now. */
  read(href: string): PageItems {
    const platform = extractorFor(href, this.#registry);
    if (!platform) return (this.latest = { url: href, items: [] });
    this.#rows ??= new RowCache(this.#root);
    this.#rows.prepare(href);
    const result = extractItems(platform, this.#root, new URL(href), this.#rows);
    this.#counter.record(platform.id, result);
    const page: PageItems = { url: href, items: result.items, counts: this.#counter.all() };
    if (result.problem) page.problem = result.problem;
    return (this.latest = page);
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
