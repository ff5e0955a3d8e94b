/**
 * The capture session against a fake browser: what a capture guarantees (bound to its tab, window, page, zoom,
 * viewport and scale; page source taken after the page is put back; a finished capture kept until saved), and
 * every cause that aborts it, including the races, with nothing stored and the page put back each time.
 */
import { describe, expect, it } from 'vitest';
import { CapturePacer } from '../../../lib/capture/pacer';
import { CaptureSession, type SessionStatus } from '../../../lib/capture/session';
import { StorageError } from '../../../lib/storage/evidence-store';
import { FakeBrowser, TAB, URL_A, WINDOW, type Hooks } from './fake-browser';

const REQUEST = { tabId: TAB, mode: 'full' as const, lang: 'en' as const, maxScreens: 60, selection: null, method: 'visible-tab' as const };

function session(browser: FakeBrowser, request = REQUEST) {
  const capture = new CaptureSession(request, browser.driver);
  const seen: SessionStatus[] = [];
  capture.subscribe((status) => seen.push(status));
  return { capture, seen };
}

/** Runs a capture that must fail with `code`: nothing stored, the page put back, the watch ended. */
async function expectAborted(browser: FakeBrowser, code: string, request = REQUEST) {
  const { capture } = session(browser, request);
  const status = await capture.run();
  expect(status).toMatchObject({ state: 'failed', code });
  expect(browser.saved).toEqual([]);
  expect(browser.log.filter((step) => step.startsWith('save'))).toEqual([]);
  if (browser.log.includes('inject')) expect(browser.log).toContain('restore');
  expect(browser.watching).toBe(false);
  return capture;
}

const browserWith = (hooks: Hooks, screens = 3) => new FakeBrowser(hooks, screens);

describe('a capture that goes well', () => {
  it('takes every screen of its tab, puts the page back before taking the source, and saves once', async () => {
    const browser = browserWith({});
    const { capture, seen } = session(browser);
    const status = await capture.run();
    expect(status).toMatchObject({ state: 'done', summary: { captureId: capture.captureId, url: URL_A } });
    expect(browser.saved).toHaveLength(1);
    expect(browser.saved[0]!.captureId).toBe(capture.captureId);
    expect(browser.log).toEqual([
      'inject', 'prepare',
      'tile 1', 'capture 1', 'tile 2', 'capture 2', 'tile 3', 'capture 3',
      'restore', 'source', 'unwatch', 'save 1',
    ]);
    // Progress: preparing, each screen, saving, done.
    expect(seen.map((s) => (s.state === 'running' ? `${s.phase} ${s.done}/${s.total}` : s.state))).toEqual([
      'preparing 0/1', 'capturing 1/3', 'capturing 2/3', 'capturing 3/3', 'saving 0/1', 'saving 0/1', 'done',
    ]);
    // A running capture is activity for auto-lock: once per screen.
    expect(browser.touches).toBe(3);
    // Each screen is released once stitched.
    expect(browser.images.map((image) => image.closed)).toEqual([true, true, true]);
  });

  it('prints the capture ID (the one of the record) in the stamp band', async () => {
    const browser = browserWith({});
    const { capture } = session(browser);
    await capture.run();
    expect(capture.captureId).toMatch(/^cap-20261130-120000000-[0-9a-f]{8}$/);
    expect(browser.stamp).toContainEqual({ label: 'Capture ID', value: capture.captureId });
    expect(browser.stamp.find((line) => line.label === 'URL')?.value).toBe(URL_A);
  });

  it('a second capture of another tab shares the one pacer: never three calls within one second', async () => {
    const times: number[] = [];
    const first = new FakeBrowser({}, 4);
    const pacer = first.pacer;
    const second = new FakeBrowser({}, 4, pacer);
    const stamp = (browser: FakeBrowser) => {
      const capture = browser.driver.captureTile;
      browser.driver.captureTile = async (windowId, rect) => {
        times.push(first.now.ms);
        return capture(windowId, rect);
      };
    };
    stamp(first);
    stamp(second);
    const [a, b] = await Promise.all([session(first).capture.run(), session(second).capture.run()]);
    expect([a.state, b.state]).toEqual(['done', 'done']);
    expect(times).toHaveLength(8);
    for (let i = 2; i < times.length; i += 1) expect(times[i]! - times[i - 2]!).toBeGreaterThanOrEqual(1000);
    expect(pacer).toBeInstanceOf(CapturePacer);
  });
});

