/**
 * The page cannot see or start captures, in Chromium and Firefox. The Discord fixture carries a page script of its
 * own (tests/e2e/fixtures/isolation-discord.html) that writes down, from before our content script starts, every
 * window message, every change to its DOM and every new global. While the content script reads the messages, the
 * side panel selects items, pick mode runs and a capture is made:
 * - nothing the page can observe carries an identifier (message, user, server or channel ids) it did not already
 *   have, no window message reaches it, and no global appears;
 * - the page's attempts to start a capture (window messages shaped like our agent's requests, custom events,
 *   chrome.runtime.sendMessage, synthetic clicks in pick mode) store nothing and get no answer;
 * - the page cannot read the extension's database or files.
 */
import { describe, expect, it } from 'vitest';
import { BROWSERS, useExtensionBrowser } from './support/browsers';
import { clickButton, type DrivenPage } from './support/driver';
import { storeCounts } from './support/evidence';

const SERVER = '1096362223539851269';
const CHANNEL = '1096362225574088711';
const DISCORD_PAGE = `https://discord.com/channels/${SERVER}/${CHANNEL}`;
const MESSAGES = ['1096362300000000001', '1096362300000000002', '1096362300000000003'] as const;
const MARA = '327086233773670400';
const IDENTIFIERS = [SERVER, CHANNEL, ...MESSAGES, MARA];

interface PageSpy {
  messages: Array<{ origin: string; data: string; own: boolean }>;
  mutations: string[];
  globals: string[];
}

/** What the page's own script saw: foreign window messages, DOM changes carrying identifiers, new globals. */
function readSpy(page: DrivenPage) {
  return page.evaluate((identifiers: string[]) => {
    const spy = (window as unknown as { pageSpy: PageSpy }).pageSpy;
    const before = new Set(spy.globals);
    return {
      foreignMessages: spy.messages.filter((message) => !message.own),
      mutationsWithIds: spy.mutations.filter((mutation) => identifiers.some((id) => mutation.includes(id))),
      mutationCount: spy.mutations.length,
      // Puppeteer's own helpers for its selectors are the test driver's, not ours.
      newGlobals: Object.getOwnPropertyNames(window).filter((name) => !before.has(name) && !/^__ariaQuerySelector(All)?$/.test(name)),
    };
  }, IDENTIFIERS);
}

