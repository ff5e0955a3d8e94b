/**
 * Cost of the proof features (printed, never asserted):
 *   npm run build && npm run bench -- timestamps
 * - signing per audit entry: a note added to a capture (one audit entry written, then signed in its follow-up
 *   transaction) on fake-indexeddb in Node, against the signature alone;
 * - a timestamped capture against an untimestamped one, in Chromium with the built extension and a local
 *   authority (openssl ts -reply on 127.0.0.1): from the click on "Capture visible area" to the capture saved
 *   (off), and to its three files' tokens stored (on). The local authority answers in a few milliseconds; a real
 *   one adds its network round trips, three per capture, after the save.
 */
import 'fake-indexeddb/auto';
import { signBytes } from '../../lib/proof/signing-key';
import { openEvidenceDb } from '../../lib/storage/db';
import { EvidenceStore } from '../../lib/storage/evidence-store';
import { launch } from '../e2e/support/browsers';
import type { ExtensionBrowser } from '../e2e/support/driver';
import { pointFreeTsaAt, startAuthority } from '../e2e/support/local-tsa';
import { openManager } from '../e2e/support/manager';
import { startFixtureServer } from '../e2e/support/server';
import { bytes, makeCapture } from '../unit/bundle/fixtures';
import { TestTsa } from '../unit/proof/test-tsa';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const PAGE = 'https://x.com/fixtureuser/status/1445078208190291968';
const RUNS = 5;

async function auditSigning(): Promise<void> {
  const store = new EvidenceStore(await openEvidenceDb('bench-audit'));
  const caseRecord = await store.ensureDefaultCase();
  const screenshot = { role: 'screenshot' as const, name: 'screenshot.png', mime: 'image/png', data: bytes('pixels') };
  const { record, files } = await makeCapture('bench-capture', '2026-11-30T10:00:00.000Z', [screenshot], { caseId: caseRecord.id });
  await store.saveCapture(record, files, 'victim');
  const key = await store.installationKey();
  const notes: number[] = [];
  for (let i = 0; i < 200; i++) {
    const started = performance.now();
    await store.addCaptureNote(record.id, `note ${i}`, 'victim');
    notes.push(performance.now() - started);
  }
  const hash = new TextEncoder().encode('a'.repeat(64));
  const signatures: number[] = [];
  for (let i = 0; i < 200; i++) {
    const started = performance.now();
    await signBytes(key.privateKey, hash);
    signatures.push(performance.now() - started);
  }
  const signed = (await store.auditSignatureSummary(caseRecord.id)).signed;
  console.log(`audit entry (a note: write + signature after commit), fake-indexeddb: median ${median(notes).toFixed(2)} ms; of it the ECDSA signature alone: median ${median(signatures).toFixed(2)} ms (${((median(signatures) / median(notes)) * 100).toFixed(0)}%); ${signed} entries signed`);
}

/** Milliseconds from the click to the capture saved, and (when `stamped`) to its tokens stored. */
async function timedCapture(browser: ExtensionBrowser, stamped: boolean): Promise<number> {
  const { tabId } = await browser.openTab(PAGE);
  const popup = await browser.openExtensionPage(`popup.html?tabId=${tabId}`);
  const started = performance.now();
  await popup.evaluate(() => Array.from(document.querySelectorAll('button')).find((b) => b.textContent?.trim() === 'Capture visible area')!.click(), null);
  const captureId = await popup.waitFor(() => document.querySelector('[data-testid="capture-result"]')?.getAttribute('data-capture-id') ?? null, null, 60_000);
  if (stamped) {
    await popup.waitFor(
      async (id: string) => {
        const db = await new Promise<IDBDatabase>((resolve) => {
          const request = indexedDB.open('capture-and-report');
          request.onsuccess = () => resolve(request.result);
        });
        const records = await new Promise<{ state: string }[]>((resolve) => {
          const request = db.transaction('timestamps').objectStore('timestamps').index('byCapture').getAll(id);
          request.onsuccess = () => resolve(request.result as never);
        });
        db.close();
        return records.length === 3 && records.every((item) => item.state === 'stamped');
      },
      captureId,
      60_000,
    );
  }
  const elapsed = performance.now() - started;
  await popup.close();
  return elapsed;
}

async function timestampedCaptures(): Promise<void> {
  const tsa = new TestTsa();
  const authority = await startAuthority(tsa);
  const server = await startFixtureServer();
  const browser = await launch('chromium', server, { buildPatch: pointFreeTsaAt(authority.url, tsa.rootDer()) });
  try {
    await timedCapture(browser, false); // warm-up
    const off: number[] = [];
    for (let i = 0; i < RUNS; i++) off.push(await timedCapture(browser, false));
    const manager = await openManager(browser, 'settings');
    await manager.waitFor(() => document.querySelector('[data-testid="timestamps-on"]'), null);
    await manager.click('[data-testid="timestamps-on"]');
    await manager.waitFor(() => document.querySelector('[data-testid="timestamps-off"]'), null);
    await manager.close();
    const on: number[] = [];
    for (let i = 0; i < RUNS; i++) on.push(await timedCapture(browser, true));
    console.log(`visible capture, Chromium, untimestamped (click to saved): median ${median(off).toFixed(0)} ms (${off.map((ms) => ms.toFixed(0)).join(', ')})`);
    console.log(`visible capture, Chromium, timestamped, local authority (click to 3 tokens stored): median ${median(on).toFixed(0)} ms (${on.map((ms) => ms.toFixed(0)).join(', ')})`);
    console.log(`ratio timestamped / untimestamped: ${(median(on) / median(off)).toFixed(2)}`);
  } finally {
    await browser.close();
    await server.close();
    await authority.close();
    tsa.remove();
  }
}

await auditSigning();
await timestampedCaptures();
