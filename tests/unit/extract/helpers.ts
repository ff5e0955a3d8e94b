import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readRows } from '../../../lib/platforms/extraction';
import type { ExtractedItem, IdentifierField, IdentifierKey, ItemExtractor } from '../../../lib/platforms/types';

/** A fixture's HTML, from tests/unit/extract/fixtures/. */
export function loadFixture(name: string): string {
  // A path, not a URL: under happy-dom the global URL is the DOM's, which Node's fs does not accept.
  return readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');
}

/** Puts `html` into a fresh container in the happy-dom document and returns it, as a content script sees the page. */
export function render(html: string): HTMLElement {
  document.body.innerHTML = '';
  const container = document.createElement('div');
  container.innerHTML = html;
  document.body.append(container);
  return container;
}

/** The fields of an item as key → value, for assertions that look at one field. */
export function fieldMap(item: ExtractedItem | undefined): Partial<Record<IdentifierKey, string>> {
  return Object.fromEntries((item?.fields ?? []).map((field: IdentifierField) => [field.key, field.value]));
}

/** Every item `extractor` reads in `root`; a row or page it fails on is a test failure, with its error. */
export function readAll(extractor: ItemExtractor, root: ParentNode, pageUrl: URL): ExtractedItem[] {
  const { items, problem } = readRows(extractor, root, pageUrl);
  if (problem !== null) throw new Error(`${problem.scope} not read: ${problem.error}`);
  return items;
}

/**
 * A real saved page from tests/fixtures/real/ (see its PROVENANCE.md), parsed into an inert template: nothing it
 * links to (stylesheets, images) is fetched, and its own tree is what the extractors read.
 */
export function loadRealPage(name: string): DocumentFragment {
  return inert(readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'real', name), 'utf8'));
}

/** A fixture of tests/unit/extract/fixtures/ parsed the same way, for pages written whole (with their <head>). */
export function loadFixturePage(name: string): DocumentFragment {
  return inert(loadFixture(name));
}

function inert(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content;
}
