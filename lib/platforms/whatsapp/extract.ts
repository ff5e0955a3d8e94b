/**
 * Reads the messages of the conversation open in WhatsApp Web: each message's sender and its time and date as the
 * page shows them, with an excerpt. WhatsApp publishes no message id a report could use (its in-app report takes the
 * conversation): the row's `data-id` serves only to tell messages apart.
 *
 * For a received message, the sender's phone number is read from the `data-id` where WhatsApp writes it (`<digits>@
 * c.us`; newer `@lid` ids carry none). Messages the person sent themselves carry neither their name nor their number,
 * only WhatsApp's label for them ("You"): who owns the device is not evidence and is never recorded.
 */
import { firstMatch, pushField, queryFirstMatch, textExcerpt } from '../dom-helpers';
import type { ExtractedItem, IdentifierField, ItemExtractor } from '../types';
import { WHATSAPP_SELECTORS as S } from './selectors';

/** `<true|false>_<chat jid>_<message id>[_<sender jid in a group>]`. */
const DATA_ID = /^(true|false)_([^_\s]+)_([A-Za-z0-9]+)(?:_([^_\s]+))?$/;
/** A person's jid: their international number. */
const PHONE_JID = /^(\d{7,15})@c\.us$/;
/** `[10:54 PM, 12/9/2025] Name: ` */
const PRE_PLAIN_TEXT = /^\[([^\]]{1,60})\]\s?(.{0,80}?):\s*$/s;

export const extractWhatsApp: ItemExtractor = {
  itemKind: 'message',
  rows: (root) => queryFirstMatch(root, S.rows).filter((row) => DATA_ID.test(row.getAttribute('data-id') ?? '')),
  begin: () => ({ read: (row) => ({ item: messageItem(row), carry: undefined }) }),
};

function messageItem(row: Element): ExtractedItem | null {
  const match = DATA_ID.exec(row.getAttribute('data-id') ?? '');
  if (match === null) return null;
  const [id, direction, chat = '', , participant] = match;
  const meta = PRE_PLAIN_TEXT.exec(row.querySelector(S.prePlainText)?.getAttribute('data-pre-plain-text') ?? '');
  const received = direction === 'false';
  // The person's own messages: the label WhatsApp gives them ("You"), never their name from the pre-plain text.
  const sender = received ? meta?.[2]?.trim() || labelledSender(row) : labelledSender(row);
  // In a group the sender is the participant; in a one-to-one chat, the other person is the chat itself.
  const phone = received ? PHONE_JID.exec(participant ?? chat)?.[1] : undefined;
  const fields: IdentifierField[] = [];
  pushField(fields, 'authorName', sender);
  pushField(fields, 'phone', phone === undefined ? undefined : `+${phone}`);
  pushField(fields, 'timeShown', meta?.[1]?.trim() ?? shownTime(row));
  const item: ExtractedItem = { key: id, kind: 'message', fields };
  const excerpt = textExcerpt(firstMatch(row, S.text));
  if (excerpt !== undefined) item.excerpt = excerpt;
  return item;
}

/** A time as a bubble shows it ("21:03", "9:41 AM"), for messages without pre-plain text (pictures, voice). */
const SHOWN_TIME = /^\d{1,2}[:.]\d{2}(?:\s?[AaPp]\.?[Mm]\.?)?$/;

function shownTime(row: Element): string | undefined {
  for (const span of row.querySelectorAll('span')) {
    const text = span.childElementCount === 0 ? span.textContent?.trim() : undefined;
    if (text !== undefined && SHOWN_TIME.test(text)) return text;
  }
  return undefined;
}

/** A media message's sender from its label ("Name:"), where no pre-plain text names it. */
function labelledSender(row: Element): string | undefined {
  const label = row.querySelector(S.senderLabel)?.getAttribute('aria-label')?.replace(/:\s*$/, '').trim();
  return label || undefined;
}
