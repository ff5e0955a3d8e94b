/**
 * The background's captures, one per tab: a popup reopened during a capture finds it again (progress, then the
 * result), a second capture of a busy tab is refused, and quick exit stops them all. Recordings of tabs
 * (lib/capture/recording/session.ts) are kept in a registry of their own, by the same rules.
 */
import type { CaptureErrorCode } from './status';

export interface RegisteredCapture {
  /** 'running' and 'unsaved' need the person; anything else is a result. */
  readonly status: { readonly state: string };
  cancel(code?: CaptureErrorCode): void;
}

/** How long a finished capture's result stays to be shown to a popup opened again. */
const KEEP_RESULT_MS = 10 * 60_000;

export class CaptureRegistry<C extends RegisteredCapture> {
  #byTab = new Map<number, { capture: C; endedAt: number | null }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Running, or finished and not saved yet: the tab's capture still needs the person. */
  isBusy(tabId: number): boolean {
    const state = this.#byTab.get(tabId)?.capture.status.state;
    return state === 'running' || state === 'unsaved';
  }

  /** The capture a popup of this tab should show, if any (a finished one for a while only). */
  get(tabId: number): C | null {
    const entry = this.#byTab.get(tabId);
    if (!entry) return null;
    const { state } = entry.capture.status;
    if (state === 'running' || state === 'unsaved') {
      entry.endedAt = null;
      return entry.capture;
    }
    entry.endedAt ??= this.now();
    if (this.now() - entry.endedAt > KEEP_RESULT_MS) {
      this.#byTab.delete(tabId);
      return null;
    }
    return entry.capture;
  }

  /** Registers a new capture of the tab; false (nothing changed) when the tab is busy. */
  add(tabId: number, capture: C): boolean {
    if (this.isBusy(tabId)) return false;
    this.#byTab.set(tabId, { capture, endedAt: null });
    return true;
  }

  /** Quick exit: every running capture stops and every unsaved one is dropped; nothing is stored. */
  cancelAll(code: CaptureErrorCode): void {
    for (const { capture } of this.#byTab.values()) capture.cancel(code);
    this.#byTab.clear();
  }

  /** A closed tab's finished capture has no popup left to be shown in (an unsaved one stays to be saved). */
  forget(tabId: number): void {
    if (!this.isBusy(tabId)) this.#byTab.delete(tabId);
  }
}
