/**
 * Switching trusted timestamps on and off from an extension page. On: the browser is asked for the chosen
 * authority's host, and only if it grants it is the setting saved on. Off, or another authority: the host no
 * longer needed is given back, so nothing stays granted that is not used.
 */
import { browser } from 'wxt/browser';
import { authorityById, authorityPermission } from '../proof/authorities';
import { loadSettings, saveSettings } from './settings';

export type TimestampSwitch = 'on' | 'off' | 'refused';

/**
 * Call straight from the click handler, before any other await: Firefox grants a permission request only
 * while it handles the person's action.
 */
export async function switchTimestampsOn(authorityId: string): Promise<TimestampSwitch> {
  const authority = authorityById(authorityId);
  if (!authority) return 'refused';
  const origin = authorityPermission(authority.url);
  const granted = await browser.permissions.request({ origins: [origin] }).catch(() => false);
  if (!granted) return 'refused';
  const before = await loadSettings();
  await saveSettings({ trustedTimestamps: true, timestampAuthority: authorityId, timestampsSince: new Date().toISOString() });
  const previous = authorityById(before.timestampAuthority);
  if (before.trustedTimestamps && previous && authorityPermission(previous.url) !== origin) await giveBack(previous.url);
  return 'on';
}

export async function switchTimestampsOff(): Promise<TimestampSwitch> {
  const before = await loadSettings();
  await saveSettings({ trustedTimestamps: false, timestampsSince: null });
  const authority = authorityById(before.timestampAuthority);
  if (authority) await giveBack(authority.url);
  return 'off';
}

/** Whether the browser still grants the host (the person may revoke it in the browser's own settings). */
export async function timestampHostGranted(authorityId: string): Promise<boolean> {
  const authority = authorityById(authorityId);
  return authority ? browser.permissions.contains({ origins: [authorityPermission(authority.url)] }).catch(() => false) : false;
}

async function giveBack(url: string): Promise<void> {
  await browser.permissions.remove({ origins: [authorityPermission(url)] }).catch(() => false);
}
