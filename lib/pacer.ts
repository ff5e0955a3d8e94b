/**
 * Long work on the page (reading and hashing a bundle, decrypting it, the store hashing an import's files again)
 * in slices: the page answers its person between slices, however large the file (issue 24: the manager never
 * freezes for more than a tenth of a second). The same object carries the Cancel button's signal and reports
 * progress. On the ground floor (docs/architecture.md) so that the bundle and the store both use it.
 */

export interface WorkControl {
  /** Aborted when the person cancels: the work stops at its next slice with the signal's reason (an AbortError). */
  signal?: AbortSignal;
  /** Bytes done out of the total, called after each slice that made progress. */
  onProgress?: (done: number, total: number) => void;
}

/** How long a slice may run before the page gets its turn: well under the 100 ms a person notices. */
const SLICE_MS = 12;

export class Pacer {
  private sliceStart = performance.now();

  constructor(private readonly control: WorkControl = {}) {}

  /** Call between small units of work: yields to the event loop once the slice has run its time; throws if cancelled. */
  async breathe(): Promise<void> {
    this.control.signal?.throwIfAborted();
    if (performance.now() - this.sliceStart < SLICE_MS) return;
    await yieldToPage();
    this.sliceStart = performance.now();
    this.control.signal?.throwIfAborted();
  }

  progress(done: number, total: number): void {
    this.control.onProgress?.(done, total);
  }
}

/**
 * One turn of the event loop. A message, not setTimeout: a page in a background tab has its timers slowed to
 * one a second, which would make an import there last hours; messages are not slowed.
 */
function yieldToPage(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** True when `error` is the cancellation a WorkControl's signal makes. */
export function isCancelled(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
