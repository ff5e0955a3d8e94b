import { describe, expect, it } from 'vitest';
import { eventProblem, tabProblem, tileFits, viewportProblem, type Binding } from '../../../lib/capture/binding';
import { samePage } from '../../../lib/platforms/url-utils';

const BOUND: Binding = { tabId: 7, windowId: 1, url: 'https://x.com/a', zoom: 1, viewport: { width: 1280, height: 800 }, devicePixelRatio: 1 };
const FACTS = { windowId: 1, url: 'https://x.com/a', active: true, zoom: 1 };

describe('binding', () => {
  it('names what changed in the tab, the gravest first', () => {
    expect(tabProblem(BOUND, FACTS)).toBeNull();
    expect(tabProblem(BOUND, null)).toBe('tab-closed');
    expect(tabProblem(BOUND, { ...FACTS, windowId: 2, active: false })).toBe('moved-window');
    expect(tabProblem(BOUND, { ...FACTS, url: 'https://x.com/b', active: false })).toBe('navigated');
    expect(tabProblem(BOUND, { ...FACTS, url: 'https://x.com/a#top' })).toBeNull();
    expect(tabProblem(BOUND, { ...FACTS, zoom: 1.1 })).toBe('zoom-changed');
    expect(tabProblem(BOUND, { ...FACTS, active: false })).toBe('hidden');
  });

  it('judges events: only those about our tab or our window count', () => {
    expect(eventProblem(BOUND, { kind: 'activated', tabId: 8, windowId: 1 })).toBe('hidden');
    expect(eventProblem(BOUND, { kind: 'activated', tabId: 8, windowId: 2 })).toBeNull();
    expect(eventProblem(BOUND, { kind: 'activated', tabId: 7, windowId: 1 })).toBeNull();
    expect(eventProblem(BOUND, { kind: 'activated', tabId: 7, windowId: 3 })).toBe('moved-window');
    expect(eventProblem(BOUND, { kind: 'detached', tabId: 7 })).toBe('moved-window');
    expect(eventProblem(BOUND, { kind: 'attached', tabId: 8, windowId: 1 })).toBeNull();
    expect(eventProblem(BOUND, { kind: 'updated', tabId: 7, url: 'https://x.com/b' })).toBe('navigated');
    expect(eventProblem(BOUND, { kind: 'updated', tabId: 7 })).toBeNull();
    expect(eventProblem(BOUND, { kind: 'zoom', tabId: 7, zoom: 1.5 })).toBe('zoom-changed');
    expect(eventProblem(BOUND, { kind: 'zoom', tabId: 7, zoom: 1 })).toBeNull();
    expect(eventProblem(BOUND, { kind: 'removed', tabId: 8 })).toBeNull();
    expect(eventProblem(BOUND, { kind: 'window-resized', windowId: 1 })).toBe('resized');
    expect(eventProblem(BOUND, { kind: 'agent-gone', tabId: 7 })).toBe('reloaded');
  });

  it('compares the viewport and pixel ratio measured at each tile', () => {
    expect(viewportProblem(BOUND, { width: 1280, height: 800 }, 1)).toBeNull();
    expect(viewportProblem(BOUND, { width: 1280, height: 700 }, 1)).toBe('resized');
    expect(viewportProblem(BOUND, { width: 1280, height: 800 }, 2)).toBe('zoom-changed');
  });

  it('accepts the rounding of a fractional scale and nothing more', () => {
    // 110% zoom: a 1164x727 CSS px viewport is a 1280x800 image.
    const scale = 1280 / 1164;
    expect(tileFits({ width: 1280, height: 800 }, { width: 1164, height: 727 }, scale)).toBe(true);
    expect(tileFits({ width: 1280, height: 880 }, { width: 1164, height: 727 }, scale)).toBe(false);
    expect(tileFits({ width: 2560, height: 1600 }, { width: 1280, height: 800 }, 2)).toBe(true);
    expect(tileFits({ width: 2560, height: 1600 }, { width: 1280, height: 800 }, 1)).toBe(false);
    expect(samePage('https://a/b#x', 'https://a/b')).toBe(true);
  });
});
