// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { discord } from '../../../lib/platforms/discord';
import { errorSummary, extractItems, extractorOn, readRows } from '../../../lib/platforms/extraction';
import type { ItemExtractor, PlatformModule } from '../../../lib/platforms/types';
import { x } from '../../../lib/platforms/x';
import { extractX } from '../../../lib/platforms/x/extract';
import { loadFixture, render } from './helpers';

const GUILD = '1096362223539851269';
const CHANNEL = '1096362225574088711';
const MESSAGE = '1213791858057150465';
const PAGE = new URL(`https://discord.com/channels/${GUILD}/${CHANNEL}`);

/** An extractor of `<p data-id>` rows that fails on the rows whose id is in `failing`. */
function paragraphs(failing: readonly string[]): ItemExtractor & { reads: string[] } {
  const reads: string[] = [];
  return {
    reads,
    itemKind: 'post',
    rows: (root) => Array.from(root.querySelectorAll('p[data-id]')),
    begin: () => ({
      read(row, carry) {
        const key = row.getAttribute('data-id') ?? '';
        reads.push(key);
        if (failing.includes(key)) throw new TypeError(`Cannot read properties of null (reading 'href') at ${key}`);
        return { item: { key, kind: 'post', fields: [{ key: 'postId', value: key }] }, carry };
      },
    }),
  };
}

describe('extractItems', () => {
  it("returns the platform extractor's items, with no problem", () => {
    const { items, problem } = extractItems(discord, render(loadFixture('discord-channel.html')), PAGE);
    expect(items).toHaveLength(10);
    expect(items[0]?.key).toBe(MESSAGE);
    expect(problem).toBeNull();
  });

  it('returns no items and no problem for a platform without an extractor, or a page without items', () => {
    const withoutExtractor: PlatformModule = { ...x, extractorFor: undefined };
    const notOnThisPage: PlatformModule = { ...x, extractorFor: (page) => (page.kind === 'post' ? paragraphs([]) : null) };
    const timeline = render('<p data-id="1"></p>');
    for (const platform of [withoutExtractor, notOnThisPage]) {
      expect(extractItems(platform, timeline, new URL('https://x.com/home'))).toStrictEqual({ items: [], problem: null });
    }
    expect(extractItems(notOnThisPage, timeline, new URL('https://x.com/a/status/1')).items).toHaveLength(1);
  });

  it('says the page could not be read when the extractor throws as a whole', () => {
    const throwing: PlatformModule = {
      ...x,
      extractorFor: () => ({
        ...extractX,
        rows: () => {
          throw new TypeError('a bug');
        },
      }),
    };
    expect(extractItems(throwing, render('<div></div>'), new URL('https://x.com/home'))).toStrictEqual({
      items: [],
      problem: { scope: 'page', itemKind: 'post', failedItems: 0, error: 'TypeError: a bug' },
    });
  });

  it('is wired for Discord (messages) and X (posts)', () => {
    expect(extractorOn(discord, discord.parseUrl(PAGE))?.itemKind).toBe('message');
    expect(extractorOn(x, x.parseUrl(new URL('https://x.com/home')))?.itemKind).toBe('post');
    expect(extractorOn(x, null)).toBeNull();
  });
});

describe('readRows', () => {
  it('loses only the rows that fail, and counts them', () => {
    const root = render('<p data-id="1"></p><p data-id="2"></p><p data-id="3"></p><p data-id="4"></p>');
    const { items, problem } = readRows(paragraphs(['2', '4']), root, PAGE);
    expect(items.map((item) => item.key)).toEqual(['1', '3']);
    expect(problem).toEqual({
      scope: 'items',
      itemKind: 'post',
      failedItems: 2,
      error: "TypeError: Cannot read properties of null (reading 'href') at 4",
    });
  });

  it('says the page could not be read when every row fails', () => {
    const root = render('<p data-id="1"></p><p data-id="2"></p>');
    expect(readRows(paragraphs(['1', '2']), root, PAGE).problem).toMatchObject({ scope: 'page', failedItems: 2 });
  });

  it('keeps the first of two rows with the same key', () => {
    const root = render('<p data-id="1"></p><p data-id="1"></p>');
    expect(readRows(paragraphs([]), root, PAGE).items).toHaveLength(1);
  });

  it('reads again only the rows a memo does not hold, and never remembers a failure', () => {
    const root = render('<p data-id="1"></p><p data-id="2"></p><p data-id="3"></p>');
    const readings = new Map();
    const memo = { get: (row: Element) => readings.get(row), set: (row: Element, reading: unknown) => readings.set(row, reading) };
    const extractor = paragraphs(['3']);
    readRows(extractor, root, PAGE, memo);
    readings.delete(root.querySelector('[data-id="2"]'));
    const again = readRows(extractor, root, PAGE, memo);
    expect(extractor.reads).toEqual(['1', '2', '3', '2', '3']);
    expect(again.items.map((item) => item.key)).toEqual(['1', '2']);
  });
});

describe('errorSummary', () => {
  it('keeps the error name, the message and code-like names', () => {
    expect(errorSummary(new TypeError("Cannot read properties of null (reading 'getAttribute')"))).toBe(
      "TypeError: Cannot read properties of null (reading 'getAttribute')",
    );
    expect(errorSummary('thrown text')).toBe('string: ');
  });

  it('leaves out what could come from the page: addresses, ids, quoted text', () => {
    const summary = errorSummary(
      new SyntaxError(
        `'#message-content-1213791858057150465' is not valid; 'so sorry about the photos Mara' at https://discord.com/channels/1/2`,
      ),
    );
    expect(summary).toBe(`SyntaxError: '#message-content-<number>' is not valid; '…' at <address>`);
    expect(errorSummary(new Error('x'.repeat(500))).length).toBeLessThanOrEqual(160);
  });
});
