/**
 * Faults on purpose (issue 15), Firefox ESR: the add-on reloaded (browser.runtime.reload() from its popup) under its
 * content script, side panel, popup and a full-page capture. The database is checked after reopening the same
 * profile (the harness's temporary add-on keeps its storage and id there), and the page for anything of ours.
 * Firefox destroys the content scripts' world at once, before the capture agent can run: the capture's stylesheet
 * is the extension's own (Firefox takes it away with the add-on) and the reloaded add-on puts the scroll back, so
 * the page's DOM and looks must be exactly as before.
 * Firefox's remote protocols give no way to stop the background page or crash one tab's content process alone,
 * so those faults are Chromium's only (faults.e2e.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickButton, until } from './support/driver';
import { storeCounts } from './support/evidence';
import { verify, waitForTiles } from './support/fault-checks';
import { launchFirefox } from './support/firefox';
import { startFixtureServer, type FixtureServer } from './support/server';

const LONG_WITH_LAZY_IMAGES = 'https://example.org/long?sections=80';
const DISCORD_LONG = 'https://discord.com/channels/81384788765712384/81384788765712390/175928847299117100';

async function isOurs(page: Page): Promise<boolean> {
  return page.evaluate(() => location.protocol === 'moz-extension:').catch(() => false);
}

/** How the page looks where a capture changes it: the bars' and scrollers' computed styles (not in the DOM). */
function looks(): string {
  const styleOf = (element: Element) => {
    const style = getComputedStyle(element);
    return `${style.visibility} ${style.scrollbarWidth} ${style.caretColor} ${style.transitionProperty} ${style.animationPlayState}`;
  };
  return [document.documentElement, document.body, ...Array.from(document.body.querySelectorAll('*'))].map(styleOf).join('\n');
}

describe('add-on reloaded (Firefox)', () => {
  let server: FixtureServer;
  const rows: string[] = [];
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(async () => {
    await server.close();
    console.log(['\nFault | What the person saw | Page | Database', ...rows].join('\n'));
  });

  it('reloaded under its content script, side panel, popup and a capture: pages closed, no console error, nothing stored, works again', async () => {
    const profileDir = mkdtempSync(path.join(os.tmpdir(), 'cr-faults-ff-'));
    let firefox = await launchFirefox({ proxyPort: server.proxyPort, profileDir });
    try {
      const tab = await firefox.openTab(DISCORD_LONG);
      const page = (await firefox.browser.pages()).find((open) => open.url() === DISCORD_LONG)!;
      const problems: string[] = [];
      page.on('console', (message) => ['error', 'warn'].includes(message.type()) && problems.push(message.text()));
      page.on('pageerror', (error) => problems.push(String(error)));
      const panel = await firefox.openExtensionPage(`sidepanel.html?tabId=${tab.tabId}`);
      await panel.waitFor(() => document.querySelectorAll('[data-testid="item"]').length > 0, null);
      const before = await tab.page.evaluate(() => document.documentElement.outerHTML, null);
      const looksBefore = await tab.page.evaluate(looks, null);
      const popup = await firefox.openExtensionPage(`popup.html?tabId=${tab.tabId}`);
      await clickButton(popup, 'Capture full page');
      await waitForTiles(popup, 1);
      // The fault strikes while the capture's stylesheet is in the page.
      expect(await tab.page.evaluate(looks, null)).not.toBe(looksBefore);
      await popup.evaluate(() => void setTimeout(() => browser.runtime.reload(), 0), null);

      // Firefox closes the add-on's pages itself.
      await until(async () => {
        for (const open of await firefox.browser.pages()) if (await isOurs(open)) return false;
        return true;
      }, 'the add-on pages closed');
      // The reloaded add-on puts the scroll back as it starts.
      await tab.page.waitFor((html: string) => document.documentElement.outerHTML === html, before, 20_000).catch(() => undefined);
      expect(await tab.page.evaluate(() => document.documentElement.outerHTML, null)).toBe(before);
      expect(await tab.page.evaluate(looks, null)).toBe(looksBefore);
      expect(problems).toEqual([]);
      await firefox.close();

      firefox = await launchFirefox({ proxyPort: server.proxyPort, profileDir });
      const counts = await storeCounts(firefox);
      expect(counts).toEqual({ captures: 0, files: 0, audit: 0 });
      const again = await firefox.openTab(DISCORD_LONG);
      const popupAgain = await firefox.openExtensionPage(`popup.html?tabId=${again.tabId}`);
      await clickButton(popupAgain, 'Capture visible area');
      await popupAgain.waitFor(() => document.querySelector('[data-testid="capture-result"]'), null, 60_000);
      expect((await storeCounts(firefox)).captures).toBe(1);
      expect(await verify(await firefox.openExtensionPage('manager.html'))).toContain('Everything matches');
      rows.push(`Add-on reloaded (browser.runtime.reload() from the popup) during a full-page capture, side panel open | popup, side panel and manager closed by Firefox | DOM identical to before, no stylesheet of ours left (computed styles as before); no console error | ${JSON.stringify(counts)}; reopened: a capture saves, Verify: everything matches`);
    } finally {
      await firefox.close();
      rmSync(profileDir, { recursive: true, force: true });
    }
  }, 180_000);

  it('reloaded during a capture of a long page with lazy images and fixed bars: DOM and looks exactly as before', async () => {
    const firefox = await launchFirefox({ proxyPort: server.proxyPort });
    try {
      const tab = await firefox.openTab(LONG_WITH_LAZY_IMAGES);
      const before = await tab.page.evaluate(() => document.documentElement.outerHTML, null);
      const looksBefore = await tab.page.evaluate(looks, null);
      const popup = await firefox.openExtensionPage(`popup.html?tabId=${tab.tabId}`);
      await clickButton(popup, 'Capture full page');
      await waitForTiles(popup, 1);
      // The fault strikes while the page is scrolled and the capture's stylesheet is in; its DOM is unchanged.
      const during = await tab.page.evaluate(() => ({ html: document.documentElement.outerHTML, y: scrollY }), null);
      expect(during.html).toBe(before);
      expect(during.y).toBeGreaterThan(0);
      expect(await tab.page.evaluate(looks, null)).not.toBe(looksBefore);
      await popup.evaluate(() => void setTimeout(() => browser.runtime.reload(), 0), null);

      // The DOM never changed: what the reloaded add-on has to put back is the scroll.
      await tab.page.waitFor(() => scrollY === 0, null, 20_000).catch(() => undefined);
      expect(await tab.page.evaluate(() => document.documentElement.outerHTML, null)).toBe(before);
      expect(await tab.page.evaluate(looks, null)).toBe(looksBefore);
      const scrollAfter = await tab.page.evaluate(() => scrollY, null);
      expect(scrollAfter).toBe(0);
      rows.push(`Add-on reloaded during a full-page capture of a long page with lazy images (scrolled to ${during.y} px; DOM unchanged during the capture) | popup closed by Firefox | DOM identical to before, computed styles as before, scroll back at 0 (put back by the reloaded add-on, which the test build's <all_urls> lets script the page) | -`);
    } finally {
      await firefox.close();
    }
  }, 120_000);
});
