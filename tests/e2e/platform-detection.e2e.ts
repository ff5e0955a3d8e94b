/**
 * The popup and the side panel of a tab name its platform and page kind, in both browsers, and follow a
 * single-page navigation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launch, useExtensionBrowser } from './support/browsers';
import { until, type DrivenPage } from './support/driver';
import { updateSettings } from './support/evidence';
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
  const { browser } = useExtensionBrowser(browserName);

  it.each([
    [DISCORD_MESSAGE, 'Discord - message in a server channel'],
    ['https://x.com/fixtureuser/status/1445078208190291968', 'X (Twitter) - post'],
    ['https://www.facebook.com/profile.php?id=100012345678901', 'Facebook - profile'],
    ['https://www.tiktok.com/@fixtureuser/video/7234567890123456789', 'TikTok - video'],
  ])('the popup of %s says "%s"', async (url, expected) => {
    const { tabId } = await browser().openTab(url);
    const popup = await browser().openExtensionPage(`popup.html?tabId=${tabId}`);
    expect(await readLabel(popup)).toBe(expected);
    await popup.close();
  });

  it('shows the platform on the toolbar button of a platform tab, and nothing elsewhere', async () => {
    const readButton = (tabId: number) =>
      browser().evalInExtension(async (id: number) => {
        const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
        const button = api.action ?? (api as unknown as { browserAction: typeof api.action }).browserAction;
        return { badge: await button.getBadgeText({ tabId: id }), title: await button.getTitle({ tabId: id }) };
      }, tabId);
    const discord = await browser().openTab(DISCORD_MESSAGE);
    const button = await until(async () => {
      const state = await readButton(discord.tabId);
      return state.badge ? state : null;
    }, 'the badge');
    expect(button).toEqual({ badge: 'DC', title: 'Capture & Report: Discord - message in a server channel' });

    const other = await browser().openTab('https://example.org/');
    expect(await readButton(other.tabId)).toEqual({ badge: '', title: 'Capture & Report' });
    await discord.page.close();
    await other.page.close();
  });

  it('says no platform was recognised on another site', async () => {
    const { tabId } = await browser().openTab('https://example.org/news/article');
    const popup = await browser().openExtensionPage(`popup.html?tabId=${tabId}`);
    expect(await readLabel(popup)).toBe('No supported platform was recognised on this page.');
    await popup.close();
  });

  it('the side panel follows a single-page navigation to another kind of page', async () => {
    const { page, tabId } = await browser().openTab(DISCORD_MESSAGE);
    const panel = await browser().openExtensionPage(`sidepanel.html?tabId=${tabId}`);
    const first = await readLabel(panel);
    expect(first).toBe('Discord - message in a server channel');

    await page.evaluate(() => history.pushState({}, '', '/channels/@me/81384788765712399'), null);
    expect(await readLabel(panel, first)).toBe('Discord - private conversation');
    await panel.close();
  });
});

describe.each(BROWSERS)('interface language in %s', (browserName) => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('follows the language chosen in the settings over the browser language', async () => {
    const browser = await launch(browserName, server, { lang: 'nl-BE' });
    try {
      await updateSettings(browser, { lang: 'fr' });
      const { tabId } = await browser.openTab(DISCORD_MESSAGE);
      const popup = await browser.openExtensionPage(`popup.html?tabId=${tabId}`);
      expect(await readLabel(popup)).toBe("Discord - message dans un salon d'un serveur");
      expect(await popup.evaluate(() => document.documentElement.lang, null)).toBe('fr');
    } finally {
      await browser.close();
    }
  });

  it.each([
    ['nl-BE', 'Discord - bericht in een serverkanaal'],
    ['fr-BE', "Discord - message dans un salon d'un serveur"],
  ])('follows the browser language %s', async (lang, expected) => {
    const browser = await launch(browserName, server, { lang });
    try {
      const { tabId } = await browser.openTab(DISCORD_MESSAGE);
      const popup = await browser.openExtensionPage(`popup.html?tabId=${tabId}`);
      expect(await readLabel(popup)).toBe(expected);
      expect(await popup.evaluate(() => document.documentElement.lang, null)).toBe(lang.slice(0, 2));
    } finally {
      await browser.close();
    }
  });
});
