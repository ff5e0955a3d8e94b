/**
 * Reads a chat's messages where the app publishes no message id (Messenger, Snapchat): each message's sender and
 * time as the page shows them, with an excerpt. Apps show a sender's name once above a run of messages and a time
 * once above a group of them, so both are carried from row to row. Which elements are rows, separators, names and
 * texts is each platform's own markup (its selectors.ts); this file only reads them.
 *
 * Without an id, an item's key is made of what it shows (sender, time, text): the same message shown twice is one
 * item, as a report could not tell the two apart either.
 */
import { firstMatch, pushField, queryFirstMatch, textExcerpt } from './dom-helpers';
import type { ExtractedItem, IdentifierField, ItemExtractor } from './types';

export interface ChatMarkup {
  /** One element per message or separator, in document order (the first selector that matches is used). */
  rows: readonly string[];
  /** Rows that only show a time or a date ("Today 14:02") above the messages that follow. */
  isSeparator(row: Element): boolean;
  /** Inside a row: the sender's name, where the page shows it above a run of messages. */
  sender: readonly string[];
  /** Inside a row: the message's own time, where the page shows one. */
  time: readonly string[];
  /** Inside a row: the message's text. */
  text: readonly string[];
}

interface ChatCarry {
  sender?: string;
  time?: string;
}

export function chatExtractor(markup: ChatMarkup): ItemExtractor {
  return {
    itemKind: 'message',
    rows: (root) => queryFirstMatch(root, markup.rows),
    begin: () => ({ read: (row, carry) => readChatRow(markup, row, (carry ?? {}) as ChatCarry) }),
    sameCarry: (a, b) => {
      const left = (a ?? {}) as ChatCarry;
      const right = (b ?? {}) as ChatCarry;
      return left.sender === right.sender && left.time === right.time;
    },
  };
}

function readChatRow(markup: ChatMarkup, row: Element, carry: ChatCarry): { item: ExtractedItem | null; carry: ChatCarry } {
  if (markup.isSeparator(row)) {
    const shown = shownText(row);
    return { item: null, carry: shown === undefined ? carry : { ...carry, time: shown } };
  }
  const sender = shownText(firstMatch(row, markup.sender)) ?? carry.sender;
  const time = shownText(firstMatch(row, markup.time)) ?? carry.time;
  const excerpt = textExcerpt(firstMatch(row, markup.text));
  const next: ChatCarry = { sender, time: carry.time };
  if (excerpt === undefined && sender === undefined) return { item: null, carry: next };
  const fields: IdentifierField[] = [];
  pushField(fields, 'authorName', sender);
  pushField(fields, 'timeShown', time);
  const item: ExtractedItem = { key: [sender ?? '', time ?? '', excerpt ?? ''].join('\u001f'), kind: 'message', fields };
  if (excerpt !== undefined) item.excerpt = excerpt;
  return { item, carry: next };
}

/** An element's text as shown, whitespace collapsed; undefined when empty or too long to be a name or a time. */
function shownText(element: Element | null): string | undefined {
  const text = element?.textContent?.replace(/\s+/g, ' ').trim();
  return text && text.length <= 80 ? text : undefined;
}
