/**
 * When a frame of the tab stream may be used as a screen of a capture: only if it was captured after the page
 * settled at its new scroll position (a frame from before would show the previous screen, or a bar not yet hidden).
 *
 * Times are epoch milliseconds (performance.timeOrigin + performance.now()) so that the page's clock and the
 * offscreen document's agree. Chrome stamps each frame with its capture time on its own monotonic clock
 * (VideoFrame.timestamp); the offscreen document maps that clock onto the epoch clock with the smallest
 * "received minus stamped" seen so far: that estimate is never earlier than the true capture time by more than
 * the fastest delivery, a few milliseconds, well inside the frame that separates a settled page from its change
 * (the page says it settled a frame after its last change was painted).
 */

export interface FrameTiming {
  /** When Chrome captured the frame, on the epoch-ms clock (estimated as above). */
  capturedAt: number;
  /** When the offscreen document received it. */
  receivedAt: number;
  /** The frame's own timestamp (microseconds on Chrome's monotonic clock). */
  timestampUs: number;
}

/** How long a grab waits for a fresh frame before the stream counts as failed. */
export const FRAME_WAIT_MS = 2000;
/** Chrome sends frames only when the tab's picture changes: ask again for a fresh copy this often while waiting. */
export const REFRESH_EVERY_MS = 250;

export function isFreshFrame(timing: Pick<FrameTiming, 'capturedAt'>, settledAt: number): boolean {
  return timing.capturedAt > settledAt;
}

/** Maps frame timestamps onto the epoch-ms clock (see above). */
export class FrameClock {
  #offset = Number.POSITIVE_INFINITY;

  /** The timing of a frame stamped `timestampUs`, received at `receivedAt` (epoch ms). */
  observe(timestampUs: number, receivedAt: number): FrameTiming {
    const stampedMs = timestampUs / 1000;
    this.#offset = Math.min(this.#offset, receivedAt - stampedMs);
    return { capturedAt: stampedMs + this.#offset, receivedAt, timestampUs };
  }
}