describe('what aborts a capture (nothing stored, page put back)', () => {
  it('switched away and back during the pacing wait', async () => {
    const browser = browserWith({
      onPacingWait: (n) => {
        if (n !== 2) return;
        browser.emit({ kind: 'activated', tabId: 99, windowId: WINDOW });
        browser.emit({ kind: 'activated', tabId: TAB, windowId: WINDOW });
      },
    });
    await expectAborted(browser, 'hidden');
    // The second screen was never taken: the wait ended at once.
    expect(browser.log).not.toContain('capture 2');
  });

  it('another tab in front when the pacing wait ends, even with no event', async () => {
    const browser = browserWith({ onPacingWait: (n) => n === 2 && (browser.ourTab().active = false) });
    await expectAborted(browser, 'hidden');
    expect(browser.log).not.toContain('capture 2');
  });

  it('another tab came in front during the browser capture call: that image is refused', async () => {
    const browser = browserWith({ onCapture: (n) => n === 2 && (browser.ourTab().active = false) });
    await expectAborted(browser, 'hidden');
    expect(browser.images[1]!.closed).toBe(true);
  });

  it('moved to another window (the event)', async () => {
    const browser = browserWith({
      onShowTile: (n) => {
        if (n !== 2) return;
        browser.ourTab().windowId = 2;
        browser.emit({ kind: 'detached', tabId: TAB });
      },
    });
    await expectAborted(browser, 'moved-window');
  });

  it('moved to another window (read before the call, no event), where it is in front', async () => {
    const browser = browserWith({ onPacingWait: (n) => n === 3 && (browser.ourTab().windowId = 2) });
    await expectAborted(browser, 'moved-window');
    expect(browser.log).not.toContain('capture 3');
  });

  it('zoom changed between tiles (the event)', async () => {
    const browser = browserWith({
      onShowTile: (n) => {
        if (n !== 2) return;
        browser.ourTab().zoom = 1.1;
        browser.emit({ kind: 'zoom', tabId: TAB, zoom: 1.1 });
      },
    });
    await expectAborted(browser, 'zoom-changed');
  });

  it('zoom changed between tiles (read before the call, no event)', async () => {
    const browser = browserWith({ onShowTile: (n) => n === 2 && (browser.ourTab().zoom = 1.25) });
    await expectAborted(browser, 'zoom-changed');
    expect(browser.log).not.toContain('capture 2');
  });

  it('the page moved to a screen of another pixel ratio (measured by the agent)', async () => {
    const browser = browserWith({ onShowTile: (n) => n === 3 && (browser.devicePixelRatio = 2) });
    await expectAborted(browser, 'zoom-changed');
  });

  it('the window resized (the event, and the viewport the agent measures)', async () => {
    const byEvent = browserWith({ onShowTile: (n) => n === 2 && byEvent.emit({ kind: 'window-resized', windowId: WINDOW }) });
    await expectAborted(byEvent, 'resized');
    const byViewport = browserWith({ onShowTile: (n) => n === 2 && (byViewport.viewport = { width: 1000, height: 800 }) });
    await expectAborted(byViewport, 'resized');
  });

  it('a tile of the wrong size', async () => {
    const browser = browserWith({ imageSize: (n) => (n === 2 ? { width: 1408, height: 880 } : { width: 1280, height: 800 }) });
    const capture = await expectAborted(browser, 'resized');
    expect(capture.status).toMatchObject({ detail: 'screen 2 is 1408x880 px, expected 1280x800' });
    expect(browser.images[1]!.closed).toBe(true);
  });

  it('navigation (the event), and an agent lost with the page gone elsewhere', async () => {
    const byEvent = browserWith({ onShowTile: (n) => n === 2 && byEvent.emit({ kind: 'updated', tabId: TAB, url: 'https://x.com/home' }) });
    await expectAborted(byEvent, 'navigated');
    const byAgent = browserWith({
      onShowTile: (n) => {
        if (n !== 2) return;
        byAgent.ourTab().url = 'https://x.com/home';
        byAgent.tabs.delete(TAB); // the agent's message fails...
        queueMicrotask(() => byAgent.tabs.set(TAB, { windowId: WINDOW, url: 'https://x.com/home', active: true, zoom: 1 }));
      },
    });
    await expectAborted(byAgent, 'navigated');
  });

  it('an in-page anchor is not a navigation', async () => {
    const browser = browserWith({ onShowTile: (n) => n === 2 && browser.emit({ kind: 'updated', tabId: TAB, url: `${URL_A}#reply` }) });
    expect((await session(browser).capture.run()).state).toBe('done');
  });

  it('the page reloaded or crashed: its own message, not "hidden" or "navigated"', async () => {
    const browser = browserWith({ onShowTile: (n) => n === 2 && browser.emit({ kind: 'agent-gone', tabId: TAB }) });
    await expectAborted(browser, 'reloaded');
  });

  it('the document left before the tab showed its new address (Firefox): navigated, not reloaded', async () => {
    const browser = browserWith({
      onShowTile: (n) => {
        if (n !== 2) return;
        browser.emit({ kind: 'agent-gone', tabId: TAB });
        // The tab shows the new page's address a moment later, without an update event reaching the session.
        setTimeout(() => browser.tabs.set(TAB, { ...browser.tabs.get(TAB)!, url: 'https://example.org/elsewhere' }), 200);
      },
    });
    await expectAborted(browser, 'navigated');
  });

  it('the tab closed', async () => {
    const browser = browserWith({
      onShowTile: (n) => {
        if (n !== 2) return;
        browser.tabs.delete(TAB);
        browser.emit({ kind: 'removed', tabId: TAB });
      },
    });
    await expectAborted(browser, 'tab-closed');
  });

  it('cancelled', async () => {
    const browser = browserWith({ onShowTile: (n) => n === 2 && capture.cancel() });
    const { capture } = session(browser);
    expect(await capture.run()).toMatchObject({ state: 'failed', code: 'cancelled' });
    expect(browser.saved).toEqual([]);
    expect(browser.log).toContain('restore');
  });

  it('locked by quick exit during the tiles', async () => {
    const browser = browserWith({ onPacingWait: (n) => n === 2 && capture.cancel('locked') });
    const { capture } = session(browser);
    expect(await capture.run()).toMatchObject({ state: 'failed', code: 'locked' });
    expect(browser.saved).toEqual([]);
    expect(browser.log).toContain('restore');
  });

  it('locked by quick exit while the files are hashed: the save stores nothing', async () => {
    const browser = browserWith({ onSave: () => capture.cancel('locked') });
    const { capture } = session(browser);
    expect(await capture.run()).toMatchObject({ state: 'failed', code: 'locked' });
    expect(browser.saved).toEqual([]);
    expect(await capture.retrySave()).toMatchObject({ state: 'failed', code: 'locked' });
  });

  it('locked before it starts: refused at once, the page untouched', async () => {
    const browser = browserWith({});
    browser.locked = true;
    await expectAborted(browser, 'locked');
    expect(browser.log).toEqual([]);
  });

  it('a page no extension may capture', async () => {
    const browser = browserWith({});
    browser.ourTab().url = 'chrome://settings/';
    await expectAborted(browser, 'browser-page');
  });

  it('the page navigated while its source was taken (after the last screen)', async () => {
    const browser = browserWith({ onPageSource: () => browser.emit({ kind: 'updated', tabId: TAB, url: 'https://x.com/home' }) });
    await expectAborted(browser, 'navigated');
  });

  it('after the last screen, another tab in front no longer matters', async () => {
    const browser = browserWith({
      onPageSource: () => {
        browser.ourTab().active = false;
        browser.emit({ kind: 'activated', tabId: 99, windowId: WINDOW });
      },
    });
    expect((await session(browser).capture.run()).state).toBe('done');
  });
});

