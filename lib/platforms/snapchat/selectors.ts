/**
 * Everything the Snapchat web extractor looks for, in one place (see shared/notes/platforms.md, "Snapchat").
 *
 * Snapchat's web client (snapchat.com/web, formerly web.snapchat.com) uses generated class names (`T1yt2`,
 * `KB4Aq`). Tools that read it anchor on its semantic elements: the conversation is a list in `role="main"`, each
 * run of one person's messages a list item opened by a `<header>` with their name (the account's own runs read
 * "Me"), time dividers a `<time>`. Snapchat publishes no message ids. No saved page of Snapchat's web client was
 * found: the fixtures are hand-made from that documentation (tests/unit/extract/fixtures/snapchat-*.html).
 */
import type { ChatMarkup } from '../chat-rows';

export const SNAPCHAT_MARKUP: ChatMarkup = {
  rows: ['[role="main"] ul > li', 'main ul > li'],
  // A divider ("Today", "Yesterday 21:04") holds a time and no header or message.
  isSeparator: (row) => row.querySelector('header') === null && row.querySelector('time') !== null,
  sender: ['header'],
  time: ['time'],
  text: ['header ~ * [dir="auto"]', 'header ~ *'],
};
