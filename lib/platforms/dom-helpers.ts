/**
 * Small DOM helpers the platforms' extractors share: fallback selectors, excerpts, times, fields. Cheap by design:
 * extractors run as the page changes.
 */
import type { IdentifierField, IdentifierKey } from './types';

/** The elements matched by the first selector that matches anything: a page uses one markup version at a time. */
export function queryFirstMatch(root: ParentNode, selectors: readonly string[]): Element[] {
  for (const selector of selectors) {
    const found = root.querySelectorAll(selector);
    if (found.length > 0) return Array.from(found);
  }
  return [];
}

/** The first element matching the first selector, in order, that matches anything in `scope`. */
export function firstMatch(scope: ParentNode, selectors: readonly string[]): Element | null {
  for (const selector of selectors) {
    const found = scope.querySelector(selector);
    if (found !== null) return found;
  }
  return null;
}

/**
 * Finds one element per scope (one message, one post) by a list of fallback selectors, and learns within one
 * extraction which of them the page uses: once selector i has matched in some scope, later scopes stop after i.
 * A page uses one markup version at a time, so later fallbacks would only cost time; without this, every
 * Discord follow-up message (which has no name element) would try every fallback. Create one per extraction.
 */
export class FallbackChain {
  private limit = Number.POSITIVE_INFINITY;
  private readonly accept: (element: Element, scope: Element) => boolean;

  /** `accept` rejects matches that belong to something else inside the scope (a reply preview, a quoted post). */
  constructor(accept: (element: Element, scope: Element) => boolean) {
    this.accept = accept;
  }

  find(scope: Element, selectors: readonly string[]): Element | null {
    const count = Math.min(this.limit, selectors.length);
    for (let index = 0; index < count; index++) {
      const found = firstAccepted(scope, selectors[index] ?? '', (element) => this.accept(element, scope));
      if (found !== null) {
        this.limit = index + 1;
        return found;
      }
    }
    return null;
  }
}

/** The first element matching `selector` in `scope` that `accept` keeps; querySelector first, as it is fastest. */
function firstAccepted(scope: ParentNode, selector: string, accept: (element: Element) => boolean): Element | null {
  const first = scope.querySelector(selector);
  if (first === null || accept(first)) return first;
  for (const element of scope.querySelectorAll(selector)) {
    if (accept(element)) return element;
  }
  return null;
}

/**
 * True when `element` lies inside a part of `scope` matching `partSelector` (walking up from `element` and
 * stopping at `scope`, so the walk is a few steps and never reaches the document).
 */
export function isInsidePart(element: Element, scope: Element, partSelector: string): boolean {
  for (let node: Element | null = element; node !== null && node !== scope; node = node.parentElement) {
    if (node.matches(partSelector)) return true;
  }
  return false;
}

/** Length of an excerpt, in UTF-16 units: enough to recognise an item, short enough for a list. */
export const EXCERPT_LENGTH = 80;
/** Only this much of an element's text is looked at, so a very long message costs no more than a short one. */
const EXCERPT_SCAN_LENGTH = EXCERPT_LENGTH * 4;

/**
 * The first EXCERPT_LENGTH characters of an element's text, whitespace collapsed, with '…' when cut; undefined
 * for empty text. Parts matching `skipSelector` (e.g. a time shown inside a message) are left out. Uses
 * textContent, not innerText: innerText forces a layout, which is slow on large pages.
 */
export function textExcerpt(element: Element | null, skipSelector?: string): string | undefined {
  if (!element) return undefined;
  const hasSkipped = skipSelector !== undefined && element.querySelector(skipSelector) !== null;
  const raw = hasSkipped ? textWithout(element, skipSelector) : (element.textContent ?? '');
  const text = raw.slice(0, EXCERPT_SCAN_LENGTH).replace(/\s+/g, ' ').trim();
  if (text.length === 0) return undefined;
  if (raw.length <= EXCERPT_SCAN_LENGTH && text.length <= EXCERPT_LENGTH) return text;
  return `${cutAt(text, EXCERPT_LENGTH).trimEnd()}…`;
}

