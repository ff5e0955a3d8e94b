/** The person's settings (lib/settings.ts), in storage.local under the key `settings` (as before storage items). */
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, normalizeSettings, type Settings } from '../settings';

/**
 * Read through `normalizeSettings`: a value written by an older version (a field missing, or out of today's
 * range) still gives valid settings, so version 1 needs no migration.
 */
export const settingsItem = storage.defineItem<Settings>('local:settings', { fallback: DEFAULT_SETTINGS, version: 1 });

export async function loadSettings(): Promise<Settings> {
  return normalizeSettings(await settingsItem.getValue());
}

export async function saveSettings(change: Partial<Settings>): Promise<Settings> {
  const next = normalizeSettings({ ...(await loadSettings()), ...change });
  await settingsItem.setValue(next);
  return next;
}
