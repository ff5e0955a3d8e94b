/**
 * A full-page capture in Chromium through the popup, with the capture method set ('fast': the tab stream,
 * 'exact': captureVisibleTab), for the tab-stream e2e test and benchmark: the page pixels, the record and the time.
 */
import type { Page } from 'playwright-core';
import type { launchChromium } from './chromium';
import { captureOutcome, decodePng, screenshots, storedCaptures, storedFileBytes, updateSettings } from './evidence';
import { cropRows, stack } from './pixels';

type Chromium = Awaited<ReturnType<typeof launchChromium>>;

/**
 * The popup in its own window, which does not take the focus from the tab's window: the real popup is part of
 * that window. (A focused window in front of it makes headless Chromium stop drawing the tab after a few
 * seconds; the capture then goes on with the exact method, as the fallback test shows.)
 */
async function openPopup(browser: Chromium, tabId: number): Promise<Page> {
  const url = `chrome-extension://${browser.extensionId}/popup.html?tabId=${tabId}`;
  const opened = browser.context.waitForEvent('page', { predicate: (page) => page.url() === url });
  await browser.worker.evaluate((target: string) => chrome.windows.create({ url: target, type: 'popup', focused: false, width: 420, height: 700 }), url);
  const popup = await opened;
  await popup.waitForFunction(() => !document.querySelector('[data-lock-gate="checking"]'), null, { polling: 50 });
  return popup;
}

export async function captureFullPage(browser: Chromium, url: string, method: 'fast' | 'exact', during?: (popup: Page) => Promise<void>) {
  await updateSettings(browser, { captureMethod: method });
  const { tabId } = await browser.openTab(url);
  const popup = await openPopup(browser, tabId);
  const button = popup.getByRole('button', { name: 'Capture full page', exact: true });
  await button.waitFor();
  const started = Date.now();
  await button.click();
  await during?.(popup);
  const handle = await popup.waitForFunction(
    captureOutcome,
    null,
    { timeout: 300_000, polling: 50 },
  );
  const outcome = (await handle.jsonValue()) as { id: string } | { error: string };
  const seconds = (Date.now() - started) / 1000;
  if ('error' in outcome) throw new Error(`Capture failed: ${outcome.error}`);
  const record = (await storedCaptures(browser)).find((stored) => stored.id === outcome.id)!;
  const parts = await Promise.all(screenshots(record).map(async (file) => cropRows(decodePng(await storedFileBytes(browser, file.id)), file.bandHeight!)));
  await popup.close();
  return { record, pixels: stack(parts), seconds };
}
