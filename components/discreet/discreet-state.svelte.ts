/**
 * Discreet mode as a page shows it (the settings, the welcome): on or off, and what became of the history. Follows
 * the setting when another page changes it.
 */
import {
  askAgainForHistory,
  historyState,
  switchDiscreetOff,
  switchDiscreetOn,
  type HistoryOutcome,
} from '../../lib/browser/discreet-setting';
import { loadSettings, settingsItem } from '../../lib/browser/settings';
import { normalizeSettings } from '../../lib/settings';

export class DiscreetState {
  on = $state(false);
  /** Null while off, or not known yet. */
  history = $state<HistoryOutcome | null>(null);
  busy = $state(false);

  /** Reads the setting and follows it; returns the function that stops following. */
  follow(): () => void {
    void loadSettings()
      .then((settings) => this.#show(settings.discreetMode))
      .catch(() => undefined);
    return settingsItem.watch((stored) => {
      const on = normalizeSettings(stored).discreetMode;
      if (on !== this.on && !this.busy) void this.#show(on);
    });
  }

  /** From the person's click: the browser's permission prompt must be asked for before any other await. */
  switchOn(): Promise<void> {
    return this.#run(switchDiscreetOn(), true);
  }

  askAgain(): Promise<void> {
    return this.#run(askAgainForHistory(), true);
  }

  switchOff(): Promise<void> {
    return this.#run(switchDiscreetOff().then(() => null), false);
  }

  async #run(work: Promise<HistoryOutcome | null>, on: boolean): Promise<void> {
    this.busy = true;
    this.on = on;
    try {
      this.history = await work;
    } finally {
      this.busy = false;
    }
  }

  async #show(on: boolean): Promise<void> {
    this.on = on;
    this.history = on ? { kind: await historyState() } : null;
  }
}
