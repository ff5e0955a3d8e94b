/**
 * Pick mode: the person clicks messages or posts on the page to select or unselect them for a report.
 *
 * Nothing that identifies the selection is written into the page: the outlines are drawn in a closed shadow
 * root (page scripts cannot look inside) on a host element that carries no attributes, no ids and no data, and
 * that is removed when pick mode ends. Clicks are read in the capture phase and stopped there, so clicking a
 * message in pick mode does not also open a link or a profile. Only trusted (real) clicks and keys count: a page
 * script cannot pick on the person's behalf.
 */

export interface PickModeOptions {
  /** The key of the item `element` belongs to (walking up from it), and that item's element; null if none. */
  itemAt(element: Element): { key: string; element: Element } | null;
  onToggle(key: string): void;
  onEnd(): void;
}

const OUTLINE = '#1d4e89';
const HOVER = '#c8007a';

export class PickMode {
  private host: HTMLElement | null = null;
  private layer: HTMLElement | null = null;
  private selected = new Set<string>();
  /** Elements seen for keys (by click or hover); weak so a removed message is not kept alive. */
  private elements = new Map<string, WeakRef<Element>>();
  private hovered: Element | null = null;
  private frame = 0;
  private readonly options: PickModeOptions;
  private hint = '';

  constructor(options: PickModeOptions) {
    this.options = options;
  }

  get active(): boolean {
    return this.host !== null;
  }

  start(selected: readonly string[], hint: string): void {
    this.selected = new Set(selected);
    this.hint = hint;
    if (this.host) {
      this.scheduleDraw();
      return;
    }
    const host = document.createElement('div');
    // Inline style on our own element only: fixed, click-through, above the page.
    host.style.cssText = 'position:fixed;inset:0;pointer-events:none;z-index:2147483647;';
    const shadow = host.attachShadow({ mode: 'closed' });
    const layer = document.createElement('div');
    shadow.append(layer);
    document.documentElement.append(host);
    this.host = host;
    this.layer = layer;
    window.addEventListener('click', this.onClick, true);
    window.addEventListener('auxclick', this.onClick, true);
    window.addEventListener('keydown', this.onKey, true);
    window.addEventListener('mouseover', this.onHover, true);
    window.addEventListener('scroll', this.scheduleDraw, { capture: true, passive: true });
    window.addEventListener('resize', this.scheduleDraw, { passive: true });
    this.scheduleDraw();
  }

  setSelected(selected: readonly string[]): void {
    this.selected = new Set(selected);
    this.scheduleDraw();
  }

  stop(): void {
    if (!this.host) return;
    window.removeEventListener('click', this.onClick, true);
    window.removeEventListener('auxclick', this.onClick, true);
    window.removeEventListener('keydown', this.onKey, true);
    window.removeEventListener('mouseover', this.onHover, true);
    window.removeEventListener('scroll', this.scheduleDraw, true);
    window.removeEventListener('resize', this.scheduleDraw);
    cancelAnimationFrame(this.frame);
    this.host.remove();
    this.host = null;
    this.layer = null;
    this.hovered = null;
    this.elements.clear();
  }

  private readonly onClick = (event: MouseEvent) => {
    if (!event.isTrusted || !(event.target instanceof Element)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    if (event.type !== 'click') return;
    const item = this.options.itemAt(event.target);
    if (!item) return;
    this.elements.set(item.key, new WeakRef(item.element));
    this.options.onToggle(item.key);
  };

  private readonly onKey = (event: KeyboardEvent) => {
    if (!event.isTrusted || event.key !== 'Escape') return;
    event.preventDefault();
    event.stopImmediatePropagation();
    this.stop();
    this.options.onEnd();
  };

  private readonly onHover = (event: MouseEvent) => {
    if (!(event.target instanceof Element)) return;
    const item = this.options.itemAt(event.target);
    this.hovered = item?.element ?? null;
    if (item) this.elements.set(item.key, new WeakRef(item.element));
    this.scheduleDraw();
  };

  private readonly scheduleDraw = () => {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.draw());
  };

  private draw(): void {
    const layer = this.layer;
    if (!layer) return;
    const boxes: HTMLElement[] = [banner(this.hint)];
    for (const key of this.selected) {
      const element = this.elements.get(key)?.deref();
      if (element?.isConnected) boxes.push(box(element, OUTLINE, 'solid'));
    }
    if (this.hovered?.isConnected) boxes.push(box(this.hovered, HOVER, 'dashed'));
    layer.replaceChildren(...boxes);
  }
}

function box(element: Element, color: string, style: 'solid' | 'dashed'): HTMLElement {
  const rect = element.getBoundingClientRect();
  const div = document.createElement('div');
  div.style.cssText = `position:fixed;left:${rect.left}px;top:${rect.top}px;width:${rect.width}px;height:${rect.height}px;outline:3px ${style} ${color};outline-offset:-3px;box-sizing:border-box;`;
  return div;
}

function banner(text: string): HTMLElement {
  const div = document.createElement('div');
  div.textContent = text;
  div.style.cssText =
    'position:fixed;left:50%;top:8px;transform:translateX(-50%);background:#1d4e89;color:#fff;font:14px/1.4 system-ui,sans-serif;padding:6px 12px;border-radius:6px;max-width:90vw;';
  return div;
}
