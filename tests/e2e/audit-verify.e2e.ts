/**
 * The manager's Verify and the signed audit trail, as a person sees them: after a capture, Verify says everything
 * matches and that every entry is signed by this installation's key; with one entry's signature changed in the
 * database (what someone editing the profile without the key would leave), Verify names that entry as wrongly
 * signed, and nothing else.
 */
import { describe, expect, it } from 'vitest';
import { BROWSERS, launch } from './support/browsers';
import { clickButton, type ExtensionBrowser } from './support/driver';
import { startFixtureServer } from './support/server';

const PAGE = 'https://x.com/fixtureuser/status/1445078208190291968';

async function captureVisible(browser: ExtensionBrowser): Promise<void> {
  const { tabId } = await browser.openTab(PAGE);
  const popup = await browser.openExtensionPage(`popup.html?tabId=${tabId}`);
  await clickButton(popup, 'Capture visible area');
  await popup.waitFor(() => document.querySelector('[data-testid="capture-result"]'), null, 60_000);
  await popup.close();
}

/** Changes one byte of the stored signature of audit entry `seq` (of the only case), straight in IndexedDB. */
function corruptSignature(browser: ExtensionBrowser, seq: number): Promise<string> {
  return browser.evalInExtension(async (target) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('capture-and-report');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      const tx = db.transaction('auditSignatures', 'readwrite');
      const store = tx.objectStore('auditSignatures');
      const all = await new Promise<{ caseId: string; seq: number; signature: string | null; status: string }[]>((resolve, reject) => {
        const request = store.getAll();
        request.onsuccess = () => resolve(request.result as never);
        request.onerror = () => reject(request.error);
      });
      const record = all.find((item) => item.seq === target && item.status === 'signed')!;
      const bytes = Uint8Array.from(atob(record.signature!), (c) => c.charCodeAt(0));
      bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 1;
      store.put({ ...record, signature: btoa(String.fromCharCode(...bytes)) });
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      return record.status;
    } finally {
      db.close();
    }
  }, seq);
}

describe.each(BROWSERS)('Verify and the signed audit trail in %s', (browserName) => {
  it('says every signature matches, then names the one entry whose signature was changed', async () => {
    const server = await startFixtureServer();
    const browser = await launch(browserName, server);
    try {
      await captureVisible(browser);
      const manager = await browser.openExtensionPage('manager.html');
      await manager.waitFor(() => document.querySelector('[data-testid="capture-item"]'), null);
      await clickButton(manager, 'Verify the evidence');
      const verified = await manager.waitFor(() => document.querySelector('[data-testid="verify-result"]')?.textContent, null);
      expect(verified).toMatch(/^Everything matches: every file is unchanged and the trail of 2 entries is intact\.$/);
      const summary = await manager.waitFor(() => document.querySelector('[data-testid="signature-summary"]')?.textContent, null);
      expect(summary).toBe("2 entries are signed by this installation's key, and every signature matches.");
      await manager.close();

      expect(await corruptSignature(browser, 1)).toBe('signed');
      const again = await browser.openExtensionPage('manager.html');
      await again.waitFor(() => document.querySelector('[data-testid="capture-item"]'), null);
      await clickButton(again, 'Verify the evidence');
      const problems = await again.waitFor(() => document.querySelector('[role="alert"][data-testid="verify-result"]')?.textContent?.replace(/\s+/g, ' ').trim(), null);
      expect(problems).toBe(
        "1 problem(s) found: Entry 1 has a wrong signature: the entry or its signature was changed, or it was not signed by this installation's key.",
      );
      await again.close();
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
