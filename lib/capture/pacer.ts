/**
 * Chrome allows two captureVisibleTab calls per second (MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND) and rejects,
 * not queues, the ones over. The pacer spaces calls so a call never falls within one second of the call before
 * the previous one, and retries with backoff when the browser still refuses (quota, readback failures).
 * The quota is per extension, not per capture: every capture shares `capturePacer`, and callers take turns (two
 * captures in two windows never put three calls in one second).
 */

export interface PacerClock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realClock: PacerClock = {
  now: () => performance.now(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const timer = setTimeout(resolve, Math.max(0, ms));
      signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        reject(signal.reason);
      }, { once: true });
    }),
};

/** Errors worth another try after a pause: the quota, and transient compositor failures. */
export function isRetryableCaptureError(error: unknown): boolean {
  const message = String((error as { message?: unknown })?.message ?? error);
  return /MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND|readback failed|Failed to capture tab: unknown error/i.test(message);
}

export class CapturePacer {
  #calls: number[] = [];
  /** Callers take turns: each one's wait is measured after the call before it was counted. */
  #queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly callsPerWindow = 2,
    private readonly windowMs = 1000,
    /** Margin for timer jitter and the browser's own clock. */
    private readonly marginMs = 25,
    private readonly clock: PacerClock = realClock,
  ) {}

  /** How long to wait before the next call may go out. */
  delayBeforeNextCall(): number {
    if (this.#calls.length < this.callsPerWindow) return 0;
    const oldest = this.#calls[this.#calls.length - this.callsPerWindow]!;
    return Math.max(0, oldest + this.windowMs + this.marginMs - this.clock.now());
  }

  async call<T>(capture: () => Promise<T>, signal?: AbortSignal, maxAttempts = 6): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      await this.#takeTurn(signal);
      try {
        return await capture();
      } catch (error) {
        if (attempt >= maxAttempts || !isRetryableCaptureError(error)) throw error;
        // Back off a little more each time: another extension may be using the same quota.
        await this.clock.sleep(250 * attempt, signal);
      }
    }
  }

  /** Waits until a call may go out and counts it; an aborted wait gives the turn to the next caller at once. */
  #takeTurn(signal?: AbortSignal): Promise<void> {
    const turn = this.#queue.then(async () => {
      await this.clock.sleep(this.delayBeforeNextCall(), signal);
      this.#calls.push(this.clock.now());
      if (this.#calls.length > this.callsPerWindow) this.#calls.shift();
    });
    this.#queue = turn.catch(() => undefined);
    return turn;
  }
}

/** The one pacer of the extension: Chrome's quota counts every capture call of the extension together. */
export const capturePacer = new CapturePacer();
