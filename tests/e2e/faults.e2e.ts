/**
 * Faults on purpose (issue 15). Chromium, through the DevTools protocol: the service worker stopped and the tab's
 * renderer crashed during a full-page capture, and the extension reloaded under its content script, side panel,
 * popup and a capture. Each checks what the person sees, the page's DOM (nothing of ours left), and the database
 * (nothing half-kept, Verify clean). Then the browser process killed (SIGKILL) at several moments after the click
 * on "Capture visible area" and the same profile reopened: the whole capture (record, all its files, its audit
 * entry) or nothing of it. Firefox offers no way here to kill its process mid-write and reopen the same temporary
 * add-on's storage. The suite prints the table of faults and outcomes (docs/reliability.md).
 *
 * What no test here can show: the popup or side panel saying "the extension was updated, please reopen". Both
 * browsers take every page of the extension away when it goes: Chromium closes them on chrome.runtime.reload()
 * (asserted below) and replaces them with a new-tab page on an update (content-reinjection.e2e.ts asserts it),
 * Firefox closes them on a reload (faults-firefox.e2e.ts). A hook in the test build that cut the page's port
 * would not be the fault: the notice is decided by the extension being gone (runtime.id, which only the browser
 * takes away), so the hook would have to fake that too, and the test would check its own fake. The decision and
 * the notice are unit-tested instead (tests/unit/browser/extension-gone.test.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium } from './support/chromium';
import { clickButton, until, type DrivenPage, type ExtensionBrowser } from './support/driver';
import { storedCaptures, storeCounts } from './support/evidence';
import { captureError, countsFrom, openOwnPage, verify, waitForTiles } from './support/fault-checks';
import { watchPage } from './support/page-traces';
import { startFixtureServer, type FixtureServer } from './support/server';

const PAGE = 'https://example.org/long';
const DISCORD_LONG = 'https://discord.com/channels/81384788765712384/81384788765712390/175928847299117100';
const KILL_AFTER_MS = [0, 50, 100, 200, 400];
const outcomes: string[] = [];
/** Fault | what the person saw | the page | the database: one line per DevTools fault, printed at the end. */
const faultRows: string[] = [];
const NOTHING = { captures: 0, files: 0, audit: 0 };

function pageOf(browser: { context: { pages(): Page[] } }, url: string): Page {
  const page = browser.context.pages().find((candidate) => candidate.url() === url);
  if (!page) throw new Error(`No page at ${url}`);
  return page;
}

/** The tab's DOM once it is exactly `before` again (a capture may still be putting it back), or as it is at the end. */
async function domAfter(page: Page, before: string): Promise<string> {
  const now = () => page.evaluate(() => document.documentElement.outerHTML);
  await page.waitForFunction((html) => document.documentElement.outerHTML === html, before, { polling: 100, timeout: 20_000 }).catch(() => undefined);
  return now();
}

/**
 * One whole capture of the visible area first: the fault's capture must leave it as it was (no partial record
 * beside it), and Verify then has evidence to check.
 */
async function captureOnceWhole(popup: DrivenPage): Promise<{ captures: number; files: number; audit: number }> {
  await clickButton(popup, 'Capture visible area');
  await popup.waitFor(() => document.querySelector('[data-testid="capture-result"]'), null, 60_000);
  const counts = await countsFrom(popup);
  expect(counts.captures).toBe(1);
  return counts;
}

/** The tab's DOM as the extension reads it (Playwright refuses to touch a page that crashed, even reloaded). */
function tabDom(extensionPage: DrivenPage, tabId: number): Promise<string> {
  return extensionPage.evaluate(async (id: number) => {
    const [injection] = await chrome.scripting.executeScript({ target: { tabId: id }, func: () => document.documentElement.outerHTML });
    return injection?.result as string;
  }, tabId);
}

