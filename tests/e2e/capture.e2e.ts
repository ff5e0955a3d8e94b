/**
 * Evidence capture through the popup's buttons, in Chromium and Firefox: full pages with fixed bars and lazy
 * images (compared by pixels with a reference render), chat panes that scroll inside the page, pages taller than
 * the canvas limits, and every error path leaving nothing stored.
 */
import { describe, expect, it } from 'vitest';
import { BROWSERS, useExtensionBrowser } from './support/browsers';
import { launchChromium } from './support/chromium';
import { clickButton, type DrivenPage, type ExtensionBrowser } from './support/driver';
import { captureOutcome, decodePng, screenshots, storedCaptures, storedFileBytes, storeCounts, updateSettings } from './support/evidence';
import { agreement, cropRows, distinctColors, readMarkers, rowsWithColor, stack } from './support/pixels';
import { startFixtureServer } from './support/server';

const LONG_PAGE = 'https://example.org/long'; // 40 sections of 400 px: about 20 screens of 800 px
const DISCORD_LONG = 'https://discord.com/channels/81384788765712384/81384788765712390/175928847299117100';
const HEADER_COLOR: [number, number, number] = [0xc8, 0x00, 0x7a];
const BOTTOM_BAR_COLOR: [number, number, number] = [0x0a, 0x7c, 0x3e];

async function openPopupFor(browser: ExtensionBrowser, url: string) {
  const tab = await browser.openTab(url);
  const popup = await browser.openExtensionPage(`popup.html?tabId=${tab.tabId}`);
  return { ...tab, popup };
}

/** Waits for the capture to finish; returns the capture id, or throws with the message the person saw. */
async function captureResult(popup: DrivenPage, timeoutMs = 120_000): Promise<string> {
  const outcome = await popup.waitFor(
    captureOutcome,
    null,
    timeoutMs,
  );
  if ('error' in outcome) throw new Error(`Capture failed: ${outcome.error}`);
  return outcome.id;
}

async function captureError(popup: DrivenPage): Promise<{ code: string; text: string }> {
  return popup.waitFor(() => {
    const error = document.querySelector('[data-testid="capture-error"]');
    return error ? { code: error.getAttribute('data-code') ?? '', text: error.textContent ?? '' } : null;
  }, null, 120_000);
}

function waitForTiles(popup: DrivenPage, tiles: number): Promise<boolean> {
  return popup.waitFor((count: number) => {
    const progress = document.querySelector<HTMLProgressElement>('[data-testid="capture-progress"] progress');
    return !!progress && progress.value >= count;
  }, tiles);
}

