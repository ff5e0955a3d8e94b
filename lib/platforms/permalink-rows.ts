/**
 * Finding an item's boundary from its permalink outward, for platforms whose markup names no container for a
 * comment or a post (Instagram, Facebook's current layout): the item is the largest element around its permalink
 * that holds no permalink of another item. Class names change with every release; the shape of a permalink does not.
 *
 * Cheap by design: an element's descendants are contiguous in document order, so an ancestor holds a permalink of
 * another item exactly when it holds the nearest one before or after it (in document order) with another key.
 * Climbing is then a few `contains` checks per level, never a query over the ancestor's subtree.
 */

/** A permalink found on the page and the item it belongs to (several links may point at one item). */
export interface Anchor {
  link: Element;
  key: string;
}

/**
 * For each anchor, the largest ancestor of its link that holds no anchor with another key, stopping below `root`
 * (and below any element `stopAt` accepts, e.g. a list of posts). `anchors` must be in document order.
 */
export function boundaries(anchors: readonly Anchor[], root: ParentNode, stopAt?: (element: Element) => boolean): Element[] {
  const previousOther = nearestOtherKeys(anchors, -1);
  const nextOther = nearestOtherKeys(anchors, 1);
  return anchors.map((anchor, index) => {
    const before = previousOther[index];
    const after = nextOther[index];
    let boundary = anchor.link;
    for (let parent = boundary.parentElement; parent !== null && parent !== root; parent = parent.parentElement) {
      if (stopAt?.(parent)) break;
      if ((before !== undefined && parent.contains(before)) || (after !== undefined && parent.contains(after))) break;
      boundary = parent;
    }
    return boundary;
  });
}

/** For each anchor, the link of the nearest anchor in direction `step` (−1 or 1) whose key differs. */
function nearestOtherKeys(anchors: readonly Anchor[], step: 1 | -1): (Element | undefined)[] {
  const nearest = new Array<Element | undefined>(anchors.length);
  // Walking in direction −step, remember the last anchor of each run of one key and the run before it.
  let otherLink: Element | undefined;
  let runKey: string | undefined;
  let runLink: Element | undefined;
  const start = step === 1 ? anchors.length - 1 : 0;
  for (let index = start; index >= 0 && index < anchors.length; index -= step) {
    const anchor = anchors[index] as Anchor;
    if (anchor.key !== runKey) {
      otherLink = runLink;
      runKey = anchor.key;
    }
    runLink = anchor.link;
    nearest[index] = otherLink;
  }
  return nearest;
}

/** Elements in document order, each once (several anchors of one item share a boundary). */
export function uniqueInDocumentOrder(elements: Iterable<Element>): Element[] {
  const unique = [...new Set(elements)];
  return unique.sort((a, b) => (a === b ? 0 : a.compareDocumentPosition(b) & 4 ? -1 : 1));
}