describe('faults through the DevTools protocol (Chromium)', () => {
  let server: FixtureServer;
  let browser: ExtensionBrowser & Awaited<ReturnType<typeof launchChromium>>;
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterEach(async () => {
    await browser?.close();
  });
  afterAll(async () => {
    await server.close();
    console.log(['\nFault | What the person saw | Page | Database', ...faultRows].join('\n'));
  });

  it('service worker stopped during a full-page capture: "stopped answering", page put back, nothing stored', async () => {
    browser = await launchChromium({ httpsPort: server.httpsPort });
    const tab = await browser.openTab(PAGE);
    const page = pageOf(browser, PAGE);
    const traces = await watchPage(browser.context, page, browser.extensionId);
    const before = await traces.dom();
    const popup = await browser.openExtensionPage(`popup.html?tabId=${tab.tabId}`);
    const kept = await captureOnceWhole(popup);
    await clickButton(popup, 'Capture full page');
    await waitForTiles(popup, 2);
    await traces.cdp.send('ServiceWorker.enable');
    await traces.cdp.send('ServiceWorker.stopAllWorkers');

    const error = await captureError(popup);
    expect(error.code).toBe('background-gone');
    expect(error.text).toContain('The extension stopped answering');
    expect(await domAfter(page, before)).toBe(before);
    expect(traces.problems).toEqual([]);
    expect(await countsFrom(popup)).toEqual(kept);
    const verified = await verify(await openOwnPage(browser.context, browser.extensionId, 'manager.html'));
    expect(verified).toContain('Everything matches');
    faultRows.push(`Service worker stopped (ServiceWorker.stopAllWorkers) after 2 tiles | "${error.text}" | DOM identical to before, no console error | the earlier capture only (${JSON.stringify(kept)}); Verify: everything matches`);
  });

  it('tab crashed during a full-page capture: the crash/reload message, nothing stored', async () => {
    browser = await launchChromium({ httpsPort: server.httpsPort });
    const tab = await browser.openTab(PAGE);
    const page = pageOf(browser, PAGE);
    const popup = await browser.openExtensionPage(`popup.html?tabId=${tab.tabId}`);
    const before = await tabDom(popup, tab.tabId);
    const kept = await captureOnceWhole(popup);
    await clickButton(popup, 'Capture full page');
    await waitForTiles(popup, 2);
    const cdp = await browser.context.newCDPSession(page);
    // The renderer dies before it can answer: the command's own reply never comes.
    void cdp.send('Page.crash').catch(() => undefined);

    const error = await captureError(popup);
    expect(error.code).toBe('reloaded');
    expect(error.text).toContain('The page stopped or reloaded during the capture');
    // The crashed document is gone; the one the person reloads holds nothing of ours.
    await popup.evaluate((id: number) => chrome.tabs.reload(id), tab.tabId);
    await until(async () => (await tabDom(popup, tab.tabId)) === before, 'the reloaded tab as it was before');
    expect(await countsFrom(popup)).toEqual(kept);
    expect(await verify(await openOwnPage(browser.context, browser.extensionId, 'manager.html'))).toContain('Everything matches');
    faultRows.push(`Tab renderer crashed (Page.crash) after 2 tiles | "${error.text}" | reloaded tab: DOM identical to before | the earlier capture only (${JSON.stringify(kept)}); Verify: everything matches`);
  });

  it('extension reloaded under its content script, side panel, popup and a capture: quiet page, nothing stored, works again', async () => {
    const profileDir = mkdtempSync(path.join(os.tmpdir(), 'cr-faults-reload-'));
    try {
      browser = await launchChromium({ httpsPort: server.httpsPort, profileDir });
      const tab = await browser.openTab(DISCORD_LONG);
      const page = pageOf(browser, DISCORD_LONG);
      const traces = await watchPage(browser.context, page, browser.extensionId);
      const panel = await browser.openExtensionPage(`sidepanel.html?tabId=${tab.tabId}`);
      await panel.waitFor(() => document.querySelectorAll('[data-testid="item"]').length > 0, null);
      const before = await traces.dom();
      const popup = await browser.openExtensionPage(`popup.html?tabId=${tab.tabId}`);
      await clickButton(popup, 'Capture full page');
      await waitForTiles(popup, 2);
      // The content script's and the capture agent's: the check sees them.
      const listenersBefore = await traces.ourListeners();
      expect(listenersBefore).toBeGreaterThanOrEqual(2);
      const ownOrigin = `chrome-extension://${browser.extensionId}/`;
      await popup.evaluate(() => void setTimeout(() => chrome.runtime.reload(), 0), null);

      // Chromium closes every page of the reloaded extension itself: no popup or panel is left to show anything.
      await until(async () => browser.context.pages().every((open) => !open.url().startsWith(ownOrigin)), 'the extension pages closed');
      expect(await domAfter(page, before)).toBe(before);
      // The orphaned content script and capture agent ended: none of their listeners is left on the page.
      await until(async () => (await traces.ourListeners()) === 0, 'no listener of ours left in the page');
      expect(traces.problems).toEqual([]);
      await browser.close();

      // In this harness the unpacked build does not come back after runtime.reload() (its pages load as
      // chrome-error, even after the DevTools protocol's Extensions.loadUnpacked): the browser is reopened on the
      // same profile instead, as after an update that needed a restart.
      browser = await launchChromium({ httpsPort: server.httpsPort, profileDir });
      const counts = await storeCounts(browser);
      expect(counts).toEqual(NOTHING);
      const again = await browser.openTab(DISCORD_LONG);
      const panelAgain = await browser.openExtensionPage(`sidepanel.html?tabId=${again.tabId}`);
      await panelAgain.waitFor(() => document.querySelectorAll('[data-testid="item"]').length > 0, null);
      const popupAgain = await browser.openExtensionPage(`popup.html?tabId=${again.tabId}`);
      await clickButton(popupAgain, 'Capture visible area');
      await popupAgain.waitFor(() => document.querySelector('[data-testid="capture-result"]'), null, 60_000);
      expect((await storeCounts(browser)).captures).toBe(1);
      expect(await verify(await browser.openExtensionPage('manager.html'))).toContain('Everything matches');
      faultRows.push(`Extension reloaded (chrome.runtime.reload() from the popup) after 2 tiles, side panel open | popup, side panel and manager closed by Chromium | DOM identical to before; ${listenersBefore} listeners of ours before, 0 after; no console error | ${JSON.stringify(counts)}; reopened: side panel reads the page, a capture saves, Verify: everything matches`);
    } finally {
      await browser?.close();
      rmSync(profileDir, { recursive: true, force: true });
    }
  });
});

