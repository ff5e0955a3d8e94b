/**
 * With a passphrase set, a recording stopped by the lock ("Lock now") and one stopped by quick exit each end as one
 * whole recording, sealed at rest (the writer keeps the key it started with until the recording is finished),
 * never lost: after unlocking, the manager exports both, `sha256sum -c` passes, each recording.webm hashes to its
 * stored SHA-256 and decodes with ffprobe, and each says why it ended. Chromium: Firefox's quick exit closes the
 * only pages the test can reach the extension through (see passphrase.e2e.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { CaptureRecord } from '../../lib/evidence/types';
import { useExtensionBrowser } from './support/browsers';
import { clickButton, until, type ExtensionBrowser } from './support/driver';
import { exportFromManager, UNENCRYPTED, storedCaptures, updateSettings } from './support/evidence';
import { setPassphrase, unlockWith, waitForUnlockForm } from './support/passphrase';
import { pendingRecordings, probeVideo } from './support/video';

const PASS = 'a long passphrase for the recordings';
const NEUTRAL = 'https://example.org/neutral-weather';

async function startRecording(browser: ExtensionBrowser) {
  const tab = await browser.openTab('https://example.org/animation');
  const popup = await browser.openExtensionPage(`popup.html?tabId=${tab.tabId}`);
  await clickButton(popup, 'Record this tab');
  await popup.waitFor(() => /0:00:0[2-9]/.test(document.querySelector('[data-testid="recording-progress"]')?.textContent ?? '') || null, null, 60_000);
  return { ...tab, popup };
}

/** `count` captures stored (sealed: raw records only say `$sealed`) and no recording left half-written. */
async function settled(browser: ExtensionBrowser, count: number): Promise<CaptureRecord[]> {
  return until(async () => {
    const captures = await storedCaptures(browser);
    const { pending } = await pendingRecordings(browser);
    return captures.length === count && pending === 0 ? captures : undefined;
  }, `${count} recordings stored whole`);
}

describe('recordings stopped by a lock or quick exit with a passphrase set (chromium)', () => {
  const { browser } = useExtensionBrowser('chromium', {
    routes: [{ host: /^example\.org$/, path: /^\/animation/, file: 'recording-animation.html' }],
  });

  it('each is one whole sealed recording, ended by "locked" / "quick-exit", exported and verified after unlocking', async () => {
    await updateSettings(browser(), { neutralUrl: NEUTRAL });
    const manager = await browser().openExtensionPage('manager.html');
    await setPassphrase(manager, PASS);

    await startRecording(browser());
    await manager.click('[data-testid="passphrase-lock-now"]');
    await waitForUnlockForm(manager);
    const afterLock = await settled(browser(), 1);

    await unlockWith(manager, PASS);
    await manager.waitFor(() => !document.querySelector('[data-testid="unlock-form"]') || null, null);
    const { popup, page } = await startRecording(browser());
    for (let i = 0; i < 3; i += 1) await popup.press('Shift');
    await until(async () => (await page.url()) === NEUTRAL, 'the neutral page');
    const stored = await settled(browser(), 2);
    for (const record of stored) expect(record).toHaveProperty('$sealed');
    expect(stored.map((record) => record.id)).toContain(afterLock[0]!.id);

    const again = await browser().openExtensionPage('manager.html');
    await unlockWith(again, PASS);
    const zip = (await exportFromManager(browser(), again, UNENCRYPTED, /^evidence-.*\.zip$/)).bytes;

    const dir = mkdtempSync(path.join(os.tmpdir(), 'cr-recording-lock-'));
    for (const [name, data] of Object.entries(unzipSync(zip))) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), data);
    }
    execFileSync('sha256sum', ['-c', '--strict', '--quiet', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8' });
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { captures: CaptureRecord[] };
    const recordings = manifest.captures.filter((capture) => capture.mode === 'video');
    expect(recordings.map((capture) => capture.recording?.endedBy).sort()).toEqual(['locked', 'quick-exit']);
    for (const capture of recordings) {
      expect(capture.recording?.partial).toBe(false);
      const video = capture.files.find((file) => file.role === 'video')!;
      const webm = path.join(dir, 'evidence', capture.id, 'recording.webm');
      expect(execFileSync('sha256sum', [webm], { encoding: 'utf8' }).split(' ')[0]).toBe(video.sha256);
      expect(probeVideo(readFileSync(webm)).frames).toBeGreaterThan(0);
    }
  });
});
