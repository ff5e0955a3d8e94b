import { browser } from 'wxt/browser';
import { normalizeSettings, type Settings } from '../settings';

const KEY = 'settings';

export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(KEY);
  return normalizeSettings(stored[KEY] as Partial<Settings> | undefined);
}

export async function saveSettings(change: Partial<Settings>): Promise<Settings> {
  const next = normalizeSettings({ ...(await loadSettings()), ...change });
  await browser.storage.local.set({ [KEY]: next });
  return next;
}
