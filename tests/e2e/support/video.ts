/**
 * Reading a recorded WebM as an examiner would: ffprobe for its streams and frame times (MediaRecorder's WebM
 * often has no duration in its header, so the length is the last frame's time plus one frame), ffmpeg for frames
 * to look at. Debian's `ffmpeg` package gives both (tests/setup installs it).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { pixel, type Rgb } from './pixels';

export interface VideoFacts {
  codecs: string[];
  hasAudio: boolean;
  width: number;
  height: number;
  frames: number;
  /** Last frame's time plus the mean frame interval, in seconds. */
  durationSeconds: number;
}

export function probeVideo(bytes: Buffer): VideoFacts {
  const dir = mkdtempSync(path.join(tmpdir(), 'video-'));
  try {
    const file = path.join(dir, 'recording.webm');
    writeFileSync(file, bytes);
    const streams = JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-show_streams', '-of', 'json', file], { encoding: 'utf8' })) as {
      streams: Array<{ codec_type: string; codec_name: string; width?: number; height?: number }>;
    };
    const times = execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v', '-show_entries', 'frame=pts_time', '-of', 'csv=p=0', file], { encoding: 'utf8' })
      .split('\n')
      .map((line) => parseFloat(line))
      .filter((time) => Number.isFinite(time));
    const video = streams.streams.find((stream) => stream.codec_type === 'video')!;
    const first = times[0] ?? 0;
    const last = times[times.length - 1] ?? 0;
    const interval = times.length > 1 ? (last - first) / (times.length - 1) : 0;
    return {
      codecs: streams.streams.map((stream) => stream.codec_name),
      hasAudio: streams.streams.some((stream) => stream.codec_type === 'audio'),
      width: video.width ?? 0,
      height: video.height ?? 0,
      frames: times.length,
      durationSeconds: last + interval,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Frames sampled `perSecond` times a second, decoded; every frame as recorded when `perSecond` is null. */
export function sampleFrames(bytes: Buffer, perSecond: number | null): PNG[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'frames-'));
  try {
    const file = path.join(dir, 'recording.webm');
    writeFileSync(file, bytes);
    const select = perSecond === null ? ['-fps_mode', 'passthrough'] : ['-vf', `fps=${perSecond}`];
    execFileSync('ffmpeg', ['-v', 'error', '-i', file, ...select, path.join(dir, 'frame%05d.png')]);
    return readdirSync(dir)
      .filter((name) => name.endsWith('.png'))
      .sort()
      .map((name) => PNG.sync.read(readFileSync(path.join(dir, name))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const BAND_BACKGROUND: Rgb = [0xff, 0xf8, 0xe1];
const BAND_RULE: Rgb = [0x6b, 0x4e, 0x00];
const near = (a: Rgb, b: Rgb, tolerance: number) => a.every((channel, i) => Math.abs(channel - b[i]!) <= tolerance);

/** The mean colour of the right quarter of row `y` (where no band text reaches), smoothing the encoder's noise. */
function rowColour(frame: PNG, y: number): Rgb {
  const from = Math.floor(frame.width * 0.75);
  const sum = [0, 0, 0];
  for (let x = from; x < frame.width - 2; x += 1) {
    const [r, g, b] = pixel(frame, x, y);
    sum[0]! += r;
    sum[1]! += g;
    sum[2]! += b;
  }
  const count = frame.width - 2 - from;
  return sum.map((channel) => channel / count) as Rgb;
}

/**
 * Where the page's picture starts in a frame: below the evidence band (its background colour from the top) and its
 * dark bottom rule. Null when the frame has no band. Video compression blurs colours (most on a first frame), hence
 * the row means and the tolerance.
 */
export function bandHeight(frame: PNG): number | null {
  let y = 0;
  while (y < frame.height && near(rowColour(frame, y), BAND_BACKGROUND, 40)) y += 1;
  if (y < 20) return null;
  // The rule (dark brown, like no colour of the fixture's page), within a row or two of where the band fades.
  let below: number | null = null;
  for (let row = y - 1; row <= Math.min(frame.height - 1, y + 3); row += 1) if (near(rowColour(frame, row), BAND_RULE, 50)) below = row + 1;
  return below;
}

/** The palette entry nearest to the page's colour just below the band (middle column, above the counter). */
export function pageColour(frame: PNG, top: number, palette: Rgb[]): number {
  const seen = pixel(frame, Math.floor(frame.width / 2), top + 12);
  const distance = (colour: Rgb) => colour.reduce((sum, channel, i) => sum + Math.abs(channel - seen[i]!), 0);
  return palette.reduce((best, colour, index) => (distance(colour) < distance(palette[best]!) ? index : best), 0);
}

/**
 * A stored recording's video bytes, read raw from the extension's IndexedDB (no passphrase set): its chunks
 * (`chunks` store, key [fileId, index]) in order. Also says how many chunks are stored for unfinished recordings.
 */
export async function storedVideoBytes(browser: import('./driver').ExtensionBrowser, fileId: string): Promise<Buffer> {
  const base64 = await browser.evalInExtension(async (id: string) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('capture-and-report');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      const chunks = await new Promise<Array<{ data: Blob }>>((resolve, reject) => {
        const request = db.transaction('chunks').objectStore('chunks').getAll(IDBKeyRange.bound([id, 0], [id, Infinity]));
        request.onsuccess = () => resolve(request.result as Array<{ data: Blob }>);
        request.onerror = () => reject(request.error);
      });
      const bytes = new Uint8Array(await new Blob(chunks.map((chunk) => chunk.data)).arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(binary);
    } finally {
      db.close();
    }
  }, fileId);
  return Buffer.from(base64, 'base64');
}

/** Recordings being written (pending records) and chunks stored in all: "nothing half-done" means both settle. */
export async function pendingRecordings(browser: import('./driver').ExtensionBrowser): Promise<{ pending: number; chunks: number }> {
  return browser.evalInExtension(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('capture-and-report');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const count = (name: string) =>
      new Promise<number>((resolve, reject) => {
        if (!db.objectStoreNames.contains(name)) return resolve(0);
        const request = db.transaction(name).objectStore(name).count();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    try {
      return { pending: await count('recordings'), chunks: await count('chunks') };
    } finally {
      db.close();
    }
  }, null);
}
