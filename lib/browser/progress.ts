/**
 * Which reporting steps the person ticked, per case and per guide (a platform, or 'police' / 'general'), in
 * extension storage on this computer. Ticks are step ids from the guide data, so they survive the panel being
 * closed and reopened, and a change of interface language.
 */
import { storage } from 'wxt/utils/storage';

/** One item per case and guide, under the key `progress:<caseId>:<guideId>` (as before storage items). */
export function progressItem(caseId: string, guideId: string) {
  return storage.defineItem<string[]>(`local:progress:${caseId}:${guideId}`, { fallback: [], version: 1 });
}

export async function loadProgress(caseId: string, guideId: string): Promise<string[]> {
  const stored: unknown = await progressItem(caseId, guideId).getValue();
  return Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : [];
}

export async function saveProgress(caseId: string, guideId: string, ticked: readonly string[]): Promise<void> {
  await progressItem(caseId, guideId).setValue([...ticked]);
}
