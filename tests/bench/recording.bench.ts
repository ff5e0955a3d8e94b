/**
 * Recording a tab (printed, never asserted):  npm run build && npm run bench -- recording
 * - Chromium (tab stream, offscreen document): the whole browser's CPU (every process of its profile, from
 *   /proc) while the fixture animation plays for 10 s without and then with a recording, and the recording's bytes
 *   per second;
 * - Firefox (frames of the tab with captureTab): the steady frame rate it measured and recorded, the frames that
 *   made it into the video, and how many of them are new pictures (the fixture's counter changes every 0.1 s).
 */
import { readdirSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch } from '../e2e/support/browsers';
import type { BrowserName, DrivenPage, ExtensionBrowser } from '../e2e/support/driver';
import { until } from '../e2e/support/driver';
import { storedCaptures } from '../e2e/support/evidence';
import { startFixtureServer } from '../e2e/support/server';
import { bandHeight, probeVideo, sampleFrames, storedVideoBytes } from '../e2e/support/video';

const SECONDS = 10;
/** Linux counts CPU time in ticks of 1/100 s (USER_HZ). */
const TICKS_PER_SECOND = 100;

/** CPU seconds used so far by every process whose command line names `profile`, and their descendants. */
function cpuSeconds(profile: string): number {
  const stats = new Map<number, { ppid: number; ticks: number; cmd: string }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      stats.set(+entry, { ppid: +fields[1]!, ticks: +fields[11]! + +fields[12]!, cmd });
    } catch {
      // The process ended meanwhile.
    }
  }
  const ours = new Set([...stats].filter(([, stat]) => stat.cmd.includes(profile)).map(([pid]) => pid));
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, stat] of stats) if (!ours.has(pid) && ours.has(stat.ppid)) grew = ours.add(pid).size > 0;
  }
  return [...ours].reduce((sum, pid) => sum + stats.get(pid)!.ticks, 0) / TICKS_PER_SECOND;
}

/** Frames whose page picture (below the band) differs from the frame before: new pictures of the tab, not repeats. */
function freshFrames(video: Buffer): number {
  let fresh = 0;
  let previous: Buffer | null = null;
  for (const frame of sampleFrames(video, null)) {
    const top = (bandHeight(frame) ?? 0) * frame.width * 4;
    const page = frame.data.subarray(top);
    if (!previous || page.some((value, i) => Math.abs(value - previous![i]!) > 24)) fresh += 1;
    previous = Buffer.from(page);
  }
  return fresh;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function record(browser: ExtensionBrowser, popup: DrivenPage): Promise<{ id: string; wall: number }> {
  const started = Date.now();
  await popup.evaluate(() => Array.from(document.querySelectorAll('button')).find((b) => b.textContent?.trim() === 'Record this tab')!.click(), null);
  await popup.waitFor(() => document.querySelector('[data-testid="recording-progress"]'), null);
  await wait(SECONDS * 1000);
  await popup.evaluate(() => Array.from(document.querySelectorAll('button')).find((b) => b.textContent?.trim() === 'Stop recording')!.click(), null);
  const id = await popup.waitFor(() => document.querySelector('[data-testid="recording-result"]')?.getAttribute('data-capture-id'), null, 60_000);
  return { id, wall: (Date.now() - started) / 1000 };
}

async function run(name: BrowserName): Promise<void> {
  const server = await startFixtureServer();
  server.routes.unshift({ host: /^example\.org$/, path: /^\/animation/, file: 'recording-animation.html' });
  const profileDir = mkdtempSync(path.join(os.tmpdir(), `bench-rec-${name}-`));
  const browser = await launch(name, server, { profileDir });
  try {
    const { tabId } = await browser.openTab('https://example.org/animation');
    const popup = await browser.openExtensionPage(`popup.html?tabId=${tabId}`);
    await wait(2000);
    const idleStart = cpuSeconds(profileDir);
    await wait(SECONDS * 1000);
    const idle = (cpuSeconds(profileDir) - idleStart) / SECONDS;
    const busyStart = cpuSeconds(profileDir);
    const { id, wall } = await record(browser, popup);
    const busy = (cpuSeconds(profileDir) - busyStart) / wall;
    const capture = await until(async () => (await storedCaptures(browser)).find((each) => each.id === id), 'the recording');
    const video = await storedVideoBytes(browser, capture.files.find((file) => file.role === 'video')!.id);
    const facts = probeVideo(video);
    const seconds = capture.recording!.durationMs! / 1000;
    const fresh = freshFrames(video);
    console.log(
      `${name}: ${seconds.toFixed(1)} s recorded (${capture.recording!.method}, ${capture.recording!.mimeType}, audio ${capture.recording!.audio}), ` +
        `${facts.width}x${facts.height}, ${facts.frames} frames = ${(facts.frames / facts.durationSeconds).toFixed(2)} frames/s in the video, ` +
        `${(fresh / facts.durationSeconds).toFixed(2)} new pictures/s, ` +
        `recorded rate ${capture.recording!.frameRate ?? 'n/a'}; ${(video.length / seconds / 1024).toFixed(0)} KB/s; ` +
        `browser CPU ${(idle * 100).toFixed(0)}% of a core playing the page, ${(busy * 100).toFixed(0)}% while recording it`,
    );
  } finally {
    await browser.close();
    await server.close();
    rmSync(profileDir, { recursive: true, force: true });
  }
}

for (const name of ['firefox', 'chromium'] as const) await run(name);
