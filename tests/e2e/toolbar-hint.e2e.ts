/**
 * The toolbar-button line: where the browser has not let the extension capture the page (no click on its toolbar
 * button for this page, so no activeTab), a capture from the side panel says in one line to click that button,
 * and stores nothing. The extension runs here with the shipped manifest's permissions only, as a person's does,
 * instead of the `<all_urls>` the other end-to-end tests give it in place of that click (test-build.ts).
 */
import { describe, expect, it } from 'vitest';
import { BROWSERS, useExtensionBrowser } from './support/browsers';
import { clickButton, type DrivenPage } from './support/driver';
import { storeCounts } from './support/evidence';
import { shippedPermissions } from './support/test-build';

const DISCORD = 'https://discord.com/channels/81384788765712384/81384788765712385/175928847299117063';
const NOT_ALLOWED =
  'Nothing was saved: the browser allows a capture here only after you click the extension’s button in its toolbar on this page. Click it, then capture again.';

function captureOutcome(page: DrivenPage) {
  return page.waitFor(
    () => {
      const error = document.querySelector('[role="alert"][data-testid="capture-error"]');
      if (error) return { code: error.getAttribute('data-code'), text: error.textContent?.trim() ?? '' };
      return document.querySelector('[data-testid="capture-result"]') ? { code: 'saved', text: '' } : null;
    },
    null,
    60_000,
  );
}

describe.each(BROWSERS)('the toolbar-button line in %s', (browserName) => {
  const { browser } = useExtensionBrowser(browserName, { launchOptions: { buildPatch: shippedPermissions } });

  it('a capture from the side panel of a page the toolbar button was not clicked on says to click it, and saves nothing', async () => {
    const { tabId } = await browser().openTab(DISCORD);
    const panel = await browser().openExtensionPage(`sidepanel.html?tabId=${tabId}`);
    const before = await storeCounts(browser());
    await clickButton(panel, 'Capture visible area');
    expect(await captureOutcome(panel)).toEqual({ code: 'not-allowed', text: NOT_ALLOWED });
    expect(await storeCounts(browser())).toEqual(before);
    await panel.close();
  });
});
