/**
 * The side panel as a person in distress meets it, at 400 x 900 CSS px in Chromium and Firefox: the guide's opening
 * advice and the capture buttons first, then the platform's steps (the first one on the first screen), then the
 * identifiers in one short row per item, then the report text. On a Discord channel with 50 messages and an X
 * timeline with 30 posts: rows at most 56 px tall, a long list bounded, a row opened by click or keyboard shows
 * every identifier with a working Copy button, three selected items put exactly their three links into the report
 * text, and a step offers the identifiers it asks for. While the page scrolls, nothing the person reads moves and
 * the selection stays. On another site: the advice and the steps for other sites. A capture started from the panel
 * is stored exactly as one from the popup.
 */
import { describe, expect, it } from 'vitest';
import { blocking, playwrightPage, puppeteerPage, runAxe } from './support/axe';
import { BROWSERS, useExtensionBrowser } from './support/browsers';
import { clipboardWhen } from './support/clipboard';
import { clickButton, type DrivenPage, type ExtensionBrowser } from './support/driver';
import { storedCaptures } from './support/evidence';

const SERVER = '1096362223539851300';
const CHANNEL = '1096362225574088800';
const DISCORD_BUSY = `https://discord.com/channels/${SERVER}/${CHANNEL}`;
const PEOPLE = ['327086233773670400', '327086233773670401', '327086233773670402', '327086233773670403', '327086233773670404'];
/** Message n of the fixture (tests/e2e/fixtures/sidepanel-discord-fifty.html). */
const messageId = (n: number) => `10963623000000${10000 + n}`;
const messageLink = (n: number) => `${DISCORD_BUSY}/${messageId(n)}`;
const X_EXPLORE = 'https://x.com/explore';
const postId = (n: number) => `17900000000000${String(n).padStart(5, '0')}`;
const handle = (n: number) => `user_${String(n).padStart(2, '0')}`;
const postUrl = (n: number) => `https://x.com/${handle(n)}/status/${postId(n)}`;
const OTHER_SITE = 'https://example.org/article';

const WIDTH = 400;
const HEIGHT = 900;

async function resize(browser: ExtensionBrowser, page: DrivenPage, width: number, height: number): Promise<void> {
  if (browser.name === 'chromium') await (await playwrightPage(browser, page)).setViewportSize({ width, height });
  else await (await puppeteerPage(browser, page)).setViewport({ width, height });
  await page.waitFor(
    (size: { width: number; height: number }) => window.innerWidth === size.width && window.innerHeight === size.height,
    { width, height },
  );
}

/** Where the person's eye lands first: the advice, the capture buttons and the first reporting step, in CSS px. */
function firstScreen(panel: DrivenPage) {
  return panel.waitFor(() => {
    const box = (element: Element | null | undefined) => {
      const rect = element?.getBoundingClientRect();
      return rect ? { top: rect.top + window.scrollY, bottom: rect.bottom + window.scrollY } : null;
    };
    const captureButton = Array.from(document.querySelectorAll('[data-testid="advice"] button')).find(
      (button) => button.textContent?.trim() === 'Capture visible area',
    );
    const firstStep = document.querySelector('[data-testid="guide"] [data-testid="step"] > label > span');
    const identifiers = document.querySelector('#ids-title');
    if (!captureButton || !firstStep) return null;
    return {
      advice: box(document.querySelector('[data-testid="advice"]')),
      capture: box(captureButton),
      firstStep: box(firstStep),
      identifiers: box(identifiers),
      scrollWidth: document.documentElement.scrollWidth,
    };
  }, null);
}

function reportText(panel: DrivenPage): Promise<string> {
  return panel.evaluate(() => document.querySelector<HTMLTextAreaElement>('[data-testid="report-text"]')?.value ?? '', null);
}

/** The rows the panel draws: key, height, and whether they are open and ticked. */
function rows(panel: DrivenPage) {
  return panel.evaluate(
    () =>
      Array.from(document.querySelectorAll('[data-testid="item"]')).map((row) => ({
        key: row.getAttribute('data-key') ?? '',
        height: row.getBoundingClientRect().height,
        top: row.getBoundingClientRect().top + window.scrollY,
        expanded: row.getAttribute('data-expanded') === 'true',
        checked: row.querySelector<HTMLInputElement>('[data-testid="item-select"]')?.checked ?? false,
      })),
    null,
  );
}

/** The identifiers an opened row shows, by key. */
function rowFields(panel: DrivenPage, key: string) {
  return panel.waitFor(
    (itemKey: string) => {
      const details = document.querySelector(`[data-testid="item"][data-key="${itemKey}"] [data-testid="item-details"]`);
      if (!details) return null;
      return Object.fromEntries(
        Array.from(details.querySelectorAll('[data-testid="identifier"]')).map((field) => [
          field.getAttribute('data-key'),
          field.querySelector('[data-testid="identifier-value"]')?.textContent ?? '',
        ]),
      ) as Record<string, string>;
    },
    key,
  );
}

