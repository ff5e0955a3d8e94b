/**
 * Offscreen side (Chrome): the frames of a tab stream's video track, read as they arrive (MediaStreamTrackProcessor,
 * which needs no rendering: the offscreen document is never painted, so requestVideoFrameCallback would not run).
 * Only the newest frame is kept. A grab takes a frame captured after the moment the caller names (freshness.ts).
 * Chrome captures a tab only when its picture changes, so a settled page sends nothing new: a grab then asks for a
 * fresh copy of the tab's current picture by giving the track a new reader (Chrome refreshes a stream for each
 * reader that joins it), again every REFRESH_EVERY_MS until FRAME_WAIT_MS.
 *
 * Those readers stay until the stream closes. Taking one away (cancelling it, or stopping its track) drops the
 * frame it had queued without closing it, and that frame keeps one of Chrome's few capture buffers until garbage
 * collection: after about a dozen screens the capturer had no buffer left and sent nothing for seconds (the
 * "stall" of the fast method, gone once readers were kept: long page of capture-tab-stream.e2e.ts).
 */
import { FRAME_WAIT_MS, FrameClock, isFreshFrame, REFRESH_EVERY_MS, type FrameTiming } from './freshness';
import type { TabStreamPixels } from './types';

interface TrackProcessor {
  readable: ReadableStream<VideoFrame>;
}
declare const MediaStreamTrackProcessor: { new (init: { track: MediaStreamTrack; maxBufferSize?: number }): TrackProcessor };

/** Readers kept for refreshes (see #askForRefresh): a 60-screen capture asks for fewer than this. */
const MAX_REFRESH_READERS = 128;

const epochNow = () => performance.timeOrigin + performance.now();

export class FrameSource {
  #latest: { frame: VideoFrame; timing: FrameTiming } | null = null;
  #waiters = new Set<() => void>();
  #reader: ReadableStreamDefaultReader<VideoFrame>;
  #clock = new FrameClock();
  #ended = false;
  #frames = 0;
  /** The tracks of the readers that asked for a refresh (clones of `track`). */
  #refreshReaders: MediaStreamTrack[] = [];

  constructor(private readonly track: MediaStreamTrack) {
    this.#reader = readerOf(track);
    void this.#read(this.#reader).then(() => {
      this.#ended = true;
      this.#wake();
    });
  }

  /**
   * The first frame captured after `after` (epoch ms), as the caller's own copy (close it when done: Chrome's
   * capturer has a small pool of frame buffers); rejects after FRAME_WAIT_MS.
   */
  async grab(after: number): Promise<{ frame: VideoFrame; timing: FrameTiming }> {
    const { frame, timing } = await this.#freshFrame(after);
    return { frame: frame.clone(), timing };
  }

  close(): void {
    this.#ended = true;
    void this.#reader.cancel().catch(() => undefined);
    for (const clone of this.#refreshReaders.splice(0)) clone.stop();
    this.#latest?.frame.close();
    this.#latest = null;
    this.#wake();
  }

  async #freshFrame(after: number): Promise<{ frame: VideoFrame; timing: FrameTiming }> {
    const deadline = performance.now() + FRAME_WAIT_MS;
    for (;;) {
      if (this.#ended) throw new Error('The tab stream ended');
      const latest = this.#latest;
      if (latest && isFreshFrame(latest.timing, after)) return latest;
      const left = deadline - performance.now();
      if (left <= 0) throw new Error(`No frame of the tab captured after the page settled within ${FRAME_WAIT_MS} ms (${describeLatest(latest?.timing, after)}; ${this.#frames} frames so far, track ${this.track.readyState}${this.track.muted ? ', muted' : ''})`);
      this.#askForRefresh();
      await this.#nextFrame(Math.min(left, REFRESH_EVERY_MS));
    }
  }

  /**
   * A reader joining the track makes Chrome capture the tab's current picture. Its frames are taken too (the first
   * track may drop a frame that follows the one before too closely: its frame-rate adapter). It stays until the
   * stream closes (see above); past MAX_REFRESH_READERS the oldest goes, at the risk of one buffer held until
   * garbage collection, so that a very long capture does not hand every frame to hundreds of readers.
   */
  #askForRefresh(): void {
    const clone = this.track.clone();
    this.#refreshReaders.push(clone);
    void this.#read(readerOf(clone));
    if (this.#refreshReaders.length > MAX_REFRESH_READERS) this.#refreshReaders.shift()?.stop();
  }

  #nextFrame(timeoutMs: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.#waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.#waiters.add(done);
    });
  }

  /** Keeps the newest frame a reader gives (by capture time: two readers may deliver out of order). */
  async #read(reader: ReadableStreamDefaultReader<VideoFrame>): Promise<void> {
    try {
      for (;;) {
        const { value: frame, done } = await reader.read();
        if (done || !frame) break;
        this.#frames += 1;
        const timing = this.#clock.observe(frame.timestamp, epochNow());
        if (this.#ended || (this.#latest && this.#latest.timing.timestampUs >= timing.timestampUs)) {
          frame.close();
          continue;
        }
        this.#latest?.frame.close();
        this.#latest = { frame, timing };
        this.#wake();
      }
    } catch {
      // The track ended or the reader was cancelled.
    }
  }

  #wake(): void {
    for (const waiter of [...this.#waiters]) waiter();
  }
}

function readerOf(track: MediaStreamTrack): ReadableStreamDefaultReader<VideoFrame> {
  return new MediaStreamTrackProcessor({ track, maxBufferSize: 1 }).readable.getReader();
}

function describeLatest(timing: FrameTiming | undefined, after: number): string {
  if (!timing) return 'no frame came at all';
  return `newest frame captured ${(timing.capturedAt - after).toFixed(1)} ms after the page settled`;
}

/** A grabbed frame as the background receives it: a PNG data: URL (runtime messages carry JSON only). Closes `frame`. */
export async function encodePixels(frame: VideoFrame): Promise<TabStreamPixels> {
  const started = performance.now();
  const canvas = new OffscreenCanvas(frame.displayWidth, frame.displayHeight);
  try {
    canvas.getContext('2d')!.drawImage(frame, 0, 0);
  } finally {
    frame.close();
  }
  const drawn = performance.now();
  const blob = await canvas.convertToBlob({ type: 'image/png' });
  const encoded = performance.now();
  const dataUrl = await asDataUrl(blob);
  const spent = { 'offscreen draw': drawn - started, 'offscreen PNG encode': encoded - drawn, 'offscreen data URL': performance.now() - encoded };
  return { dataUrl, spent };
}

function asDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}
