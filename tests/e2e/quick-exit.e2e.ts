/**
 * Quick exit, in both browsers: pressing Shift three times (or the button) sends the page the person was looking at
 * to the neutral page and closes every page of the extension.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { BROWSERS, useExtensionBrowser } from './support/browsers';
import { until } from './support/driver';
import { updateSettings } from './support/evidence';

const NEUTRAL = 'https://example.org/neutral-weather';
const DISCORD = 'https://discord.com/channels/81384788765712384/81384788765712385/175928847299117063';

describe.each(BROWSERS)('quick exit in %s', (browserName) => {
  const { browser } = useExtensionBrowser(browserName, { scope: 'test' });
  beforeEach(async () => {
    await updateSettings(browser(), { neutralUrl: NEUTRAL });
  });

  it('Shift three times in the popup: the page goes neutral, every extension page closes', async () => {
    const { page, tabId } = await browser().openTab(DISCORD);
    await browser().openExtensionPage('manager.html');
    const popup = await browser().openExtensionPage(`popup.html?tabId=${tabId}`);
    await popup.waitFor(() => document.querySelector('[data-testid="quick-exit"]'), null);
    expect(await browser().extensionPageCount()).toBeGreaterThanOrEqual(2);

    for (let i = 0; i < 3; i += 1) await popup.press('Shift');

    await until(async () => (await page.url()) === NEUTRAL, 'the neutral page');
    await until(async () => (await browser().extensionPageCount()) === 0, 'every extension page to close');
  });

  it('the button in the manager sends the manager tab itself away', async () => {
    const manager = await browser().openExtensionPage('manager.html');
    await manager.waitFor(() => document.querySelector('[data-testid="quick-exit"]'), null);
    await manager.click('[data-testid="quick-exit"]');
    await until(async () => (await browser().extensionPageCount()) === 0, 'every extension page to close');
  });
});
