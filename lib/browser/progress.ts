/**
 * Which reporting steps the person ticked, per case and per guide (a platform, or 'police' / 'general'), in
 * extension storage on this computer. Ticks are step ids from the guide data, so they survive the panel being
 * closed and reopened, and a change of interface language.
 */
import { browser } from 'wxt/browser';

export function progressKey(caseId: string, guideId: string): string {
  return `progress:${caseId}:${guideId}`;
}

export async function loadProgress(caseId: string, guideId: string): Promise<string[]> {
  const key = progressKey(caseId, guideId);
  const stored = (await browser.storage.local.get(key))[key];
  return Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : [];
}

export async function saveProgress(caseId: string, guideId: string, ticked: readonly string[]): Promise<void> {
  await browser.storage.local.set({ [progressKey(caseId, guideId)]: [...ticked] });
}
