import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExtractedItem, IdentifierField, IdentifierKey } from '../../../lib/platforms/types';

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
