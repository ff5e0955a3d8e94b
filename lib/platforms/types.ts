/**
 * The contract every platform module fulfils. A platform lives in its own folder under `lib/platforms/<id>/`
 * (`index.ts` holds its module, typed `PlatformModule<'<id>'>` so that the registry can check its literal id;
 * `steps.ts` its reporting steps) and is listed once in `registry.ts` and once in `guides.ts`; its id is in the
 * evidence model's list (lib/evidence/platform-ids.ts), since records name it. The module holds what the content
 * script and the background need (hosts, URL parser, extractors, name, badge, labels); the steps, which only the
 * pages show, stay out of those two. Nothing else in the code base names a platform.
 */
import type { ExtractedItem, PageKind, ParsedUrl } from '../evidence/types';
import type { Localized } from '../i18n';

/** The platforms' ids, listed with the evidence model (records name them); registry.ts has one module for each. */
export type { PlatformId } from '../evidence/platform-ids';

// The page and item shapes are part of the evidence model (captures record them): defined with its schemas. Page
// kinds and identifier keys are part of the bundle's format (lib/bundle/FORMAT.md): adding one is a format change.
export type {
  ExtractedItem,
  IdentifierField,
  IdentifierKey,
  ItemKind,
  PageIds,
  PageKind,
  ParsedUrl,
} from '../evidence/types';

export interface PlatformModule<Id extends string = string> {
  id: Id;
  /** Display name; platform names are brands and are not translated. */
  name: string;
  /** Two letters for the toolbar badge (brands: not translated). */
  badge: string;
  /**
   * Hostnames this platform serves, as registrable domains or exact hosts. `*.example.com` covers
   * example.com and every subdomain. Used both for matching and to build the content script's match patterns.
   */
  hosts: readonly string[];
  /** Parse an absolute URL already known to be on one of `hosts`. Returns null if it is not a page of ours. */
  parseUrl(url: URL): ParsedUrl | null;
  /**
   * The extractor that reads the reportable items (messages, posts, videos, comments) of the page at `page`, for
   * platforms whose pages show several: one per kind of page where they differ (a TikTok profile's videos, a
   * video's author and comments), null for pages without any. Platforms without one fall back to the identifiers
   * in the URL. Must be cheap: it is asked on every extraction.
   */
  extractorFor?(page: ParsedUrl): ItemExtractor | null;
  /**
   * Labels, in every interface language, of the page kinds only this platform has (Discord's servers and
   * channels, a YouTube channel). Kinds several platforms share are labelled in `lib/i18n` (`kind.*`).
   */
  kindLabels?: Partial<Record<PageKind, Localized>>;
  /** How this platform's pages and report forms write a handle (X: '@name'); default: the bare name. */
  handleText?(handle: string, parsed: ParsedUrl): string;
  /** Items its report form accepts at once, where it limits them (X: 5 posts). */
  selectionLimit?: number;
  /**
   * True for chat apps that give a message no id a report could name (Messenger, WhatsApp, Snapchat): the side
   * panel says so beside their messages, which carry the sender and the time as shown instead.
   */
  publishesNoMessageIds?: boolean;
}

/**
 * Reads the reportable items of a page, one element ("row": a message, a post) at a time, so that a row that
 * cannot be read costs that one item only (lib/platforms/extraction.ts catches it), and a row that has not changed
 * need not be read again (lib/content/row-cache.ts). Must be cheap: it runs as the page changes.
 */
export interface ItemExtractor {
  /**
   * What its items mostly are ('message', 'post', 'comment'): names them when the page cannot be read. Items of
   * other kinds may be among them (a video's author above its comments).
   */
  itemKind: ExtractedItem['kind'];
  /**
   * The elements that each hold at most one item, in document order. Pick mode finds the item under the mouse as
   * the row that holds it, so a row is the item's whole boundary (found from its permalink outward where the
   * platform marks no container).
   */
  rows(root: ParentNode): readonly Element[];
  /** Starts one extraction of the page at `pageUrl`. */
  begin(pageUrl: URL): RowReader;
  /** Whether two carries (see RowReader) would read a row alike; default: the same object. */
  sameCarry?(a: unknown, b: unknown): boolean;
}

/**
 * Reads the rows of one extraction, in document order. `carry` is what the row before passed on (Discord: the
 * author of the message group and the list it is in; undefined for the first row). A row whose content has not
 * changed and whose carry is the same (ItemExtractor.sameCarry) as last time is not read again.
 */
export interface RowReader {
  read(row: Element, carry: unknown): { item: ExtractedItem | null; carry: unknown };
}
