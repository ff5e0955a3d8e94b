// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PageItemsReader } from '../../../lib/content/page-items';
import { readRows } from '../../../lib/platforms/extraction';
import { createRegistry, platforms, registry } from '../../../lib/platforms/registry';
import type { ItemExtractor } from '../../../lib/platforms/types';
import { readProblemText } from '../../../lib/report/read-problem';
import { extractDiscord } from '../../../lib/platforms/discord/extract';
import { buildDiscordChannelHtml, DISCORD_500_PAGE_URL } from '../extract/fixtures/discord-500';

const PAGE = DISCORD_500_PAGE_URL;

function showChannel(count: number): void {
  document.body.innerHTML = buildDiscordChannelHtml(count);
}

/** What a reading of the whole page without any cache gives. */
function uncached(): unknown {
  return readRows(extractDiscord, document, new URL(PAGE)).items;
}

/** Changes a live chat makes: messages arrive and leave, are edited, avatars load, group heads go. */
const change = fc.oneof(
  fc.record({ op: fc.constant('remove' as const), at: fc.nat(24) }),
  fc.record({ op: fc.constant('edit' as const), at: fc.nat(24), text: fc.string() }),
  fc.record({ op: fc.constant('avatar' as const), at: fc.nat(24) }),
  fc.record({ op: fc.constant('move' as const), at: fc.nat(24), to: fc.nat(24) }),
  fc.record({ op: fc.constant('rename' as const), at: fc.nat(24), text: fc.string() }),
);

function apply(step: { op: string; at: number; to?: number; text?: string }): void {
  const rows = Array.from(document.querySelectorAll('li[id^="chat-messages-"]'));
  const row = rows[step.at % Math.max(rows.length, 1)];
  if (!row) return;
  if (step.op === 'remove') row.remove();
  if (step.op === 'edit') {
    const content = row.querySelector('[id^="message-content-"]');
    if (content) content.textContent = step.text ?? '';
  }
  if (step.op === 'avatar') row.querySelector('img')?.setAttribute('src', 'https://cdn.discordapp.com/avatars/775129331767705601/a.webp');
  if (step.op === 'move') rows[(step.to ?? 0) % rows.length]?.before(row);
  if (step.op === 'rename') {
    const name = row.querySelector('[id^="message-username-"] span, [id^="message-username-"]');
    if (name) name.textContent = step.text ?? 'x';
  }
}

describe('PageItemsReader', () => {
  it('gives the page when its items changed, null when they did not', () => {
    showChannel(20);
    const reader = new PageItemsReader(document, PAGE, registry);
    expect(reader.update(PAGE)?.items).toHaveLength(20);
    expect(reader.update(PAGE)).toBeNull();
    apply({ op: 'edit', at: 3, text: 'now edited' });
    const page = reader.update(PAGE);
    expect(page?.items[3]?.excerpt).toBe('now edited');
    expect(page?.counts).toEqual([{ platform: 'discord', extractions: 3, failedPages: 0, failedItems: 0 }]);
    reader.stop();
  });

  it('reads again only the rows that changed, and the follow-ups of a changed group head', () => {
    showChannel(40);
    let reads = 0;
    const extract: ItemExtractor = {
      ...extractDiscord,
      begin(pageUrl) {
        const reader = extractDiscord.begin(pageUrl);
        return { read: (row, carry) => (reads++, reader.read(row, carry)) };
      },
    };
    const registry = createRegistry(platforms.map((platform) => (platform.id === 'discord' ? { ...platform, extractorFor: () => extract } : platform)));
    const reader = new PageItemsReader(document, PAGE, registry);
    reader.read(PAGE);
    expect(reads).toBe(40);
    apply({ op: 'edit', at: 10, text: 'edited' });
    reads = 0;
    expect(reader.read(PAGE).items[10]?.excerpt).toBe('edited');
    expect(reads).toBe(1);
    reads = 0;
    reader.read(PAGE);
    expect(reads).toBe(0);
    reader.stop();
  });

  it('reads what a fresh reading of the whole page reads, after any series of changes', () => {
    fc.assert(
      fc.property(fc.array(fc.array(change, { maxLength: 4 }), { minLength: 1, maxLength: 6 }), (rounds) => {
        showChannel(24);
        const reader = new PageItemsReader(document, PAGE, registry);
        reader.read(PAGE);
        for (const round of rounds) {
          round.forEach(apply);
          expect(reader.read(PAGE).items).toStrictEqual(uncached());
        }
        reader.stop();
      }),
      { numRuns: 20 },
    );
  }, 60_000);

  it('gives no items on a page without an extractor, and starts afresh on another address', () => {
    showChannel(5);
    const reader = new PageItemsReader(document, PAGE, registry);
    expect(reader.read('https://www.facebook.com/zuck').items).toEqual([]);
    expect(reader.read(PAGE).items).toHaveLength(5);
    const dm = 'https://discord.com/channels/@me/992399169945604107';
    expect(reader.read(dm).items[0]?.fields[0]?.value).toMatch(/^https:\/\/discord\.com\/channels\/@me\/\d+\/\d+$/);
    reader.stop();
  });

  it('shows a problem and counts it when the extractor fails, and tells the side panel again when it ends', () => {
    showChannel(3);
    let broken = false;
    const extract: ItemExtractor = {
      ...extractDiscord,
      rows: (root) => {
        if (broken) throw new TypeError("Cannot read properties of null (reading 'closest')");
        return extractDiscord.rows(root);
      },
    };
    const registry = createRegistry(platforms.map((platform) => (platform.id === 'discord' ? { ...platform, extractorFor: () => extract } : platform)));
    const reader = new PageItemsReader(document, PAGE, registry);
    expect(reader.update(PAGE)?.problem).toBeUndefined();
    broken = true;
    const failed = reader.update(PAGE);
    expect(failed?.items).toEqual([]);
    expect(failed?.problem).toEqual({
      scope: 'page',
      itemKind: 'message',
      failedItems: 0,
      error: "TypeError: Cannot read properties of null (reading 'closest')",
    });
    expect(failed?.counts).toEqual([
      { platform: 'discord', extractions: 2, failedPages: 1, failedItems: 0, lastError: failed?.problem?.error },
    ]);
    expect(readProblemText(failed!.problem!, 'en')).toBe("Could not read this page's messages. The page may have changed.");
    expect(readProblemText(failed!.problem!, 'nl')).toMatch(/^De berichten op deze pagina konden niet gelezen worden/);
    broken = false;
    expect(reader.update(PAGE)?.problem).toBeUndefined();
    reader.stop();
  });
});
