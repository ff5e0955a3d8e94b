import type { RowMemo, RowReading } from '../platforms/extraction';

/**
 * Remembers each row's last reading (lib/platforms/extraction.ts) until something inside the row changes, so an
 * update of a chat of 500 messages reads the few rows that changed, not all of them. A MutationObserver sees
 * every change (children, attributes, text) under the root and forgets the readings of the changed node's
 * ancestors, which include its row. A reading also depends on what the row before passed on (RowReading.carryIn,
 * checked by readRows) and on the page's address: another address forgets everything.
 */
export class RowCache implements RowMemo {
  #readings = new WeakMap<Element, RowReading>();
  #pageUrl = '';
  readonly #observer: MutationObserver;

  constructor(root: Node) {
    this.#observer = new MutationObserver((records) => this.#forget(records));
    this.#observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  }

  /** Call before each extraction: takes the changes not yet delivered, and starts afresh on another page. */
  prepare(pageUrl: string): void {
    const pending = this.#observer.takeRecords();
    if (pageUrl !== this.#pageUrl) {
      this.#pageUrl = pageUrl;
      this.#readings = new WeakMap();
      return;
    }
    this.#forget(pending);
  }

  get(row: Element): RowReading | undefined {
    return this.#readings.get(row);
  }

  set(row: Element, reading: RowReading): void {
    this.#readings.set(row, reading);
  }

  stop(): void {
    this.#observer.disconnect();
  }

  #forget(records: readonly MutationRecord[]): void {
    for (const record of records) {
      const target = record.target;
      const start = target.nodeType === Node.ELEMENT_NODE ? (target as Element) : target.parentElement;
      for (let element = start; element !== null; element = element.parentElement) this.#readings.delete(element);
    }
  }
}
