/**
 * Accessibility of the popup, the side panel and the manager, in Chromium and Firefox: axe-core finds no serious or
 * critical violation in each of their states (light and, in Chromium, dark colour scheme); every control is reached
 * by Tab and shows a visible focus; nothing scrolls sideways at 200% zoom; reduced motion switches animation off.
 */
import { describe, expect, it } from 'vitest';
import { blocking, playwrightPage, puppeteerPage, runAxe } from './support/axe';
import { BROWSERS, useExtensionBrowser } from './support/browsers';
import { clickButton, type DrivenPage } from './support/driver';
import { storeCounts } from './support/evidence';
import { openManager, showView, type ManagerView } from './support/manager';

const SERVER = '1096362223539851269';
const CHANNEL = '1096362225574088711';
/** The side panel fixture: three messages whose identifiers the panel lists. */
const DISCORD_PAGE = `https://discord.com/channels/${SERVER}/${CHANNEL}`;

async function captureVisible(popup: DrivenPage): Promise<void> {
  await popup.waitFor(() => document.querySelector('[data-testid="page-label"]'), null);
  await clickButton(popup, 'Capture visible area');
  const outcome = await popup.waitFor(
    () => {
      if (document.querySelector('[data-testid="capture-result"]')) return { ok: true };
      const error = document.querySelector('[data-testid="capture-error"]');
      return error ? { ok: false, text: error.textContent ?? '' } : null;
    },
    null,
    60_000,
  );
  if (!outcome.ok) throw new Error(`Capture failed: ${JSON.stringify(outcome)}`);
}

