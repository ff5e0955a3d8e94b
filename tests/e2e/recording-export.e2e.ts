/**
 * A recording through the real extension's storage path (Chromium: tab stream, offscreen recorder, chunks sent to
 * the background's writer; Firefox: frames of the tab recorded in the background page), then in the manager
 * (length, blurred poster, a player only after the content warning) and exported from it: unzipped,
 * `sha256sum -c SHA256SUMS` passes, recording.webm hashes to the stored record's SHA-256, is listed as video/webm
 * and decodes with ffprobe.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BROWSERS, useExtensionBrowser } from './support/browsers';
import { clickButton, until } from './support/driver';
import { exportFromManager, UNENCRYPTED, storedCaptures } from './support/evidence';
import { probeVideo } from './support/video';

describe.each(BROWSERS)('a recording exported from the manager (%s)', (browserName) => {
  const { browser } = useExtensionBrowser(browserName, {
    routes: [{ host: /^example\.org$/, path: /^\/animation/, file: 'recording-animation.html' }],
  });

  it('unzips to a recording.webm whose SHA-256 is the stored one, listed as video/webm, that decodes', async () => {
    const tab = await browser().openTab('https://example.org/animation');
    const popup = await browser().openExtensionPage(`popup.html?tabId=${tab.tabId}`);
    await clickButton(popup, 'Record this tab');
    await popup.waitFor(() => /0:00:0[2-9]/.test(document.querySelector('[data-testid="recording-progress"]')?.textContent ?? '') || null, null);
    await clickButton(popup, 'Stop recording');
    const id = await popup.waitFor(() => document.querySelector('[data-testid="recording-result"]')?.getAttribute('data-capture-id') ?? null, null, 60_000);
    const record = await until(async () => (await storedCaptures(browser())).find((capture) => capture.id === id), 'the recording');
    expect(record.recording?.method).toBe(browserName === 'chromium' ? 'tab-capture' : 'tab-frames');
    const stored = { id, sha256: record.files.find((file) => file.role === 'video')!.sha256 };

    const manager = await browser().openExtensionPage('manager.html');
    const info = await manager.waitFor(() => document.querySelector('[data-testid="recording-info"]')?.textContent?.trim() ?? null, null);
    expect(info).toMatch(/^Length: 0:0\d/);
    // No player before the person chose to play, past the warning.
    expect(await manager.evaluate(() => document.querySelectorAll('video').length, null)).toBe(0);
    await clickButton(manager, 'Play the recording');
    await manager.waitFor(() => document.querySelector('[role="alertdialog"]')?.textContent?.includes('This video may show things that hurt') || null, null);
    await clickButton(manager, 'Play it');
    const source = await manager.waitFor(() => document.querySelector<HTMLVideoElement>('[data-testid="recording-video"]')?.src ?? null, null);
    expect(source).toMatch(/^blob:/);
    const zip = (await exportFromManager(browser(), manager, UNENCRYPTED, /^evidence-.*\.zip$/)).bytes;

    const dir = mkdtempSync(path.join(os.tmpdir(), `cr-recording-${browserName}-`));
    for (const [name, data] of Object.entries(unzipSync(zip))) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), data);
    }
    const check = execFileSync('sha256sum', ['-c', '--strict', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8' });
    expect(check).toContain(`evidence/${stored.id}/recording.webm: OK`);
    const webm = `evidence/${stored.id}/recording.webm`;
    expect(execFileSync('sha256sum', [webm], { cwd: dir, encoding: 'utf8' }).split(' ')[0]).toBe(stored.sha256);
    expect(probeVideo(readFileSync(path.join(dir, webm))).frames).toBeGreaterThan(0);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { files: { path: string; mime: string }[] };
    expect(manifest.files.find((entry) => entry.path === webm)?.mime).toBe('video/webm');
    expect(readFileSync(path.join(dir, 'report.html'), 'utf8')).toContain(`<a href="${webm}"`);
  });
});
