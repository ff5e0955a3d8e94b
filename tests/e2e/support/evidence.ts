/**
 * Reading what the extension stored, straight from its IndexedDB (as a forensic examiner would), from inside the
 * extension's origin.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import type { CaptureRecord, FileMeta } from '../../../lib/evidence/types';
import { clickButton, until, type DrivenPage, type ExtensionBrowser } from './driver';
import { fill } from './passphrase';

export async function storedCaptures(browser: ExtensionBrowser): Promise<CaptureRecord[]> {
  return browser.evalInExtension(async () => {
    // Opening a database that does not exist would create it empty, under the extension's feet.
    if (!(await indexedDB.databases()).some((entry) => entry.name === 'capture-and-report')) return [];
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('capture-and-report');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      if (!db.objectStoreNames.contains('captures')) return [];
      return await new Promise<CaptureRecord[]>((resolve, reject) => {
        const request = db.transaction('captures').objectStore('captures').getAll();
        request.onsuccess = () => resolve(request.result as CaptureRecord[]);
        request.onerror = () => reject(request.error);
      });
    } finally {
      db.close();
    }
  }, null);
}

/**
 * How much evidence is stored: captures, files, and audit entries other than a case's creation. "Nothing
 * half-written" means none of these changed. (Cases are left out: opening the side panel, which Firefox does by
 * itself after installing, creates the default case on purpose.)
 */
export async function storeCounts(browser: ExtensionBrowser): Promise<{ captures: number; files: number; audit: number }> {
  return browser.evalInExtension(async () => {
    const empty = { captures: 0, files: 0, audit: 0 };
    if (!(await indexedDB.databases()).some((entry) => entry.name === 'capture-and-report')) return empty;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('capture-and-report');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = <T>(name: string) =>
      new Promise<T[]>((resolve, reject) => {
        const request = db.transaction(name).objectStore(name).getAll();
        request.onsuccess = () => resolve(request.result as T[]);
        request.onerror = () => reject(request.error);
      });
    try {
      if (!db.objectStoreNames.contains('captures')) return empty;
      const captures = (await all('captures')).length;
      const files = (await all('files')).length;
      const audit = (await all<{ action: string }>('audit')).filter((entry) => entry.action !== 'case-create').length;
      return { captures, files, audit };
    } finally {
      db.close();
    }
  }, null);
}

/** A stored file's bytes, copied out of the extension. */
export async function storedFileBytes(browser: ExtensionBrowser, fileId: string): Promise<Buffer> {
  const base64 = await browser.evalInExtension(async (id: string) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('capture-and-report');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      const file = await new Promise<{ blob: Blob }>((resolve, reject) => {
        const request = db.transaction('files').objectStore('files').get(id);
        request.onsuccess = () => resolve(request.result as { blob: Blob });
        request.onerror = () => reject(request.error);
      });
      const bytes = new Uint8Array(await file.blob.arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(binary);
    } finally {
      db.close();
    }
  }, fileId);
  return Buffer.from(base64, 'base64');
}

/**
 * Runs in the popup: the finished capture's id, the message the person saw when it failed, or null while it runs.
 * Self-contained, so that any driver can pass it into the page.
 */
export function captureOutcome(): { id: string } | { error: string } | null {
  const done = document.querySelector('[data-testid="capture-result"]');
  if (done) return { id: done.getAttribute('data-capture-id') ?? '' };
  const error = document.querySelector('[data-testid="capture-error"]');
  return error ? { error: error.textContent ?? '' } : null;
}

export function screenshots(record: CaptureRecord): FileMeta[] {
  return record.files.filter((file) => file.role === 'screenshot').sort((a, b) => (a.part ?? 1) - (b.part ?? 1));
}

export function decodePng(bytes: Buffer): PNG {
  return PNG.sync.read(bytes);
}

