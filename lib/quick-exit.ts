/**
 * Quick exit, as on GOV.UK's "Exit this page": a button, or pressing Shift three times. Detection is pure so it can
 * be tested without a browser.
 */

/** Three presses of Shift, each within this many ms of the previous one. */
export const SHIFT_PRESS_WINDOW_MS = 1000;

export class ShiftTripleDetector {
  #presses: number[] = [];

  /** Feed every keydown; returns true on the third quick Shift press. Held keys (auto-repeat) do not count. */
  keydown(key: string, repeat: boolean, now: number): boolean {
    if (key !== 'Shift') {
      this.#presses = [];
      return false;
    }
    if (repeat) return false;
    const last = this.#presses.at(-1);
    if (last !== undefined && now - last > SHIFT_PRESS_WINDOW_MS) this.#presses = [];
    this.#presses.push(now);
    if (this.#presses.length >= 3) {
      this.#presses = [];
      return true;
    }
    return false;
  }
}

/** Where the tab goes on quick exit unless the person chose another page: a neutral, everyday site. */
export const DEFAULT_NEUTRAL_URL = 'https://www.meteo.be/';

/** Only ordinary web addresses may be the neutral page (never a script or data URL). */
export function safeNeutralUrl(value: unknown): string {
  if (typeof value !== 'string') return DEFAULT_NEUTRAL_URL;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : DEFAULT_NEUTRAL_URL;
  } catch {
    return DEFAULT_NEUTRAL_URL;
  }
}
