/**
 * A recording through the real extension's storage path (Chromium: tab stream, offscreen recorder, chunks sent to
 * the background's writer), then in the manager (length, blurred poster, a player only after the content
 * warning) and exported from it: unzipped, `sha256sum -c SHA256SUMS` passes and recording.webm hashes to the
 * stored record's SHA-256, listed as video/webm. Firefox: the same storage path is covered by recording.e2e.ts.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { launch } from './support/browsers';
import { clickButton, until } from './support/driver';
import { exportFromManager, storedCaptures } from './support/evidence';
import { startFixtureServer } from './support/server';

describe('a recording exported from the manager (chromium)', () => {
  it('unzips to a recording.webm whose SHA-256 is the stored one, listed as video/webm', async () => {
    const server = await startFixtureServer();
    server.routes.unshift({ host: /^example\.org$/, path: /^\/animation/, file: 'recording-animation.html' });
    const browser = await launch('chromium', server);
    let zip: Uint8Array;
    let stored: { id: string; sha256: string };
    try {
      const tab = await browser.openTab('https://example.org/animation');
      const popup = await browser.openExtensionPage(`popup.html?tabId=${tab.tabId}`);
      await clickButton(popup, 'Record this tab');
      await popup.waitFor(() => /0:00:0[2-9]/.test(document.querySelector('[data-testid="recording-progress"]')?.textContent ?? '') || null, null);
      await clickButton(popup, 'Stop recording');
      const id = await popup.waitFor(() => document.querySelector('[data-testid="recording-result"]')?.getAttribute('data-capture-id') ?? null, null, 60_000);
      const record = await until(async () => (await storedCaptures(browser)).find((capture) => capture.id === id), 'the recording');
      const video = record.files.find((file) => file.role === 'video')!;
      stored = { id, sha256: video.sha256 };

      const manager = await browser.openExtensionPage('manager.html');
      const info = await manager.waitFor(() => document.querySelector('[data-testid="recording-info"]')?.textContent?.trim() ?? null, null);
      expect(info).toMatch(/^Length: 0:0\d/);
      // No player before the person chose to play, past the warning.
      expect(await manager.evaluate(() => document.querySelectorAll('video').length, null)).toBe(0);
      await clickButton(manager, 'Play the recording');
      await manager.waitFor(() => document.querySelector('[role="alertdialog"]')?.textContent?.includes('This video may show things that hurt') || null, null);
      await clickButton(manager, 'Play it');
      const source = await manager.waitFor(() => document.querySelector<HTMLVideoElement>('[data-testid="recording-video"]')?.src ?? null, null);
      expect(source).toMatch(/^blob:/);

      zip = (await exportFromManager(browser, manager, /^evidence-.*\.zip$/)).bytes;
    } finally {
      await browser.close();
      await server.close();
    }

    const dir = mkdtempSync(path.join(os.tmpdir(), 'cr-recording-'));
    for (const [name, data] of Object.entries(unzipSync(zip))) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), data);
    }
    const check = execFileSync('sha256sum', ['-c', '--strict', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8' });
    expect(check).toContain(`evidence/${stored.id}/recording.webm: OK`);
    const webm = `evidence/${stored.id}/recording.webm`;
    expect(execFileSync('sha256sum', [webm], { cwd: dir, encoding: 'utf8' }).split(' ')[0]).toBe(stored.sha256);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { files: { path: string; mime: string }[] };
    expect(manifest.files.find((entry) => entry.path === webm)?.mime).toBe('video/webm');
    expect(readFileSync(path.join(dir, 'report.html'), 'utf8')).toContain(`<a href="${webm}"`);
  });
});
