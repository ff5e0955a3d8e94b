/**
 * A platform page open before the extension is installed or updated gets a live content script without being
 * reloaded (Chromium; lib/browser/content-reinjection.ts), and never two. Chromium itself puts manifest content
 * scripts only into pages loaded afterwards. The extension is loaded while the browser runs, through the DevTools
 * protocol (Extensions.loadUnpacked), and loading the same folder again is Chrome's update of it (onInstalled
 * 'update'); chrome.runtime.reload() cannot serve here, the reloaded build does not come back in this harness
 * (faults.e2e.ts). The build keeps only the shipped host permissions (the content script's sites): no `<all_urls>`.
 * Firefox injects content scripts into open tabs by itself on install, update and reload, so nothing of ours runs
 * there, and its remote protocol gives no way into the add-on after an update (no page of it is left open).
 * The browser is launched here, not with useExtensionBrowser (support/browsers.ts): that one starts with the
 * extension loaded, and this test needs the page open first.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH, quietBrowserArgs, wrap } from './support/chromium';
import { until } from './support/driver';
import { watchPage } from './support/page-traces';
import { startFixtureServer, type FixtureServer } from './support/server';
import { prepareTestBuild, shippedPermissions } from './support/test-build';

const DISCORD = 'https://discord.com/channels/81384788765712384/81384788765712390/175928847299117100';

/** The test build with the shipped manifest's permissions only. */
function shippedHostsBuild(): string {
  return prepareTestBuild('chrome-mv3', shippedPermissions);
}

/** Loads (or loads again: updates) the extension; resolves with its new service worker. */
async function loadExtension(context: BrowserContext, cdp: CDPSession, dir: string): Promise<Worker> {
  const known = new Set(context.serviceWorkers());
  await cdp.send('Extensions.loadUnpacked' as never, { path: dir } as never);
  return until(async () => context.serviceWorkers().find((worker) => !known.has(worker)), 'the service worker');
}

/** The side panel on the tab, and how many items it reads there. */
async function panelItems(context: BrowserContext, worker: Worker, tabId: number): Promise<{ items: number; panel: Page }> {
  const url = worker.url().replace('background.js', `sidepanel.html?tabId=${tabId}`);
  const opened = context.waitForEvent('page', { predicate: (page) => page.url() === url });
  await worker.evaluate((target: string) => chrome.windows.create({ url: target, type: 'popup', width: 420, height: 700 }), url);
  const panel = await opened;
  return { items: await wrap(panel).waitFor(() => document.querySelectorAll('[data-testid="item"]').length, null), panel };
}

describe('content script into open platform pages (Chromium)', () => {
  let server: FixtureServer;
  let context: BrowserContext;
  let profile: string;
  beforeAll(async () => {
    server = await startFixtureServer();
    profile = mkdtempSync(path.join(os.tmpdir(), 'cr-reinject-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      ignoreHTTPSErrors: true,
      // Playwright turns extensions off unless it loads one itself: this test loads it later.
      ignoreDefaultArgs: ['--disable-extensions'],
      viewport: { width: 1280, height: 800 },
      args: [
        '--enable-unsafe-extension-debugging',
        ...quietBrowserArgs(server.httpsPort),
      ],
    });
  });
  afterAll(async () => {
    await context?.close();
    rmSync(profile, { recursive: true, force: true });
    await server?.close();
  });

  it('installed, then updated, with a Discord page open: the side panel reads it each time, one live copy, no reload', async () => {
    const page = await context.newPage();
    await page.goto(DISCORD);
    // Kept in the page's own world: still there afterwards means the page was never reloaded.
    await page.evaluate(() => ((window as { loadedOnce?: boolean }).loadedOnce = true));
    const cdp = await context.browser()!.newBrowserCDPSession();
    const dir = shippedHostsBuild();

    let worker = await loadExtension(context, cdp, dir);
    const extensionId = new URL(worker.url()).host;
    const traces = await watchPage(context, page, extensionId);
    const tabId = await worker.evaluate(async (url: string) => (await chrome.tabs.query({ url }))[0]?.id, DISCORD);
    expect(tabId).toBeTypeOf('number');
    const { items: afterInstall, panel } = await panelItems(context, worker, tabId!);
    expect(afterInstall).toBeGreaterThan(0);
    const oneCopy = await traces.ourListeners();
    expect(oneCopy).toBeGreaterThan(0);

    worker = await loadExtension(context, cdp, dir); // the update
    // Chromium closes the extension's pages on an update: none is left to say "updated, please reopen".
    // Chromium takes the extension's pages away on an update (this window now shows a new-tab page): no page of
    // ours is left to say "the extension was updated, please reopen" (faults.e2e.ts).
    await until(async () => panel.isClosed() || !panel.url().startsWith(`chrome-extension://${extensionId}/`), 'the side panel of before the update gone');
    const oldPanelNow = panel.isClosed() ? 'closed' : `replaced by ${panel.url()}`;
    const { items: afterUpdate } = await panelItems(context, worker, tabId!);
    expect(afterUpdate).toBe(afterInstall);
    // The old copy ended itself (within a second), the new one runs: as many listeners of ours as one copy has.
    await until(async () => (await traces.ourListeners()) === oneCopy, `${oneCopy} listeners of ours, one copy`);
    expect(await page.evaluate(() => (window as { loadedOnce?: boolean }).loadedOnce)).toBe(true);
    expect(traces.problems).toEqual([]);
    console.log(
      `\nContent script into open tabs (Chromium) | installed: side panel read ${afterInstall} items; updated: the open side panel ${oldPanelNow} by Chromium, reopened it read ${afterUpdate} items; ${oneCopy} listeners of ours before and after the update; page not reloaded; no console error`,
    );
  });
});
