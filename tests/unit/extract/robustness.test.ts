// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractDiscord } from '../../../lib/platforms/discord/extract';
import type { ItemExtractor, ExtractedItem } from '../../../lib/platforms/types';
import { extractX } from '../../../lib/platforms/x/extract';
import { readAll, render } from './helpers';

const EXTRACTORS: { name: string; extract: ItemExtractor; pages: string[] }[] = [
  {
    name: 'extractDiscord',
    extract: extractDiscord,
    pages: [
      'https://discord.com/channels/1096362223539851269/1096362225574088711',
      'https://discord.com/channels/@me/992399169945604107',
      'https://discord.com/channels/@me',
      'https://discord.gg/abc',
    ],
  },
  {
    name: 'extractX',
    extract: extractX,
    pages: ['https://x.com/home', 'https://x.com/bob/status/1764718120712273920', 'https://t.co/abc'],
  },
];

/**
 * Pieces of the markup the extractors look for, with broken and hostile values, so random pages often look almost
 * right: that is where parsing code breaks, not on plain noise.
 */
const FRAGMENTS = [
  '<ol data-list-id="chat-messages">', '</ol>', '<li id="chat-messages-', '<li id="chat-messages-1096362225574088711-',
  '<div role="article" data-list-item-id="chat-messages___chat-messages-', '1213791858057150465', '99999999999999999999999',
  '">', '</li>', '</div>', '<span id="message-username-', '<span class="username_x" data-text="', '<img class="avatar_x" src="',
  'https://cdn.discordapp.com/avatars/327086233773670400/a.png', '/guilds/1/users/2/avatars/', '/embed/avatars/3.png',
  '<time datetime="', '2024-03-03T10:15:30.123Z', 'not a date', '+275760-09-13T00:00:00.001Z', '</time>',
  '<div id="message-content-', '<div id="message-reply-context-', '<div id="message-accessories-', 'class="systemMessage_x"',
  '<article data-testid="tweet">', '</article>', '<a href="', '/bob/status/1764718120712273920', '/i/status/20',
  'https://x.com/', 'javascript:alert(1)', '//evil.example/status/1', 'http://[::1', '%E0%A4%A', '<div data-testid="User-Name">',
  '<div data-testid="tweetText" lang="en">', '<div role="link">', '</a>', '🙏', ' ', '\n', '"', "'", '<', '>', '&amp;', '-',
];

const almostMarkup = fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 8 })), { maxLength: 60 }).map(
  (parts) => parts.join(''),
);

function expectWellFormed(items: ExtractedItem[]): void {
  expect(Array.isArray(items)).toBe(true);
  for (const item of items) {
    expect(typeof item.key).toBe('string');
    for (const field of item.fields) {
      expect(typeof field.value).toBe('string');
      expect(field.value).not.toBe('');
    }
  }
}

describe.each(EXTRACTORS)('$name never throws', ({ extract, pages }) => {
  it('on random strings set as innerHTML', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom(...pages), (html, page) => {
        expectWellFormed(readAll(extract, render(html), new URL(page)));
      }),
      { numRuns: 200 },
    );
  });

  it('on random mixes of its own markup', () => {
    fc.assert(
      fc.property(almostMarkup, fc.constantFrom(...pages), (html, page) => {
        expectWellFormed(readAll(extract, render(html), new URL(page)));
      }),
      { numRuns: 400 },
    );
  });

  it('on an empty root and a detached element', () => {
    const url = new URL(pages[0] ?? 'https://example.com/');
    expect(readAll(extract, document.createElement('div'), url)).toStrictEqual([]);
    expect(readAll(extract, document.createDocumentFragment(), url)).toStrictEqual([]);
  });
});
