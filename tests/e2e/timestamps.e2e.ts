/**
 * Trusted timestamps as a person uses them, against a local timestamp authority: a small HTTP server on 127.0.0.1
 * answering with `openssl ts -reply` under a test CA made here. The test build points the listed FreeTSA entry at
 * it (the same code; only that one address, its policy origin and its host permission change, test-build.ts) and
 * trusts the test CA as FreeTSA's root (the shipped build trusts only the listed authorities' real roots).
 *
 * Switched on in the manager, a capture gets a token for each file; the only requests leaving the extension are
 * POSTs of application/timestamp-query to that host, whose bodies hold no address or title; the exported
 * screenshot's .tsr (and the audit head's) verify with `openssl ts -verify -data ... -CAfile <ca>`; imported in
 * another browser, every token is checked and the capture shows as stamped. With the
 * authority down, a capture is saved and shown pending with the reason; once it is back, opening the manager
 * stamps it.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_FORMAT_VERSION } from '../../lib/bundle/manifest';
import { entriesOf } from '../unit/bundle/fixtures';
import { TestTsa } from '../unit/proof/test-tsa';
import { BROWSERS, launch, useExtensionBrowser } from './support/browsers';
import { clickButton, until, type DrivenPage, type ExtensionBrowser } from './support/driver';
import { exportFromManager, UNENCRYPTED } from './support/evidence';
import { pointFreeTsaAt, startAuthority, trustTestRoot } from './support/local-tsa';
import { openManager } from './support/manager';

const PAGE = 'https://x.com/fixtureuser/status/1445078208190291968';

async function captureVisible(browser: ExtensionBrowser): Promise<void> {
  const { tabId } = await browser.openTab(PAGE);
  const popup = await browser.openExtensionPage(`popup.html?tabId=${tabId}`);
  await clickButton(popup, 'Capture visible area');
  await popup.waitFor(() => document.querySelector('[data-testid="capture-result"]'), null, 60_000);
  await popup.close();
}

/** Each capture card's timestamp state (data-state) and text, newest first. */
function timestampStates(manager: DrivenPage): Promise<{ state: string | null; text: string }[]> {
  return manager.evaluate(
    () =>
      [...document.querySelectorAll('[data-testid="capture-item"]')].map((item) => {
        const stamp = item.querySelector('[data-testid="capture-timestamp"]');
        return { state: stamp?.getAttribute('data-state') ?? null, text: stamp?.textContent?.trim() ?? '' };
      }),
    null,
  );
}