describe.each(BROWSERS)('capture in %s', (browserName) => {
  const { browser } = useExtensionBrowser(browserName);

  async function storedCapture(id: string) {
    const record = (await storedCaptures(browser())).find((capture) => capture.id === id);
    if (!record) throw new Error(`capture ${id} not stored`);
    const parts = await Promise.all(screenshots(record).map(async (file) => ({ file, png: decodePng(await storedFileBytes(browser(), file.id)) })));
    return { record, parts };
  }

  it('captures a long page with fixed bars and lazy images like a reference render', async () => {
    const { popup } = await openPopupFor(browser(), LONG_PAGE);
    await clickButton(popup, 'Capture full page');
    const id = await captureResult(popup);
    const { record, parts } = await storedCapture(id);
    expect(parts).toHaveLength(1);
    const { file, png } = parts[0]!;
    const pagePixels = cropRows(png, file.bandHeight!);

    const reference = decodePng(await (await browser().openTab(LONG_PAGE)).page.referenceScreenshot());
    expect(pagePixels.width).toBe(reference.width);
    expect(pagePixels.height).toBe(reference.height);
    expect(agreement(pagePixels, reference)).toBeGreaterThanOrEqual(0.995);

    // The fixed header appears once, at the top; the fixed bottom bar once, at the bottom.
    const headerRows = rowsWithColor(pagePixels, 1000, HEADER_COLOR);
    expect(headerRows.length).toBe(60);
    expect(Math.max(...headerRows)).toBeLessThan(60);
    const barRows = rowsWithColor(pagePixels, 1000, BOTTOM_BAR_COLOR);
    expect(barRows.length).toBe(50);
    expect(Math.min(...barRows)).toBe(pagePixels.height - 50);

    expect(record).toMatchObject({ mode: 'full', scroller: 'document', requestedUrl: LONG_PAGE, finalUrl: LONG_PAGE });
    expect(record.files.map((f) => f.role).sort()).toEqual(['screenshot', 'source', 'thumbnail']);
    for (const stored of record.files) expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/);
    const source = record.files.find((f) => f.role === 'source')!;
    expect(source.mime).toBe(browserName === 'chromium' ? 'multipart/related' : 'text/html');
  });

  it('captures every message of a chat that scrolls inside an inner pane, in order', async () => {
    const { popup } = await openPopupFor(browser(), DISCORD_LONG);
    await clickButton(popup, 'Capture full page');
    const id = await captureResult(popup);
    const { record, parts } = await storedCapture(id);
    expect(record.scroller).toBe('inner');
    expect(record.platform).toBe('discord');
    const pane = stack(parts.map(({ file, png }) => cropRows(png, file.bandHeight!)));
    const markers = readMarkers(pane, Math.round(28 * record.scale));
    expect(markers).toEqual(Array.from({ length: 150 }, (_, i) => i));
  });

  it('captures a chat back a bounded number of screens and says so', async () => {
    await updateSettings(browser(), { maxScreens: 3 });
    try {
      const { popup } = await openPopupFor(browser(), DISCORD_LONG);
      await clickButton(popup, 'Capture full page');
      const id = await captureResult(popup);
      const { record, parts } = await storedCapture(id);
      expect(record.limitedTo).toEqual({ screens: 3, reason: 'max-screens' });
      expect(await popup.evaluate(() => document.querySelector('[data-testid="capture-result"]')?.textContent, null)).toContain('the 3 screens up to where you were');
      const pane = stack(parts.map(({ file, png }) => cropRows(png, file.bandHeight!)));
      const markers = readMarkers(pane, Math.round(28 * record.scale));
      // Consecutive messages ending with the newest one.
      expect(markers.at(-1)).toBe(149);
      expect(markers.length).toBeGreaterThan(10);
      expect(markers).toEqual(Array.from({ length: markers.length }, (_, i) => 150 - markers.length + i));
    } finally {
      await updateSettings(browser(), null);
    }
  });

  it('splits a page far taller than the canvas limits into parts, none blank', async () => {
    const { popup } = await openPopupFor(browser(), `${LONG_PAGE}?sections=100`);
    await clickButton(popup, 'Capture full page');
    const id = await captureResult(popup, 180_000);
    const { record, parts } = await storedCapture(id);
    expect(parts.length).toBeGreaterThanOrEqual(2);
    let rows = 0;
    for (const { file, png } of parts) {
      expect(png.height).toBeLessThanOrEqual(32_767);
      expect(distinctColors(cropRows(png, file.bandHeight!))).toBeGreaterThan(3);
      rows += png.height - file.bandHeight!;
    }
    expect(rows).toBe(Math.round(record.page.height * record.scale));
    expect(record.page.height).toBe(60 + 100 * 400 + 50);
    expect(await popup.evaluate(() => document.querySelector('[data-testid="capture-result"]')?.textContent, null)).toContain(`saved as ${parts.length} images`);
  });

  it('captures the visible area with the stamp above it', async () => {
    const { popup } = await openPopupFor(browser(), LONG_PAGE);
    await clickButton(popup, 'Capture visible area');
    const id = await captureResult(popup);
    const { record, parts } = await storedCapture(id);
    expect(record.mode).toBe('visible');
    const { file, png } = parts[0]!;
    expect(png.height - file.bandHeight!).toBe(800);
    expect(rowsWithColor(cropRows(png, file.bandHeight!), 1000, HEADER_COLOR)).toHaveLength(60);
  });

  describe('errors leave nothing stored', () => {
    it('an extension store page', async () => {
      const before = await storeCounts(browser());
      const store = browserName === 'chromium' ? 'https://chromewebstore.google.com/detail/x' : 'https://addons.mozilla.org/en-US/firefox/';
      const { popup } = await openPopupFor(browser(), store);
      await clickButton(popup, 'Capture full page');
      const error = await captureError(popup);
      expect(error.code).toBe('extension-store');
      expect(error.text.trim()).toBe('Extension store pages are protected by the browser and cannot be captured.');
      expect(await storeCounts(browser())).toEqual(before);
    });

    it.runIf(browserName === 'chromium')('a page of the browser itself', async () => {
      const before = await storeCounts(browser());
      const { popup } = await openPopupFor(browser(), 'chrome://version/');
      await clickButton(popup, 'Capture visible area');
      const error = await captureError(popup);
      // With the real click (activeTab) the URL is known and named; without it the browser refuses the read.
      expect(['browser-page', 'cannot-read-page']).toContain(error.code);
      expect(error.text).toMatch(/browser/i);
      expect(await storeCounts(browser())).toEqual(before);
    });

    it('Cancel', async () => {
      const before = await storeCounts(browser());
      const { popup } = await openPopupFor(browser(), DISCORD_LONG);
      await clickButton(popup, 'Capture full page');
      await waitForTiles(popup, 1);
      await clickButton(popup, 'Cancel');
      const error = await captureError(popup);
      expect(error.code).toBe('cancelled');
      expect(error.text.trim()).toBe('Capture cancelled. Nothing was saved.');
      expect(await storeCounts(browser())).toEqual(before);
    });

    it('the tab closed during the capture', async () => {
      const before = await storeCounts(browser());
      const { popup, page } = await openPopupFor(browser(), DISCORD_LONG);
      await clickButton(popup, 'Capture full page');
      await waitForTiles(popup, 1);
      await page.close();
      const error = await captureError(popup);
      expect(error.code).toBe('tab-closed');
      expect(error.text).toContain('Nothing was saved');
      expect(await storeCounts(browser())).toEqual(before);
    });

    it('the tab navigated during the capture', async () => {
      const before = await storeCounts(browser());
      const { popup, page } = await openPopupFor(browser(), DISCORD_LONG);
      await clickButton(popup, 'Capture full page');
      await waitForTiles(popup, 1);
      await page.goto('https://example.org/elsewhere');
      const error = await captureError(popup);
      expect(error.code).toBe('navigated');
      expect(await storeCounts(browser())).toEqual(before);
    });

    it('the tab hidden during the capture', async () => {
      const before = await storeCounts(browser());
      const { popup, tabId } = await openPopupFor(browser(), DISCORD_LONG);
      await clickButton(popup, 'Capture full page');
      await waitForTiles(popup, 1);
      // Another tab comes to the front of the same window.
      await browser().evalInExtension(async (id: number) => {
        const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
        const { windowId } = await api.tabs.get(id);
        await api.tabs.create({ windowId, url: 'https://example.org/other-tab', active: true });
      }, tabId);
      const error = await captureError(popup);
      expect(error.code).toBe('hidden');
      expect(error.text).toContain('keep the page visible');
      expect(await storeCounts(browser())).toEqual(before);
    });
  });
});

