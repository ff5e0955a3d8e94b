/** Reading the browser's clipboard back, to check what a Copy button put there. */
import type { BrowserContext } from 'playwright-core';
import { until, type DrivenPage, type ExtensionBrowser } from './driver';

/** The clipboard's text as the extension page sees it. */
export async function readClipboard(browser: ExtensionBrowser, panel: DrivenPage): Promise<string> {
  if (browser.name === 'firefox') return panel.evaluate(() => navigator.clipboard.readText(), null);
  // Chromium lets no extension page read the clipboard without the clipboardRead permission (which the extension
  // does not ask for), and refuses to grant it to chrome-extension:// origins ("opaque origins"); a web page that
  // was granted clipboard-read reads the same browser clipboard.
  const { context } = browser as unknown as { context: BrowserContext };
  await context.grantPermissions(['clipboard-read'], { origin: 'https://example.org' });
  const reader = await context.newPage();
  try {
    await reader.goto('https://example.org/clipboard-reader');
    await reader.bringToFront();
    return await reader.evaluate(() => navigator.clipboard.readText());
  } finally {
    await reader.close();
  }
}

/** Waits until the clipboard holds what `check` accepts; returns it. */
export async function clipboardWhen(browser: ExtensionBrowser, panel: DrivenPage, check: (text: string) => boolean): Promise<string> {
  let last = '';
  await until(async () => {
    last = await readClipboard(browser, panel);
    return check(last);
  }, `the clipboard (last seen: ${JSON.stringify(last)})`);
  return last;
}
