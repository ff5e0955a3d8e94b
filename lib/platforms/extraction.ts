/**
 * Runs a platform's item extractor over a page, row by row, so that a page change breaks one feature, not the
 * panel: an extractor that throws as a whole gives no items and a problem saying so; a row that throws costs
 * that one item, and the problem counts it. Problems carry a short error summary for the helpers' details,
 * never page content.
 */
import type { ExtractedItem, ItemExtractor, ParsedUrl, PlatformModule } from './types';

/** What went wrong while reading a page's items. */
export interface ReadProblem {
  /** 'page': nothing could be read (the extractor failed as a whole); 'items': some rows could not be read. */
  scope: 'page' | 'items';
  /** What the platform's items are ('message', 'post'), so the side panel can name them. */
  itemKind: ExtractedItem['kind'];
  /** Rows that could not be read ('items' scope). */
  failedItems: number;
  /** The last error, summarised by `errorSummary`. */
  error: string;
}

/**
 * How a platform's extractor has fared in this tab since the content script started (lib/content/read-counts.ts
 * counts): shown in the side panel's details for helpers, so a page change that breaks reading can be told apart
 * from a page with nothing to read. Counts and an error summary only: nothing from the page.
 */
export interface ReadCounts {
  platform: string;
  extractions: number;
  /** Extractions that read nothing because the extractor failed (as a whole, or on every row). */
  failedPages: number;
  /** Rows that could not be read, over all extractions. */
  failedItems: number;
  /** The last error's summary (`errorSummary` below). */
  lastError?: string;
}

export interface ExtractionResult {
  items: ExtractedItem[];
  problem: ReadProblem | null;
}

/** One row's reading, with what it depended on besides the row's own content (see RowReader). */
export interface RowReading {
  item: ExtractedItem | null;
  carryIn: unknown;
  carryOut: unknown;
}

/** Remembers readings of rows whose content has not changed since (lib/content/row-cache.ts). */
export interface RowMemo {
  get(row: Element): RowReading | undefined;
  set(row: Element, reading: RowReading): void;
}

const NO_PROBLEM: ExtractionResult = { items: [], problem: null };

/** The extractor of `platform` for the page `parsed` (one of its pages), or null when the page has no items. */
export function extractorOn(platform: PlatformModule, parsed: ParsedUrl | null): ItemExtractor | null {
  return parsed === null ? null : (platform.extractorFor?.(parsed) ?? null);
}

/** The items of the platform's extractor for this page in `root`; no items and no problem for pages without one. */
export function extractItems(platform: PlatformModule, root: ParentNode, pageUrl: URL, memo?: RowMemo): ExtractionResult {
  const extractor = extractorOn(platform, platform.parseUrl(pageUrl));
  return extractor ? readRows(extractor, root, pageUrl, memo) : NO_PROBLEM;
}

/** Reads the rows of `extractor` in `root`, one at a time (see the file's comment). */
export function readRows(extractor: ItemExtractor, root: ParentNode, pageUrl: URL, memo?: RowMemo): ExtractionResult {
  let rows: readonly Element[];
  let reader: ReturnType<ItemExtractor['begin']>;
  try {
    rows = extractor.rows(root);
    reader = extractor.begin(pageUrl);
  } catch (error) {
    return { items: [], problem: { scope: 'page', itemKind: extractor.itemKind, failedItems: 0, error: errorSummary(error) } };
  }
  const items: ExtractedItem[] = [];
  const seen = new Set<string>();
  const sameCarry = extractor.sameCarry ?? Object.is;
  let carry: unknown;
  let failedItems = 0;
  let lastError: unknown;
  for (const row of rows) {
    let reading = memo?.get(row);
    if (reading === undefined || !sameCarry(reading.carryIn, carry)) {
      try {
        const read = reader.read(row, carry);
        reading = { item: read.item, carryIn: carry, carryOut: read.carry };
      } catch (error) {
        failedItems++;
        lastError = error;
        continue;
      }
      memo?.set(row, reading);
    }
    carry = reading.carryOut;
    const item = reading.item;
    // The same item can be on screen twice (a post and its repost): keep the first.
    if (item === null || seen.has(item.key)) continue;
    seen.add(item.key);
    items.push(item);
  }
  if (failedItems === 0) return { items, problem: null };
  const scope = items.length === 0 ? 'page' : 'items';
  return { items, problem: { scope, itemKind: extractor.itemKind, failedItems, error: errorSummary(lastError) } };
}

/** Longest error summary kept: enough to recognise a bug, too short to carry a page. */
const SUMMARY_LENGTH = 160;

/**
 * An error's name and message for the helpers' details, without anything from the page: addresses and long
 * numbers (ids) are replaced, and quoted parts that are not code-like names (a selector, a property) are cut.
 */
export function errorSummary(error: unknown): string {
  const name = error instanceof Error ? error.name : typeof error;
  const message = error instanceof Error ? error.message : '';
  const text = `${name}: ${message}`
    .replace(/[a-z][a-z0-9+.-]*:\/\/\S*/gi, '<address>')
    .replace(/\d{4,}/g, '<number>')
    .replace(/(["'`])([^"'`]*)\1/g, (_whole, quote: string, inner: string) =>
      /^[\w$.#:()[\]=^*<>-]{0,40}$/.test(inner) ? `${quote}${inner}${quote}` : `${quote}…${quote}`,
    );
  return text.length > SUMMARY_LENGTH ? `${text.slice(0, SUMMARY_LENGTH - 1)}…` : text;
}
