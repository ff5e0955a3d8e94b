/**
 * One interface over Chromium (playwright-core) and Firefox ESR (puppeteer-core, WebDriver BiDi), so each
 * end-to-end test is written once and run in both browsers.
 */
export type BrowserName = 'chromium' | 'firefox';

export interface DrivenPage {
  /** Run `fn(arg)` in the page (in extension pages, `browser.*` / `chrome.*` are available). */
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Wait until `fn(arg)` returns a truthy value in the page; resolves with that value. */
  waitFor<A, R>(fn: (arg: A) => R | Promise<R>, arg: A, timeoutMs?: number): Promise<NonNullable<R>>;
  click(selector: string): Promise<void>;
  /** Press a key on the real keyboard (focused page). */
  press(key: string): Promise<void>;
  /** The page's address as loaded now. */
  url(): Promise<string>;
  /** Choose a file in an <input type=file>, as the person would in the file dialog. */
  setInputFile(selector: string, filePath: string): Promise<void>;
  /**
   * The reference render for pixel comparisons: the viewport made as tall as the page, every image loaded, then
   * a plain screenshot (fixed header at the top, fixed bottom bar at the bottom).
   */
  referenceScreenshot(): Promise<Buffer>;
  goto(url: string): Promise<void>;
  close(): Promise<void>;
}

export interface ExtensionBrowser {
  name: BrowserName;
  /** Where files the extension downloads are saved. */
  downloadsDir: string;
  /** Open a web page in a new tab; resolves when loaded, with its tab id as the extension sees it. */
  openTab(url: string): Promise<{ page: DrivenPage; tabId: number }>;
  /**
   * Open one of the extension's pages (e.g. 'popup.html?tabId=3') in its own window, so the tab under
   * test stays the visible tab of its window (as when the real popup is open).
   */
  openExtensionPage(pathAndQuery: string): Promise<DrivenPage>;
  /** How many of the extension's own pages (tabs and windows, not the background) are open. */
  extensionPageCount(): Promise<number>;
  /** Run code with the extension's privileges (service worker in Chromium, an extension page in Firefox). */
  evalInExtension<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  close(): Promise<void>;
}

/** Poll a Node-side condition (for things only the extension can see). */
export async function until<R>(check: () => Promise<R | undefined | null | false>, what: string, timeoutMs = 20_000): Promise<R> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** In-page: the page height, once every image has loaded (lazy ones included, now that they are in view). */
export function pageHeightWhenImagesLoaded(): Promise<number> {
  return Promise.all(
    Array.from(document.images).map((image) =>
      image.complete ? null : new Promise((resolve) => image.addEventListener('loadend', resolve, { once: true })),
    ),
  ).then(() => document.documentElement.scrollHeight);
}

/**
 * Clicks the button whose visible text is `label`, as a person finds it (by what it says): waits until it is
 * shown and enabled, as a person would on a slow machine, instead of failing on a page still rendering.
 */
export async function clickButton(page: DrivenPage, label: string, timeoutMs = 20_000): Promise<void> {
  const findEnabled = (text: string) =>
    Array.from(document.querySelectorAll('button')).some(
      (candidate) => candidate.textContent?.trim() === text && !candidate.disabled,
    );
  try {
    await page.waitFor(findEnabled, label, timeoutMs);
  } catch {
    throw new Error(`No button "${label}" (waited ${timeoutMs} ms)`);
  }
  await page.evaluate((text: string) => {
    const button = Array.from(document.querySelectorAll('button')).find(
      (candidate) => candidate.textContent?.trim() === text && !candidate.disabled,
    );
    if (!button) throw new Error(`No button "${text}"`);
    button.click();
  }, label);
}