describe.each(BROWSERS)('the page cannot see or start captures in %s', (browserName) => {
  const { browser } = useExtensionBrowser(browserName, {
    routes: [{ host: /^discord\.com$/, path: new RegExp(`^/channels/${SERVER}/`), file: 'isolation-discord.html' }],
  });

  it('sees no identifier, window message or global of ours while the panel reads, selects and picks, and during a capture', async () => {
    const { page, tabId } = await browser().openTab(DISCORD_PAGE);
    const panel = await browser().openExtensionPage(`sidepanel.html?tabId=${tabId}`);
    // The content script has read the page: the panel lists its three messages.
    await panel.waitFor(() => document.querySelectorAll('[data-testid="item"]').length === 3, null);
    for (const message of MESSAGES.slice(0, 2)) await panel.click(`[data-testid="item"][data-key="${message}"] [data-testid="item-select"]`);
    await panel.click('[data-testid="pick"]');
    await page.waitFor(() => document.documentElement.lastElementChild?.tagName === 'DIV', null);
    await page.click(`#message-content-${MESSAGES[2]}`);
    await panel.waitFor((key: string) => document.querySelector<HTMLInputElement>(`[data-key="${key}"] [data-testid="item-select"]`)?.checked, MESSAGES[2]);
    await page.press('Escape');
    await page.waitFor(() => document.documentElement.lastElementChild?.tagName === 'BODY', null);
    await panel.close();

    const popup = await browser().openExtensionPage(`popup.html?tabId=${tabId}`);
    await popup.waitFor(() => document.querySelector('[data-testid="page-label"][data-platform="discord"]'), null);
    await clickButton(popup, 'Capture full page');
    await popup.waitFor(() => document.querySelector('[data-testid="capture-result"], [data-testid="capture-error"]'), null, 60_000);
    expect(await popup.evaluate(() => document.querySelector('[data-testid="capture-error"]')?.textContent ?? null, null)).toBeNull();
    await popup.close();

    const seen = await readSpy(page);
    expect(seen.foreignMessages).toEqual([]);
    expect(seen.mutationsWithIds).toEqual([]);
    expect(seen.newGlobals).toEqual([]);
    // The spy works: pick mode's overlay was added to the page and seen (a bare element, nothing in it).
    expect(seen.mutationCount).toBeGreaterThan(0);
  });

  it('cannot stop the content script by forging the "newer copy started" event', async () => {
    const { page, tabId } = await browser().openTab(DISCORD_PAGE);
    const panel = await browser().openExtensionPage(`sidepanel.html?tabId=${tabId}`);
    await panel.waitFor(() => document.querySelectorAll('[data-testid="item"]').length === 3, null);
    // The extension's id, and the name of the content script of discord.com (its file's: content-scripts/<name>.js).
    const { extensionId, scriptName } = await browser().evalInExtension(() => {
      const runtime = ((globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome).runtime;
      const scripts = (runtime.getManifest().content_scripts ?? []) as Array<{ matches?: string[]; js?: string[] }>;
      const script = scripts.find((entry) => entry.matches?.includes('*://discord.com/*'));
      return { extensionId: runtime.id, scriptName: /([^/]+)\.js$/.exec(script?.js?.[0] ?? '')?.[1] ?? '' };
    }, null);
    expect(scriptName).toBe('discord');
    // What WXT's context listens for to end an old copy of the script: a page can send it too.
    await page.evaluate(
      ({ id, name }: { id: string; name: string }) => {
        document.dispatchEvent(
          new CustomEvent(`${id}:${name}:wxt:content-script-started`, { detail: { contentScriptName: name, messageId: 'forged' } }),
        );
      },
      { id: extensionId, name: scriptName },
    );
    // Still following the page: a single-page navigation reaches the panel.
    await page.evaluate(() => history.pushState({}, '', '/channels/@me/81384788765712399'), null);
    const label = await panel.waitFor(() => {
      const text = document.querySelector('[data-testid="page-label"]')?.textContent ?? '';
      return /private conversation/.test(text) ? text : null;
    }, null);
    expect(label).toContain('Discord');
    await panel.close();
  });

  it('cannot start a capture or get an answer: window messages, custom events, runtime messages, synthetic clicks', async () => {
    const { page, tabId } = await browser().openTab(DISCORD_PAGE);
    const panel = await browser().openExtensionPage(`sidepanel.html?tabId=${tabId}`);
    await panel.waitFor(() => document.querySelectorAll('[data-testid="item"]').length === 3, null);
    // Captures exist (the test above): the database is there to be counted.
    const before = await storeCounts(browser());

    // Pick mode on: the page clicks a message itself. Only the person's real clicks count.
    await panel.click('[data-testid="pick"]');
    await page.waitFor(() => document.documentElement.lastElementChild?.tagName === 'DIV', null);

    const attempt = await page.evaluate(
      async ({ tab, messageId }: { tab: number; messageId: string }) => {
        const requests: unknown[] = [
          { type: 'capture-agent', op: 'prepare' },
          { type: 'capture-agent', op: 'serialize' },
          { type: 'start', tabId: tab, mode: 'full', lang: 'en' },
          { type: 'pick', on: true, selected: [], hint: '' },
          { type: 'identifiers' },
          { type: 'quick-exit', tabId: tab },
        ];
        for (const request of requests) {
          window.postMessage({ ...(request as object), fromPage: true }, '*');
          for (const target of [window, document, document.documentElement]) {
            target.dispatchEvent(new CustomEvent('capture-agent', { detail: request }));
            target.dispatchEvent(new CustomEvent('message', { detail: request }));
          }
        }
        const message = document.getElementById(`message-content-${messageId}`)!;
        message.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, view: window }));
        message.click();

        // chrome.runtime is given to a page only by an extension that lists it in externally_connectable.
        const runtime = (globalThis as unknown as { chrome?: { runtime?: { sendMessage?: unknown; connect?: unknown } } }).chrome?.runtime;
        const pageBrowser = (globalThis as unknown as { browser?: unknown }).browser;
        // The page cannot open the extension's database: an IndexedDB of the same name is the page's own, empty.
        const databases = (await indexedDB.databases()).map((db) => db.name);
        await new Promise((resolve) => setTimeout(resolve, 1500));
        return {
          runtime: typeof runtime?.sendMessage === 'function' || typeof runtime?.connect === 'function',
          browserGlobal: pageBrowser !== undefined,
          databases,
        };
      },
      { tab: tabId, messageId: MESSAGES[1] },
    );
    expect(attempt).toEqual({ runtime: false, browserGlobal: false, databases: [] });

    // The synthetic clicks picked nothing; no capture, file or audit entry was added; the page got no answer.
    expect(
      await panel.evaluate(() => Array.from(document.querySelectorAll<HTMLInputElement>('[data-testid="item-select"]')).filter((box) => box.checked).length, null),
    ).toBe(0);
    await page.press('Escape');
    expect(await storeCounts(browser())).toEqual(before);
    expect((await readSpy(page)).foreignMessages).toEqual([]);
    await panel.close();
  });

  it.runIf(browserName === 'chromium')('cannot message the extension by its id, nor load its files', async () => {
    const { extensionId } = browser() as unknown as { extensionId: string };
    const { page } = await browser().openTab(DISCORD_PAGE);
    const before = await storeCounts(browser());
    const outcome = await page.evaluate(async (id: string) => {
      const runtime = (globalThis as unknown as { chrome?: { runtime?: { sendMessage?: (...args: unknown[]) => unknown } } }).chrome?.runtime;
      const file = await fetch(`chrome-extension://${id}/manifest.json`).then(
        () => 'loaded',
        (error: Error) => error.name,
      );
      const image = await new Promise((resolve) => {
        const img = new Image();
        img.onload = () => resolve('loaded');
        img.onerror = () => resolve('refused');
        img.src = `chrome-extension://${id}/icon/16.png`;
      });
      return { sendMessage: typeof runtime?.sendMessage, file, image };
    }, extensionId);
    expect(outcome).toEqual({ sendMessage: 'undefined', file: 'TypeError', image: 'refused' });
    expect(await storeCounts(browser())).toEqual(before);
  });
});