describe('capture on high-DPI screens and zoomed pages in chromium', () => {
  it('measures the scale from the image: DPR 2 matches the reference render, a 150% zoom is stitched without seams', async () => {
    const server = await startFixtureServer();
    const browser = await launchChromium({ httpsPort: server.httpsPort, deviceScaleFactor: 2 });
    try {
      const url = `${LONG_PAGE}?sections=10`;
      const { popup } = await openPopupFor(browser, url);
      await clickButton(popup, 'Capture full page');
      const id = await captureResult(popup);
      const record = (await storedCaptures(browser)).find((capture) => capture.id === id)!;
      expect(record.scale).toBe(2);
      const file = screenshots(record)[0]!;
      const pagePixels = cropRows(decodePng(await storedFileBytes(browser, file.id)), file.bandHeight!);
      const reference = decodePng(await (await browser.openTab(url)).page.referenceScreenshot());
      expect([pagePixels.width, pagePixels.height]).toEqual([reference.width, reference.height]);
      expect(agreement(pagePixels, reference)).toBeGreaterThanOrEqual(0.995);

      // Zoomed to 150% (on top of DPR 2): three image pixels per CSS pixel, the header still once, at the top.
      const zoomed = await browser.openTab(url);
      await browser.evalInExtension((tabId: number) => chrome.tabs.setZoom(tabId, 1.5), zoomed.tabId);
      const zoomedPopup = await browser.openExtensionPage(`popup.html?tabId=${zoomed.tabId}`);
      await clickButton(zoomedPopup, 'Capture full page');
      const zoomedId = await captureResult(zoomedPopup);
      const zoomedRecord = (await storedCaptures(browser)).find((capture) => capture.id === zoomedId)!;
      expect(zoomedRecord.scale).toBeCloseTo(3, 2);
      const zoomedFile = screenshots(zoomedRecord)[0]!;
      const zoomedPixels = cropRows(decodePng(await storedFileBytes(browser, zoomedFile.id)), zoomedFile.bandHeight!);
      expect(zoomedPixels.height).toBe(Math.round(zoomedRecord.page.height * zoomedRecord.scale));
      const headerRows = rowsWithColor(zoomedPixels, 1000, HEADER_COLOR);
      expect(headerRows.length).toBe(180);
      expect(Math.max(...headerRows)).toBeLessThan(180);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
