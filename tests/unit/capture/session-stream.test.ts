/**
 * The capture session with Chrome's tab stream as its tile source (lib/capture/method.ts): the same session, the
 * same checks, screens taken from fresh stream frames without the quota's waits, and the exact method taking over
 * (recorded) when the stream fails, except when the tab itself went wrong, which aborts as before.
 */
import { describe, expect, it } from 'vitest';
import type { CaptureRequest } from '../../../lib/capture/driver';
import { chooseCaptureMethod } from '../../../lib/capture/method';
import { CaptureSession } from '../../../lib/capture/session';
import { FakeBrowser, TAB, type Hooks } from './fake-browser';

const REQUEST: CaptureRequest = { tabId: TAB, mode: 'full', lang: 'en', maxScreens: 60, selection: null, method: 'tab-stream' };

const streamBrowser = (hooks: Hooks = {}, screens = 3) => new FakeBrowser(hooks, screens, undefined, true);

async function run(browser: FakeBrowser, request = REQUEST) {
  const capture = new CaptureSession(request, browser.driver);
  return { status: await capture.run(), capture };
}

describe('choosing how screens are taken', () => {
  it('takes full pages from the stream in a browser that has one, unless the person chose the exact method', () => {
    expect(chooseCaptureMethod({ setting: 'fast', hasTabStream: true, mode: 'full' })).toBe('tab-stream');
    expect(chooseCaptureMethod({ setting: 'exact', hasTabStream: true, mode: 'full' })).toBe('visible-tab');
    // Firefox (no tab stream) keeps its own path.
    expect(chooseCaptureMethod({ setting: 'fast', hasTabStream: false, mode: 'full' })).toBe('visible-tab');
    // One screen is one captureVisibleTab call: nothing to gain from a stream.
    expect(chooseCaptureMethod({ setting: 'fast', hasTabStream: true, mode: 'visible' })).toBe('visible-tab');
  });
});

