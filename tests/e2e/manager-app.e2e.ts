/**
 * The manager as an app, in Chromium and Firefox: it opens on Cases; its navigation reaches Settings and Help by
 * click and by keyboard; its addresses (#settings, #help, #case/<id>, #settings/<field>) open the right view; the
 * screens-per-capture field keeps a number within its limits and refuses others with a message, and a long capture
 * then stops at that number, says so, and links to that field. (Accessibility of each view: accessibility.e2e.ts.)
 */
import { describe, expect, it } from 'vitest';
import { BROWSERS, useExtensionBrowser } from './support/browsers';
import { clickButton, type DrivenPage } from './support/driver';
import { captureOutcome, storedCaptures, updateSettings } from './support/evidence';
import { openManager, type ManagerView } from './support/manager';
import { fill } from './support/passphrase';

const LONG_PAGE = 'https://example.org/long'; // 40 sections of 400 px: about 20 screens

/** Waits until `view` is shown and marked current in the navigation; returns the id of the focused element. */
function shownView(manager: DrivenPage, view: ManagerView): Promise<string> {
  return manager.waitFor(
    (name: string) =>
      document.querySelector(`[data-testid="view-${name}"]`) &&
      document.querySelector(`[data-testid="manager-nav"] a[data-view="${name}"][aria-current="page"]`) &&
      document.querySelectorAll('[data-testid="manager-nav"] a[aria-current]').length === 1
        ? document.activeElement?.id || document.activeElement?.tagName.toLowerCase() || 'none'
        : null,
    view,
  );
}

/** From a freshly opened manager, presses Tab until the navigation's link to `view` has the focus, then Enter. */
async function chooseByKeyboard(manager: DrivenPage, view: ManagerView): Promise<void> {
  for (let press = 0; press < 6; press += 1) {
    await manager.press('Tab');
    const focused = await manager.evaluate(() => document.activeElement?.getAttribute('data-view') ?? null, null);
    if (focused === view) {
      await manager.press('Enter');
      return;
    }
  }
  throw new Error(`Tab never reached the link to ${view}`);
}

function text(page: DrivenPage, selector: string): Promise<string> {
  return page.waitFor((css: string) => document.querySelector(css)?.textContent?.trim().replace(/\s+/g, ' ') || null, selector);
}

