/**
 * Everything the Messenger extractor looks for, in one place (see shared/notes/platforms.md, "Facebook / Messenger").
 *
 * Messenger's web client (facebook.com/messages, formerly messenger.com) uses Meta's generated classes. It keeps the
 * ARIA structure of an accessible grid: the conversation is a `role="grid"` in `role="main"` (as Caprine and other
 * wrappers select it), each message or time divider a `role="row"`, a message's content a `role="gridcell"`, and
 * the name shown above a run of someone's messages a heading. Messenger publishes no message ids.
 * No saved page of Messenger was found: the fixtures are hand-made from that documentation
 * (tests/unit/extract/fixtures/messenger-*.html).
 */
import type { ChatMarkup } from '../chat-rows';

export const MESSENGER_MARKUP: ChatMarkup = {
  rows: ['[role="main"] [role="grid"] [role="row"]', '[role="grid"] [role="row"]'],
  // A divider ("Today 14:02", "Mon 10:15") is a row with no message cell.
  isSeparator: (row) => row.querySelector('[role="gridcell"]') === null,
  sender: ['h4', 'h5', 'h6', '[role="heading"]'],
  time: ['time'],
  text: ['[role="gridcell"] [dir="auto"]', '[role="gridcell"]'],
};
