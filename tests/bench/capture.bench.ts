/**
 * Capture benchmark (printed, never asserted; run with `npm run bench` after `npm run build`).
 *
 * Chromium: full-page captures of 5, 20 and 60 screens through the popup's button: tiles, wall time, its ratio to
 * the quota floor (tiles x 0.5 s, Chrome's 2 captures per second), pixel agreement with the reference render, and
 * the browser's peak memory (resident set of all its processes, sampled).
 * Firefox: our full-page capture against one raw captureVisibleTab call with a rectangle as tall as the page.
 */
import { execFileSync } from 'node:child_process';
import { launch } from '../e2e/support/browsers';
import type { DrivenPage, ExtensionBrowser } from '../e2e/support/driver';
import { decodePng, screenshots, storedCaptures, storedFileBytes } from '../e2e/support/evidence';
import { agreement, cropRows, stack } from '../e2e/support/pixels';
import { startFixtureServer } from '../e2e/support/server';

const VIEWPORT = { width: 1280, height: 800 };
const SECTION_HEIGHT = 400;

function pageFor(screens: number): string {
  return `https://example.org/long?sections=${Math.round((screens * VIEWPORT.height) / SECTION_HEIGHT)}`;
}

/** Sum of the resident memory of every process of the browser (MB), from ps. */
function browserRssMb(binaryPattern: RegExp): number {
  const lines = execFileSync('ps', ['-eo', 'rss=,args='], { encoding: 'utf8' }).split('\n');
  const kb = lines.filter((line) => binaryPattern.test(line)).reduce((sum, line) => sum + Number(line.trim().split(/\s+/)[0] ?? 0), 0);
  return kb / 1024;
}

async function clickCapture(popup: DrivenPage): Promise<string> {
  await popup.evaluate(() => {
    const button = Array.from(document.querySelectorAll('button')).find((b) => b.textContent?.trim() === 'Capture full page');
    button!.click();
  }, null);
  const outcome = await popup.waitFor(() => {
    const done = document.querySelector('[data-testid="capture-result"]');
    if (done) return done.getAttribute('data-capture-id');
    const error = document.querySelector('[data-testid="capture-error"]');
    return error ? `error: ${error.textContent}` : null;
  }, null, 300_000);
  if (outcome.startsWith('error')) throw new Error(outcome);
  return outcome;
}

async function measureCapture(browser: ExtensionBrowser, url: string, memoryPattern: RegExp) {
  const { tabId } = await browser.openTab(url);
  const popup = await browser.openExtensionPage(`popup.html?tabId=${tabId}`);
  let peak = browserRssMb(memoryPattern);
  const sampler = setInterval(() => (peak = Math.max(peak, browserRssMb(memoryPattern))), 200);
  const started = performance.now();
  const id = await clickCapture(popup);
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const record = (await storedCaptures(browser)).find((capture) => capture.id === id)!;
  const parts = await Promise.all(screenshots(record).map(async (file) => cropRows(decodePng(await storedFileBytes(browser, file.id)), file.bandHeight!)));
  const reference = decodePng(await (await browser.openTab(url)).page.referenceScreenshot());
  return { record, seconds, peakMb: peak, agreement: agreement(stack(parts), reference), parts: parts.length };
}

async function chromiumRuns(server: Awaited<ReturnType<typeof startFixtureServer>>) {
  const browser = await launch('chromium', server, { viewport: VIEWPORT });
  try {
    console.log('\nChromium: full-page capture (viewport 1280x800)');
    console.log('screens  tiles  seconds  floor(s)  ratio  agreement  parts  peak browser RSS (MB)');
    for (const screens of [5, 20, 60]) {
      const result = await measureCapture(browser, pageFor(screens), /chrom/i);
      const tiles = Math.ceil(result.record.page.height / VIEWPORT.height);
      const floor = tiles * 0.5;
      console.log(
        [screens, tiles, result.seconds.toFixed(2), floor.toFixed(1), (result.seconds / floor).toFixed(3), `${(result.agreement * 100).toFixed(2)}%`, result.parts, result.peakMb.toFixed(0)]
          .map(String)
          .map((cell) => cell.padEnd(8))
          .join(' '),
      );
    }
  } finally {
    await browser.close();
  }
}

async function firefoxRuns(server: Awaited<ReturnType<typeof startFixtureServer>>) {
  const firefox = await launch('firefox', server, { viewport: VIEWPORT });
  try {
    console.log('\nFirefox: our full-page capture against one raw captureVisibleTab call of the whole page');
    console.log('screens  ours(s)  raw(s)  ratio  agreement');
    for (const screens of [5, 20, 60]) {
      const url = pageFor(screens);
      const ours = await measureCapture(firefox, url, /firefox/i);
      const { tabId } = await firefox.openTab(url);
      const rawSeconds = await firefox.evalInExtension(async (id: number) => {
        const tab = await browser.tabs.get(id);
        const height = (await browser.tabs.executeScript(id, { code: 'document.documentElement.scrollHeight' }))[0] as number;
        const started = performance.now();
        await browser.tabs.captureVisibleTab(tab.windowId, { format: 'png', rect: { x: 0, y: 0, width: 1280, height } } as never);
        return (performance.now() - started) / 1000;
      }, tabId);
      console.log([screens, ours.seconds.toFixed(2), rawSeconds.toFixed(2), (ours.seconds / rawSeconds).toFixed(2), `${(ours.agreement * 100).toFixed(2)}%`].map((cell) => String(cell).padEnd(8)).join(' '));
    }
  } finally {
    await firefox.close();
  }
}

const server = await startFixtureServer();
try {
  await chromiumRuns(server);
  await firefoxRuns(server);
} finally {
  await server.close();
}
