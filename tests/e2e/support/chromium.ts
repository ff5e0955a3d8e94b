import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { pageHeightWhenImagesLoaded, type DrivenPage, type ExtensionBrowser } from './driver';
import { fixtureHosts } from './server';
import { prepareTestBuild, TEST_EXTENSION_ID } from './test-build';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The flags every test Chromium starts with: no sandbox or GPU (containers), none of the browser's own traffic,
 * and the platforms' real hostnames sent to the local fixture server's HTTPS port.
 */
export function quietBrowserArgs(httpsPort: number): string[] {
  const hostRules = fixtureHosts.map((host) => `MAP ${host} 127.0.0.1:${httpsPort}`).join(', ');
  return [
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--ignore-certificate-errors',
    `--host-resolver-rules=${hostRules}, EXCLUDE localhost`,
  ];
}

/** A Playwright page as the tests drive it (also for pages a test opens itself, e.g. after the extension reloaded). */
export function wrap(page: Page): DrivenPage {
  return {
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    waitFor: async (fn, arg, timeoutMs = 20_000) =>
      (await (await page.waitForFunction(fn as never, arg, { timeout: timeoutMs, polling: 50 })).jsonValue()) as never,
    click: (selector) => page.click(selector),
    press: async (key) => {
      await page.bringToFront();
      // A key that closes the page (quick exit) leaves no page to release it on: that is success.
      await page.keyboard.press(key).catch((error: Error) => {
        if (!/closed/i.test(error.message)) throw error;
      });
    },
    url: async () => page.url(),
    setInputFile: (selector, filePath) => page.setInputFiles(selector, filePath),
    referenceScreenshot: async () => {
      const width = page.viewportSize()?.width ?? 1280;
      await page.setViewportSize({ width, height: await page.evaluate(() => document.documentElement.scrollHeight) });
      await page.waitForFunction(() => Array.from(document.images).every((image) => image.complete));
      const height = await page.evaluate(pageHeightWhenImagesLoaded);
      await page.setViewportSize({ width, height });
      return page.screenshot({ type: 'png' });
    },
    goto: async (url) => {
      await page.goto(url);
    },
    close: () => page.close(),
  };
}

export interface ChromiumOptions {
  httpsPort: number;
  /** Browser UI language, e.g. 'nl' (sets navigator.languages). */
  lang?: string;
  viewport?: { width: number; height: number };
  /**
   * Use this profile directory (created when missing) and keep it on close, so that a later launch on the same
   * directory reopens the same browser profile. Default: a fresh temporary profile, deleted on close.
   */
  profileDir?: string;
  /** The screen's device pixel ratio (a high-DPI screen), as the operating system would report it. */
  deviceScaleFactor?: number;
  /** Edits the test build's copy before it is loaded (test-build.ts). */
  buildPatch?: (dir: string) => void;
}

export async function launchChromium(options: ChromiumOptions): Promise<ExtensionBrowser & { context: BrowserContext; worker: Worker; extensionId: string }> {
  const extensionDir = prepareTestBuild('chrome-mv3', options.buildPatch);
  const keepProfile = options.profileDir !== undefined;
  const profile = options.profileDir ?? mkdtempSync(path.join(os.tmpdir(), 'cr-chromium-'));
  const reopening = existsSync(path.join(profile, 'Default', 'Preferences'));
  const lang = options.lang ?? 'en-US';
  // navigator.languages of every page, extension pages included, comes from this profile preference. (The
  // `locale` emulation of Playwright reaches pages only after they start, too late for a page reading it at load.)
  mkdirSync(path.join(profile, 'Default'), { recursive: true });
  const downloadsDir = path.join(profile, 'downloads');
  mkdirSync(downloadsDir, { recursive: true });
  // Reopening a kept profile: the browser's own preferences stay as it left them.
  if (!reopening) writeFileSync(
    path.join(profile, 'Default', 'Preferences'),
    JSON.stringify({
      intl: { accept_languages: `${lang},${lang.split('-')[0]}` },
      download: { default_directory: downloadsDir, prompt_for_download: false },
    }),
  );
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    ignoreHTTPSErrors: true,
    acceptDownloads: true,
    downloadsPath: downloadsDir,
    viewport: options.viewport ?? { width: 1280, height: 800 },
    // Playwright's page emulation must agree with the screen, or its screenshots (the reference) would differ.
    ...(options.deviceScaleFactor ? { deviceScaleFactor: options.deviceScaleFactor } : {}),
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      // Tab capture without the person's click on the toolbar button (which no test can make).
      `--allowlisted-extension-id=${TEST_EXTENSION_ID}`,
      ...quietBrowserArgs(options.httpsPort),
      '--disable-quic',
      ...(options.deviceScaleFactor ? [`--force-device-scale-factor=${options.deviceScaleFactor}`] : []),
      `--lang=${lang}`,
    ],
  });
  // Playwright saves downloads under random names; the person gets the name the extension chose, and so must we.
  const cdp = await context.browser()!.newBrowserCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'default' });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;

  const evalInExtension: ExtensionBrowser['evalInExtension'] = (fn, arg) => worker.evaluate(fn as never, arg) as never;

  return {
    name: 'chromium',
    downloadsDir,
    context,
    worker,
    extensionId,
    evalInExtension,
    extensionPageCount: async () => context.pages().filter((page) => page.url().startsWith('chrome-extension://')).length,
    async openTab(url) {
      const known = await worker.evaluate(async () => (await chrome.tabs.query({})).map((tab: { id?: number }) => tab.id));
      const page = await context.newPage();
      await page.goto(url);
      // The new tab, not an older one showing the same address.
      const tabId = await worker.evaluate(
        async ({ href, known }: { href: string; known: Array<number | undefined> }) => {
          const tabs = await chrome.tabs.query({});
          const fresh = tabs.filter((tab: { id?: number }) => !known.includes(tab.id));
          // Pages of the browser itself hide their URL from extensions: then the one new tab is ours.
          return (fresh.find((tab: { url?: string }) => tab.url === href) ?? (fresh.length === 1 ? fresh[0] : undefined))?.id ?? null;
        },
        { href: page.url(), known },
      );
      if (tabId === null) throw new Error(`No tab found for ${page.url()}`);
      return { page: wrap(page), tabId };
    },
    async openExtensionPage(pathAndQuery) {
      const url = `chrome-extension://${extensionId}/${pathAndQuery}`;
      const opened = context.waitForEvent('page', { predicate: (page) => page.url() === url });
      await worker.evaluate((target: string) => chrome.windows.create({ url: target, type: 'popup', width: 420, height: 700 }), url);
      const page = await opened;
      await page.waitForLoadState('domcontentloaded');
      // Pages behind the passphrase lock show something only once they know whether it is locked.
      await page.waitForFunction(() => !document.querySelector('[data-lock-gate="checking"]'), null, { polling: 50 });
      return wrap(page);
    },
    async close() {
      await context.close();
      if (!keepProfile) rmSync(profile, { recursive: true, force: true });
    },
  };
}
