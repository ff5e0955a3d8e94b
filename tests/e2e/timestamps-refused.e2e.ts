/**
 * Trusted timestamps switched on, and the browser's permission prompt for the authority's host refused: the
 * setting stays off, the manager says why, and nothing is granted. The extension runs with the shipped manifest's
 * permissions (test-build.ts otherwise grants every host, and then nothing is asked), with the listed FreeTSA
 * entry pointed at a local address as in timestamps.e2e.ts; the refusal means nothing is ever sent there.
 *
 * Firefox only: its prompt is a doorhanger in the browser's own window, which the test answers "Deny" through
 * WebDriver BiDi (support/permission-prompt.ts). Chromium's prompt is a native dialog no part of this harness
 * reaches: measured here, `permissions.request` stayed pending with nothing to answer it (headless), and a
 * managed policy would have to be written system-wide under /etc/chromium, for every Chromium on the machine.
 */
import { describe, expect, it } from 'vitest';
import { useExtensionBrowser } from './support/browsers';
import { pointFreeTsaAt } from './support/local-tsa';
import { openManager } from './support/manager';
import { answerPermissionPrompt, FIREFOX_SYSTEM_ACCESS } from './support/permission-prompt';
import { shippedPermissions } from './support/test-build';

/** Nothing listens there: a request that got through would fail, but none may be made at all. */
const LOCAL_AUTHORITY = 'http://127.0.0.1:9/tsr';

describe('trusted timestamps refused in firefox', () => {
  const { browser } = useExtensionBrowser('firefox', {
    launchOptions: {
      buildPatch: (dir) => {
        shippedPermissions(dir);
        pointFreeTsaAt(LOCAL_AUTHORITY)(dir);
      },
      // Firefox asks for optional permissions (the default; some test set-ups turn the prompt off).
      firefoxPrefs: { 'extensions.webextOptionalPermissionPrompts': true },
      firefoxArgs: [FIREFOX_SYSTEM_ACCESS],
    },
  });

  it('the person refuses the host permission: timestamps stay off, the manager says why, nothing is granted', async () => {
    const manager = await openManager(browser(), 'settings');
    await manager.waitFor(() => document.querySelector('[data-testid="timestamps-on"]'), null);
    await manager.click('[data-testid="timestamps-on"]');

    const prompt = await answerPermissionPrompt(browser(), 'deny');
    expect(prompt.text).toContain('Capture & Report');

    const message = await manager.waitFor(() => document.querySelector('[role="alert"][data-testid="timestamp-message"]')?.textContent?.trim(), null);
    expect(message).toBe('The browser did not allow this extension to reach FreeTSA (freetsa.org), so trusted timestamps stay off.');
    expect(await manager.evaluate(() => document.querySelector('[data-testid="timestamp-status"]')?.textContent?.trim(), null)).toBe(
      'Off: nothing is sent anywhere.',
    );
    // Still offered, to try again; not the switch-off button of a setting that is on.
    expect(await manager.evaluate(() => !!document.querySelector('[data-testid="timestamps-on"]') && !document.querySelector('[data-testid="timestamps-off"]'), null)).toBe(true);

    const stored = await browser().evalInExtension(async () => {
      const api = (globalThis as unknown as { browser: typeof chrome }).browser;
      const settings = ((await api.storage.local.get('settings')) as { settings?: { trustedTimestamps?: boolean } }).settings;
      return { on: settings?.trustedTimestamps ?? false, origins: (await api.permissions.getAll()).origins ?? [] };
    }, null);
    expect(stored).toEqual({ on: false, origins: [] });
    await manager.close();
  });
});
