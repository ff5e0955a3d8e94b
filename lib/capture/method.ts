/**
 * How the screens of a full-page capture are taken in Chromium: from the tab's own stream (`tab-stream`, no
 * quota, a video frame: visually the same as the exact render but not byte-exact) or one `captureVisibleTab` call
 * per screen (`visible-tab`, exact, at most 2 a second). Firefox draws the page with captureTab (`visible-tab`).
 * The stream is one more tile source of the same capture session; when it fails (not allowed, stream ended, no
 * fresh frame, wrong size) the rest of the screens are taken by the exact method, and the record says from which
 * screen and why.
 */
import type { PendingTileImage, TileImage } from './tab';
import type { CaptureMode } from '../evidence/types';
import type { PhaseTimes } from './phase-times';

export type CaptureMethod = 'tab-stream' | 'visible-tab';

/** The person's setting (lib/settings.ts): the faster stream where it is offered, or always the exact method. */
export type CaptureMethodSetting = 'fast' | 'exact';

export interface MethodOutcome {
  method: CaptureMethod;
  /** The stream failed: screens from `fromScreen` on were taken by captureVisibleTab. */
  fallback?: { reason: string; fromScreen: number };
}

/** The stream only for full pages in a browser that has it, unless the person chose the exact method. */
export function chooseCaptureMethod(options: { setting: CaptureMethodSetting; hasTabStream: boolean; mode: CaptureMode }): CaptureMethod {
  return options.setting === 'fast' && options.hasTabStream && options.mode === 'full' ? 'tab-stream' : 'visible-tab';
}

/** The tab's stream, as the session sees it (lib/capture/tab-stream/ behind the browser driver). */
export interface TileStream {
  /** A frame captured after `after` (epoch ms): never one from before the page settled. */
  grab(after: number): Promise<TileImage>;
  close(): Promise<void>;
}

/** One capture's use of the stream, and its fallback. */
export class TileMethod {
  #stream: TileStream | null = null;
  #fallback: MethodOutcome['fallback'] | null = null;
  #opening: Promise<void> = Promise.resolve();

  constructor(readonly requested: CaptureMethod) {}

  /** True when the stream is open and has not failed (waits for an opening under way). */
  async opened(): Promise<boolean> {
    await this.#opening;
    return this.#stream !== null;
  }

  get outcome(): MethodOutcome {
    return this.#fallback ? { method: this.requested, fallback: this.#fallback } : { method: this.requested };
  }

  /** Starts opening the stream (`open` null: this browser has none); never fails: a failure is a fallback. */
  begin(open: (() => Promise<TileStream>) | null, times?: PhaseTimes): void {
    if (this.requested !== 'tab-stream') return;
    const started = performance.now();
    this.#opening = this.#open(open).finally(() => times?.add('stream open', performance.now() - started));
  }

  async #open(open: (() => Promise<TileStream>) | null): Promise<void> {
    if (!open) return this.#fallBack('this browser has no tab stream', 1);
    try {
      this.#stream = await open();
    } catch (error) {
      await this.#fallBack(messageOf(error), 1);
    }
  }

  /**
   * Screen `screen` from the stream, captured after `after`, of exactly `size` device px; null when the exact
   * method must take it (the stream failed now or before).
   */
  async grab(screen: number, after: number, size: { width: number; height: number }): Promise<TileImage | null> {
    const stream = this.#stream;
    if (!stream) return null;
    try {
      const image = await stream.grab(after);
      if (Math.abs(image.width - size.width) > 1 || Math.abs(image.height - size.height) > 1) {
        image.close();
        throw new Error(`a frame of ${image.width}x${image.height} px, expected ${size.width}x${size.height}`);
      }
      return image;
    } catch (error) {
      await this.#fallBack(messageOf(error), screen);
      return null;
    }
  }

  /**
   * As `grab`, with the tab checked (`check` throws when it went wrong: that aborts the capture rather than falling
   * back) beside the request, since a frame is taken only after the tile settled anyway, and after it.
   */
  async grabChecked(screen: number, after: number, size: { width: number; height: number }, check: () => Promise<void>): Promise<TileImage | null> {
    if (!(await this.opened())) return null;
    const grabbing = this.grab(screen, after, size);
    try {
      await check();
    } catch (problem) {
      void grabbing.then((image) => image?.close());
      throw problem;
    }
    const image = await grabbing;
    try {
      await check();
    } catch (problem) {
      image?.close();
      throw problem;
    }
    return image;
  }

  /**
   * The pixels of screen `screen`, whose frame the stream gave; null when they never came (the offscreen document
   * went): the exact method then takes that screen again, and the rest.
   */
  async pixelsOf(image: PendingTileImage, screen: number): Promise<TileImage | null> {
    try {
      return await image.pixels();
    } catch (error) {
      image.close();
      await this.#fallBack(messageOf(error), screen);
      return null;
    }
  }

  /** Closes the stream, once it is open (an opening under way is waited for). */
  async close(): Promise<void> {
    await this.#opening;
    await this.#closeStream();
  }

  async #closeStream(): Promise<void> {
    const stream = this.#stream;
    this.#stream = null;
    await stream?.close().catch(() => undefined);
  }

  async #fallBack(reason: string, fromScreen: number): Promise<void> {
    this.#fallback ??= { reason, fromScreen };
    await this.#closeStream();
  }
}

/** A viewport of CSS px in device px: the size of captureVisibleTab's image, and of the stream's frames. */
export function devicePixels(viewport: { width: number; height: number }, devicePixelRatio: number): { width: number; height: number } {
  return { width: Math.round(viewport.width * devicePixelRatio), height: Math.round(viewport.height * devicePixelRatio) };
}

function messageOf(error: unknown): string {
  return String((error as { message?: unknown })?.message ?? error);
}