/** Changes the extension's settings (storage.local 'settings') as the settings page would; null clears them. */
export async function updateSettings(browser: ExtensionBrowser, change: Record<string, unknown> | null): Promise<void> {
  await browser.evalInExtension(async (patch: Record<string, unknown> | null) => {
    const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
    if (patch === null) {
      await api.storage.local.remove('settings');
      return;
    }
    const { settings } = (await api.storage.local.get('settings')) as { settings?: object };
    await api.storage.local.set({ settings: { ...settings, ...patch } });
  }, change);
}

/** Opens `url`, captures its visible area from the popup as a person would, and waits until it is saved. */
export async function captureVisibleArea(browser: ExtensionBrowser, url: string): Promise<void> {
  const { tabId } = await browser.openTab(url);
  const popup = await browser.openExtensionPage(`popup.html?tabId=${tabId}`);
  await clickButton(popup, 'Capture visible area');
  await popup.waitFor(() => document.querySelector('[data-testid="capture-result"]'), null, 60_000);
  await popup.close();
}

/** How to protect an export, as chosen in the manager's form (issue 20). */
export type ExportChoice =
  | { kind: 'none' }
  | { kind: 'passphrase'; passphrase: string }
  | { kind: 'recipients'; recipients: string[] };

/** Not encrypted: what the tests that check the ZIP itself choose (ticking the confirmation, as a person must). */
export const UNENCRYPTED: ExportChoice = { kind: 'none' };

/** Fills the export form's protection as a person would: the radio, then the fields. */
export async function chooseProtection(manager: DrivenPage, choice: ExportChoice): Promise<void> {
  await manager.waitFor(() => document.querySelector('[data-testid="export-protection"]'), null);
  await manager.click(`[data-testid="export-protection"] input[value="${choice.kind}"]`);
  if (choice.kind === 'passphrase') {
    await fill(manager, '[data-testid="export-passphrase"]', choice.passphrase);
    await fill(manager, '[data-testid="export-passphrase-again"]', choice.passphrase);
  } else if (choice.kind === 'recipients') {
    await fill(manager, '[data-testid="export-recipients"]', choice.recipients.join('\n'));
  } else {
    await manager.waitFor(() => document.querySelector('[data-testid="export-none-confirm"]'), null);
    const ticked = await manager.evaluate(() => document.querySelector<HTMLInputElement>('[data-testid="export-none-confirm"]')!.checked, null);
    if (!ticked) await manager.click('[data-testid="export-none-confirm"]');
  }
}

/**
 * Chooses the protection and clicks Export in an open manager, as a person would, and waits for the downloaded
 * file (a new file in the downloads folder whose name matches: `.age` when encrypted, `.zip` otherwise). Fails
 * with the manager's own message when the export is refused.
 */
export async function exportFromManager(
  browser: ExtensionBrowser,
  manager: DrivenPage,
  choice: ExportChoice,
  fileName: RegExp = choice.kind === 'none' ? /\.zip$/ : /\.age$/,
): Promise<{ name: string; path: string; bytes: Uint8Array }> {
  const before = new Set(existsSync(browser.downloadsDir) ? readdirSync(browser.downloadsDir) : []);
  await chooseProtection(manager, choice);
  await manager.waitFor(() => document.querySelector('[data-testid="export"]:not([disabled])'), null);
  await manager.click('[data-testid="export"]');
  const result = await manager.waitFor(
    () => {
      // The export's own messages (an import's are in its own section, beside the list of cases).
      const done = document.querySelector('[data-testid="export-section"] [data-testid="export-result"]')?.textContent;
      const error = document.querySelector('[data-testid="export-section"] [data-testid="bundle-message"]')?.textContent;
      return done ?? (error ? `error: ${error}` : null);
    },
    null,
    60_000,
  );
  if (result.startsWith('error')) throw new Error(`the manager refused the export: ${result}`);
  const name = await until(
    async () => readdirSync(browser.downloadsDir).find((file) => fileName.test(file) && !before.has(file)),
    'the downloaded bundle',
  );
  const file = path.join(browser.downloadsDir, name);
  return { name, path: file, bytes: new Uint8Array(readFileSync(file)) };
}
