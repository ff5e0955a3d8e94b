// @vitest-environment happy-dom
/**
 * The capture agent puts the page back exactly: after a capture's tiles, the DOM is byte for byte what the page
 * had (no style element, no `style=""`, no re-serialized style text, lazy images left lazy), so the page source
 * taken afterwards holds nothing of ours. What it changes in the page's looks is one stylesheet naming elements by
 * their place, so no element ever gets an attribute or inline style of ours.
 */
import { describe, expect, it } from 'vitest';
import { CaptureAgent, selectorOf } from '../../../lib/capture/agent';

const PAGE = `
  <header style="position: fixed; top: 0; height: 60px; width: 100%;">Header</header>
  <div id="bar" style="position:fixed;bottom:0;COLOR : red">Bottom bar</div>
  <nav style="position: sticky; top: 0">Sticky</nav>
  <main>
    <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" loading="lazy" alt="a">
    <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" loading="lazy" alt="b">
    ${'<p>text</p>'.repeat(50)}
  </main>`;

/** happy-dom does no layout: give the bars the boxes a browser would. */
function layOutBars(): void {
  const box = (top: number, height: number) => () => new DOMRect(0, top, 1280, height);
  document.querySelector('header')!.getBoundingClientRect = box(0, 60);
  document.querySelector<HTMLElement>('#bar')!.getBoundingClientRect = box(window.innerHeight - 50, 50);
}

describe('CaptureAgent', () => {
  it('leaves the page exactly as it was, after every step of a capture', async () => {
    document.body.innerHTML = PAGE;
    layOutBars();
    const before = document.documentElement.outerHTML;
    const agent = new CaptureAgent(document);
    await agent.prepare();
    expect(document.querySelectorAll('style')).toHaveLength(1);
    // Lazy images stay lazy: the browser loads them as the capture scrolls them into view.
    expect(document.querySelector('img')!.getAttribute('loading')).toBe('lazy');
    await agent.showTile(0, { showTopBars: true, showBottomBars: false });
    expect(hiddenBy(document.querySelector('style')!.textContent!)).toEqual([document.querySelector('#bar')]);
    await agent.showTile(400, { showTopBars: false, showBottomBars: true });
    // The fixed header is hidden on a later tile (so the restore below has something to undo).
    expect(hiddenBy(document.querySelector('style')!.textContent!)).toEqual([document.querySelector('header')]);
    await agent.restore();
    expect(document.documentElement.outerHTML).toBe(before);
    expect(agent.serialize()).not.toMatch(/eager|visibility|scroll-behavior|caret-color/);
  });

  it('refuses a tile once it has put the page back (a capture gone silent must not go on)', async () => {
    document.body.innerHTML = PAGE;
    const agent = new CaptureAgent(document);
    await agent.prepare();
    await agent.restore();
    await agent.restore();
    await expect(agent.showTile(0, { showTopBars: true, showBottomBars: true })).rejects.toThrow('put the page back');
  });

  it('does nothing once the page is back: a late restore leaves the page where the person has scrolled since', async () => {
    document.body.innerHTML = PAGE;
    const agent = new CaptureAgent(document);
    window.scrollTo(0, 0);
    await agent.prepare();
    await agent.restore();
    window.scrollTo(0, 300);
    const before = document.documentElement.outerHTML;
    await agent.restore();
    expect(window.scrollY).toBe(300);
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('does nothing when it never prepared the page (an agent ended before its capture began)', async () => {
    document.body.innerHTML = PAGE;
    window.scrollTo(0, 200);
    await new CaptureAgent(document).restore();
    expect(window.scrollY).toBe(200);
  });

  it('hands its stylesheet to whoever applies it (Firefox: the extension), changing no element of the page', async () => {
    document.body.innerHTML = PAGE;
    layOutBars();
    const before = document.documentElement.outerHTML;
    const applied: string[] = [];
    const agent = new CaptureAgent(document, async (css) => void applied.push(css));
    await agent.prepare();
    await agent.showTile(0, { showTopBars: true, showBottomBars: false });
    await agent.showTile(0, { showTopBars: true, showBottomBars: false });
    // Nothing changes in the DOM while the capture runs.
    expect(document.documentElement.outerHTML).toBe(before);
    await agent.restore();
    // Once on prepare, once when the bottom bar is hidden (not again for the same tile), and '' on restore.
    expect(applied).toHaveLength(3);
    expect(applied[0]).toContain('caret-color: transparent');
    expect(hiddenBy(applied[1]!)).toEqual([document.querySelector('#bar')]);
    expect(applied[2]).toBe('');
  });

  it('names an element by its place under the root, so that the selector finds it and only it', () => {
    document.body.innerHTML = '<div><p>a</p><p>b<span>c</span><span>d</span></p></div>';
    for (const element of Array.from(document.querySelectorAll('*'))) {
      expect(Array.from(document.querySelectorAll(selectorOf(element)))).toEqual([element]);
    }
  });
});

/** The elements a capture stylesheet hides. */
function hiddenBy(css: string): Element[] {
  const rule = /([^}]*)\{ visibility: hidden !important; \}/.exec(css);
  return rule ? Array.from(document.querySelectorAll(rule[1]!.trim())) : [];
}
