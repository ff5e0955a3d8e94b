/**
 * Manager and export benchmark (printed, never asserted; `npm run bench -- manager`, after `npm run build`).
 *
 * - The manager listing 1,000 captures (seeded through the real store): time from navigation start to the frame
 *   after the list appears (goal: under 300 ms).
 * - Export throughput of a large case in MB/s, and the browser's peak memory during the export against the
 *   largest file (goal: the export adds less than twice the largest file).
 */
import { launchChromium } from '../e2e/support/chromium';
import { startFixtureServer } from '../e2e/support/server';
import { bundlePageScript } from './support/bundle-page-script';
import { chromiumRssMb } from './support/chromium-memory';

type Launched = Awaited<ReturnType<typeof launchChromium>>;

async function seedIn(browser: Launched, code: string, count: number, screenshotBytes: number) {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/manager.html`);
  await page.evaluate(code);
  const result = await page.evaluate(
    ([n, size]) => (globalThis as unknown as { CrSeed: { seed(n: number, s: number): Promise<{ bytes: number }> } }).CrSeed.seed(n, size),
    [count, screenshotBytes] as const,
  );
  await page.close();
  return result;
}

async function listing(code: string, server: Awaited<ReturnType<typeof startFixtureServer>>) {
  const browser = await launchChromium({ httpsPort: server.httpsPort });
  try {
    const started = performance.now();
    await seedIn(browser, code, 1000, 2_000);
    console.log(`seeded 1,000 captures in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const runs: number[] = [];
    for (let run = 0; run < 5; run += 1) {
      const page = await browser.context.newPage();
      // Records when the list is first in the DOM, and the frame after it (when it is painted).
      await page.addInitScript(() => {
        const observer = new MutationObserver(() => {
          if (document.querySelectorAll('[data-testid="capture-item"]').length === 0) return;
          observer.disconnect();
          requestAnimationFrame(() => ((globalThis as unknown as { listedAt: number }).listedAt = performance.now()));
        });
        observer.observe(document, { childList: true, subtree: true });
      });
      await page.goto(`chrome-extension://${browser.extensionId}/manager.html`);
      await page.waitForFunction(() => (globalThis as unknown as { listedAt?: number }).listedAt);
      const [ms, items] = await page.evaluate(() => [(globalThis as unknown as { listedAt: number }).listedAt, document.querySelectorAll('[data-testid="capture-item"]').length]);
      runs.push(ms);
      if (run === 0) console.log(`items listed: ${items}`);
      await page.close();
    }
    runs.sort((a, b) => a - b);
    console.log(`manager with 1,000 captures, navigation to painted list: median ${runs[2]!.toFixed(0)} ms (runs ${runs.map((r) => r.toFixed(0)).join(', ')}); goal 300 ms, ratio ${(runs[2]! / 300).toFixed(2)}`);
  } finally {
    await browser.close();
  }
}

async function exportThroughput(code: string, server: Awaited<ReturnType<typeof startFixtureServer>>) {
  const browser = await launchChromium({ httpsPort: server.httpsPort });
  try {
    const captures = 12;
    const largest = 16 * 1024 * 1024;
    const { bytes } = await seedIn(browser, code, captures, largest);
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/manager.html`);
    await page.waitForSelector('[data-testid="export"]:not([disabled])');
    const baseline = chromiumRssMb();
    let peak = baseline;
    // The manager page's own JavaScript heap, from the DevTools protocol: what the export code itself holds.
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const heapMb = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return (metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0) / 1_048_576;
    };
    const heapBaseline = await heapMb();
    let heapPeak = heapBaseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, chromiumRssMb());
      void heapMb().then((value) => (heapPeak = Math.max(heapPeak, value)), () => undefined);
    }, 100);
    // Not encrypted: this measures the ZIP writer (encrypted-export.bench.ts measures age on top of it).
    await page.check('[data-testid="export-protection"] input[value="none"]');
    await page.check('[data-testid="export-none-confirm"]');
    const started = performance.now();
    await page.click('[data-testid="export"]');
    await page.waitForSelector('[data-testid="export-result"], [data-testid="bundle-message"]', { timeout: 300_000 });
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const mb = bytes / 1_048_576;
    const added = peak - baseline;
    console.log(
      `export of ${captures} captures, ${mb.toFixed(0)} MB (largest file ${largest / 1_048_576} MB): ${seconds.toFixed(2)} s, ${(mb / seconds).toFixed(1)} MB/s; ` +
        `page JS heap +${(heapPeak - heapBaseline).toFixed(1)} MB at peak = ${((heapPeak - heapBaseline) / (largest / 1_048_576)).toFixed(2)}x the largest file (goal < 2x); ` +
        `whole browser resident memory +${added.toFixed(0)} MB at peak (all processes, garbage not yet collected included)`,
    );
  } finally {
    await browser.close();
  }
}

const code = await bundlePageScript('tests/bench/support/seed.ts', 'CrSeed');
const server = await startFixtureServer();
try {
  await listing(code, server);
  await exportThroughput(code, server);
} finally {
  await server.close();
}
