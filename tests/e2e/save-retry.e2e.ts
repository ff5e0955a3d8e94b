/**
 * "Try saving again": a capture whose save failed stays in the popup with the reason, nothing of it is stored,
 * and once there is room again the person's second try stores it exactly once.
 *
 * The failure is the browser's own: Firefox is started with a small storage limit (the pref Firefox reads as
 * its whole storage budget, standing in for a nearly full disk) and the extension's origin is filled to the last
 * few kilobytes with a database of the test's own. Freeing that database is the person freeing disk space.
 *
 * Firefox only. Chromium does not hold an extension with `unlimitedStorage` to any quota: measured here,
 * `Storage.overrideQuotaForOrigin` lowered what navigator.storage.estimate() reports, but 8 MB of writes past it
 * still committed. Filling the real disk would need a small filesystem mounted for the test (root only).
 */
import { describe, expect, it } from 'vitest';
import { useExtensionBrowser } from './support/browsers';
import { clickButton, type DrivenPage, type ExtensionBrowser } from './support/driver';
import { storedCaptures, storeCounts } from './support/evidence';

const PAGE = 'https://x.com/fixtureuser/status/1445078208190291968';
/** Firefox's storage budget for this test, in KiB. */
const STORAGE_LIMIT_KIB = 20 * 1024;
const FILLER_DB = 'test-filler';

/**
 * Fills the extension's origin with FILLER_DB until the browser refuses even a few kilobytes more. Returns the
 * bytes written and the name of the browser's refusal (QuotaExceededError), so a test can see that it happened.
 */
function fillStorage(browser: ExtensionBrowser): Promise<{ written: number; refusal: string }> {
  return browser.evalInExtension(async (name: string) => {
    const open = () =>
      new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name, 1);
        request.onupgradeneeded = () => request.result.createObjectStore('chunks');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    // Firefox closes a connection whose transaction ran out of room: each refusal takes a new one.
    let db = await open();
    const put = (key: number, size: number) =>
      new Promise<string | null>((resolve) => {
        const transaction = db.transaction('chunks', 'readwrite');
        transaction.objectStore('chunks').put(new Blob([new Uint8Array(size).fill(key % 251)]), key);
        transaction.oncomplete = () => resolve(null);
        transaction.onabort = () => resolve(transaction.error?.name ?? 'aborted');
      });
    let written = 0;
    let refusal = '';
    let key = 0;
    // Big chunks first, then ever smaller ones: what is left at the end is less than the smallest chunk.
    for (const size of [1 << 20, 1 << 16, 1 << 12]) {
      for (;;) {
        const refused = await put(key++, size);
        if (refused) {
          refusal = refused;
          db.close();
          db = await open();
          break;
        }
        written += size;
      }
    }
    db.close();
    return { written, refusal };
  }, FILLER_DB);
}

function freeStorage(browser: ExtensionBrowser): Promise<void> {
  return browser.evalInExtension(
    (name: string) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase(name);
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
      }),
    FILLER_DB,
  );
}

/** What the popup shows once the capture is over: saved (with its id), or kept unsaved (with its texts). */
function outcome(popup: DrivenPage) {
  return popup.waitFor(
    () => {
      const saved = document.querySelector('[data-testid="capture-result"]');
      if (saved) return { state: 'saved', id: saved.getAttribute('data-capture-id') ?? '', text: '' };
      const unsaved = document.querySelector('[role="alert"][data-testid="capture-unsaved"]');
      if (unsaved) return { state: 'unsaved', id: unsaved.getAttribute('data-code') ?? '', text: unsaved.textContent?.trim() ?? '' };
      const failed = document.querySelector('[data-testid="capture-error"]');
      return failed ? { state: 'failed', id: '', text: failed.textContent?.trim() ?? '' } : null;
    },
    null,
    60_000,
  );
}

describe('try saving again in firefox', () => {
  const { browser } = useExtensionBrowser('firefox', {
    launchOptions: { firefoxPrefs: { 'dom.quotaManager.temporaryStorage.fixedLimit': STORAGE_LIMIT_KIB } },
  });

  it('a capture the full storage refused stays in the popup with the reason, and the second try stores it once', async () => {
    const { tabId } = await browser().openTab(PAGE);
    const popup = await browser().openExtensionPage(`popup.html?tabId=${tabId}`);
    const before = await storeCounts(browser());
    const filled = await fillStorage(browser());
    expect(filled.refusal).toBe('QuotaExceededError');
    expect(filled.written).toBeGreaterThan(STORAGE_LIMIT_KIB * 1024 * 0.9);

    await clickButton(popup, 'Capture visible area');
    const refused = await outcome(popup);
    expect(refused).toMatchObject({ state: 'unsaved', id: 'storage-full' });
    expect(refused.text).toContain('The capture is finished but could not be saved. It is kept here until you save it or discard it.');
    expect(refused.text).toContain(
      'There is no more room to store evidence on this computer. Nothing was saved. Export and remove older captures, or free disk space, then try again.',
    );
    // Nothing of it was written: no record, no file, no audit entry.
    expect(await storeCounts(browser())).toEqual(before);

    // The person makes room, then tries again from the same popup.
    await freeStorage(browser());
    await clickButton(popup, 'Try saving again');
    const saved = await outcome(popup);
    expect(saved.state).toBe('saved');
    expect(await popup.evaluate(() => document.querySelector('[data-testid="capture-result"] [role="status"]')?.textContent?.trim(), null)).toBe('Capture saved');
    // The unsaved notice and its buttons are gone: there is nothing left to save twice.
    expect(
      await popup.evaluate(
        () => !document.querySelector('[data-testid="capture-unsaved"]') && ![...document.querySelectorAll('button')].some((button) => button.textContent?.trim() === 'Try saving again'),
        null,
      ),
    ).toBe(true);

    // Stored exactly once: one record with that id, its files, one audit entry.
    const records = (await storedCaptures(browser())).filter((record) => record.id === saved.id);
    expect(records).toHaveLength(1);
    expect(records[0]!.requestedUrl).toBe(PAGE);
    expect(await storeCounts(browser())).toEqual({
      captures: before.captures + 1,
      files: before.files + records[0]!.files.length,
      audit: before.audit + 1,
    });
    await popup.close();
  });
});
