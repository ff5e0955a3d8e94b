import { extractItems } from '../platforms/extraction';
import { extractorFor } from './page-items';

/**
 * A root whose only candidate is `element`: lets the platform's own extractor say whether `element` is one item
 * (and which), so pick mode needs no second copy of the platform's selectors.
 */
function singleElementRoot(element: Element): ParentNode {
  return {
    querySelectorAll: (selector: string) => (element.matches(selector) ? [element] : []),
    querySelector: (selector: string) => (element.matches(selector) ? element : null),
  } as unknown as ParentNode;
}

/** The item `target` belongs to on the page at `href` (walking up to `stop`), for pick mode; null if none. */
export function itemAt(target: Element, href: string, stop: Element | null): { key: string; element: Element } | null {
  const platform = extractorFor(href);
  if (!platform) return null;
  const url = new URL(href);
  for (let node: Element | null = target; node !== null && node !== stop; node = node.parentElement) {
    const [item] = extractItems(platform, singleElementRoot(node), url).items;
    if (item) return { key: item.key, element: node };
  }
  return null;
}
