/**
 * Chromium's tab stream (lib/capture/tab-stream/): the offscreen document opens a tab's stream from the id the
 * background gets with tabCapture (no click needed: the test browser allowlists the extension), and hands out
 * frames of it through the protocol's messages. Every frame must be drawn after the moment asked for: a page that
 * has just changed colour is never shown in its old colour.
 */
import { describe, expect, it } from 'vitest';
import { useExtensionBrowser } from './support/browsers';
import { decodePng } from './support/evidence';
import { pixel, type Rgb } from './support/pixels';

const FIXTURE = 'https://example.org/tab-stream';
const COLORS: Rgb[] = [
  [200, 0, 122],
  [10, 124, 62],
  [29, 78, 137],
  [240, 200, 0],
];

/** Which of COLORS a pixel shows. */
function nearest(seen: Rgb): Rgb {
  const distance = (color: Rgb) => color.reduce((sum, channel, index) => sum + Math.abs(channel - seen[index]!), 0);
  return COLORS.reduce((best, color) => (distance(color) < distance(best) ? color : best));
}

describe('the tab stream in chromium', () => {
  const { browser } = useExtensionBrowser('chromium');

  /** Sends a protocol message from the background, as lib/messaging does (@webext-core/messaging's envelope). */
  function sendFromBackground<T>(type: string, data: unknown): Promise<T> {
    return browser().worker.evaluate(
      async ({ type, data }: { type: string; data: unknown }) => {
        const answer = (await chrome.runtime.sendMessage({ id: Date.now(), type, data, timestamp: Date.now() })) as { res?: unknown; err?: { message?: string } };
        if (!answer || answer.err) throw new Error(answer?.err?.message ?? 'no answer');
        return answer.res;
      },
      { type, data },
    ) as Promise<T>;
  }

  it('opens a stream of a tab and grabs only frames drawn after the page changed', async () => {
    const { page, tabId } = await browser().openTab(FIXTURE);
    const streamId = await browser().worker.evaluate(async (id: number) => {
      await chrome.tabs.update(id, { active: true });
      // What lib/browser/offscreen.ts does for the first user.
      const url = chrome.runtime.getURL('/offscreen.html');
      const open = await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT' as never], documentUrls: [url] });
      if (open.length === 0) await chrome.offscreen.createDocument({ url, reasons: ['USER_MEDIA' as never], justification: 'test' });
      return chrome.tabCapture.getMediaStreamId({ targetTabId: id });
    }, tabId);
    expect(streamId).toMatch(/.+/);
    const opened = await sendFromBackground<{ key: string; width: number; height: number }>('tab-stream-open', { streamId, width: 1280, height: 800 });
    expect(opened).toMatchObject({ width: 1280, height: 800 });

    const lateness: number[] = [];
    const refused: number[] = [];

    // Each colour twice: the second time nothing changes on the page, so Chrome sends no frame by itself and the
    // grab must ask for a fresh one (30 rounds: more than Chrome's pool of frame buffers, should any leak: leaked
    // buffers once stopped the stream after a dozen rounds). A frame handed over is never stale; a grab that finds
    // no fresh frame refuses, naming it (a capture goes on the exact way from there), and none may be refused here.
    for (let round = 0; round < 30; round += 1) {
      const color = COLORS[Math.floor(round / 2) % COLORS.length]!;
      const settledAt = await page.evaluate((rgb: Rgb) => (window as unknown as { paintColor(c: Rgb): Promise<number> }).paintColor(rgb), color);
      let frame: { frameId: string; width: number; height: number; timing: { capturedAt: number; receivedAt: number } };
      try {
        frame = await sendFromBackground('tab-stream-frame', { key: opened.key, after: settledAt });
      } catch (error) {
        expect(String(error)).toMatch(/No frame of the tab captured after the page settled/);
        refused.push(round);
        continue;
      }
      expect([frame.width, frame.height]).toEqual([1280, 800]);
      // The frame was taken now; its pixels (a PNG) are asked for next, as a capture does while it scrolls on.
      const { dataUrl } = await sendFromBackground<{ dataUrl: string }>('tab-stream-pixels', { key: opened.key, frameId: frame.frameId });
      const png = decodePng(Buffer.from(dataUrl.split(',')[1]!, 'base64'));
      expect([png.width, png.height]).toEqual([1280, 800]);
      const seen = pixel(png, 640, 400);
      // The video's colour conversion moves a saturated channel by up to about 15 levels; a stale frame would show
      // another of the four colours, each at least 100 levels away in some channel.
      expect(nearest(seen), `round ${round}: saw rgb(${seen.join(',')})`).toEqual(color);
      lateness.push(frame.timing.capturedAt - settledAt);
    }
    console.log(`tab stream: frame drawn ${lateness.map((ms) => ms.toFixed(1)).join(', ')} ms after the page settled; refused (no fresh frame) in rounds [${refused.join(', ')}]`);
    expect(refused, 'rounds refused for want of a fresh frame').toEqual([]);

    await sendFromBackground('tab-stream-close', { key: opened.key });
    await expect(sendFromBackground('tab-stream-frame', { key: opened.key, after: 0 })).rejects.toThrow(/ended/);
  });
});
