/**
 * Switching discreet mode on and off from an extension page (the manager's settings, the welcome). On: the setting
 * is saved at once (every page, the toolbar button and the side panel take the neutral look), and in Chrome the
 * browser is asked for the `history` permission, then every visit of our pages is removed. Refused, the mode stays
 * on and the page says what stays. Off: the permission is given back.
 */
import {
  askHistoryPermission,
  giveBackHistoryPermission,
  HISTORY_KEEPS_OWN_PAGES,
  historyPermissionGranted,
  removeOwnVisits,
} from './own-history';
import { saveSettings } from './settings';

/**
 * What became of the history: `removed` just now (how many addresses of our pages), `allowed` (they are removed as
 * they come), `refused` (the browser did not allow it: the visits stay), or `not-kept` (this browser keeps no visit
 * of our pages: Firefox).
 */
export type HistoryOutcome = { kind: 'removed'; count: number } | { kind: 'allowed' | 'refused' | 'not-kept' };

/** Call straight from the click handler, before any other await (the browser asks for the permission then). */
export async function switchDiscreetOn(): Promise<HistoryOutcome> {
  const asked = askHistoryPermission();
  await saveSettings({ discreetMode: true });
  return cleanHistoryWhenAllowed(asked);
}

/** Discreet mode is on and the permission was refused before: ask again (from a click). */
export function askAgainForHistory(): Promise<HistoryOutcome> {
  return cleanHistoryWhenAllowed(askHistoryPermission());
}

export async function switchDiscreetOff(): Promise<void> {
  await saveSettings({ discreetMode: false });
  await giveBackHistoryPermission();
}

/** Where things stand with discreet mode on, for a page that shows it (without asking or removing anything). */
export async function historyState(): Promise<'allowed' | 'refused' | 'not-kept'> {
  if (!HISTORY_KEEPS_OWN_PAGES) return 'not-kept';
  return (await historyPermissionGranted()) ? 'allowed' : 'refused';
}

async function cleanHistoryWhenAllowed(asked: Promise<boolean>): Promise<HistoryOutcome> {
  if (!HISTORY_KEEPS_OWN_PAGES) return { kind: 'not-kept' };
  if (!(await asked)) return { kind: 'refused' };
  return { kind: 'removed', count: (await removeOwnVisits()) ?? 0 };
}
