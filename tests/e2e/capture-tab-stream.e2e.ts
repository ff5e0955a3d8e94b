/**
 * Full-page capture from Chromium's tab stream (issue 12, item 4), against the exact captureVisibleTab method in
 * the same run: the long page and the chat of capture.e2e.ts, taken both ways through the popup, must agree on at
 * least 99.5% of pixels (pixelmatch, threshold 0.1) with every chat message present once and in order; the record
 * says how the screens were taken; a stream that ends mid-capture hands over to the exact method, recorded.
 */
import { describe, expect, it } from 'vitest';
import { useExtensionBrowser } from './support/browsers';
import { captureFullPage } from './support/full-page';
import { correctVideoColours, perceptualAgreement, readMarkers, rowsWithColor } from './support/pixels';

const LONG_PAGE = 'https://example.org/long';
const DISCORD_LONG = 'https://discord.com/channels/81384788765712384/81384788765712390/175928847299117100';
const HEADER_COLOR: [number, number, number] = [0xc8, 0x00, 0x7a];
const BOTTOM_BAR_COLOR: [number, number, number] = [0x0a, 0x7c, 0x3e];

describe('full-page capture from the tab stream in chromium', () => {
  const { browser } = useExtensionBrowser('chromium');

  const capture = (url: string, method: 'fast' | 'exact', during?: Parameters<typeof captureFullPage>[3]) => captureFullPage(browser(), url, method, during);

  it('takes the long page as the exact method does (and prints both times)', async () => {
    const exact = await capture(LONG_PAGE, 'exact');
    const fast = await capture(LONG_PAGE, 'fast');
    expect(exact.record.captureMethod).toEqual({ method: 'visible-tab' });
    // Every screen from the stream. Refresh readers once taken away leaked capture buffers and the stream stalled
    // after a dozen screens of this page, handing the rest to the exact method (lib/capture/tab-stream/frames.ts).
    expect(fast.record.captureMethod).toEqual({ method: 'tab-stream' });
    expect([fast.pixels.width, fast.pixels.height]).toEqual([exact.pixels.width, exact.pixels.height]);
    const agreement = perceptualAgreement(fast.pixels, exact.pixels);
    console.log(`long page: tab stream ${fast.seconds.toFixed(2)} s, exact ${exact.seconds.toFixed(2)} s, agreement ${(agreement * 100).toFixed(3)}%, ${JSON.stringify(fast.record.captureMethod)}`);
    expect(agreement).toBeGreaterThanOrEqual(0.995);
    // The fixed bars once each, where they belong, as with the exact method.
    const corrected = correctVideoColours(fast.pixels, exact.pixels);
    expect(rowsWithColor(corrected, 1000, HEADER_COLOR).length).toBe(60);
    expect(Math.max(...rowsWithColor(corrected, 1000, HEADER_COLOR))).toBeLessThan(60);
    // The last screen is the stream's, or the exact method's after a fallback (then its colours are exact already).
    const lastScreen = fast.record.captureMethod?.fallback ? fast.pixels : corrected;
    expect(rowsWithColor(lastScreen, 1000, BOTTOM_BAR_COLOR).length).toBe(50);
    expect(Math.min(...rowsWithColor(lastScreen, 1000, BOTTOM_BAR_COLOR))).toBe(lastScreen.height - 50);
  });

  it('takes every message of the chat once and in order, as the exact method does', async () => {
    const exact = await capture(DISCORD_LONG, 'exact');
    const fast = await capture(DISCORD_LONG, 'fast');
    expect(fast.record.captureMethod).toEqual({ method: 'tab-stream' });
    const scale = fast.record.scale;
    expect(readMarkers(exact.pixels, Math.round(28 * scale))).toEqual(Array.from({ length: 150 }, (_, i) => i));
    // The video's colours moved by up to 17 levels: undone by one map for the whole image, the markers read as
    // in the exact capture (each held for 6 rows at least: a blended edge row reads as another marker).
    const corrected = correctVideoColours(fast.pixels, exact.pixels);
    expect(readMarkers(corrected, Math.round(28 * scale), 6)).toEqual(Array.from({ length: 150 }, (_, i) => i));
    const agreement = perceptualAgreement(fast.pixels, exact.pixels);
    console.log(`chat: tab stream ${fast.seconds.toFixed(2)} s, exact ${exact.seconds.toFixed(2)} s, agreement ${(agreement * 100).toFixed(3)}%, ${JSON.stringify(fast.record.captureMethod)}`);
    expect(agreement).toBeGreaterThanOrEqual(0.995);
  });

  it('hands over to the exact method when the stream ends mid-capture, and records from which screen', async () => {
    const exact = await capture(LONG_PAGE, 'exact');
    const fast = await capture(LONG_PAGE, 'fast', async (popup) => {
      await popup.waitForFunction(() => {
        const progress = document.querySelector<HTMLProgressElement>('[data-testid="capture-progress"] progress');
        return !!progress && progress.value >= 2;
      }, null, { polling: 20 });
      // The offscreen document goes away (as when Chrome closes it): its stream ends with it.
      await browser().worker.evaluate(() => chrome.offscreen.closeDocument());
    });
    expect(fast.record.captureMethod).toMatchObject({ method: 'tab-stream', fallback: { fromScreen: expect.any(Number), reason: expect.any(String) } });
    expect(fast.record.captureMethod!.fallback!.fromScreen).toBeGreaterThanOrEqual(3);
    expect(perceptualAgreement(fast.pixels, exact.pixels)).toBeGreaterThanOrEqual(0.995);
  });
});
