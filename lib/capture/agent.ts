/**
 * The part of a capture that runs inside the captured page (injected on demand as capture-agent.js): finds what
 * scrolls, moves it tile by tile, hides what must not repeat (fixed and sticky bars, scrollbars), waits for
 * images in view, and puts everything back afterwards. It keeps its state in this isolated world only: no
 * attributes or messages that the page's own scripts could see.
 *
 * Everything it changes in how the page looks is one stylesheet, rebuilt on every change (elements are named by
 * their place in the tree, so no element gets an attribute or inline style of ours). Who applies that stylesheet
 * is the caller's choice (entrypoints/capture-agent.ts): where the browser may end this script before it can put
 * the page back (Firefox, when the add-on is reloaded), the stylesheet is inserted by the extension itself, and the
 * browser takes it away with the extension.
 */

import type { AgentGeometry, PagePutBack, TileState } from './agent-types';

/**
 * Puts the capture's stylesheet in the page, replacing the one put before; '' takes it away. `putBack` says what
 * else the capture changed while its stylesheet is in (null with ''), for an applier that must outlive the agent.
 */
export type ApplyStyle = (css: string, putBack: PagePutBack | null) => Promise<void>;

/** Scrollbars hidden (they would be stitched down the image); no smooth scrolling or animations that would leave
 * tiles half-moved; fixed backgrounds scroll with the page so they are not repeated. */
const CAPTURE_CSS = `
html, body { scrollbar-width: none !important; }
html::-webkit-scrollbar, body::-webkit-scrollbar { display: none !important; }
*, *::before, *::after { scroll-behavior: auto !important; transition: none !important; animation-play-state: paused !important; caret-color: transparent !important; }
* { background-attachment: scroll !important; }`;

/** The stylesheet as a <style> element of the page's own, which this script takes away again. */
export function styleElementApplier(doc: Document): ApplyStyle {
  let element: HTMLStyleElement | null = null;
  return async (css) => {
    if (!css) {
      element?.remove();
      element = null;
      return;
    }
    if (!element) {
      element = doc.createElement('style');
      (doc.head ?? doc.documentElement).append(element);
    }
    element.textContent = css;
  };
}

/** A selector for exactly this element: its place under the root, child by child (no attribute needed). */
export function selectorOf(element: Element): string {
  const steps: string[] = [];
  for (let node: Element = element; node.parentElement; node = node.parentElement) {
    steps.unshift(`:nth-child(${Array.prototype.indexOf.call(node.parentElement.children, node) + 1})`);
  }
  return [':root', ...steps].join(' > ');
}

const MIN_INNER_SCROLLER_SHARE = 0.15;
const IMAGE_WAIT_MS = 3000;

export class CaptureAgent {
  #scroller: Element | null = null;
  #kind: AgentGeometry['scroller'] = 'none';
  /** Fixed and sticky elements hidden on the current tile. */
  #hidden = new Set<Element>();
  #prepared = false;
  /** The stylesheet in the page now ('' when none). */
  #css = '';
  #putBack: PagePutBack | null = null;
  #originalScroll = { windowX: 0, windowY: 0, scrollerTop: 0 };

  constructor(
    private readonly doc: Document = document,
    private readonly applyStyle: ApplyStyle = styleElementApplier(doc),
  ) {}

