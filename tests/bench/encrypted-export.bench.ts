/**
 * A 1 GB case exported from the manager, encrypted and not, and the encrypted file opened again (printed, never
 * asserted; `npm run bench -- encrypted-export`, after `npm run build`). The case (ENCRYPTED_BENCH_MB, default
 * 1024 MB, in 16 MB screenshots of random bytes) is seeded through the real store; then, as a person does it in
 * the manager: an export with no encryption, one encrypted for a public key (age X25519), one with a passphrase
 * (age, scrypt work factor 18: 256 MiB for a second or two, whatever the size), and an import of that .age file (decrypted whole and verified; refused at the end because the case is already here, which is
 * checked after the whole ZIP was read). The manager page's JS heap with ArrayBuffer contents (CDP
 * Runtime.getHeapUsage: usedSize + backingStorageSize) is read before each run (after a GC) and sampled during it
 * (see `measured`): what the page holds of the case while it streams through.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { launchChromium } from '../e2e/support/chromium';
import { startFixtureServer } from '../e2e/support/server';
import { bundlePageScript, managerWithScript } from './support/bundle-page-script';

const MB = 1 << 20;
const TOTAL_MB = Number(process.env.ENCRYPTED_BENCH_MB ?? 1024);
const SCREENSHOT_MB = 16;
const PASSPHRASE = 'orbit canal lemon vivid spring thank';

type Page = Awaited<ReturnType<Awaited<ReturnType<typeof launchChromium>>['context']['newPage']>>;

const code = await bundlePageScript('tests/bench/support/seed.ts', 'CrSeed');
const server = await startFixtureServer();
const browser = await launchChromium({ httpsPort: server.httpsPort });
try {
  const seeding = await managerWithScript(browser, code);
  const seedStart = performance.now();
  const { bytes } = await seeding.evaluate(
    ([count, size]) => (globalThis as unknown as { CrSeed: { seed(n: number, s: number): Promise<{ bytes: number }> } }).CrSeed.seed(count, size),
    [Math.ceil(TOTAL_MB / SCREENSHOT_MB), SCREENSHOT_MB * MB] as const,
  );
  console.log(`seeded ${(bytes / MB).toFixed(0)} MB in ${((performance.now() - seedStart) / 1000).toFixed(0)} s`);
  await seeding.close();

  const manager = await browser.context.newPage();
  await manager.goto(`chrome-extension://${browser.extensionId}/manager.html`);
  await manager.waitForSelector('[data-testid="export"]:not([disabled])');
  const cdp = await browser.context.newCDPSession(manager);
  const heapMb = async (collect: boolean) => {
    if (collect) await cdp.send('HeapProfiler.collectGarbage');
    const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
    return (usage.usedSize + (usage.backingStorageSize ?? 0)) / MB;
  };

  /**
   * Runs `act` while sampling the page's heap: every 50 ms as it is (garbage not yet collected included), and every
   * second after a forced GC (what the page really holds). Prints time, throughput and both peaks above the
   * baseline. (A sample cannot run while scrypt holds the page, so its 256 MiB come and go unseen or seen.)
   */
  async function measured(label: string, act: () => Promise<string>): Promise<void> {
    const before = await heapMb(true);
    let peak = before;
    let livePeak = before;
    let sampling = true;
    const sampler = (async () => {
      for (let tick = 1; sampling; tick++) {
        const collect = tick % 20 === 0;
        const value = await heapMb(collect).catch(() => before);
        peak = Math.max(peak, value);
        if (collect) livePeak = Math.max(livePeak, value);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const started = performance.now();
    const outcome = await act();
    const seconds = (performance.now() - started) / 1000;
    sampling = false;
    await sampler;
    const mb = bytes / MB;
    console.log(
      `${label}: ${seconds.toFixed(1)} s, ${(mb / seconds).toFixed(1)} MB/s; page heap (JS + ArrayBuffers) ${before.toFixed(1)} MB before; ` +
        `live (after GC) peak +${(livePeak - before).toFixed(1)} MB = ${((livePeak - before) / mb).toFixed(4)}x the case; ` +
        `with garbage peak +${(peak - before).toFixed(1)} MB (${outcome})`,
    );
  }

  /** Exports as a person does in the form; resolves with what the page said and the saved file. */
  async function exportWith(page: Page, kind: 'none' | 'passphrase' | 'recipients'): Promise<string> {
    await page.check(`[data-testid="export-protection"] input[value="${kind}"]`);
    if (kind === 'none') await page.check('[data-testid="export-none-confirm"]');
    else if (kind === 'recipients') await page.fill('[data-testid="export-recipients"]', recipient);
    else {
      await page.fill('[data-testid="export-passphrase"]', PASSPHRASE);
      await page.fill('[data-testid="export-passphrase-again"]', PASSPHRASE);
    }
    await page.click('[data-testid="export"]');
    await page.waitForSelector('[data-testid="export-result"], [role="alert"][data-testid="bundle-message"]', { timeout: 1_800_000 });
    const name = readdirSync(browser.downloadsDir)
      .filter((file) => file.endsWith(kind === 'none' ? '.zip' : '.age'))
      .sort((a, b) => statSync(path.join(browser.downloadsDir, b)).mtimeMs - statSync(path.join(browser.downloadsDir, a)).mtimeMs)[0];
    const file = name ? path.join(browser.downloadsDir, name) : 'none';
    lastFile = file;
    return `${(await page.textContent('[data-testid="export-result"]'))?.slice(0, 60) ?? 'refused'}…; ${name ? statSync(file).size : 0} bytes`;
  }

  // This browser's own receiving key (Settings), as the public key a sender would paste; then the case (Cases).
  await manager.click('[data-testid="manager-nav"] a[data-view="settings"]');
  await manager.click('[data-testid="receiving-show"]');
  const recipient = (await (await manager.waitForSelector('[data-testid="receiving-key"]')).textContent()) ?? '';
  await manager.click('[data-testid="manager-nav"] a[data-view="cases"]');
  await manager.waitForSelector('[data-testid="export"]:not([disabled])');
  let lastFile = '';
  let ageFile = '';
  await measured('export, not encrypted', () => exportWith(manager, 'none'));
  await measured('export, encrypted for a public key (X25519)', () => exportWith(manager, 'recipients'));
  await measured('export, encrypted (passphrase)', async () => {
    const outcome = await exportWith(manager, 'passphrase');
    ageFile = lastFile;
    return outcome;
  });
  await measured('import of the .age file (decrypt, verify)', async () => {
    await manager.setInputFiles('[data-testid="import"]', ageFile);
    await manager.fill('[data-testid="import-passphrase"]', PASSPHRASE);
    await manager.press('[data-testid="import-passphrase"]', 'Enter');
    await manager.waitForSelector('[data-testid="bundle-message"]', { timeout: 1_800_000 });
    return (await manager.textContent('[data-testid="bundle-message"]'))?.slice(0, 80) ?? '';
  });
} finally {
  await browser.close();
  await server.close();
}