describe('a finished capture is never thrown away', () => {
  it('save failed (disk full), then saved on "Try saving again"', async () => {
    const browser = browserWith({
      onSave: (n) => {
        if (n === 1) throw new StorageError('quota', 'QuotaExceededError');
      },
    });
    const { capture, seen } = session(browser);
    expect(await capture.run()).toMatchObject({ state: 'unsaved', code: 'storage-full' });
    expect(browser.saved).toEqual([]);
    const status = await capture.retrySave();
    expect(status).toMatchObject({ state: 'done', summary: { captureId: capture.captureId } });
    expect(browser.saved).toHaveLength(1);
    // The same capture was saved: the screens were not taken again.
    expect(browser.log.filter((step) => step.startsWith('capture'))).toHaveLength(3);
    expect(seen.map((s) => s.state).slice(-3)).toEqual(['unsaved', 'running', 'done']);
  });

  it('a database error keeps it too, with the step in the details; discarding drops it', async () => {
    const browser = browserWith({
      onSave: () => {
        throw new StorageError('invalid', 'bad record');
      },
    });
    const { capture } = session(browser);
    expect(await capture.run()).toMatchObject({ state: 'unsaved', code: 'failed', detail: expect.stringContaining('save') });
    capture.discard();
    expect(capture.status).toMatchObject({ state: 'failed', code: 'cancelled' });
    expect(await capture.retrySave()).toMatchObject({ state: 'failed' });
    expect(browser.saved).toEqual([]);
  });

  it('quick exit drops an unsaved capture', async () => {
    const browser = browserWith({
      onSave: (n) => {
        if (n === 1) throw new StorageError('quota', 'full');
      },
    });
    const { capture } = session(browser);
    await capture.run();
    capture.cancel('locked');
    expect(capture.status).toMatchObject({ state: 'failed', code: 'locked' });
    expect(await capture.retrySave()).toMatchObject({ state: 'failed' });
    expect(browser.saved).toEqual([]);
  });
});
