/**
 * Shared steps of the fault tests (tests/e2e/faults*.e2e.ts): following a capture in the popup, reading the store
 * from one of the extension's pages (the service worker may be stopped or replaced), and Verify.
 */
import type { BrowserContext } from 'playwright-core';
import { wrap } from './chromium';
import { clickButton, until, type DrivenPage, type ExtensionBrowser } from './driver';
import { storeCounts } from './evidence';

export function waitForTiles(popup: DrivenPage, tiles: number): Promise<boolean> {
  return popup.waitFor((count: number) => {
    const progress = document.querySelector<HTMLProgressElement>('[data-testid="capture-progress"] progress');
    return !!progress && progress.value >= count;
  }, tiles);
}

/** The popup's capture error (code and text); fails if the capture was saved instead. */
export async function captureError(popup: DrivenPage, timeoutMs = 60_000): Promise<{ code: string; text: string }> {
  const result = await popup.waitFor(
    () => {
      if (document.querySelector('[data-testid="capture-result"]')) return { code: 'saved', text: '' };
      const error = document.querySelector('[data-testid="capture-error"]');
      return error ? { code: error.getAttribute('data-code') ?? '', text: error.textContent?.trim() ?? '' } : null;
    },
    null,
    timeoutMs,
  );
  if (result.code === 'saved') throw new Error('The capture was saved, but it should have been interrupted');
  return result;
}

/** The store's counts, read from inside one of the extension's pages (same origin, same database). */
export function countsFrom(page: DrivenPage): ReturnType<typeof storeCounts> {
  return storeCounts({ evalInExtension: (fn, arg) => page.evaluate(fn, arg) } as ExtensionBrowser);
}

/** The manager's Verify, as the person runs it; resolves with what it says. */
export async function verify(manager: DrivenPage): Promise<string> {
  await clickButton(manager, 'Verify the evidence');
  return manager.waitFor(() => document.querySelector('[data-testid="verify-result"]')?.textContent?.trim(), null);
}

/**
 * Opens one of the extension's pages in a new window without the service worker's help (it may be stopped, or
 * gone with a reload): through the DevTools protocol, as the person would by clicking the toolbar button again.
 */
export async function openOwnPage(context: BrowserContext, extensionId: string, pathAndQuery: string): Promise<DrivenPage> {
  const url = `chrome-extension://${extensionId}/${pathAndQuery}`;
  const known = new Set(context.pages());
  const cdp = await context.browser()!.newBrowserCDPSession();
  await cdp.send('Target.createTarget', { url, newWindow: true });
  await cdp.detach();
  // The new page may first report about:blank: wait for it at its address.
  const page = await until(async () => context.pages().find((open) => !known.has(open) && open.url() === url), url);
  await page.waitForLoadState('domcontentloaded');
  await page.waitForFunction(() => !document.querySelector('[data-lock-gate="checking"]'), null, { polling: 50 });
  return wrap(page);
}
