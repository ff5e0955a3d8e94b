/**
 * What a capture session guarantees, in Chromium and Firefox: a capture is bound to its tab, window and zoom
 * (moving the tab to a new window or zooming mid-capture aborts it, nothing stored), the page source holds
 * nothing of ours, a second capture of a busy tab is refused with a message, and a popup closed and opened again
 * mid-capture shows the progress and then the result.
 */
import { describe, expect, it } from 'vitest';
import { BROWSERS, useExtensionBrowser } from './support/browsers';
import { clickButton, type DrivenPage, type ExtensionBrowser } from './support/driver';
import { storedCaptures, storedFileBytes, storeCounts } from './support/evidence';

const LONG_PAGE = 'https://example.org/long';
const DISCORD_LONG = 'https://discord.com/channels/81384788765712384/81384788765712390/175928847299117100';

/** Every trace the capture agent can leave in a page: its style sheet, inline styles and attribute values. */
const AGENT_MARKERS = [
  'scroll-behavior: auto !important',
  'caret-color: transparent',
  'animation-play-state: paused',
  'background-attachment: scroll',
  'scrollbar-width',
  '::-webkit-scrollbar',
  'visibility: hidden',
  'loading="eager"',
  'style=""',
];

async function openPopupFor(browser: ExtensionBrowser, url: string) {
  const tab = await browser.openTab(url);
  const popup = await browser.openExtensionPage(`popup.html?tabId=${tab.tabId}`);
  return { ...tab, popup };
}

function outcome(popup: DrivenPage, timeoutMs = 120_000) {
  return popup.waitFor(
    () => {
      const done = document.querySelector('[data-testid="capture-result"]');
      if (done) return { id: done.getAttribute('data-capture-id') ?? '' };
      const error = document.querySelector('[data-testid="capture-error"]');
      return error ? { code: error.getAttribute('data-code') ?? '', text: error.textContent?.trim() ?? '' } : null;
    },
    null,
    timeoutMs,
  );
}

async function captureError(popup: DrivenPage): Promise<{ code: string; text: string }> {
  const result = await outcome(popup);
  if ('id' in result) throw new Error('The capture was saved, but it should have been refused');
  return result;
}

function waitForTiles(popup: DrivenPage, tiles: number): Promise<boolean> {
  return popup.waitFor((count: number) => {
    const progress = document.querySelector<HTMLProgressElement>('[data-testid="capture-progress"] progress');
    return !!progress && progress.value >= count;
  }, tiles);
}

