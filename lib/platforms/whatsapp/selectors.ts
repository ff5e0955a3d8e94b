/**
 * Everything the WhatsApp Web extractor looks for, in one place (see shared/notes/platforms.md, "WhatsApp").
 *
 * WhatsApp Web's class names are generated (`_amjv`, `x1c4vz4f …`) and change between builds. It has kept for years
 * (2019-2025 builds, as documented by the tools that read it): the conversation panel `#main`, a `data-id` on each
 * message row (`<true|false>_<chat jid>_<message id>[_<sender jid>]`), a `data-pre-plain-text` of
 * `[<time>, <date>] <sender>: ` on each text message (what WhatsApp copies with the text), and the
 * `selectable-text` class on the text itself. No saved page of WhatsApp Web was found: the fixtures are hand-made
 * from that documentation (tests/unit/extract/fixtures/whatsapp-*.html).
 */

export const WHATSAPP_SELECTORS = {
  /** Message rows: a `data-id` in the conversation panel (the chat list has none of this shape). */
  rows: ['#main [data-id]', '[role="application"] [data-id]', '[data-id]'],

  /** `[10:54, 12/9/2025] Name: ` on a text message (and a caption); absent on media without caption. */
  prePlainText: '[data-pre-plain-text]',

  /** A media message's sender, where no pre-plain text names it (`aria-label="Name:"`). */
  senderLabel: 'span[aria-label$=":"]',

  /** The message's text. */
  text: ['span.selectable-text', '.copyable-text span[dir]', '[data-pre-plain-text]'],
} as const;