describe.each(BROWSERS)('the manager as an app in %s', (browserName) => {
  const { browser } = useExtensionBrowser(browserName);

  it('opens on Cases; the navigation reaches Settings and Help by click, and by keyboard from their addresses', async () => {
    const manager = await browser().openExtensionPage('manager.html');
    await shownView(manager, 'cases');
    expect(await text(manager, '#view-title')).toBe('Cases');

    // By click: the view changes and its title takes the focus (a screen reader says where the person is).
    await manager.click('[data-testid="manager-nav"] a[data-view="settings"]');
    expect(await shownView(manager, 'settings')).toBe('view-title');
    expect(await text(manager, '#view-title')).toBe('Settings');
    await manager.click('[data-testid="manager-nav"] a[data-view="help"]');
    expect(await shownView(manager, 'help')).toBe('view-title');
    expect(await text(manager, '#view-title')).toBe('Help and safety');
    await manager.click('[data-testid="manager-nav"] a[data-view="cases"]');
    expect(await shownView(manager, 'cases')).toBe('view-title');
    await manager.close();

    // Each view's address opens it; from there, by keyboard from the top of the page (Tab to the link, Enter), the other.
    for (const [opened, chosen] of [
      ['settings', 'help'],
      ['help', 'settings'],
    ] as const) {
      const page = await browser().openExtensionPage(`manager.html#${opened}`);
      await shownView(page, opened);
      await chooseByKeyboard(page, chosen);
      expect(await shownView(page, chosen)).toBe('view-title');
      await page.close();
    }
  });

  it('screens per full-page capture: kept within 1 to 200, refused otherwise; a long capture stops there, says so and links to the field', async () => {
    const storedScreens = () =>
      browser().evalInExtension(async () => {
        const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
        return ((await api.storage.local.get('settings')) as { settings?: { maxScreens?: number } }).settings?.maxScreens ?? null;
      }, null);
    const before = await storedScreens();
    const manager = await openManager(browser(), 'settings');
    const field = '#max-screens-count';
    expect(await manager.waitFor((css: string) => document.querySelector<HTMLInputElement>(css)?.value, field)).toBe('60');

    for (const [typed, message] of [
      ['0', 'The number of screens must be from 1 to 200. Nothing was changed.'],
      ['201', 'The number of screens must be from 1 to 200. Nothing was changed.'],
      ['2.5', 'Type a whole number of screens, from 1 to 200. Nothing was changed.'],
    ] as const) {
      await fill(manager, field, typed);
      await manager.click('[data-testid="max-screens-save"]');
      expect(await text(manager, '[role="alert"][data-testid="max-screens-error"]'), typed).toBe(message);
      expect(await manager.evaluate((css: string) => document.querySelector(css)?.getAttribute('aria-invalid'), field)).toBe('true');
    }
    expect(await storedScreens()).toBe(before);

    await fill(manager, field, '3');
    await manager.click('[data-testid="max-screens-save"]');
    expect(await text(manager, '[role="status"][data-testid="max-screens-saved"]')).toBe('Saved: a full-page capture takes at most 3 screens.');
    expect(await manager.evaluate(() => !document.querySelector('[data-testid="max-screens-error"]'), null)).toBe(true);
    expect(await storedScreens()).toBe(3);
    await manager.close();

    try {
      const { tabId } = await browser().openTab(LONG_PAGE);
      const popup = await browser().openExtensionPage(`popup.html?tabId=${tabId}`);
      await clickButton(popup, 'Capture full page');
      const outcome = await popup.waitFor(captureOutcome, null, 120_000);
      if ('error' in outcome) throw new Error(`Capture failed: ${outcome.error}`);
      const record = (await storedCaptures(browser())).find((capture) => capture.id === outcome.id)!;
      expect(record.limitedTo).toEqual({ screens: 3, reason: 'max-screens' });
      expect(record.page.height).toBeGreaterThan(2 * record.viewport.height);
      expect(record.page.height).toBeLessThanOrEqual(3 * record.viewport.height);
      expect(await text(popup, '[data-testid="capture-limited"]')).toBe(
        'This is very long: the first 3 screens from the top have been captured. Change the number of screens in the settings',
      );
      // The link opens the manager on that very field.
      const href = await popup.evaluate(() => document.querySelector<HTMLAnchorElement>('[data-testid="capture-limited-change"]')?.href ?? '', null);
      expect(href).toMatch(/\/manager\.html#settings\/max-screens$/);
      await popup.close();
      const linked = await browser().openExtensionPage(`manager.html${new URL(href).hash}`);
      expect(await shownView(linked, 'settings')).toBe('max-screens-count');
      expect(await linked.evaluate(() => document.querySelector<HTMLInputElement>('#max-screens-count')?.value, null)).toBe('3');
      await linked.close();
    } finally {
      await updateSettings(browser(), { maxScreens: 60 });
    }
  });

  it('its addresses open a given case, and the welcome\'s passphrase button the passphrase field', async () => {
    // A query of its own, so that the harness does not take the welcome tab opened on installation (Firefox's way in).
    const welcome = await browser().openExtensionPage('manager.html?test#welcome');
    await welcome.click('[data-testid="welcome-set-passphrase"]');
    expect(await shownView(welcome, 'settings')).toBe('passphrase-new');
    await welcome.close();

    // Two cases made in the manager; each address opens its own, whichever the list shows first.
    const manager = await browser().openExtensionPage('manager.html');
    const ids: Record<string, string> = {};
    for (const title of ['First case', 'Second case']) {
      await fill(manager, '[aria-labelledby="new-case-heading"] input', title);
      await manager.click('[aria-labelledby="new-case-heading"] button[type="submit"]');
      ids[title] = await manager.waitFor(
        (name: string) => (document.querySelector('#case-heading')?.textContent === name ? document.querySelector('[data-testid="case-view"]')?.getAttribute('data-case-id') : null),
        title,
      );
    }
    await manager.close();
    for (const [title, caseId] of Object.entries(ids)) {
      const page = await browser().openExtensionPage(`manager.html#case/${caseId}`);
      await shownView(page, 'cases');
      const shown = await page.waitFor(() => {
        const view = document.querySelector('[data-testid="case-view"]');
        return view ? { id: view.getAttribute('data-case-id'), title: document.querySelector('#case-heading')?.textContent } : null;
      }, null);
      expect(shown).toEqual({ id: caseId, title });
      await page.close();
    }
  });
});
