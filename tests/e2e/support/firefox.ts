import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { pageHeightWhenImagesLoaded, until, type DrivenPage, type ExtensionBrowser } from './driver';
import { prepareTestBuild } from './test-build';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

function wrap(page: Page): DrivenPage {
  return {
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    waitFor: async (fn, arg, timeoutMs = 20_000) =>
      (await (await page.waitForFunction(fn as () => unknown, { timeout: timeoutMs, polling: 50 }, arg)).jsonValue()) as never,
    click: (selector) => page.click(selector),
    press: async (key) => {
      await page.bringToFront();
      // A key that closes the page (quick exit) leaves no page to release it on: that is success.
      await page.keyboard.press(key as never).catch((error: Error) => {
        if (!/closed|detached|discarded|no such/i.test(error.message)) throw error;
      });
    },
    url: () => page.evaluate(() => location.href),
    setInputFile: async (selector, filePath) => {
      const input = await page.waitForSelector(selector);
      await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(filePath);
    },
    referenceScreenshot: async () => {
      const width = page.viewport()?.width ?? 1280;
      await page.setViewport({ width, height: await page.evaluate(() => document.documentElement.scrollHeight) });
      await page.waitForFunction(() => Array.from(document.images).every((image) => image.complete));
      const height = await page.evaluate(pageHeightWhenImagesLoaded);
      await page.setViewport({ width, height });
      return Buffer.from(await page.screenshot({ type: 'png' }));
    },
    goto: async (url) => {
      await page.goto(url);
    },
    close: () => page.close(),
  };
}

/** True when the page is one of our extension's pages (BiDi may report its URL as about:blank). */
async function isExtensionPage(page: Page): Promise<boolean> {
  try {
    return await page.evaluate(() => location.protocol === 'moz-extension:');
  } catch {
    return false;
  }
}

async function pageAt(firefox: Browser, predicate: (href: string) => boolean, what: string): Promise<Page> {
  return until(async () => {
    for (const page of await firefox.pages()) {
      if (!(await isExtensionPage(page))) continue;
      const href = await page.evaluate(() => location.href);
      if (predicate(href)) return page;
    }
    return null;
  }, what);
}

export interface FirefoxOptions {
  proxyPort: number;
  lang?: string;
  viewport?: { width: number; height: number };
  /** As ChromiumOptions.profileDir: reuse this profile directory and keep it on close. */
  profileDir?: string;
  /** Edits the test build's copy before it is loaded (test-build.ts). */
  buildPatch?: (dir: string) => void;
  /** More Firefox preferences (e.g. a host the proxy must not take: `network.proxy.no_proxies_on`). */
  prefs?: Record<string, string | number | boolean>;
  /** More command-line arguments for Firefox. */
  args?: string[];
}

export async function launchFirefox(options: FirefoxOptions): Promise<ExtensionBrowser & { browser: Browser }> {
  const extensionDir = prepareTestBuild('firefox-mv2', options.buildPatch);
  const keepProfile = options.profileDir !== undefined;
  const profile = options.profileDir ?? mkdtempSync(path.join(os.tmpdir(), 'cr-firefox-'));
  const viewport = options.viewport ?? { width: 1280, height: 800 };
  const downloadsDir = path.join(profile, 'downloads');
  mkdirSync(downloadsDir, { recursive: true });
  const firefox = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    args: options.args ?? [],
    userDataDir: profile,
    acceptInsecureCerts: true,
    defaultViewport: viewport,
    extraPrefsFirefox: {
      // Every https request goes through our CONNECT proxy to the fixture server.
      'network.proxy.type': 1,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': options.proxyPort,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': options.proxyPort,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      'network.stricttransportsecurity.preloadlist': false,
      'network.dns.disablePrefetch': true,
      'browser.download.dir': downloadsDir,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'intl.accept_languages': options.lang ?? 'en-US',
      'intl.locale.requested': options.lang ?? 'en-US',
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'extensions.webextensions.restrictedDomains': '',
      // A temporary add-on is uninstalled when Firefox closes: a kept profile keeps its data and origin for the
      // next launch, as a normally installed extension's would be kept.
      ...(keepProfile
        ? { 'extensions.webextensions.keepStorageOnUninstall': true, 'extensions.webextensions.keepUuidOnUninstall': true }
        : {}),
      ...options.prefs,
    },
  });
  await firefox.installExtension(extensionDir);
  // The extension opens its welcome page on install: that page is our way in to the extension's APIs.
  const anchor = await pageAt(firefox, (href) => href.includes('/manager.html'), 'the welcome page');

  const evalInExtension: ExtensionBrowser['evalInExtension'] = (fn, arg) => anchor.evaluate(fn as never, arg) as never;

  return {
    name: 'firefox',
    downloadsDir,
    browser: firefox,
    evalInExtension,
    async extensionPageCount() {
      let count = 0;
      for (const page of await firefox.pages()) if (await isExtensionPage(page)) count += 1;
      return count;
    },
    async openTab(url) {
      const known = await anchor.evaluate(async () => (await browser.tabs.query({})).map((tab: { id?: number }) => tab.id));
      const page = await firefox.newPage();
      await page.setViewport(viewport);
      await page.goto(url);
      const href = page.url();
      const tabId = await until(
        () =>
          anchor.evaluate(
            async ({ target, known }: { target: string; known: Array<number | undefined> }) => {
              const fresh = (await browser.tabs.query({})).filter((tab: { id?: number }) => !known.includes(tab.id));
              // Without host permission for the page (the shipped manifest's), Firefox hides its URL: then the one
              // new tab is ours.
              const hidden = fresh.length === 1 && fresh[0]!.url === undefined;
              return (fresh.find((tab: { url?: string }) => tab.url === target) ?? (hidden ? fresh[0] : undefined))?.id ?? null;
            },
            { target: href, known },
          ),
        `the tab of ${href}`,
      );
      return { page: wrap(page), tabId };
    },
    async openExtensionPage(pathAndQuery) {
      const marker = `/${pathAndQuery}`;
      await anchor.evaluate(
        (target: string) => browser.windows.create({ url: browser.runtime.getURL(target), type: 'popup', width: 420, height: 700 }),
        marker,
      );
      const page = await pageAt(firefox, (href) => href.endsWith(marker), pathAndQuery);
      await page.waitForFunction(() => document.readyState !== 'loading');
      // Pages behind the passphrase lock show something only once they know whether it is locked.
      await page.waitForFunction(() => !document.querySelector('[data-lock-gate="checking"]'), { polling: 50 });
      return wrap(page);
    },
    async close() {
      // Closing over BiDi can hang when a page is mid-navigation; the process is ours to end either way.
      const closed = firefox.close().then(() => true, () => false);
      const timedOut = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 15_000));
      if (!(await Promise.race([closed, timedOut]))) firefox.process()?.kill('SIGKILL');
      if (!keepProfile) rmSync(profile, { recursive: true, force: true });
    },
  };
}
