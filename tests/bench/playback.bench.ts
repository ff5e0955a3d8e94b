/**
 * Playback of an encrypted recording in the manager (printed, never asserted; `npm run bench -- playback`, after
 * `npm run build`). A real WebM (ffmpeg: 1280x720, 30 fps, noisy so that it is large; PLAYBACK_SECONDS, default
 * 20 s, about 60 MB) is stored with a passphrase set through the real recording writer (sealed 1 MiB chunks); the
 * manager is unlocked with the passphrase and the recording played past the content warning. The manager page's
 * JS heap with ArrayBuffer contents (CDP Runtime.getHeapUsage: usedSize + backingStorageSize) is read before (after a GC), sampled every 20 ms while the player loads
 * (decrypting chunk by chunk into a Blob) and plays 5 s, and read after closing the player (after a GC).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchChromium } from '../e2e/support/chromium';
import { startFixtureServer } from '../e2e/support/server';
import { bundlePageScript, managerWithScript } from './support/bundle-page-script';

const PASS = 'a passphrase for the playback bench';
const SECONDS = Number(process.env.PLAYBACK_SECONDS ?? 20);
const PIECE = 2 << 20;
const MB = 1 << 20;

type Playback = { begin(pass: string): Promise<void>; append(base64: string): Promise<void>; end(ms: number): Promise<{ size: number }> };

function testVideo(): string {
  const file = path.join(os.tmpdir(), `cr-playback-${SECONDS}s.webm`);
  if (!existsSync(file)) {
    const started = performance.now();
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=30', '-t', String(SECONDS), '-vf', 'noise=alls=30:allf=t', '-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '24M', '-minrate', '24M', '-maxrate', '24M', '-bufsize', '4M', file]);
    console.log(`made ${file} with ffmpeg in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  return file;
}

const video = readFileSync(testVideo());
const code = await bundlePageScript('tests/bench/support/playback-seed.ts', 'CrPlayback');
const server = await startFixtureServer();
const browser = await launchChromium({ httpsPort: server.httpsPort });
try {
  const seeding = await managerWithScript(browser, code);
  const storing = performance.now();
  await seeding.evaluate((pass) => (globalThis as unknown as { CrPlayback: Playback }).CrPlayback.begin(pass), PASS);
  for (let offset = 0; offset < video.length; offset += PIECE) {
    const piece = video.subarray(offset, offset + PIECE).toString('base64');
    await seeding.evaluate((base64) => (globalThis as unknown as { CrPlayback: Playback }).CrPlayback.append(base64), piece);
  }
  const { size } = await seeding.evaluate((ms) => (globalThis as unknown as { CrPlayback: Playback }).CrPlayback.end(ms), SECONDS * 1000);
  console.log(`stored ${(size / MB).toFixed(1)} MB sealed in 1 MiB chunks in ${((performance.now() - storing) / 1000).toFixed(1)} s`);
  await seeding.close();

  const manager = await browser.context.newPage();
  await manager.goto(`chrome-extension://${browser.extensionId}/manager.html`);
  await manager.fill('[data-testid="unlock-passphrase"]', PASS);
  await manager.click('[data-testid="unlock-submit"]');
  await manager.waitForSelector('[data-testid="recording-info"]', { timeout: 120_000 });
  const cdp = await browser.context.newCDPSession(manager);
  const heapMb = async (collect: boolean) => {
    if (collect) await cdp.send('HeapProfiler.collectGarbage');
    // usedSize: JS objects; backingStorageSize: ArrayBuffer contents (decrypted chunks live there until in a Blob).
    const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; backingStorageSize?: number };
    return (usage.usedSize + (usage.backingStorageSize ?? 0)) / MB;
  };

  const before = await heapMb(true);
  let peak = before;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peak = Math.max(peak, await heapMb(false));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  const started = performance.now();
  await manager.getByRole('button', { name: 'Play the recording' }).click();
  await manager.getByRole('button', { name: 'Play it' }).click();
  await manager.waitForSelector('[data-testid="recording-video"]', { timeout: 300_000 });
  const readyMs = performance.now() - started;
  await manager.evaluate(() => {
    const player = document.querySelector<HTMLVideoElement>('[data-testid="recording-video"]')!;
    player.muted = true;
    return player.play();
  });
  const playedTo = Math.min(5, SECONDS - 1);
  await manager.waitForFunction((to) => document.querySelector<HTMLVideoElement>('[data-testid="recording-video"]')!.currentTime >= to, playedTo, { timeout: 120_000 });
  sampling = false;
  await sampler;
  const during = await heapMb(false);
  // What is still held while playing, once garbage (decrypted chunks already handed to the Blob) is collected.
  const duringLive = await heapMb(true);
  await manager.getByRole('button', { name: 'Close the player' }).click();
  const after = await heapMb(true);

  const sizeMb = size / MB;
  console.log(`recording ${sizeMb.toFixed(1)} MB; player ready (all chunks decrypted into a Blob) in ${(readyMs / 1000).toFixed(1)} s; played ${playedTo} s`);
  console.log(`manager JS heap: before ${before.toFixed(1)} MB, peak while loading and playing ${peak.toFixed(1)} MB (+${(peak - before).toFixed(1)}), at ${playedTo} s of playback ${during.toFixed(1)} MB (${duringLive.toFixed(1)} MB after a GC: live), after closing ${after.toFixed(1)} MB`);
  console.log(`peak increase / file size: ${((peak - before) / sizeMb).toFixed(3)}; aim: under 2 x chunk (2 MB) + a fixed margin`);
} finally {
  await browser.close();
  await server.close();
}
