/**
 * The items the person selected in the side panel, per tab, until the next capture of that tab records them.
 *
 * Kept in `storage.session` (memory only, cleared when the browser closes, readable by extension pages and the
 * background alike). Where a browser lacks it, the background keeps the selection in memory and the side panel
 * reaches it by message. Nothing is written to disk: a selection is a working state, not evidence.
 */
import { browser } from 'wxt/browser';
import { isSelectionMessage, type SelectionMessage } from '../messages';
import type { ExtractedItem } from '../platforms/types';

interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

function sessionArea(): SessionArea | undefined {
  return (browser.storage as unknown as { session?: SessionArea }).session;
}

const keyFor = (tabId: number) => `selection:${tabId}`;

/** Background-side memory, used only without storage.session. */
const memory = new Map<number, ExtractedItem[]>();

export async function saveSelection(tabId: number, items: ExtractedItem[]): Promise<void> {
  const session = sessionArea();
  if (session) {
    if (items.length === 0) await session.remove(keyFor(tabId));
    else await session.set({ [keyFor(tabId)]: items });
    return;
  }
  const message: SelectionMessage = { type: 'selection-set', tabId, items };
  await browser.runtime.sendMessage(message);
}

/** In the background: the selection of `tabId`. In extension pages: the same, through the background if needed. */
export async function loadSelection(tabId: number, { inBackground = false } = {}): Promise<ExtractedItem[]> {
  const session = sessionArea();
  if (session) {
    const stored = (await session.get(keyFor(tabId)))[keyFor(tabId)];
    return Array.isArray(stored) ? (stored as ExtractedItem[]) : [];
  }
  if (inBackground) return memory.get(tabId) ?? [];
  const message: SelectionMessage = { type: 'selection-get', tabId };
  const answer: unknown = await browser.runtime.sendMessage(message);
  return Array.isArray(answer) ? (answer as ExtractedItem[]) : [];
}

/** Background: answer the side panel where storage.session is missing. */
export function answerSelectionMessage(message: SelectionMessage): Promise<ExtractedItem[] | true> {
  if (message.type === 'selection-get') return Promise.resolve(memory.get(message.tabId) ?? []);
  if (message.items.length === 0) memory.delete(message.tabId);
  else memory.set(message.tabId, message.items);
  return Promise.resolve(true);
}

/** Background: a closed tab's selection has nothing left to be recorded with. */
export async function forgetSelection(tabId: number): Promise<void> {
  memory.delete(tabId);
  await sessionArea()?.remove(keyFor(tabId));
}

/** Background: serve selection messages (only sent without storage.session) and forget closed tabs. */
export function listenForSelections(): void {
  browser.runtime.onMessage.addListener((message: unknown) => {
    if (isSelectionMessage(message)) return answerSelectionMessage(message);
    return undefined;
  });
  browser.tabs.onRemoved.addListener((tabId: number) => void forgetSelection(tabId).catch(() => undefined));
}