describe.each(BROWSERS)('accessibility in %s', (browserName) => {
  const { browser } = useExtensionBrowser(browserName, {
    routes: [{ host: /^discord\.com$/, path: new RegExp(`^/channels/${SERVER}/`), file: 'sidepanel-discord.html' }],
  });

  /** axe in the page as it is; in Chromium also with the dark colour scheme (the theme's other palette). */
  async function expectNoSeriousViolations(page: DrivenPage, where: string): Promise<void> {
    expect(blocking(`${browserName} ${where}`, await runAxe(page))).toEqual([]);
    if (browserName !== 'chromium') return;
    const raw = await playwrightPage(browser(), page);
    await raw.emulateMedia({ colorScheme: 'dark' });
    try {
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches, null)).toBe(true);
      expect(blocking(`${browserName} ${where} (dark)`, await runAxe(page))).toEqual([]);
    } finally {
      await raw.emulateMedia({ colorScheme: 'light' });
    }
  }

  /** Each manager view once everything in it is drawn (settings read, the signing key made, the guide's sections). */
  const managerViewReady: Record<ManagerView, () => unknown> = {
    cases: () => document.querySelector('[data-testid="capture-item"]'),
    settings: () =>
      document.querySelector('[data-testid="passphrase-status"]') &&
      document.querySelector('#max-screens-count') &&
      document.querySelector('#recording-length-seconds') &&
      document.querySelector('[data-testid="signing-fingerprint"]') &&
      document.querySelector('[data-testid="timestamp-status"]') &&
      document.querySelector('[data-testid="storage-info"] meter'),
    help: () => document.querySelectorAll('[data-testid="view-help"] [data-testid="guide-section"]').length === 3,
  };

  async function ensureCapture(): Promise<void> {
    // Opening a database that does not exist yet would create it empty, under the extension's feet.
    const exists = await browser().evalInExtension(async () => (await indexedDB.databases()).some((db) => db.name === 'capture-and-report'), null);
    if (exists && ((await storeCounts(browser())).captures ?? 0) > 0) return;
    const { tabId } = await browser().openTab(DISCORD_PAGE);
    const popup = await browser().openExtensionPage(`popup.html?tabId=${tabId}`);
    await captureVisible(popup);
    await popup.close();
  }

  it('popup: no serious or critical violations, idle and after a capture', async () => {
    const { tabId } = await browser().openTab(DISCORD_PAGE);
    const popup = await browser().openExtensionPage(`popup.html?tabId=${tabId}`);
    await popup.waitFor(() => document.querySelector('[data-testid="page-label"][data-platform="discord"]'), null);
    await expectNoSeriousViolations(popup, 'popup idle');

    await captureVisible(popup);
    await popup.waitFor(() => document.querySelector('[data-testid="capture-result"] [data-testid="preview"]'), null);
    await expectNoSeriousViolations(popup, 'popup after a capture');
    await clickButton(popup, 'Show preview');
    await expectNoSeriousViolations(popup, 'popup, preview shown');
    await popup.close();
  });

  it('side panel: no serious or critical violations in the report, police and help views', async () => {
    const { tabId } = await browser().openTab(DISCORD_PAGE);
    const panel = await browser().openExtensionPage(`sidepanel.html?tabId=${tabId}`);
    await panel.waitFor(() => document.querySelectorAll('[data-testid="item"]').length === 3, null);
    await panel.waitFor(() => document.querySelector('[data-guide="discord"][data-loaded="true"]'), null);
    await panel.click('[data-testid="item-select"]');
    await expectNoSeriousViolations(panel, 'side panel, report view');

    await panel.click('[data-testid="view-police"]');
    await panel.waitFor(() => document.querySelector('[data-testid="view-police"][aria-pressed="true"]'), null);
    await panel.waitFor(() => document.querySelectorAll('main h2, main h3').length > 0, null);
    await expectNoSeriousViolations(panel, 'side panel, police view');

    await panel.click('[data-testid="view-help"]');
    await panel.waitFor(() => document.querySelector('[data-testid="view-help"][aria-pressed="true"]'), null);
    await expectNoSeriousViolations(panel, 'side panel, help view');
    await panel.close();
  });

  it('manager: no serious or critical violations with captures, details open and the content warning shown', async () => {
    await ensureCapture();
    const manager = await browser().openExtensionPage('manager.html');
    await manager.waitFor(() => document.querySelector('[data-testid="capture-item"]'), null);
    await expectNoSeriousViolations(manager, 'manager');

    await clickButton(manager, 'Details and hashes');
    await manager.waitFor(() => document.querySelector('[data-testid="capture-item"] table'), null);
    await clickButton(manager, 'Show preview');
    await manager.waitFor(() => document.querySelector('[role="alertdialog"]'), null);
    await expectNoSeriousViolations(manager, 'manager, details and content warning');
    await manager.close();
  });

  /**
   * Tab from the top of the page: focus visits every enabled control once, in order, and each one shows an outline
   * (the theme's :focus-visible ring), as a keyboard user sees it.
   */
  async function expectTabReachesEveryControl(page: DrivenPage, where: string): Promise<void> {
    const controls = await page.evaluate(() => {
      const selector = 'a[href], button, input, select, textarea, summary, [tabindex]';
      // The content of a closed <details> is not rendered, though Chromium still gives it boxes.
      const inClosedDetails = (element: Element) => {
        for (let details = element.parentElement?.closest('details:not([open])'); details; details = details.parentElement?.closest('details:not([open])')) {
          const summary = details.querySelector(':scope > summary');
          if (!summary?.contains(element)) return true;
        }
        return false;
      };
      // A radio group is one Tab stop (its checked radio, or its first): arrow keys move within it.
      const notItsGroupsStop = (element: Element) => {
        if (!(element instanceof HTMLInputElement) || element.type !== 'radio' || !element.name) return false;
        const group = Array.from(document.querySelectorAll<HTMLInputElement>(`input[type="radio"][name="${CSS.escape(element.name)}"]`));
        return element !== (group.find((radio) => radio.checked) ?? group[0]);
      };
      const candidates = Array.from(document.querySelectorAll<HTMLElement>(selector)).filter(
        (element) =>
          !(element as HTMLButtonElement).disabled &&
          element.tabIndex >= 0 &&
          element.checkVisibility({ visibilityProperty: true }) &&
          !inClosedDetails(element) &&
          !notItsGroupsStop(element),
      );
      (window as unknown as { controlsUnderTest: HTMLElement[] }).controlsUnderTest = candidates;
      (document.activeElement as HTMLElement | null)?.blur();
      return candidates.map((element) => `${element.tagName.toLowerCase()} "${(element.textContent ?? '').trim().slice(0, 40)}"`);
    }, null);
    expect(controls.length, `${where}: controls`).toBeGreaterThan(1);

    const visited: number[] = [];
    const unfocused: string[] = [];
    // A date field takes one Tab per part (day, month, year): presses may outnumber controls.
    for (let press = 0; press < controls.length * 3 && visited.at(-1) !== controls.length - 1; press += 1) {
      await page.press('Tab');
      const focus = await page.evaluate(() => {
        const active = document.activeElement as HTMLElement | null;
        const list = (window as unknown as { controlsUnderTest: HTMLElement[] }).controlsUnderTest;
        if (!active) return { index: -1, outline: 'none', width: '0px', visible: false };
        const style = getComputedStyle(active);
        return {
          index: list.indexOf(active),
          outline: style.outlineStyle,
          width: style.outlineWidth,
          visible: active.matches(':focus-visible'),
        };
      }, null);
      if (focus.index === visited.at(-1)) continue;
      visited.push(focus.index);
      if (focus.outline === 'none' || focus.width === '0px' || !focus.visible) unfocused.push(controls[focus.index] ?? `#${focus.index}`);
    }
    expect(visited, `${where}: focus order over ${JSON.stringify(controls)}`).toEqual(controls.map((_, index) => index));
    expect(unfocused, `${where}: controls focused without a visible outline`).toEqual([]);
  }

  it('keyboard: Tab reaches every control of the popup, the side panel and the manager\'s views, with a visible focus', async () => {
    const { tabId } = await browser().openTab(DISCORD_PAGE);
    const popup = await browser().openExtensionPage(`popup.html?tabId=${tabId}`);
    await popup.waitFor(() => document.querySelector('[data-testid="page-label"][data-platform="discord"]'), null);
    await expectTabReachesEveryControl(popup, 'popup');
    await popup.close();

    const panel = await browser().openExtensionPage(`sidepanel.html?tabId=${tabId}`);
    await panel.waitFor(() => document.querySelectorAll('[data-testid="item"]').length === 3, null);
    await panel.waitFor(() => document.querySelector('[data-guide="discord"][data-loaded="true"]'), null);
    await expectTabReachesEveryControl(panel, 'side panel');
    await panel.close();

    await ensureCapture();
    const manager = await browser().openExtensionPage('manager.html');
    await manager.waitFor(() => document.querySelector('[data-testid="capture-item"]'), null);
    await expectTabReachesEveryControl(manager, 'manager');
    await manager.close();

    // The other views, opened by their addresses (the focus then starts at the top of the page).
    for (const view of ['settings', 'help'] as const) {
      const page = await browser().openExtensionPage(`manager.html#${view}`);
      await page.waitFor(managerViewReady[view], null);
      await expectTabReachesEveryControl(page, `manager, ${view}`);
      await page.close();
    }
  });

  /**
   * Makes the page `width` CSS pixels wide; then what sticks out sideways (the page's scroll width and its widest
   * elements), or null when everything reflows into that width.
   */
  async function sidewaysOverflow(page: DrivenPage, width: number): Promise<string | null> {
    if (browserName === 'chromium') await (await playwrightPage(browser(), page)).setViewportSize({ width, height: 700 });
    else await (await puppeteerPage(browser(), page)).setViewport({ width, height: 700 });
    const layout = await page.waitFor(
      (expected: number) => {
        const root = document.documentElement;
        if (window.innerWidth !== expected) return null;
        const wide = Array.from(document.querySelectorAll<HTMLElement>('body *'))
          .filter((element) => element.getBoundingClientRect().right > root.clientWidth + 0.5)
          .map((element) => `${element.tagName.toLowerCase()}.${element.className}`)
          .slice(0, 5);
        return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide };
      },
      width,
    );
    return layout.scrollWidth > layout.clientWidth ? JSON.stringify(layout) : null;
  }

  /**
   * 200% zoom halves the CSS pixels of a window: the layout is that of a window half as wide. A popup takes the width
   * of its content, up to 800 screen pixels in both browsers: at 200% its content must be at most 400 CSS px wide,
   * and must not overflow at that width. The side panel and the manager are tried at 320 CSS px, the narrowest width
   * WCAG's reflow criterion asks for (a 640 px window at 200%), and the manager also at 640 (a 1280 px window).
   */
  it('200% zoom: no horizontal scrolling in the popup, the side panel and the manager', async () => {
    await ensureCapture();
    const { tabId } = await browser().openTab(DISCORD_PAGE);
    const cases: Array<{ path: string; width: number | 'popup'; ready: () => unknown; open?: string }> = [
      { path: `popup.html?tabId=${tabId}`, width: 'popup', ready: () => document.querySelector('[data-testid="page-label"][data-platform="discord"]') },
      { path: `sidepanel.html?tabId=${tabId}`, width: 320, ready: () => document.querySelectorAll('[data-testid="item"]').length === 3 },
      { path: 'manager.html', width: 640, ready: () => document.querySelector('[data-testid="capture-item"]'), open: 'Details and hashes' },
      { path: 'manager.html', width: 320, ready: () => document.querySelector('[data-testid="capture-item"]'), open: 'Details and hashes' },
    ];
    const overflowing: string[] = [];
    for (const { path, width: wanted, ready, open } of cases) {
      const page = await browser().openExtensionPage(path);
      await page.waitFor(ready, null);
      if (open) await clickButton(page, open);
      // The popup's own width: that of its content, as the browser sizes a popup.
      const width = wanted === 'popup' ? await page.evaluate(() => Math.ceil(document.querySelector('main')!.getBoundingClientRect().width), null) : wanted;
      if (wanted === 'popup') expect(width * 2, 'the popup at 200% within the 800 px popup limit').toBeLessThanOrEqual(800);
      const overflow = await sidewaysOverflow(page, width);
      if (overflow) overflowing.push(`${path} at ${width}px: ${overflow}`);
      await page.close();
    }
    expect(overflowing).toEqual([]);
  });

  /**
   * Each view of the manager as it is first drawn and as a person meets it: at 1280 CSS px (a desktop window, light
   * and, in Chromium, dark) and at 320 (the reflow width), axe finds nothing serious and nothing scrolls sideways.
   */
  it('manager views (Cases, Settings, Help and safety): no serious or critical violations at 1280 and 320 px, no sideways scrolling', async () => {
    await ensureCapture();
    const manager = await browser().openExtensionPage('manager.html');
    const overflowing: string[] = [];
    for (const view of ['cases', 'settings', 'help'] as const) {
      await showView(manager, view);
      await manager.waitFor(managerViewReady[view], null);
      for (const width of [1280, 320]) {
        const overflow = await sidewaysOverflow(manager, width);
        if (overflow) overflowing.push(`${view} at ${width}px: ${overflow}`);
        if (width === 1280) await expectNoSeriousViolations(manager, `manager, ${view}, ${width}px`);
        else expect(blocking(`${browserName} manager, ${view}, ${width}px`, await runAxe(manager))).toEqual([]);
      }
    }
    expect(overflowing).toEqual([]);
    await manager.close();
  });

  it.runIf(browserName === 'chromium')('reduced motion: no transition or animation runs', async () => {
    const { tabId } = await browser().openTab(DISCORD_PAGE);
    for (const path of [`popup.html?tabId=${tabId}`, `sidepanel.html?tabId=${tabId}`, 'manager.html']) {
      const page = await browser().openExtensionPage(path);
      await page.waitFor(() => document.querySelector('main'), null);
      const raw = await playwrightPage(browser(), page);
      /** Elements that move, and a probe element given a transition and an animation of its own. */
      const motion = () =>
        page.evaluate(() => {
          let probe = document.getElementById('motion-probe');
          if (!probe) {
            probe = document.createElement('div');
            probe.id = 'motion-probe';
            probe.style.transition = 'opacity 2s';
            probe.style.animation = 'probe-spin 2s infinite';
            document.body.append(probe);
          }
          const moving = Array.from(document.querySelectorAll<HTMLElement>('body *'))
            .filter((element) => element !== probe)
            .filter((element) => {
              const style = getComputedStyle(element);
              return style.animationName !== 'none' || style.transitionDuration.split(',').some((value) => parseFloat(value) > 0);
            })
            .map((element) => element.tagName.toLowerCase());
          const style = getComputedStyle(probe);
          return { moving, probe: { transition: style.transitionDuration, animation: style.animationName } };
        }, null);

      await raw.emulateMedia({ reducedMotion: 'no-preference' });
      const normal = await motion();
      // Nothing of ours animates today; the probe shows that anything that would is switched off below.
      expect(normal).toEqual({ moving: [], probe: { transition: '2s', animation: 'probe-spin' } });
      await raw.emulateMedia({ reducedMotion: 'reduce' });
      expect(await motion()).toEqual({ moving: [], probe: { transition: '0s', animation: 'none' } });
      await page.close();
    }
  });

  // Last on purpose: it sets a passphrase and locks the evidence, which the checks above must not meet.
  it('passphrase section and the lock gate (manager, popup): no serious or critical violations', async () => {
    await ensureCapture();
    const manager = await openManager(browser(), 'settings');
    await manager.waitFor(() => document.querySelector('#passphrase-new'), null);
    await expectNoSeriousViolations(manager, 'manager, passphrase section');
    await manager.evaluate((pass: string) => {
      for (const id of ['#passphrase-new', '#passphrase-confirm']) {
        const input = document.querySelector<HTMLInputElement>(id)!;
        input.value = pass;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }
    }, 'a long enough passphrase');
    await manager.click('[data-testid="passphrase-set"]');
    await manager.waitFor(() => document.querySelector('[data-testid="passphrase-done"]'), null);
    await manager.click('[data-testid="passphrase-lock-now"]');
    await manager.waitFor(() => document.querySelector('[data-testid="unlock-form"]'), null);
    await expectNoSeriousViolations(manager, 'manager, locked');
    await manager.close();

    const { tabId } = await browser().openTab(DISCORD_PAGE);
    const popup = await browser().openExtensionPage(`popup.html?tabId=${tabId}`);
    await popup.waitFor(() => document.querySelector('[data-testid="unlock-form"]'), null);
    await expectNoSeriousViolations(popup, 'popup, locked');
    await popup.close();
  });
});
