/**
 * Full-page capture in Chromium, both methods side by side in one run (printed, never asserted; run with
 * `npm run bench -- tab-stream` after `npm run build`): 5, 20 and 60 screens of the long page, each captured with
 * the exact method (captureVisibleTab, 2 a second) and from the tab stream, through the popup. Printed: tiles, the
 * quota floor (tiles x 0.5 s), both times, how many times faster than the floor the stream was, the pixel agreement
 * of the stream's image with the exact one (pixelmatch, threshold 0.1), and any fallback to the exact method.
 */
import { launchChromium } from '../e2e/support/chromium';
import { captureFullPage } from '../e2e/support/full-page';
import { perceptualAgreement } from '../e2e/support/pixels';
import { startFixtureServer } from '../e2e/support/server';

const VIEWPORT = { width: 1280, height: 800 };
const SECTION_HEIGHT = 400;
const pageFor = (screens: number) => `https://example.org/long?sections=${Math.round((screens * VIEWPORT.height) / SECTION_HEIGHT)}`;

const server = await startFixtureServer();
const browser = await launchChromium({ httpsPort: server.httpsPort, viewport: VIEWPORT });
try {
  const ratios: number[] = [];
  const breakdowns: Array<{ screens: number; times: Record<string, { ms: number; count: number }> }> = [];
  console.log('\nChromium: full-page capture, exact method and tab stream (viewport 1280x800)');
  console.log(['screens', 'tiles', 'floor(s)', 'exact(s)', 'stream(s)', 'floor/stream', 'exact/stream', 'agreement', 'fallback'].map((cell) => cell.padEnd(12)).join(' '));
  for (const screens of [5, 20, 60]) {
    const url = pageFor(screens);
    const exact = await captureFullPage(browser, url, 'exact');
    const stream = await captureFullPage(browser, url, 'fast');
    const streamTimes = await browser.worker.evaluate(() => (globalThis as { lastCaptureTimes?: Record<string, { ms: number; count: number }> }).lastCaptureTimes ?? {});
    breakdowns.push({ screens, times: streamTimes });
    const tiles = Math.ceil(exact.record.page.height / VIEWPORT.height);
    const floor = tiles * 0.5;
    ratios.push(floor / stream.seconds);
    const fallback = stream.record.captureMethod?.fallback;
    console.log(
      [
        screens,
        tiles,
        floor.toFixed(1),
        exact.seconds.toFixed(2),
        stream.seconds.toFixed(2),
        (floor / stream.seconds).toFixed(2),
        (exact.seconds / stream.seconds).toFixed(2),
        `${(perceptualAgreement(stream.pixels, exact.pixels) * 100).toFixed(3)}%`,
        fallback ? `from screen ${fallback.fromScreen}: ${fallback.reason.slice(0, 60)}` : 'none',
      ]
        .map((cell) => String(cell).padEnd(12))
        .join(' '),
    );
  }
  const reached = ratios.filter((ratio) => ratio >= 3).length;
  console.log(
    `\nFast reached 3x the quota floor on ${reached} of ${ratios.length} sizes in this run. Fast is offered as a setting; Exact stays the default ` +
      'because its pixels are the page\'s own render, with no video colour conversion (docs/capture.md).',
  );
  console.log('\nWhere the tab stream\'s time went (ms in total, ms per call, calls):');
  for (const { screens, times } of breakdowns) {
    console.log(`  ${screens} screens`);
    for (const [phase, { ms, count }] of Object.entries(times)) console.log(`    ${phase.padEnd(40)} ${ms.toFixed(0).padStart(7)} ${(ms / count).toFixed(1).padStart(8)} ${String(count).padStart(5)}`);
  }
} finally {
  await browser.close();
  await server.close();
}