/** The first `length` UTF-16 units of `text`, one fewer if that would cut an emoji (a surrogate pair) in half. */
function cutAt(text: string, length: number): string {
  if (text.length <= length) return text;
  const next = text.charCodeAt(length);
  const splitsPair = next >= 0xdc00 && next <= 0xdfff;
  return text.slice(0, splitsPair ? length - 1 : length);
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** The text of `element` without the parts matching `skipSelector`, read only as far as an excerpt needs. */
function textWithout(element: Element, skipSelector: string): string {
  let text = '';
  const visit = (node: Node): void => {
    for (let child = node.firstChild; child !== null && text.length <= EXCERPT_SCAN_LENGTH; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) text += child.nodeValue ?? '';
      else if (child.nodeType === ELEMENT_NODE && !(child as Element).matches(skipSelector)) visit(child);
    }
  };
  visit(element);
  return text;
}

/**
 * Date.toISOString's own form, with plausible field ranges. Discord writes its times this way; accepting them as
 * they are avoids a parse and a format per message (measured as a fifth of the Discord extractor's time).
 */
const CANONICAL_ISO = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;

/** A `datetime` attribute as canonical ISO 8601 (UTC), or undefined when it is missing or not a date. */
export function isoFromDatetime(element: Element | null): string | undefined {
  const datetime = element?.getAttribute('datetime');
  if (!datetime) return undefined;
  if (CANONICAL_ISO.test(datetime)) return datetime;
  const time = Date.parse(datetime);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** Appends a field when it has a value: absent means not found, never an empty or 'unknown' value. */
export function pushField(fields: IdentifierField[], key: IdentifierKey, value: string | undefined): void {
  if (value !== undefined && value !== '') fields.push({ key, value });
}

/**
 * The elements named `tag` in `scope`, in document order. Custom element names (YouTube's `ytd-…`) are found by
 * name, the fastest query a page offers: measured on a YouTube page of 36,000 elements, a browser's cached
 * `getElementsByTagName` costs a fiftieth of a `querySelectorAll` of the same name. (A DocumentFragment, as the
 * unit tests parse pages into, has no getElementsByTagName.)
 */
export function elementsNamed(scope: ParentNode, tag: string): ArrayLike<Element> {
  return 'getElementsByTagName' in scope ? (scope as Element).getElementsByTagName(tag) : scope.querySelectorAll(tag);
}

/**
 * The elements of the first of `tags` that names any in `scope` (one markup version at a time, as
 * queryFirstMatch). A live collection's first element is found without walking the rest of the page, so a page is
 * walked whole only for a name it lacks; `NameChoice` remembers which name a page uses, so that later readings of
 * the page skip the names it lacks.
 */
export class NameChoice {
  private preferred = 0;
  private readonly tags: readonly string[];

  constructor(tags: readonly string[]) {
    this.tags = tags;
  }

  elements(scope: ParentNode): ArrayLike<Element> {
    const order = [this.preferred, ...this.tags.keys()];
    for (const index of order) {
      const found = elementsNamed(scope, this.tags[index] ?? '');
      if (found[0] === undefined) continue;
      this.preferred = index;
      return found;
    }
    return [];
  }

  /** The first element of the first name that names any. */
  first(scope: ParentNode): Element | null {
    return this.elements(scope)[0] ?? null;
  }
}

/** The first element named one of `tags` (in that order of preference) that is not `hidden`. */
export function firstShownNamed(scope: ParentNode, tags: readonly string[]): Element | null {
  for (const tag of tags) {
    const found = elementsNamed(scope, tag);
    // Item by item, not up to `length`: a live collection then stops walking the page at the element found.
    for (let index = 0, element = found[0]; element !== undefined; element = found[++index]) {
      if (!element.hasAttribute('hidden')) return element;
    }
  }
  return null;
}

/**
 * The outermost elements named one of `names` in `scope`, in document order, without walking inside them: a
 * grid's tiles hold most of its page, so the walk visits little more than the tiles themselves (several kinds of
 * tile on one page, as a YouTube channel's Home tab mixes videos and shorts).
 */
export function outermostNamed(scope: ParentNode, names: ReadonlySet<string>): Element[] {
  const found: Element[] = [];
  let node: Element | null = scope.firstElementChild;
  while (node !== null) {
    if (names.has(node.localName)) {
      found.push(node);
      node = nextOutside(node, scope);
    } else {
      node = node.firstElementChild ?? nextOutside(node, scope);
    }
  }
  return found;
}

/** The element after `node` and all it holds, within `scope`; null at the end of `scope`. */
function nextOutside(node: Element, scope: ParentNode): Element | null {
  for (let current: Element | null = node; current !== null && current !== scope; current = current.parentElement) {
    if (current.nextElementSibling !== null) return current.nextElementSibling;
  }
  return null;
}
