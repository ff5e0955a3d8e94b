/**
 * The identifiers a reporting step asks for, so the side panel can offer them right at the step ("the message
 * IDs: 3 selected, copy") instead of sending the person to hunt for them further down.
 *
 * Keyed by the step ids of lib/platforms/<id>/steps.ts; tests/unit/report/step-identifiers.test.ts checks that
 * every id here names a real step, so a renamed step cannot silently lose its identifiers.
 */
import type { ExtractedItem, IdentifierField, IdentifierKey, ItemKind } from '../platforms/types';

/**
 * What a step asks for: an identifier, from the selected items or else the page's own address; or, with `of`, an
 * identifier of selected items of those kinds only (a comment's commenter, not the video's author), never the
 * page's. A step asks for each key once.
 */
export type StepAsk = IdentifierKey | { key: IdentifierKey; of: readonly ItemKind[] };

export const STEP_IDENTIFIERS: Readonly<Record<string, readonly StepAsk[]>> = {
  'discord-user-id': ['userId'],
  'discord-channel-id': ['channelId'],
  'discord-message-id': ['messageId'],
  'discord-server-id': ['serverId'],
  'discord-describe': ['messageLink'],
  'x-web': ['postUrl', 'handle'],
  'x-private-information-form': ['postUrl', 'handle'],
  'fb-save-profile-url': ['profileUrl'],
  'fb-option-form': ['postUrl', 'profileUrl'],
  'fb-option-report-menu': ['postUrl'],
  'ig-web-profile': ['profileUrl', 'handle'],
  'ig-web-post': ['postUrl', { key: 'commentUrl', of: ['comment', 'reply'] }],
  'ig-no-account': ['postUrl', 'profileUrl'],
  // Chat apps publish no message ids: who sent what, and when the page says it was sent.
  'snap-web-other-account': ['authorName', 'timeShown'],
  'wa-explain-android': ['authorName', 'phone', 'timeShown'],
  'wa-explain-iphone': ['authorName', 'phone', 'timeShown'],
  // The channel the guide says to contact first: the video's (or a commenter's) selected, else the channel page's.
  'yt-contact-channel': ['channelUrl'],
  'yt-form': ['videoUrl', 'commentUrl', 'channelUrl'],
  'yt-report-video': ['videoUrl'],
  'tiktok-account': ['profileUrl', 'handle'],
  'tiktok-comment-or-video': ['videoUrl'],
  // TikTok's comments have no address: the commenter and the time shown find one in the app.
  'tiktok-comment-under-video': [
    { key: 'handle', of: ['comment', 'reply'] },
    { key: 'timeShown', of: ['comment', 'reply'] },
  ],
};

export type StepNeed =
  /** From the selected items: their distinct values, and how many of the selected items carry it. */
  | { key: IdentifierKey; source: 'selected'; values: string[]; count: number }
  /** From the page's own identifiers (its address). */
  | { key: IdentifierKey; source: 'page'; values: string[] }
  /** Items on the list carry it, but none that is selected. */
  | { key: IdentifierKey; source: 'none-selected' };

/**
 * What the panel can offer for `stepId`, one entry per identifier the step asks for that this page has. The
 * selection wins over the page's own address: a step about messages means the messages the person chose.
 */
export function stepNeeds(
  stepId: string,
  pageFields: readonly IdentifierField[],
  listed: readonly ExtractedItem[],
  selected: readonly ExtractedItem[],
  asks: Readonly<Record<string, readonly StepAsk[]>> = STEP_IDENTIFIERS,
): StepNeed[] {
  const needs: StepNeed[] = [];
  for (const ask of asks[stepId] ?? []) {
    const { key, of } = typeof ask === 'string' ? { key: ask, of: undefined } : ask;
    const carriers = selected.filter((item) => isOf(item, of) && valuesOf(item.fields, key).length > 0);
    const fromSelection = distinct(carriers.flatMap((item) => valuesOf(item.fields, key)));
    const fromPage = of === undefined ? distinct(valuesOf(pageFields, key)) : [];
    if (fromSelection.length > 0) needs.push({ key, source: 'selected', values: fromSelection, count: carriers.length });
    else if (fromPage.length > 0) needs.push({ key, source: 'page', values: fromPage });
    else if (listed.some((item) => isOf(item, of) && valuesOf(item.fields, key).length > 0)) {
      needs.push({ key, source: 'none-selected' });
    }
  }
  return needs;
}

function isOf(item: ExtractedItem, kinds: readonly ItemKind[] | undefined): boolean {
  return kinds === undefined || kinds.includes(item.kind);
}

function valuesOf(fields: readonly IdentifierField[], key: IdentifierKey): string[] {
  return fields.filter((field) => field.key === key).map((field) => field.value);
}

function distinct(values: string[]): string[] {
  return [...new Set(values)];
}