describe('a full-page capture from the tab stream', () => {
  it('takes every screen from frames captured after its tile settled, with no captureVisibleTab call and no quota wait', async () => {
    const browser = streamBrowser();
    browser.devicePixelRatio = 2;
    const { status } = await run(browser);
    expect(status).toMatchObject({ state: 'done' });
    expect(browser.log).toContain('stream open 2560x1600');
    expect(browser.log.filter((step) => step.startsWith('capture '))).toEqual([]);
    expect(browser.waited()).toBe(1); // nobody waited on the pacer before
    // Each frame was asked to be newer than its own tile's settling (the fake's tiles settle at 1000 ms apart).
    expect(browser.grabbedAfter).toEqual([1000, 2000, 3000]);
    expect(browser.saved[0]!.method).toEqual({ method: 'tab-stream' });
    expect(browser.log.indexOf('stream close')).toBeLessThan(browser.log.indexOf('restore'));
    expect(browser.images.every((image) => image.closed)).toBe(true);
  });

  it('takes every screen with captureVisibleTab when the stream cannot open, and records why', async () => {
    const browser = streamBrowser({
      onOpenStream: () => {
        throw new Error('Extension has not been invoked for the current page');
      },
    });
    const { status } = await run(browser);
    expect(status).toMatchObject({ state: 'done' });
    expect(browser.log.filter((step) => step.startsWith('capture '))).toHaveLength(3);
    expect(browser.saved[0]!.method).toEqual({
      method: 'tab-stream',
      fallback: { reason: 'Extension has not been invoked for the current page', fromScreen: 1 },
    });
  });

  it('goes on with captureVisibleTab from the screen where the stream ended', async () => {
    const browser = streamBrowser({
      onStreamGrab: (n) => {
        if (n === 2) throw new Error('The tab stream ended');
      },
    });
    const { status } = await run(browser);
    expect(status).toMatchObject({ state: 'done' });
    expect(browser.log.filter((step) => /^(stream \d|capture )/.test(step))).toEqual(['stream 1', 'stream 2', 'capture 1', 'capture 2']);
    expect(browser.log).toContain('stream close');
    expect(browser.saved[0]!.method).toEqual({ method: 'tab-stream', fallback: { reason: 'The tab stream ended', fromScreen: 2 } });
  });

  it('takes a screen\'s pixels while the next tile is shown, and stitches every screen once, in order', async () => {
    const browser = streamBrowser();
    const { status } = await run(browser);
    expect(status).toMatchObject({ state: 'done' });
    expect(browser.log.filter((step) => /^(tile|stream \d|pixels)/.test(step))).toEqual(['tile 1', 'stream 1', 'tile 2', 'pixels 1', 'stream 2', 'tile 3', 'pixels 2', 'stream 3', 'pixels 3']);
    expect(JSON.parse(await browser.saved[0]!.stitched.parts[0]!.blob.text())).toEqual([0, 1, 2]);
  });

  it('takes a screen again with captureVisibleTab when its pixels never come (the offscreen document went), and the rest', async () => {
    const browser = streamBrowser({
      onStreamPixels: (n) => {
        if (n === 2) throw new Error('No such tab stream (it ended)');
      },
    });
    const { status } = await run(browser);
    expect(status).toMatchObject({ state: 'done' });
    // Screen 2's frame was taken, tile 3 shown, then its pixels failed: tile 2 is shown again and captured exactly.
    expect(browser.log.filter((step) => /^(tile|stream \d|pixels|capture )/.test(step))).toEqual([
      'tile 1', 'stream 1', 'tile 2', 'pixels 1', 'stream 2', 'tile 3', 'pixels 2', 'tile 4', 'capture 1', 'tile 5', 'capture 2',
    ]);
    expect(browser.saved[0]!.method).toEqual({ method: 'tab-stream', fallback: { reason: 'No such tab stream (it ended)', fromScreen: 2 } });
    expect(JSON.parse(await browser.saved[0]!.stitched.parts[0]!.blob.text())).toEqual([0, 1, 2]);
    expect(browser.images.every((image) => image.closed)).toBe(true);
  });

  it('never uses a frame of the wrong size: the exact method takes that screen and the rest', async () => {
    const browser = streamBrowser({ streamFrameSize: (n) => (n === 1 ? { width: 1280, height: 800 } : { width: 1280, height: 720 }) });
    const { status } = await run(browser);
    expect(status).toMatchObject({ state: 'done' });
    expect(browser.saved[0]!.method.fallback).toEqual({ reason: 'a frame of 1280x720 px, expected 1280x800', fromScreen: 2 });
    expect(browser.log.filter((step) => step.startsWith('capture '))).toHaveLength(2);
    expect(browser.images.every((image) => image.closed)).toBe(true);
  });

  it('is aborted, not carried on, when another tab comes in front while a frame is taken', async () => {
    const browser = streamBrowser({
      onStreamGrab: (n) => {
        if (n !== 2) return;
        browser.ourTab().active = false;
        throw new Error('No frame of the tab captured after the page settled within 2000 ms');
      },
    });
    const { status } = await run(browser);
    expect(status).toMatchObject({ state: 'failed', code: 'hidden' });
    expect(browser.saved).toEqual([]);
    expect(browser.log.filter((step) => step.startsWith('capture '))).toEqual([]);
    expect(browser.log).toContain('stream close');
    expect(browser.log).toContain('restore');
  });

  it('drops a frame taken while the tab moved to another window', async () => {
    const browser = streamBrowser({
      onStreamGrab: (n) => {
        if (n === 2) browser.emit({ kind: 'detached', tabId: TAB });
      },
    });
    const { status } = await run(browser);
    expect(status).toMatchObject({ state: 'failed', code: 'moved-window' });
    expect(browser.images.every((image) => image.closed)).toBe(true);
  });

  it('opens no stream for the visible screen, nor when the exact method is asked for', async () => {
    const visible = streamBrowser();
    await run(visible, { ...REQUEST, mode: 'visible' });
    expect(visible.log.some((step) => step.startsWith('stream'))).toBe(false);
    expect(visible.saved[0]!.method).toEqual({ method: 'tab-stream' });
    const exact = streamBrowser();
    await run(exact, { ...REQUEST, method: 'visible-tab' });
    expect(exact.log.some((step) => step.startsWith('stream'))).toBe(false);
    expect(exact.saved[0]!.method).toEqual({ method: 'visible-tab' });
  });
});