/** MHTML holds the page's HTML as quoted-printable: undo that before searching it. */
function readableSource(bytes: Buffer, mime: string): string {
  const text = bytes.toString('utf8');
  if (mime !== 'multipart/related') return text;
  return text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

describe.each(BROWSERS)('capture session in %s', (browserName) => {
  const { browser } = useExtensionBrowser(browserName);

  it('the tab moved to a new window mid-capture: aborted, nothing stored', async () => {
    const before = await storeCounts(browser());
    const { popup, tabId } = await openPopupFor(browser(), DISCORD_LONG);
    await clickButton(popup, 'Capture full page');
    await waitForTiles(popup, 1);
    await browser().evalInExtension(async (id: number) => {
      const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
      await api.windows.create({ tabId: id });
    }, tabId);
    const error = await captureError(popup);
    expect(error.code).toBe('moved-window');
    expect(error.text).toContain('moved to another window');
    expect(error.text).toContain('Nothing was saved');
    expect(await storeCounts(browser())).toEqual(before);
  });

  it('the page zoomed mid-capture: aborted, nothing stored', async () => {
    const before = await storeCounts(browser());
    const { popup, tabId } = await openPopupFor(browser(), DISCORD_LONG);
    await clickButton(popup, 'Capture full page');
    await waitForTiles(popup, 1);
    await browser().evalInExtension(async (id: number) => {
      const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
      await api.tabs.setZoom(id, 1.25);
    }, tabId);
    const error = await captureError(popup);
    expect(error.code).toBe('zoom-changed');
    expect(error.text).toContain('zoom');
    expect(await storeCounts(browser())).toEqual(before);
  });

  it('the page source of a full-page capture (fixed bars, lazy images) holds nothing of ours', async () => {
    const { popup, page } = await openPopupFor(browser(), LONG_PAGE);
    await clickButton(popup, 'Capture full page');
    const result = await outcome(popup);
    if (!('id' in result)) throw new Error(`Capture failed: ${result.text}`);
    const record = (await storedCaptures(browser())).find((capture) => capture.id === result.id)!;
    const file = record.files.find((stored) => stored.role === 'source')!;
    const source = readableSource(await storedFileBytes(browser(), file.id), file.mime);
    // It is the page: its last section, its bars and its lazy images, as the page wrote them.
    expect(source).toContain('Section 40 of 40');
    expect(source).toContain('Fixture bottom bar (fixed)');
    expect(source.match(/loading="lazy"/g)?.length).toBe(13);
    for (const marker of AGENT_MARKERS) expect(source, marker).not.toContain(marker);
    expect(source).not.toMatch(/<(header|footer)[^>]*style=/);
    // And the live page is as it was: no element of ours, no style changed.
    const leftovers = await page.evaluate(
      () => ({
        styles: document.querySelectorAll('style').length,
        inline: document.querySelectorAll('header[style], footer[style], img[loading="eager"]').length,
      }),
      null,
    );
    expect(leftovers).toEqual({ styles: 1, inline: 0 });
  });

  it('a second capture of a busy tab is refused, and says so', async () => {
    const before = await storeCounts(browser());
    // A page long enough that its capture is still running when the second one asks (tens of seconds in both).
    const tab = await browser().openTab(`${LONG_PAGE}?sections=100`);
    // Two popups of the tab (their addresses differ only so the test can tell them apart).
    const popups = [
      await browser().openExtensionPage(`popup.html?tabId=${tab.tabId}&n=1`),
      await browser().openExtensionPage(`popup.html?tabId=${tab.tabId}&n=2`),
    ];
    const press = (popup: DrivenPage) =>
      popup.waitFor(() => {
        const button = [...document.querySelectorAll('button')].find((each) => each.textContent?.trim() === 'Capture full page');
        if (!button || button.disabled) return false;
        button.click();
        return true;
      }, null);
    await Promise.all(popups.map(press));
    const refusedIn = await Promise.race(
      popups.map((popup, index) =>
        popup.waitFor(() => document.querySelector('[data-testid="capture-error"]')?.getAttribute('data-code'), null).then((code) => ({ index, code })),
      ),
    );
    expect(refusedIn.code).toBe('busy');
    expect(await captureError(popups[refusedIn.index]!)).toEqual({ code: 'busy', text: 'A capture of this tab is already running.' });
    // The first one runs on: stop it (nothing stored).
    const running = popups[1 - refusedIn.index]!;
    await clickButton(running, 'Cancel');
    expect((await captureError(running)).code).toBe('cancelled');
    expect(await storeCounts(browser())).toEqual(before);
  });

  it('a popup closed and opened again mid-capture shows the progress, then the result', async () => {
    const { popup, tabId } = await openPopupFor(browser(), DISCORD_LONG);
    await clickButton(popup, 'Capture full page');
    await waitForTiles(popup, 1);
    await popup.close();
    const reopened = await browser().openExtensionPage(`popup.html?tabId=${tabId}`);
    const seen = await reopened.waitFor(() => {
      if (document.querySelector('[data-testid="capture-progress"]')) return 'progress';
      return document.querySelector('[data-testid="capture-result"]') ? 'result' : null;
    }, null);
    // Chromium takes at most two screens a second: the capture is still running. Firefox may be done already.
    if (browserName === 'chromium') expect(seen).toBe('progress');
    const result = await outcome(reopened);
    if (!('id' in result)) throw new Error(`Capture failed: ${result.text}`);
    const record = (await storedCaptures(browser())).find((capture) => capture.id === result.id);
    expect(record).toMatchObject({ requestedUrl: DISCORD_LONG, scroller: 'inner' });
  });
});