  get #win(): Window {
    return this.doc.defaultView ?? window;
  }

  async prepare(): Promise<AgentGeometry> {
    this.#prepared = true;
    this.#originalScroll = { windowX: this.#win.scrollX, windowY: this.#win.scrollY, scrollerTop: 0 };
    const { element, kind } = findMainScroller(this.doc);
    this.#scroller = element;
    this.#kind = kind;
    if (element && kind === 'inner') this.#originalScroll.scrollerTop = element.scrollTop;
    this.#putBack = {
      url: this.#win.location.href,
      window: { x: this.#originalScroll.windowX, y: this.#originalScroll.windowY },
      scroller: element && kind === 'inner' ? { selector: selectorOf(element), top: element.scrollTop } : null,
    };
    await this.#restyle();
    return this.geometry();
  }

  geometry(): AgentGeometry {
    const root = this.doc.documentElement;
    const state = this.#state();
    return {
      url: this.#win.location.href,
      title: this.doc.title,
      viewport: state.viewport,
      devicePixelRatio: state.devicePixelRatio,
      scroller: this.#kind,
      viewRect: state.viewRect,
      viewRectInDocument: state.viewRectInDocument,
      contentHeight: state.contentHeight,
      viewHeight: state.viewRect.height,
      scrollTop: state.scrollTop,
      page: { width: root.scrollWidth, height: Math.max(root.scrollHeight, this.doc.body?.scrollHeight ?? 0) },
    };
  }

  /**
   * Move to a tile and make it ready to be captured: fixed bars shown only where they belong (top bars on the
   * first tile, bottom bars on the last), stuck sticky elements hidden after the first, images in view loaded.
   */
  async showTile(
    scrollTop: number,
    options: { showTopBars: boolean; showBottomBars: boolean; coverHeight?: number },
  ): Promise<TileState> {
    // Put back on its own (the capture went silent): a tile now would not be what the capture planned.
    if (!this.#prepared) throw new Error('The capture agent has put the page back already');
    this.#scrollTo(scrollTop);
    await nextFrames(this.#win, 2);
    this.#arrangeBars(options);
    await this.#restyle();
    // A tile may reach below the viewport (Firefox draws tall tiles): wait for the images in all of it.
    const coverHeight = Math.max(this.#win.innerHeight, options.coverHeight ?? 0);
    await this.#startLazyLoadsBelowView(scrollTop, coverHeight);
    await this.#waitForImagesIn(coverHeight);
    // Two frames: the last change is painted in the first; a stream frame captured after the second shows it.
    await nextFrames(this.#win, 2);
    return { ...this.#state(), settledAt: this.#win.performance.timeOrigin + this.#win.performance.now() };
  }

  /**
   * Puts the page back exactly: its stylesheet taken away, every attribute as the page had it (the page source is
   * taken after this, and must hold nothing of ours), and the scroll position. Safe to call any number of times:
   * with nothing of ours left in the page it does nothing (a late call, e.g. when the background stops long after
   * the capture, must not scroll the page back to where the capture began).
   */
  async restore(): Promise<void> {
    if (!this.#prepared && !this.#css) return;
    this.#prepared = false;
    this.#hidden.clear();
    if (this.#scroller && this.#kind === 'inner') this.#scroller.scrollTop = this.#originalScroll.scrollerTop;
    this.#win.scrollTo(this.#originalScroll.windowX, this.#originalScroll.windowY);
    this.#scroller = null;
    this.#css = '';
    this.#putBack = null;
    await this.applyStyle('', null);
  }

  /** The page's DOM as HTML (Firefox has no MHTML: this is the page source stored beside the image). */
  serialize(): string {
    const doctype = this.doc.doctype ? `<!DOCTYPE ${this.doc.doctype.name}>\n` : '';
    return doctype + this.doc.documentElement.outerHTML;
  }

  #state(): Omit<TileState, 'settledAt'> {
    const root = this.doc.documentElement;
    const measured = {
      viewport: { width: root.clientWidth || this.#win.innerWidth, height: this.#win.innerHeight },
      devicePixelRatio: this.#win.devicePixelRatio || 1,
    };
    if (this.#kind === 'inner' && this.#scroller) {
      const rect = visibleRect(this.#scroller.getBoundingClientRect(), this.#win);
      const inner = this.#scroller;
      // clientHeight excludes borders; keep the rectangle to the padding box.
      const top = rect.top + (inner as HTMLElement).clientTop;
      const height = Math.min(rect.height, inner.clientHeight);
      return {
        ...measured,
        scrollTop: inner.scrollTop,
        contentHeight: inner.scrollHeight,
        viewRect: { left: rect.left, top, width: rect.width, height },
        viewRectInDocument: { left: rect.left + this.#win.scrollX, top: top + this.#win.scrollY },
      };
    }
    return {
      ...measured,
      scrollTop: this.#win.scrollY,
      contentHeight: Math.max(root.scrollHeight, this.doc.body?.scrollHeight ?? 0),
      viewRect: { left: 0, top: 0, width: root.clientWidth || this.#win.innerWidth, height: this.#win.innerHeight },
      viewRectInDocument: { left: 0, top: this.#win.scrollY },
    };
  }

  #scrollTo(top: number): void {
    if (this.#kind === 'inner' && this.#scroller) this.#scroller.scrollTop = top;
    else this.#win.scrollTo(0, top);
  }

  /** The stylesheet for the page as it must look now; put in the page only when it changed. */
  async #restyle(): Promise<void> {
    if (!this.#prepared) return; // put back meanwhile (the capture went silent): nothing of ours goes in again
    const rules = [CAPTURE_CSS];
    if (this.#scroller && this.#kind === 'inner') {
      rules.push(`${selectorOf(this.#scroller)} { scrollbar-width: none !important; scroll-behavior: auto !important; }`);
    }
    if (this.#hidden.size > 0) rules.push(`${[...this.#hidden].map(selectorOf).join(',\n')} { visibility: hidden !important; }`);
    const css = rules.join('\n');
    if (css === this.#css) return;
    this.#css = css;
    await this.applyStyle(css, this.#putBack);
  }

  #arrangeBars({ showTopBars, showBottomBars }: { showTopBars: boolean; showBottomBars: boolean }): void {
    const viewHeight = this.#win.innerHeight;
    const scrollerRect = this.#scroller && this.#kind === 'inner' ? this.#scroller.getBoundingClientRect() : null;
    // Hidden or not, an element keeps its box (visibility): each is measured where it is.
    this.#hidden.clear();
    for (const { element, position } of findPinnedElements(this.doc, this.#win)) {
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      let show: boolean;
      if (position === 'fixed') {
        if (scrollerRect && !overlaps(rect, scrollerRect)) continue; // outside the captured pane
        const atTop = rect.top + rect.height / 2 < viewHeight / 2;
        show = atTop ? showTopBars : showBottomBars;
      } else {
        // A sticky element repeats only when it is stuck: then its top sits at its sticky offset.
        const stuckTop = isStuck(element, rect, scrollerRect, this.#win);
        show = !stuckTop || showTopBars;
      }
      if (!show) this.#hidden.add(element);
    }
  }

  /** The images of the tile's first `height` CSS px that have not loaded yet. */
  #pendingImagesIn(height: number): HTMLImageElement[] {
    return Array.from(this.doc.querySelectorAll('img')).filter((image) => {
      if (image.complete) return false;
      const rect = image.getBoundingClientRect();
      return rect.bottom > 0 && rect.top < height && rect.width > 0;
    });
  }

  /**
   * Lazy images are left as the page wrote them (no `loading` attribute of ours, nothing to put back): the browser
   * loads each as the capture scrolls it into view. A tall tile (Firefox) reaches further below the viewport than
   * the browser looks ahead, so the screens it covers there are scrolled through once first, which starts those
   * loads, and the tile is scrolled back to before it is waited for.
   */
  async #startLazyLoadsBelowView(scrollTop: number, coverHeight: number): Promise<void> {
    const viewHeight = this.#win.innerHeight;
    const below = this.#pendingImagesIn(coverHeight).filter((image) => image.loading === 'lazy' && image.getBoundingClientRect().top >= viewHeight);
    if (below.length === 0) return;
    for (let offset = viewHeight; offset < coverHeight; offset += viewHeight) {
      this.#scrollTo(scrollTop + offset);
      await nextFrames(this.#win, 2);
    }
    this.#scrollTo(scrollTop);
    await nextFrames(this.#win, 2);
  }

  async #waitForImagesIn(height: number): Promise<void> {
    const pending = this.#pendingImagesIn(height);
    if (pending.length === 0) return;
    const loads = pending.map(
      (image) =>
        new Promise<void>((resolve) => {
          image.addEventListener('load', () => resolve(), { once: true });
          image.addEventListener('error', () => resolve(), { once: true });
        }),
    );
    // Bounded: a broken or endless image must not stall the capture.
    await Promise.race([Promise.all(loads), new Promise((resolve) => setTimeout(resolve, IMAGE_WAIT_MS))]);
    await Promise.all(pending.map((image) => image.decode?.().catch(() => undefined)));
  }
}

function overlaps(a: DOMRect, b: DOMRect): boolean {
  return a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;
}

function visibleRect(rect: DOMRect, win: Window): { left: number; top: number; width: number; height: number } {
  const left = Math.max(0, rect.left);
  const top = Math.max(0, rect.top);
  const right = Math.min(win.document.documentElement.clientWidth || win.innerWidth, rect.right);
  const bottom = Math.min(win.innerHeight, rect.bottom);
  return { left, top, width: Math.max(0, right - left), height: Math.max(0, bottom - top) };
}

function isStuck(element: HTMLElement, rect: DOMRect, scrollerRect: DOMRect | null, win: Window): boolean {
  const style = win.getComputedStyle(element);
  const offset = parseFloat(style.top);
  if (Number.isNaN(offset)) return false;
  const containerTop = scrollerRect ? scrollerRect.top : 0;
  const scrolled = scrollerRect ? true : win.scrollY > 0;
  return scrolled && Math.abs(rect.top - (containerTop + offset)) < 1.5;
}

/**
 * The element whose scrolling reveals the page: the document when it scrolls, otherwise the largest visible
 * element that scrolls vertically (Discord's message list, WhatsApp's conversation pane...).
 */
export function findMainScroller(doc: Document): { element: Element | null; kind: AgentGeometry['scroller'] } {
  const win = doc.defaultView!;
  const root = doc.scrollingElement ?? doc.documentElement;
  const rootStyle = win.getComputedStyle(doc.documentElement);
  const bodyStyle = doc.body ? win.getComputedStyle(doc.body) : null;
  const documentScrolls =
    root.scrollHeight > win.innerHeight + 1 &&
    rootStyle.overflowY !== 'hidden' &&
    !(bodyStyle && bodyStyle.overflowY === 'hidden' && rootStyle.overflowY !== 'scroll' && rootStyle.overflowY !== 'auto');
  if (documentScrolls) return { element: root, kind: 'document' };

  const viewportArea = win.innerWidth * win.innerHeight;
  let best: Element | null = null;
  let bestArea = 0;
  for (const element of Array.from(doc.body?.querySelectorAll('*') ?? [])) {
    if (element.scrollHeight <= element.clientHeight + 1 || element.clientHeight === 0) continue;
    const overflowY = win.getComputedStyle(element).overflowY;
    if (overflowY !== 'auto' && overflowY !== 'scroll' && overflowY !== 'overlay') continue;
    const rect = visibleRect(element.getBoundingClientRect(), win);
    const area = rect.width * rect.height;
    if (area > bestArea) {
      best = element;
      bestArea = area;
    }
  }
  if (best && bestArea >= viewportArea * MIN_INNER_SCROLLER_SHARE) return { element: best, kind: 'inner' };
  return { element: root, kind: 'none' };
}

/** Elements that stay in place while the page scrolls (fixed) or stick after scrolling (sticky). */
export function findPinnedElements(doc: Document, win: Window): Array<{ element: HTMLElement; position: 'fixed' | 'sticky' }> {
  const found: Array<{ element: HTMLElement; position: 'fixed' | 'sticky' }> = [];
  const walker = doc.createTreeWalker(doc.body ?? doc.documentElement, NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node as HTMLElement;
    const position = win.getComputedStyle(element).position;
    if (position === 'fixed' || position === 'sticky') found.push({ element, position });
  }
  return found;
}

/** Wait for `count` rendered frames; falls back to a timer where frames do not come (hidden documents). */
function nextFrames(win: Window, count: number): Promise<void> {
  return new Promise((resolve) => {
    let left = count;
    const fallback = setTimeout(resolve, 100 * count);
    const tick = () => {
      left -= 1;
      if (left <= 0) {
        clearTimeout(fallback);
        resolve();
      } else win.requestAnimationFrame(tick);
    };
    win.requestAnimationFrame(tick);
  });
}
