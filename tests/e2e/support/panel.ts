/**
 * Reading the side panel as a person does: every identifier it shows, page first, then each item, opening every row.
 */
import type { DrivenPage } from './driver';

export interface PanelIds {
  page: Array<[string, string]>;
  items: Array<{ key: string; fields: Array<[string, string]> }>;
}

/** Everything the panel shows as identifiers, once it shows `itemCount` items (each row opened to show them). */
export function readIds(panel: DrivenPage, itemCount: number, pageMarker = ''): Promise<PanelIds> {
  return panel.waitFor(
    ({ count, marker }: { count: number; marker: string }) => {
      // Rows are collapsed to one line: open each, as the person would, and read once all show their details.
      const closed = Array.from(document.querySelectorAll<HTMLButtonElement>('[data-testid="item-toggle"][aria-expanded="false"]'));
      closed.forEach((toggle) => toggle.click());
      if (closed.length > 0) return null;
      const pairs = (scope: Element) =>
        Array.from(scope.querySelectorAll('[data-testid="identifier"]')).map((field) => [
          field.getAttribute('data-key') ?? '',
          field.querySelector('[data-testid="identifier-value"]')?.textContent ?? '',
        ]);
      const pageBlock = document.querySelector('[data-testid="page-identifiers"]');
      const items = Array.from(document.querySelectorAll('[data-testid="item"]')).map((item) => ({
        key: item.getAttribute('data-key') ?? '',
        fields: pairs(item),
      }));
      if (items.length !== count) return null;
      const page = pageBlock ? pairs(pageBlock) : [];
      if (marker && !page.some(([, value]) => value === marker)) return null;
      return { page, items };
    },
    { count: itemCount, marker: pageMarker },
  ) as Promise<PanelIds>;
}
