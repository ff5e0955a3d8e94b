/**
 * Cost of the passphrase lock in a real browser (Chromium, the built extension; printed, never asserted):
 *   npm run build && npm run bench -- passphrase
 * - unlock: from the click on "Unlock" in the manager to the evidence shown (PBKDF2-SHA-256 at the production
 *   iteration count, key into session storage, the manager's first read);
 * - a capture of about 10 MB (a page covered with random pixels, which PNG cannot compress), without and then with
 *   a passphrase: the whole capture, and its save step alone (page source, thumbnail, SHA-256, encryption, one
 *   IndexedDB transaction), medians, and their ratio.
 */
import { launch } from '../e2e/support/browsers';
import type { ExtensionBrowser } from '../e2e/support/driver';
import { openManager, showView } from '../e2e/support/manager';
import { fill } from '../e2e/support/passphrase';
import { startFixtureServer } from '../e2e/support/server';

const VIEWPORT = { width: 1280, height: 800 };
const NOISE_HEIGHT = 2800; // 1280 x 2800 RGB noise: about 10.7 MB of PNG
const RUNS = 3;
const PASSPHRASE = 'a passphrase for the benchmark';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** One full-page capture of a page of noise; returns the whole time, the save step's time and the screenshot size. */
async function noiseCapture(browser: ExtensionBrowser): Promise<{ total: number; save: number; bytes: number }> {
  const { page, tabId } = await browser.openTab('https://example.org/long?sections=7');
  await page.evaluate((height: number) => {
    const canvas = document.createElement('canvas');
    canvas.width = 1280;
    canvas.height = height;
    const context = canvas.getContext('2d')!;
    const image = context.createImageData(1280, height);
    for (let i = 0; i < image.data.length; i += 65536) crypto.getRandomValues(image.data.subarray(i, i + 65536));
    for (let i = 3; i < image.data.length; i += 4) image.data[i] = 255;
    context.putImageData(image, 0, 0);
    canvas.style.cssText = 'position:absolute;left:0;top:0;z-index:5';
    document.body.append(canvas);
  }, NOISE_HEIGHT);
  const popup = await browser.openExtensionPage(`popup.html?tabId=${tabId}`);
  await popup.evaluate(() => {
    const times: Record<string, number> = {};
    (globalThis as unknown as { benchTimes: Record<string, number> }).benchTimes = times;
    new MutationObserver(() => {
      if (!times.saving && document.body.textContent?.includes('Saving on this computer')) times.saving = performance.now();
      if (!times.done && document.querySelector('[data-testid="capture-result"], [data-testid="capture-error"]')) times.done = performance.now();
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
    times.start = performance.now();
    Array.from(document.querySelectorAll('button')).find((b) => b.textContent?.trim() === 'Capture full page')!.click();
  }, null);
  const outcome = await popup.waitFor(() => {
    const done = document.querySelector('[data-testid="capture-result"]');
    if (done) return { id: done.getAttribute('data-capture-id')! };
    const error = document.querySelector('[data-testid="capture-error"]');
    return error ? { error: error.textContent ?? '' } : null;
  }, null, 300_000);
  if ('error' in outcome) throw new Error(outcome.error);
  const times = await popup.evaluate(() => (globalThis as unknown as { benchTimes: Record<string, number> }).benchTimes, null);
  // File sizes stay in clear (SCHEMA.md), so this works with and without a passphrase.
  const bytes = await browser.evalInExtension(async (captureId: string) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('capture-and-report');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const files = await new Promise<Array<{ captureId: string; role: string; size: number }>>((resolve) => {
      const request = db.transaction('files').objectStore('files').getAll();
      request.onsuccess = () => resolve(request.result as Array<{ captureId: string; role: string; size: number }>);
    });
    db.close();
    return files.filter((file) => file.captureId === captureId && file.role === 'screenshot').reduce((sum, file) => sum + file.size, 0);
  }, outcome.id);
  await popup.close();
  await page.close();
  return { total: times.done! - times.start!, save: times.done! - (times.saving ?? times.start!), bytes };
}

async function runs(browser: ExtensionBrowser) {
  const results = [];
  for (let i = 0; i < RUNS; i++) results.push(await noiseCapture(browser));
  return { total: median(results.map((r) => r.total)), save: median(results.map((r) => r.save)), bytes: median(results.map((r) => r.bytes)) };
}

const server = await startFixtureServer();
const browser = await launch('chromium', server, { viewport: VIEWPORT });
try {
  await noiseCapture(browser); // warm-up
  const plain = await runs(browser);

  const manager = await openManager(browser, 'settings');
  await fill(manager, '#passphrase-new', PASSPHRASE);
  await fill(manager, '#passphrase-confirm', PASSPHRASE);
  const setStarted = performance.now();
  await manager.click('[data-testid="passphrase-set"]');
  await manager.waitFor(() => document.querySelector('[data-testid="passphrase-done"]'), null, 300_000);
  const setMs = performance.now() - setStarted;

  const encrypted = await runs(browser);

  const unlocks: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    // Locked from Settings, unlocked on Cases: the time until the evidence is shown again.
    await showView(manager, 'settings');
    await manager.waitFor(() => document.querySelector('[data-testid="passphrase-lock-now"]'), null);
    await manager.click('[data-testid="passphrase-lock-now"]');
    await manager.waitFor(() => document.querySelector('[data-testid="unlock-form"]'), null);
    await showView(manager, 'cases');
    await fill(manager, '[data-testid="unlock-passphrase"]', PASSPHRASE);
    const started = performance.now();
    await manager.click('[data-testid="unlock-submit"]');
    await manager.waitFor(() => document.querySelector('[data-testid="capture-item"]'), null, 60_000);
    unlocks.push(performance.now() - started);
  }

  const mb = (bytes: number) => (bytes / 1_048_576).toFixed(1);
  console.log(`\nChromium, built extension, viewport 1280x800, medians of ${RUNS} runs`);
  console.log(`unlock (click to evidence shown): ${median(unlocks).toFixed(0)} ms (runs: ${unlocks.map((ms) => ms.toFixed(0)).join(', ')})`);
  console.log(`setting the passphrase with ${RUNS + 1} such captures stored (encrypts them all): ${setMs.toFixed(0)} ms`);
  console.log(`capture of ${mb(plain.bytes)} MB (screenshot) / ${mb(encrypted.bytes)} MB:`);
  console.log('                   without passphrase   with passphrase   ratio');
  console.log(`whole capture      ${plain.total.toFixed(0).padStart(8)} ms          ${encrypted.total.toFixed(0).padStart(8)} ms      ${(encrypted.total / plain.total).toFixed(2)}`);
  console.log(`save step          ${plain.save.toFixed(0).padStart(8)} ms          ${encrypted.save.toFixed(0).padStart(8)} ms      ${(encrypted.save / plain.save).toFixed(2)}`);
} finally {
  await browser.close();
  await server.close();
}
