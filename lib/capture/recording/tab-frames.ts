/**
 * Firefox's recorder (Firefox has no tabCapture): frames of the tab taken with tabs.captureTab (no quota in
 * Firefox), drawn under the band into a canvas whose stream MediaRecorder records. The video has a steady frame
 * rate: before recording, a few frames are taken to measure how long one takes, and the rate is set so that a new
 * frame is ready for (almost) every tick; each tick draws the newest frame and the band with the running time.
 * Runs in the background page (MV2, it has a DOM). Picture only: no sound.
 */
import { BandedCanvas } from './banded-canvas';
import { ChunkRecorder } from './chunk-recorder';
import type { RecorderHandle, RecorderOptions, RecorderResult } from './driver';

/** Frames taken to measure the rate before recording. */
const PROBE_FRAMES = 4;
/** The rate stays between 1 and 10 frames per second. */
const MIN_INTERVAL_MS = 100;
const MAX_INTERVAL_MS = 1000;
/** Several failed frames in a row: the tab cannot be drawn any more. */
const MAX_FAILED_GRABS = 5;

export interface FrameGrabber {
  grab(): Promise<ImageBitmap>;
}

/** The interval between frames for grabs that take `meanGrabMs`: a margin of 25%, in steps of 10 ms, clamped. */
export function frameIntervalMs(meanGrabMs: number): number {
  const withMargin = Math.ceil((meanGrabMs * 1.25) / 10) * 10;
  return Math.min(MAX_INTERVAL_MS, Math.max(MIN_INTERVAL_MS, withMargin));
}

/** What a frame recording measured: for the capture record (rate) and the benchmark (fresh frames). */
export interface FrameStats {
  frameRate: number;
  ticks: number;
  freshFrames: number;
  meanGrabMs: number;
}

export async function startFrameRecorder(options: RecorderOptions, grabber: FrameGrabber): Promise<RecorderHandle & { stats(): FrameStats }> {
  let latest = await grabber.grab();
  let grabMs = 0;
  for (let probe = 0; probe < PROBE_FRAMES; probe += 1) {
    const started = performance.now();
    const frame = await grabber.grab();
    grabMs += performance.now() - started;
    latest.close();
    latest = frame;
  }
  const meanGrabMs = grabMs / PROBE_FRAMES;
  const intervalMs = frameIntervalMs(meanGrabMs);
  const banded = new BandedCanvas(options.stampLines, latest.width, latest.height);
  const { track, requestFrame } = banded.captureStream();
  let failed = false;
  const fail = (detail: string) => {
    if (failed) return;
    failed = true;
    options.onEnded('failed', detail);
  };
  const recorder = new ChunkRecorder(new MediaStream([track]), false, options.onChunk, fail);
  let ticks = 0;
  let freshFrames = 0;
  let fresh = true;
  let running = true;
  const draw = () => {
    banded.drawFrame(latest, latest.width, latest.height, recorder.durationMs);
    requestFrame();
  };

  // Frames are taken one after the other, as fast as they come; the ticks draw the newest at the steady rate.
  const grabbing = (async () => {
    let failures = 0;
    while (running) {
      try {
        const frame = await grabber.grab();
        if (!running) return frame.close();
        latest.close();
        latest = frame;
        fresh = true;
        failures = 0;
      } catch (error) {
        if (!running) return;
        if (++failures >= MAX_FAILED_GRABS) return fail(`captureTab: ${String(error)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, intervalMs - meanGrabMs * 1.1)));
    }
  })();

  recorder.start();
  // The first frame right after the start: the recorder counts time from its first frame.
  draw();
  const origin = performance.now();
  let timer: ReturnType<typeof setTimeout>;
  const tick = () => {
    if (!running) return;
    ticks += 1;
    if (fresh) freshFrames += 1;
    fresh = false;
    draw();
    // Fixed deadlines, not fixed delays: a late tick does not shift the ones after it.
    timer = setTimeout(tick, Math.max(0, origin + (ticks + 1) * intervalMs - performance.now()));
  };
  timer = setTimeout(tick, intervalMs);

  let result: Promise<RecorderResult> | null = null;
  const frameRate = Math.round((1000 / intervalMs) * 100) / 100;
  return {
    mimeType: recorder.mimeType,
    method: 'tab-frames',
    audio: false,
    frameRate,
    stats: () => ({ frameRate, ticks, freshFrames, meanGrabMs }),
    stop: () =>
      (result ??= (async () => {
        running = false;
        clearTimeout(timer);
        draw();
        await recorder.stop();
        await grabbing;
        const poster = await banded.poster();
        latest.close();
        track.stop();
        return { durationMs: recorder.durationMs, poster, width: banded.width, height: banded.height };
      })()),
  };
}