/** Clicks a row's Copy button for `field` and returns what the clipboard then holds. */
async function copyFromRow(browser: ExtensionBrowser, panel: DrivenPage, key: string, field: string, expected: string): Promise<string> {
  await panel.click(`[data-testid="item"][data-key="${key}"] [data-testid="identifier"][data-key="${field}"] button`);
  return clipboardWhen(browser, panel, (text) => text === expected);
}

describe.each(BROWSERS)('side panel order and density in %s', (browserName) => {
  const { browser } = useExtensionBrowser(browserName);

  async function openPanel(url: string, guide: string): Promise<{ page: DrivenPage; panel: DrivenPage; tabId: number }> {
    const { page, tabId } = await browser().openTab(url);
    const panel = await browser().openExtensionPage(`sidepanel.html?tabId=${tabId}`);
    await resize(browser(), panel, WIDTH, HEIGHT);
    await panel.waitFor((id: string) => document.querySelector(`[data-guide="${id}"][data-loaded="true"]`), guide);
    return { page, panel, tabId };
  }

  /** Advice and capture first, the first step on the first screen, the identifiers after the steps. */
  async function expectOrder(panel: DrivenPage, where: string): Promise<void> {
    const screen = await firstScreen(panel);
    expect(screen.capture!.bottom, `${where}: capture buttons above the steps`).toBeLessThan(screen.firstStep!.top);
    expect(screen.advice!.bottom, `${where}: advice above the steps`).toBeLessThan(screen.firstStep!.top);
    expect(screen.firstStep!.bottom, `${where}: first step within the first ${HEIGHT} px`).toBeLessThanOrEqual(HEIGHT);
    if (screen.identifiers) expect(screen.identifiers.top, `${where}: identifiers after the steps`).toBeGreaterThan(screen.firstStep!.bottom);
    expect(screen.scrollWidth, `${where}: no sideways scrolling`).toBeLessThanOrEqual(WIDTH);
  }

  it('Discord, 50 messages: steps first, compact rows, details on demand, exactly the selected links', async () => {
    const { page, panel } = await openPanel(DISCORD_BUSY, 'discord');
    await panel.waitFor(() => document.querySelectorAll('[data-testid="item"]').length === 20, null);
    await expectOrder(panel, 'discord');

    // Bounded: the first 20 rows, the other 30 on request; each row one short line pair.
    expect(await panel.evaluate(() => document.querySelector('[data-testid="show-all"]')?.textContent?.trim(), null)).toBe('Show all 50');
    const first = await rows(panel);
    expect(first.map((row) => row.key)).toEqual(Array.from({ length: 20 }, (_, index) => messageId(index + 1)));
    expect(Math.max(...first.map((row) => row.height))).toBeLessThanOrEqual(56);

    // Opened by click: every identifier, each with a Copy button that works.
    await panel.click(`[data-testid="item"][data-key="${messageId(3)}"] [data-testid="item-toggle"]`);
    const fields = await rowFields(panel, messageId(3));
    expect(fields).toMatchObject({ messageLink: messageLink(3), messageId: messageId(3), userId: PEOPLE[3], authorName: 'Sam' });
    expect(await copyFromRow(browser(), panel, messageId(3), 'messageLink', messageLink(3))).toBe(messageLink(3));
    expect(await copyFromRow(browser(), panel, messageId(3), 'messageId', messageId(3))).toBe(messageId(3));
    expect(await copyFromRow(browser(), panel, messageId(3), 'userId', PEOPLE[3]!)).toBe(PEOPLE[3]);

    // Opened by keyboard: focus the row and press Enter.
    await panel.evaluate((key: string) => document.querySelector<HTMLElement>(`[data-key="${key}"] [data-testid="item-toggle"]`)!.focus(), messageId(8));
    await panel.press('Enter');
    expect(await rowFields(panel, messageId(8))).toMatchObject({ messageId: messageId(8), userId: PEOPLE[3] });
    expect(blocking(`${browserName} side panel, 50 messages, rows open`, await runAxe(panel))).toEqual([]);

    // Three selected: exactly their three links in the report text, in the order chosen.
    for (const n of [12, 2, 17]) await panel.click(`[data-testid="item"][data-key="${messageId(n)}"] [data-testid="item-select"]`);
    await panel.waitFor(() => document.querySelector('[data-testid="selected-count"]')?.textContent === '3 selected', null);
    const links = (await reportText(panel)).match(/https:\/\/discord\.com\/channels\/\d+\/\d+\/\d+/g);
    expect(links).toEqual([messageLink(12), messageLink(2), messageLink(17)]);

    // The step that asks for message IDs offers the three, ready to copy.
    const need = '[data-step="discord-message-id"] [data-testid="step-need"][data-key="messageId"]';
    expect(await panel.evaluate((selector: string) => document.querySelector(selector)?.firstElementChild?.textContent, need)).toBe('Message ID: 3 selected');
    await panel.click(`${need} button`);
    const wanted = [messageId(12), messageId(2), messageId(17)].join('\n');
    expect(await clipboardWhen(browser(), panel, (text) => text === wanted)).toBe(wanted);

    // The page scrolls: ten messages leave at the top, ten arrive at the bottom. Nothing drawn moves.
    const before = await rows(panel);
    await page.evaluate(() => {
      const list = document.querySelector('ol[data-list-id="chat-messages"]')!;
      for (let n = 1; n <= 10; n += 1) list.firstElementChild!.remove();
      const make = (window as unknown as { fixtureMessage: (n: number) => HTMLElement }).fixtureMessage;
      for (let n = 51; n <= 60; n += 1) list.append(make(n));
    }, null);
    await panel.waitFor(() => document.querySelector('[data-testid="show-all"]')?.textContent?.trim() === 'Show all 60', null);
    expect(await panel.evaluate(() => document.querySelector('[data-testid="list-outdated"]')?.textContent?.trim().startsWith('The page has changed: 10 '), null)).toBe(true);
    const after = await rows(panel);
    expect(after.map(({ key, top, expanded, checked }) => ({ key, top, expanded, checked }))).toEqual(
      before.map(({ key, top, expanded, checked }) => ({ key, top, expanded, checked })),
    );
    expect((await reportText(panel)).match(/https:\/\/discord\.com\/channels\/\d+\/\d+\/\d+/g)).toEqual([messageLink(12), messageLink(2), messageLink(17)]);

    // All of them on request; the list renewed on request, in the page's order, keeping the selection.
    await panel.click('[data-testid="show-all"]');
    await panel.waitFor(() => document.querySelectorAll('[data-testid="item"]').length === 60, null);
    const all = await rows(panel);
    expect(Math.max(...all.filter((row) => !row.expanded).map((row) => row.height))).toBeLessThanOrEqual(56);
    await panel.click('[data-testid="renew-list"]');
    await panel.waitFor(() => document.querySelectorAll('[data-testid="item"]').length === 50 && !document.querySelector('[data-testid="list-outdated"]'), null);
    const renewed = await rows(panel);
    expect(renewed[0]!.key).toBe(messageId(11));
    expect(renewed.filter((row) => row.checked).map((row) => row.key)).toEqual([messageId(12), messageId(17)]);
    expect(await panel.evaluate(() => document.querySelector('[data-testid="selected-count"]')?.textContent, null)).toBe('3 selected');

    // 320 CSS px (200% zoom of a narrow panel): still no sideways scrolling, with rows open.
    await resize(browser(), panel, 320, HEIGHT);
    expect(await panel.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth, null)).toBe(true);
    await panel.close();
  });

  it('X, 30 posts: steps first, compact rows, details on demand, exactly the selected post links', async () => {
    const { panel } = await openPanel(X_EXPLORE, 'x');
    await panel.waitFor(() => document.querySelectorAll('[data-testid="item"]').length === 20, null);
    await expectOrder(panel, 'x');
    expect(await panel.evaluate(() => document.querySelector('[data-testid="show-all"]')?.textContent?.trim(), null)).toBe('Show all 30');
    expect(Math.max(...(await rows(panel)).map((row) => row.height))).toBeLessThanOrEqual(56);

    await panel.click(`[data-testid="item"][data-key="${postId(4)}"] [data-testid="item-toggle"]`);
    expect(await rowFields(panel, postId(4))).toMatchObject({ postUrl: postUrl(4), postId: postId(4), handle: `@${handle(4)}` });
    expect(await copyFromRow(browser(), panel, postId(4), 'postUrl', postUrl(4))).toBe(postUrl(4));
    expect(await copyFromRow(browser(), panel, postId(4), 'postId', postId(4))).toBe(postId(4));
    expect(await copyFromRow(browser(), panel, postId(4), 'handle', `@${handle(4)}`)).toBe(`@${handle(4)}`);

    for (const n of [5, 1, 9]) await panel.click(`[data-testid="item"][data-key="${postId(n)}"] [data-testid="item-select"]`);
    await panel.waitFor(() => document.querySelector('[data-testid="selected-count"]')?.textContent === '3 selected', null);
    expect((await reportText(panel)).match(/https:\/\/x\.com\/\w+\/status\/\d+/g)).toEqual([postUrl(5), postUrl(1), postUrl(9)]);
    // The website step names the post links it needs: the three selected.
    expect(
      await panel.evaluate(() => document.querySelector('[data-step="x-web"] [data-testid="step-need"][data-key="postUrl"]')?.firstElementChild?.textContent, null),
    ).toBe('Post link: 3 selected');
    expect(blocking(`${browserName} side panel, 30 posts`, await runAxe(panel))).toEqual([]);
    await panel.close();
  });

  it('another site: the advice with the capture, then the steps for other sites, in the chosen language', async () => {
    const { tabId } = await browser().openTab(OTHER_SITE);
    const panel = await browser().openExtensionPage(`sidepanel.html?tabId=${tabId}`);
    await resize(browser(), panel, WIDTH, HEIGHT);
    await panel.waitFor(() => document.querySelector('[data-section="other-sites"]') && document.querySelector('[data-guide="general"][data-loaded="true"]'), null);
    await expectOrder(panel, 'other site');
    expect(await panel.evaluate(() => document.querySelector('[data-testid="guide"] [data-testid="step"]')?.getAttribute('data-step'), null)).toBe('other-capture');

    const shown = () =>
      panel.evaluate(
        () => ({
          title: document.querySelector('#advice-title')?.textContent,
          buttons: Array.from(document.querySelectorAll('[data-testid="advice"] button')).map((button) => button.textContent?.trim()),
        }),
        null,
      );
    const choose = (lang: string) =>
      panel.evaluate((value: string) => {
        const select = document.querySelector<HTMLSelectElement>('[data-testid="language"]')!;
        select.value = value;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      }, lang);
    try {
      await choose('nl');
      await panel.waitFor(() => document.documentElement.lang === 'nl', null);
      expect(await shown()).toEqual({ title: 'Eerst: wees snel en leg het bewijs vast', buttons: ['Zichtbaar deel vastleggen', 'Volledige pagina vastleggen'] });
      await choose('fr');
      await panel.waitFor(() => document.documentElement.lang === 'fr', null);
      expect(await shown()).toEqual({ title: 'D’abord : agissez vite et capturez les preuves', buttons: ['Capturer la partie visible', 'Capturer la page entière'] });
    } finally {
      await choose('en');
      await panel.waitFor(() => document.documentElement.lang === 'en', null);
    }
    await panel.close();
  });

  it('a capture started from the side panel is stored as one from the popup', async () => {
    const { tabId } = await browser().openTab(DISCORD_BUSY);
    const panel = await browser().openExtensionPage(`sidepanel.html?tabId=${tabId}`);
    await panel.waitFor(() => document.querySelectorAll('[data-testid="item"]').length === 20, null);
    await panel.click(`[data-testid="item"][data-key="${messageId(4)}"] [data-testid="item-select"]`);
    await panel.waitFor(() => document.querySelector('[data-testid="selected-count"]')?.textContent === '1 selected', null);

    const capture = async (page: DrivenPage) => {
      await clickButton(page, 'Capture visible area');
      return page.waitFor(
        () =>
          document.querySelector('[data-testid="capture-result"]')?.getAttribute('data-capture-id') ??
          (document.querySelector('[data-testid="capture-error"]') ? `error: ${document.querySelector('[data-testid="capture-error"]')!.textContent}` : null),
        null,
        60_000,
      );
    };
    const fromPanel = await capture(panel);
    expect(fromPanel).not.toMatch(/^error/);
    const popup = await browser().openExtensionPage(`popup.html?tabId=${tabId}`);
    const fromPopup = await capture(popup);
    expect(fromPopup).not.toMatch(/^error/);

    const captures = await storedCaptures(browser());
    const panelRecord = captures.find((record) => record.id === fromPanel)!;
    const popupRecord = captures.find((record) => record.id === fromPopup)!;
    // Same shape, same case, same page, same kinds of files; only times, ids and hashes differ.
    const shape = (record: typeof panelRecord) => ({
      keys: Object.keys(record).sort(),
      caseId: record.caseId,
      mode: record.mode,
      platform: record.platform,
      finalUrl: record.finalUrl,
      files: record.files.map((file) => ({ role: file.role, mime: file.mime })),
    });
    expect(shape(panelRecord)).toEqual(shape(popupRecord));
    // The selection is recorded with the first capture of its page, then cleared: the next capture records none,
    // and the panel shows that nothing is selected any more.
    expect(panelRecord.selectedItems.map((item) => item.key)).toEqual([messageId(4)]);
    expect(popupRecord.selectedItems).toEqual([]);
    await panel.waitFor(() => !document.querySelector('[data-testid="selected-count"]')?.textContent?.startsWith('1 '), null);
    // The panel's report text lists the new capture with its files' SHA-256 at once.
    const screenshot = panelRecord.files.find((file) => file.role === 'screenshot')!;
    await panel.waitFor((sha: string) => document.querySelector<HTMLTextAreaElement>('[data-testid="report-text"]')?.value.includes(sha), screenshot.sha256);
    await popup.close();
    await panel.close();
  });
});
