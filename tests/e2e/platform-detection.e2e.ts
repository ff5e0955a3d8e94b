/**
 * The popup and the side panel of a tab name its platform and page kind, in both browsers, and follow a
 * single-page navigation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launch } from './support/browsers';
import type { DrivenPage, ExtensionBrowser } from './support/driver';
import { startFixtureServer, type FixtureServer } from './support/server';

const DISCORD_MESSAGE = 'https://discord.com/channels/81384788765712384/81384788765712385/175928847299117063';

/** The page label's text once it no longer says "loading". */
function readLabel(page: DrivenPage, previous = ''): Promise<string> {
  return page.waitFor(
    (before: string) => {
      const text = document.querySelector('[data-testid="page-label"]')?.textContent?.trim();
      return text && text !== before ? text : null;
    },
    previous,
  );
}

describe.each(BROWSERS)('platform detection in %s', (browserName) => {
  let server: FixtureServer;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    server = await startFixtureServer();
    browser = await launch(browserName, server);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each([
    [DISCORD_MESSAGE, 'Discord - message in a server channel'],
    ['https://x.com/fixtureuser/status/1445078208190291968', 'X (Twitter) - post'],
    ['https://www.facebook.com/profile.php?id=100012345678901', 'Facebook - profile'],
    ['https://www.tiktok.com/@fixtureuser/video/7234567890123456789', 'TikTok - video'],
  ])('the popup of %s says "%s"', async (url, expected) => {
    const { tabId } = await browser.openTab(url);
    const popup = await browser.openExtensionPage(`popup.html?tabId=${tabId}`);
    expect(await readLabel(popup)).toBe(expected);
    await popup.close();
  });

  it('says no platform was recognised on another site', async () => {
    const { tabId } = await browser.openTab('https://example.org/news/article');
    const popup = await browser.openExtensionPage(`popup.html?tabId=${tabId}`);
    expect(await readLabel(popup)).toBe('No supported platform was recognised on this page.');
    await popup.close();
  });

  it('the side panel follows a single-page navigation to another kind of page', async () => {
    const { page, tabId } = await browser.openTab(DISCORD_MESSAGE);
    const panel = await browser.openExtensionPage(`sidepanel.html?tabId=${tabId}`);
    const first = await readLabel(panel);
    expect(first).toBe('Discord - message in a server channel');

    await page.evaluate(() => history.pushState({}, '', '/channels/@me/81384788765712399'), null);
    expect(await readLabel(panel, first)).toBe('Discord - private conversation');
    await panel.close();
  });
});
