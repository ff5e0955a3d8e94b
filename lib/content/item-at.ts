import type { PlatformRegistry } from '../platforms/lookup';
import { pageExtractor } from './page-items';

/**
 * The item `target` belongs to on the page at `href`, for pick mode: the nearest row of the platform's own
 * extractor that holds `target` (walking up to `stop`), read on its own. The extractor's rows are the items'
 * boundaries, however it finds them (a container the platform marks, or the permalink's outward boundary), so
 * pick mode needs no second copy of the platform's selectors. Null when `target` is in no row that can be read.
 */
export function itemAt(
  target: Element,
  href: string,
  stop: Element | null,
  registry: PlatformRegistry,
): { key: string; element: Element } | null {
  const page = pageExtractor(href, registry);
  if (!page) return null;
  let rows: ReadonlySet<Element>;
  try {
    rows = new Set(page.extractor.rows(target.ownerDocument));
  } catch {
    return null;
  }
  for (let node: Element | null = target; node !== null && node !== stop; node = node.parentElement) {
    if (!rows.has(node)) continue;
    try {
      const { item } = page.extractor.begin(new URL(href)).read(node, undefined);
      if (item) return { key: item.key, element: node };
    } catch {
      // A row that cannot be read is no item to pick; a row around it may be.
    }
  }
  return null;
}