describe.each(BROWSERS)('trusted timestamps in %s', (browserName) => {
  let tsa: TestTsa;
  let authority: Awaited<ReturnType<typeof startAuthority>>;
  /** Chromium: every request of the extension's pages and service worker to anything but its own files. */
  const fromExtension: { url: string; method: string; contentType: string | null }[] = [];

  beforeAll(async () => {
    tsa = new TestTsa();
    tsa.rootDer(); // writes ca.pem's DER beside it; ca.pem is the CA openssl checks with
    authority = await startAuthority(tsa);
  });
  afterAll(async () => {
    await authority?.close();
    tsa?.remove();
  });
  const { browser, server } = useExtensionBrowser(browserName, {
    // Firefox sends everything through the fixture server's CONNECT proxy; the local authority is plain HTTP.
    launchOptions: () => ({
      buildPatch: pointFreeTsaAt(authority.url, tsa.rootDer()),
      firefoxPrefs: { 'network.proxy.no_proxies_on': '127.0.0.1' },
    }),
  });
  beforeAll(() => {
    const context = (browser() as ExtensionBrowser & { context?: BrowserContext; extensionId?: string }).context;
    const extensionId = (browser() as { extensionId?: string }).extensionId;
    context?.on('request', (request: Request) => {
      let from = '';
      try {
        from = request.serviceWorker()?.url() ?? request.frame().url();
      } catch {
        from = '';
      }
      const url = request.url();
      const own = url.startsWith(`chrome-extension://${extensionId}/`) || url.startsWith('data:') || url.startsWith('blob:');
      if (from.startsWith(`chrome-extension://${extensionId}/`) && !own) {
        fromExtension.push({ url, method: request.method(), contentType: request.headers()['content-type'] ?? null });
      }
    });
  });

  it('switched on, a capture gets a token per file; only hash queries reach the authority; the export verifies with openssl', async () => {
    const manager = await openManager(browser(), 'settings');
    await manager.waitFor(() => document.querySelector('[data-testid="timestamps-on"]'), null);
    expect(await manager.evaluate(() => document.querySelector('[data-testid="timestamp-status"]')?.textContent?.trim(), null)).toBe('Off: nothing is sent anywhere.');
    await manager.click('[data-testid="timestamps-on"]');
    await manager.waitFor(() => document.querySelector('[data-testid="timestamps-off"]'), null);
    expect(authority.queries).toEqual([]);

    await manager.close();
    await captureVisible(browser());
    // Right after the save, with no page of ours open: the background sends one query per file.
    await until(async () => authority.queries.length >= 3, 'the queries sent after the save');
    const shown = await browser().openExtensionPage('manager.html');
    await shown.waitFor(() => document.querySelector('[data-testid="capture-item"] [data-testid="capture-timestamp"][data-state="stamped"]'), null);
    const captures = await timestampStates(shown);
    await shown.close();
    expect(captures).toEqual([{ state: 'stamped', text: expect.stringMatching(/^Timestamped by FreeTSA \(freetsa\.org\) at 20\d\d-/) as unknown as string }]);

    // One query per file (screenshot, page source, thumbnail), each a POST of a DER TimeStampReq holding no
    // address or title of the captured page.
    expect(authority.queries).toHaveLength(3);
    for (const query of authority.queries) {
      expect(query).toMatchObject({ method: 'POST', path: '/tsr', contentType: 'application/timestamp-query' });
      expect(query.body[0]).toBe(0x30);
      for (const secret of ['x.com', 'fixtureuser', '1445078208190291968', 'Twitter', 'status']) expect(query.body.toString('latin1')).not.toContain(secret);
    }
    if (browserName === 'chromium') {
      expect(fromExtension.length).toBeGreaterThan(0);
      expect(fromExtension.filter((request) => request.url !== authority.url || request.method !== 'POST' || request.contentType !== 'application/timestamp-query')).toEqual([]);
    }

    // Export: the screenshot's token and the audit head's verify with openssl against the test CA.
    const exporter = await browser().openExtensionPage('manager.html');
    const exported = await exportFromManager(browser(), exporter, UNENCRYPTED);
    await exporter.close();
    const entries = new Map(entriesOf(exported.bytes));
    const screenshot = [...entries.keys()].find((name) => name.endsWith('/screenshot.png'))!;
    for (const stamped of [screenshot, 'audit-head.txt']) {
      expect(entries.has(`${stamped}.tsr`), stamped).toBe(true);
      tsa.openssl.write('exported.bin', entries.get(stamped)!);
      tsa.openssl.write('exported.bin.tsr', entries.get(`${stamped}.tsr`)!);
      const check = tsa.openssl.run('ts', '-verify', '-data', 'exported.bin', '-in', 'exported.bin.tsr', '-CAfile', 'ca.pem');
      expect(check.output, stamped).toContain('Verification: OK');
    }
    const manifest = JSON.parse(new TextDecoder().decode(entries.get('manifest.json'))) as { formatVersion: number; timestamps: { stamps: string }[] };
    expect(manifest.formatVersion).toBe(BUNDLE_FORMAT_VERSION);
    expect(manifest.timestamps.map((entry) => entry.stamps)).toContain(screenshot);
    expect(new TextDecoder().decode(entries.get('report.html'))).toMatch(/FreeTSA|Test TSA/);

    // Imported elsewhere (timestamps off there): every token is checked and kept, and the capture shows as stamped.
    const bundlePath = path.join(tsa.openssl.dir, 'bundle.zip');
    writeFileSync(bundlePath, exported.bytes);
    // Another installation of the test build, which trusts the test CA as FreeTSA's root (as a real one trusts FreeTSA's).
    const institute = await launch(browserName, server(), { buildPatch: trustTestRoot(tsa.rootDer()) });
    try {
      const importer = await institute.openExtensionPage('manager.html');
      await importer.waitFor(() => document.querySelector('[data-testid="import"]'), null);
      await importer.setInputFile('[data-testid="import"]', bundlePath);
      const message = await importer.waitFor(() => document.querySelector('[role="status"][data-testid="bundle-message"]')?.textContent, null, 30_000);
      expect(message).toContain(`${manifest.timestamps.length} trusted timestamps by a known authority checked against their files.`);
      await importer.close();
      const shown = await institute.openExtensionPage('manager.html');
      const state = await shown.waitFor(() => document.querySelector('[data-testid="capture-timestamp"]')?.getAttribute('data-state') ?? null, null);
      expect(state).toBe('stamped');
      await shown.close();
    } finally {
      await institute.close();
    }
  });

  it('authority down: the capture is saved and shown pending with why; back up, opening the manager stamps it', async () => {
    authority.state.down = true;
    const before = authority.queries.length;
    await captureVisible(browser());
    const pending = await until(async () => {
      const shown = await browser().openExtensionPage('manager.html');
      try {
        const states = await timestampStates(shown);
        return states.length === 2 && states[0]!.state === 'pending' && states[0]!.text.includes('could not be reached') ? states : undefined;
      } finally {
        await shown.close();
      }
    }, 'the new capture listed as pending');
    expect(pending[0]!.text).toMatch(/^Timestamp not obtained yet: the authority could not be reached \(offline\?\)\. It will be tried again\./);
    expect(pending[1]!.state).toBe('stamped');
    expect(authority.queries.length).toBeGreaterThan(before);

    authority.state.down = false;
    const manager = await browser().openExtensionPage('manager.html');
    await manager.waitFor(
      () => [...document.querySelectorAll('[data-testid="capture-timestamp"]')].every((item) => item.getAttribute('data-state') === 'stamped') && document.querySelectorAll('[data-testid="capture-timestamp"]').length === 2,
      null,
      30_000,
    );
    await manager.close();
  });
});
