/**
 * Turns a real saved page (tests/fixtures/real/) into a benchmark page with many items, and changes it as a live
 * page does: its own item rows are cloned, each clone with fresh ids in its links and attributes, so every clone is
 * an item of its own in the platform's real markup. Runs inside the benchmark page (bundled with
 * content-update.ts).
 */

/** How one platform's page is grown and changed. */
export interface PageSpec {
  /** The elements to clone, one per item (their parent takes the clones). */
  rows: string;
  /** Which ids the rows carry, to be renewed in every clone. */
  ids: 'tiktok' | 'youtube-comment' | 'youtube-video';
  /** An element inside a row whose text a change edits. */
  text: string;
  /** Elements to show (hidden pages YouTube keeps) and to hide, before anything else. */
  show?: string;
  hide?: string;
}

const ID_PATTERNS: Record<PageSpec['ids'], RegExp> = {
  tiktok: /\b7\d{18}\b/g,
  'youtube-comment': /\bUg[\w-]{24}\b/g,
  'youtube-video': /(?<=v=|shorts\/)[\w-]{11}\b/g,
};

let counter = 0;

function freshId(kind: PageSpec['ids']): string {
  counter++;
  if (kind === 'tiktok') return `7${String(900_000_000_000_000_000n + BigInt(counter)).slice(0, 18)}`;
  if (kind === 'youtube-comment') return `Ugx${counter.toString(36).padStart(23, '0')}`;
  return `b${counter.toString(36).padStart(10, '0')}`;
}

/** A copy of `row` whose ids are all new (the same old id gets the same new one within the copy). */
function cloneWithFreshIds(row: Element, kind: PageSpec['ids']): Element {
  const renamed = new Map<string, string>();
  const html = row.outerHTML.replace(ID_PATTERNS[kind], (id) => {
    let fresh = renamed.get(id);
    if (fresh === undefined) renamed.set(id, (fresh = freshId(kind)));
    return fresh;
  });
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content.firstElementChild as Element;
}

function rowsOf(spec: PageSpec): Element[] {
  return Array.from(document.querySelectorAll(spec.rows));
}

/** Clones the page's rows (in turn) after its last row until it has `count` of them. */
export function grow(spec: PageSpec, count: number): number {
  if (spec.show) document.querySelector(spec.show)?.removeAttribute('hidden');
  if (spec.hide) document.querySelector(spec.hide)?.setAttribute('hidden', '');
  const originals = rowsOf(spec);
  if (originals.length === 0) throw new Error(`no rows: ${spec.rows}`);
  let last = originals[originals.length - 1] as Element;
  for (let index = originals.length; index < count; index++) {
    const clone = cloneWithFreshIds(originals[index % originals.length] as Element, spec.ids);
    last.after(clone);
    last = clone;
  }
  return rowsOf(spec).length;
}

/** A live page: the first row leaves, a new one arrives after the last, every other round a row's text changes. */
export function change(spec: PageSpec, round: number): void {
  const rows = rowsOf(spec);
  const last = rows[rows.length - 1] as Element;
  last.after(cloneWithFreshIds(last, spec.ids));
  rows[0]?.remove();
  if (round % 2 === 0) {
    const text = rows[Math.floor(rows.length / 2)]?.querySelector(spec.text);
    if (text) text.textContent = `edited ${round}`;
  }
}