/** The browser's main process for this profile (the one without --type=). */
function browserPid(profile: string): number {
  const lines = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).split('\n');
  const main = lines.find((line) => line.includes(`--user-data-dir=${profile}`) && !line.includes('--type='));
  if (!main) throw new Error(`No browser process for ${profile}`);
  return Number(main.trim().split(/\s+/)[0]);
}

describe('browser killed while a capture is being saved (Chromium)', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(async () => {
    await server.close();
    console.log(['\nKilled after | Outcome after reopening', ...outcomes].join('\n'));
  });

  for (const delay of KILL_AFTER_MS) {
    it(`killed ${delay} ms after the click: all or nothing, Verify clean`, async () => {
      const profileDir = mkdtempSync(path.join(os.tmpdir(), 'cr-faults-'));
      try {
        const first = await launchChromium({ httpsPort: server.httpsPort, profileDir });
        const tab = await first.openTab(PAGE);
        const popup = await first.openExtensionPage(`popup.html?tabId=${tab.tabId}`);
        await clickButton(popup, 'Capture visible area');
        if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
        process.kill(browserPid(profileDir), 'SIGKILL');
        await first.context.close().catch(() => undefined);

        const reopened = await launchChromium({ httpsPort: server.httpsPort, profileDir });
        try {
          const counts = await storeCounts(reopened);
          const captures = await storedCaptures(reopened);
          const whole = captures.length === 1 && counts.files === captures[0]!.files.length && counts.audit === 1;
          const nothing = counts.captures === 0 && counts.files === 0 && counts.audit === 0;
          outcomes.push(`${delay} ms | ${whole ? 'whole capture' : nothing ? 'nothing' : `PARTIAL ${JSON.stringify(counts)}`}`);
          expect(whole || nothing).toBe(true);
          if (whole) {
            const manager = await reopened.openExtensionPage('manager.html');
            await clickButton(manager, 'Verify the evidence');
            const verified = await manager.waitFor(() => document.querySelector('[data-testid="verify-result"]')?.textContent, null);
            expect(verified).toContain('Everything matches');
          }
        } finally {
          await reopened.close();
        }
      } finally {
        rmSync(profileDir, { recursive: true, force: true });
      }
    }, 180_000);
  }
});
