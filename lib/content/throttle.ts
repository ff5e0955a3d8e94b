/**
 * Runs a task at most once per `intervalMs`, when the main thread is idle, however often it is asked for.
 * The content script asks on every DOM mutation batch of a busy chat page; the extraction then runs a few times
 * a second at most, never in the middle of the page's own rendering work.
 */
export interface ThrottleTimers {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Runs `run` when idle (or after `timeoutMs` at the latest). */
  whenIdle(run: () => void, timeoutMs: number): void;
}

export const browserTimers: ThrottleTimers = {
  now: () => performance.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  whenIdle: (run, timeoutMs) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: timeoutMs });
    else setTimeout(run, 0);
  },
};

export interface Throttled {
  /** Ask for a run; returns at once. */
  request(): void;
  cancel(): void;
}

export function throttleIdle(task: () => void, intervalMs: number, timers: ThrottleTimers = browserTimers): Throttled {
  let lastRun = Number.NEGATIVE_INFINITY;
  let pending = false;
  let timer: unknown = null;
  let cancelled = false;

  const run = () => {
    if (cancelled) return;
    pending = false;
    lastRun = timers.now();
    task();
  };

  return {
    request() {
      if (pending || cancelled) return;
      pending = true;
      const wait = Math.max(0, lastRun + intervalMs - timers.now());
      timer = timers.setTimeout(() => {
        timer = null;
        timers.whenIdle(run, intervalMs);
      }, wait);
    },
    cancel() {
      cancelled = true;
      if (timer !== null) timers.clearTimeout(timer);
    },
  };
}
