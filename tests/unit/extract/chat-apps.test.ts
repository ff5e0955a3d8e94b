// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { extractMessenger } from '../../../lib/platforms/messenger/extract';
import { extractSnapchat } from '../../../lib/platforms/snapchat/extract';
import { extractWhatsApp } from '../../../lib/platforms/whatsapp/extract';
import { readRows } from '../../../lib/platforms/extraction';
import { fieldMap, loadFixture, readAll, render } from './helpers';

// Hand-made pages: no saved page of these apps was found (tests/fixtures/real/PROVENANCE.md). They publish no
// message ids: what a report can name is the sender and the time the page shows.

describe('extractWhatsApp', () => {
  const WEB = new URL('https://web.whatsapp.com/');

  it("reads each message of a one-to-one chat: the sender, their number, the time as shown; the person's own messages carry neither their name nor their number", () => {
    expect(readAll(extractWhatsApp, render(loadFixture('whatsapp-chat.html')), WEB)).toStrictEqual([
      {
        key: 'false_32470123456@c.us_3A12F0908922EFDD735D',
        kind: 'message',
        fields: [
          { key: 'authorName', value: 'Jo Sender' },
          { key: 'phone', value: '+32470123456' },
          { key: 'timeShown', value: '21:02, 05/12/2026' },
        ],
        excerpt: "you'll regret blocking me",
      },
      // A picture: no pre-plain text; the sender from its label, the time from the bubble.
      {
        key: 'false_32470123456@c.us_3A5B8EA211B4D1B780CA',
        kind: 'message',
        fields: [
          { key: 'authorName', value: 'Jo Sender' },
          { key: 'phone', value: '+32470123456' },
          { key: 'timeShown', value: '21:03' },
        ],
      },
      {
        key: 'true_32470123456@c.us_AC4140A2A99DD53053CE509326DB5878',
        kind: 'message',
        fields: [
          { key: 'authorName', value: 'You' },
          { key: 'timeShown', value: '21:05, 05/12/2026' },
        ],
        excerpt: 'delete it now',
      },
    ]);
  });

  it("in a group, takes each sender's own number, and none where WhatsApp shows an @lid instead; other rows are skipped", () => {
    const items = readAll(extractWhatsApp, render(loadFixture('whatsapp-group.html')), WEB);
    expect(items.map((item) => [fieldMap(item).authorName, fieldMap(item).phone, fieldMap(item).timeShown, item.excerpt])).toStrictEqual([
      ['Kim Group', '+32499887766', '9:41 AM, 12/4/2026', 'who has the video'],
      ['~ Lee', undefined, '9:44 AM, 12/4/2026', 'sent it to everyone'],
    ]);
  });

  it('never reads the chat list', () => {
    expect(readAll(extractWhatsApp, render(loadFixture('whatsapp-chat.html')), WEB).map((item) => item.key)).not.toContain('ignored');
  });
});

describe('extractMessenger', () => {
  it('reads each message with the sender named above its run and the time of the divider above it', () => {
    const items = readAll(extractMessenger, render(loadFixture('messenger-chat.html')), new URL('https://www.facebook.com/messages/t/100012345678901'));
    expect(items.map((item) => [fieldMap(item).authorName, fieldMap(item).timeShown, item.excerpt])).toStrictEqual([
      ['Max Sender', 'Today 14:02', 'I still have the pictures'],
      ['Max Sender', 'Today 14:02', 'want me to post them?'],
      ['You sent', 'Today 14:02', 'stop'],
      // A photo: no text, still the sender and time.
      ['Max Sender', 'Today 14:30', undefined],
    ]);
    expect(items.every((item) => item.kind === 'message' && !item.fields.some((field) => field.key === 'messageId'))).toBe(true);
  });
});

describe('extractSnapchat', () => {
  it('reads each run of messages with the name in its header and the time shown above it', () => {
    const items = readAll(extractSnapchat, render(loadFixture('snapchat-chat.html')), new URL('https://www.snapchat.com/web/2f1c8a4e-0b6d-4c1e-9d3a-5e7f8a9b0c1d'));
    expect(items.map((item) => [fieldMap(item).authorName, fieldMap(item).timeShown, item.excerpt])).toStrictEqual([
      ['ALEX', 'TODAY', 'send more or everyone sees these'],
      ['ME', 'TODAY', 'leave me alone'],
      ['ALEX', '21:14', 'last chance'],
    ]);
  });

  it('gives no items and no problem on a page without a conversation', () => {
    expect(readRows(extractSnapchat, render('<div role="main"><p>Log in</p></div>'), new URL('https://www.snapchat.com/web'))).toStrictEqual({ items: [], problem: null });
  });
});
