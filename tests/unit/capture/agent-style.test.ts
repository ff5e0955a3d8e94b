// @vitest-environment happy-dom
/**
 * What the reloaded add-on puts back in a page whose capture agent Firefox ended mid-capture: the scroll, on that
 * page only; and, where the browser refuses the background to script the page (a capture made under activeTab), the
 * put-back handed once to that tab's content script instead.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { finishPutBacks, putPageBack, takePutBack } from '../../../lib/capture/agent-style';
import { selectorOf } from '../../../lib/capture/agent';
import type { PagePutBack } from '../../../lib/capture/agent-types';

function page(): HTMLElement {
  document.body.innerHTML = '<div id="pane"><p>a</p><p>b</p></div>';
  return document.querySelector('#pane')!;
}

describe('putPageBack', () => {
  it('puts back the scroll it was given', () => {
    const scroller = page();
    scroller.scrollTop = 500;
    putPageBack({ url: location.href, window: { x: 0, y: 0 }, scroller: { selector: selectorOf(scroller), top: 40 } });
    expect(scroller.scrollTop).toBe(40);
  });

  it('does nothing on another page (the tab navigated since)', () => {
    const scroller = page();
    scroller.scrollTop = 500;
    putPageBack({ url: 'https://elsewhere.example/', window: { x: 0, y: 0 }, scroller: { selector: selectorOf(scroller), top: 40 } });
    expect(scroller.scrollTop).toBe(500);
  });
});

describe('put-backs the background may not do itself', () => {
  const owed: PagePutBack = { url: 'https://example.org/long', window: { x: 0, y: 120 }, scroller: null };
  beforeEach(() => fakeBrowser.reset());

  it('are handed once to the content script of their tab, and not kept in storage', async () => {
    // The fake browser has no scripting.executeScript: the browser refuses, as it does after a reload under activeTab.
    await fakeBrowser.storage.local.set({ capturePutBacks: { 7: owed } });
    await finishPutBacks();
    expect(await fakeBrowser.storage.local.get('capturePutBacks')).toEqual({});
    expect(await takePutBack(8)).toBeNull();
    expect(await takePutBack(undefined)).toBeNull();
    expect(await takePutBack(7)).toEqual(owed);
    expect(await takePutBack(7)).toBeNull();
  });

  it('are nothing when no capture was cut short', async () => {
    await finishPutBacks();
    expect(await takePutBack(7)).toBeNull();
  });
});
