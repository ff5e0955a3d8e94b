// @vitest-environment happy-dom
/**
 * The capture agent puts the page back exactly: after a capture's tiles, the DOM is byte for byte what the page
 * had (no style element, no `style=""`, no re-serialized style text, no `loading="eager"`), so the page source
 * taken afterwards holds nothing of ours.
 */
import { describe, expect, it } from 'vitest';
import { CaptureAgent } from '../../../lib/capture/agent';

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
    agent.prepare();
    expect(document.querySelectorAll('style')).toHaveLength(1);
    expect(document.querySelector('img')!.getAttribute('loading')).toBe('eager');
    await agent.showTile(0, { showTopBars: true, showBottomBars: false });
    expect(document.querySelector<HTMLElement>('#bar')!.style.visibility).toBe('hidden');
    await agent.showTile(400, { showTopBars: false, showBottomBars: true });
    // The fixed header is hidden on a later tile (so the restore below has something to undo).
    expect(document.querySelector('header')!.style.visibility).toBe('hidden');
    agent.restore();
    expect(document.documentElement.outerHTML).toBe(before);
    expect(agent.serialize()).not.toMatch(/eager|visibility|scroll-behavior|caret-color/);
  });

  it('refuses a tile once it has put the page back (a capture gone silent must not go on)', async () => {
    document.body.innerHTML = PAGE;
    const agent = new CaptureAgent(document);
    agent.prepare();
    agent.restore();
    agent.restore();
    await expect(agent.showTile(0, { showTopBars: true, showBottomBars: true })).rejects.toThrow('put the page back');
  });

  it('does nothing once the page is back: a late restore leaves the page where the person has scrolled since', () => {
    document.body.innerHTML = PAGE;
    const agent = new CaptureAgent(document);
    window.scrollTo(0, 0);
    agent.prepare();
    agent.restore();
    window.scrollTo(0, 300);
    const before = document.documentElement.outerHTML;
    agent.restore();
    expect(window.scrollY).toBe(300);
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('does nothing when it never prepared the page (an agent ended before its capture began)', () => {
    document.body.innerHTML = PAGE;
    window.scrollTo(0, 200);
    new CaptureAgent(document).restore();
    expect(window.scrollY).toBe(200);
  });
});
