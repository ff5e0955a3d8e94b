/**
 * Selecting items for a report. X's form takes at most five posts per report (its module's `selectionLimit`), so
 * the side panel refuses a sixth with an explanation instead of letting the person build a report the form will
 * not accept.
 */
import { platformById } from '../platforms/registry';
import { samePage } from '../platforms/url-utils';
import type { ExtractedItem, PlatformId } from '../platforms/types';

export type ToggleResult = { selected: string[]; refused: false } | { selected: string[]; refused: true; max: number };

/** Add `key` to or remove it from `selected`, unless adding would pass the platform's limit. */
export function toggleSelection(selected: readonly string[], key: string, platform: PlatformId | null): ToggleResult {
  if (selected.includes(key)) return { selected: selected.filter((other) => other !== key), refused: false };
  const max = platform === null ? undefined : platformById(platform).selectionLimit;
  if (max !== undefined && selected.length >= max) return { selected: [...selected], refused: true, max };
  return { selected: [...selected, key], refused: false };
}

/** A side-panel selection and the page (address) it was made on. */
export interface PageSelection {
  url: string;
  items: ExtractedItem[];
}

/**
 * The selected items that belong to the page at `pageUrl`: all of them when the selection was made on that page
 * (the fragment aside, as for the capture's own binding), none otherwise. Evidence of one page never carries
 * items picked on another.
 */
export function selectionOnPage(selection: PageSelection | null, pageUrl: string): ExtractedItem[] {
  return selection && pageUrl && samePage(selection.url, pageUrl) ? selection.items : [];
}
