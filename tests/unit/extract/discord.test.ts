// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { extractDiscord } from '../../../lib/platforms/discord/extract';
import type { ExtractedItem, IdentifierField } from '../../../lib/platforms/types';
import {
  buildDiscordChannelHtml,
  DISCORD_500_PAGE_URL,
  discordChannelMessages,
} from './fixtures/discord-500';
import { fieldMap, loadFixture, readAll, render } from './helpers';

const GUILD = '1096362223539851269';
const CHANNEL = '1096362225574088711';
const THREAD = '1213577000669679625';
const DM_CHANNEL = '992399169945604107';
const CHANNEL_PAGE = new URL(`https://discord.com/channels/${GUILD}/${CHANNEL}`);

const MARA = { authorName: 'Mara', userId: '327086233773670400' };
const THROWAWAY = { authorName: 'throwaway_9911', userId: '775129331767705601' };
const NEWBIE = { authorName: 'newbie' };
const MODBOT = { authorName: 'ModBot' };

interface Expected {
  id: string;
  /** Server id, or '@me'. */
  guild: string;
  channel: string;
  authorName?: string;
  userId?: string;
  time: string;
  excerpt?: string;
}

/** The item the extractor must give, with its fields in their documented order. */
function message(expected: Expected): ExtractedItem {
  const fields: IdentifierField[] = [
    { key: 'messageLink', value: `https://discord.com/channels/${expected.guild}/${expected.channel}/${expected.id}` },
    { key: 'messageId', value: expected.id },
  ];
  if (expected.authorName !== undefined) fields.push({ key: 'authorName', value: expected.authorName });
  if (expected.userId !== undefined) fields.push({ key: 'userId', value: expected.userId });
  fields.push({ key: 'time', value: expected.time });
  const item: ExtractedItem = { key: expected.id, kind: 'message', fields };
  if (expected.excerpt !== undefined) item.excerpt = expected.excerpt;
  return item;
}

describe('extractDiscord on a server channel (2024-2025 markup)', () => {
  const items = () => readAll(extractDiscord, render(loadFixture('discord-channel.html')), CHANNEL_PAGE);
  const inChannel = { guild: GUILD, channel: CHANNEL };

  it('reads every message with exact links, authors, user ids, times and excerpts', () => {
    expect(items()).toStrictEqual([
      message({
        ...inChannel,
        ...MARA,
        id: '1213791858057150465',
        time: '2024-03-03T10:15:30.123Z',
        excerpt: 'Does anyone know who posted the pictures in #general yesterday? They were taken…',
      }),
      // Follow-ups: no header, no avatar; the author comes from the group's first message.
      message({ ...inChannel, ...MARA, id: '1213791978630807554', time: '2024-03-03T10:15:58.870Z', excerpt: 'I reported them already.' }),
      message({
        ...inChannel,
        ...MARA,
        id: '1213792071467532291',
        time: '2024-03-03T10:16:21.004Z',
        excerpt: "Please don't share them further 🙏 — screenshots too, they count as sharing and…",
      }),
      // A reply: the preview above shows Mara's avatar and Mara's message-content id; neither may be taken.
      message({
        ...inChannel,
        ...THROWAWAY,
        id: '1214120697056591876',
        time: '2024-03-04T08:02:11.450Z',
        excerpt: "lol they're everywhere already",
      }),
      // A follow-up whose embed shows another user's avatar: the author is still the group head's.
      message({
        ...inChannel,
        ...THROWAWAY,
        id: '1214120820994080773',
        time: '2024-03-04T08:02:40.999Z',
        excerpt: 'https://example.net/album/xyz',
      }),
      // Default avatar (/embed/avatars/3.png): the name, but no user id.
      message({ ...inChannel, ...NEWBIE, id: '1214127717692342278', time: '2024-03-04T08:30:05.300Z', excerpt: 'who is she?' }),
      message({ ...inChannel, ...NEWBIE, id: '1214127770037256199', time: '2024-03-04T08:30:17.780Z', excerpt: 'dm me the link' }),
      // A system message has no author and must not inherit newbie's; its inline time stays out of the excerpt.
      message({ ...inChannel, id: '1214130463703171080', time: '2024-03-04T08:41:00.000Z', excerpt: 'Sparrow joined the party.' }),
      // Default avatar served from /assets/, and an APP tag that must not end up in the name.
      message({
        ...inChannel,
        ...MODBOT,
        id: '1214131522114813961',
        time: '2024-03-04T08:45:12.345Z',
        excerpt: 'Reminder: sharing intimate images without consent is against the rules and the l…',
      }),
      // The thread panel: its channel comes from the row id; its first visible row is a follow-up whose head is
      // out of view, so it has no author (and does not take ModBot's from the other list).
      message({ guild: GUILD, channel: THREAD, id: '1214135246258307082', time: '2024-03-04T09:00:00.250Z', excerpt: 'more in the thread' }),
    ]);
  });

  it('creates no items from the server and channel sidebars', () => {
    const keys = items().map((item) => item.key);
    expect(keys).not.toContain(GUILD);
    expect(keys).not.toContain(CHANNEL);
  });

  it('returns the same result on every call (no state kept between calls)', () => {
    const root = render(loadFixture('discord-channel.html'));
    expect(readAll(extractDiscord, root, CHANNEL_PAGE)).toStrictEqual(readAll(extractDiscord, root, CHANNEL_PAGE));
  });

  it('builds the same links from a message page, another Discord host, or the legacy domain', () => {
    const root = render(loadFixture('discord-channel.html'));
    const expected = readAll(extractDiscord, root, CHANNEL_PAGE);
    for (const page of [
      `https://discord.com/channels/${GUILD}/${CHANNEL}/1213791858057150465`,
      `https://canary.discord.com/channels/${GUILD}/${CHANNEL}`,
      `https://discordapp.com/channels/${GUILD}/${CHANNEL}?foo=1#x`,
    ]) {
      expect(readAll(extractDiscord, root, new URL(page))).toStrictEqual(expected);
    }
  });
});

describe('extractDiscord on 2021 markup (row ids chat-messages-<MESSAGE>)', () => {
  it('takes the channel from the page URL, the name without data-text, and the time from the id when <time> is missing', () => {
    const items = readAll(extractDiscord, render(loadFixture('discord-legacy.html')), CHANNEL_PAGE);
    const inChannel = { guild: GUILD, channel: CHANNEL };
    const lukas = { authorName: 'lukas.d', userId: '942842629324800003' };
    expect(items).toStrictEqual([
      message({ ...inChannel, ...lukas, id: '676483899064451102', time: '2020-02-10T17:45:30.000Z', excerpt: 'anyone got the rest of her folder?' }),
      message({ ...inChannel, ...lukas, id: '676484035966533663', time: '2020-02-10T17:46:02.640Z', excerpt: 'will pay' }),
      message({
        ...inChannel,
        authorName: 'Jo',
        userId: '1190524593677271042',
        id: '676485737100738592',
        // No <time> in this row: the snowflake's time.
        time: '2020-02-10T17:52:48.222Z',
        excerpt: 'stop it, this is illegal',
      }),
    ]);
  });

  it('gives no link when neither the row nor the page names a channel', () => {
    const items = readAll(extractDiscord, render(loadFixture('discord-legacy.html')), new URL(`https://discord.com/channels/${GUILD}`));
    expect(items.map((item) => fieldMap(item).messageLink)).toStrictEqual([undefined, undefined, undefined]);
    expect(items.map((item) => fieldMap(item).messageId)).toStrictEqual([
      '676483899064451102',
      '676484035966533663',
      '676485737100738592',
    ]);
  });
});

describe('extractDiscord on direct messages', () => {
  it('builds @me links', () => {
    const items = readAll(extractDiscord, 
      render(loadFixture('discord-dm.html')),
      new URL(`https://discord.com/channels/@me/${DM_CHANNEL}`),
    );
    const inDm = { guild: '@me', channel: DM_CHANNEL };
    const nightowl = { authorName: 'nightowl', userId: '1190524593677271042' };
    expect(items).toStrictEqual([
      message({ ...inDm, ...nightowl, id: '1241503866403553300', time: '2024-05-18T21:33:07.777Z', excerpt: 'send more or I post these everywhere' }),
      message({ ...inDm, ...nightowl, id: '1241504005922881557', time: '2024-05-18T21:33:41.041Z', excerpt: 'you have until tomorrow' }),
      message({ ...inDm, authorName: 'Sam', id: '1241505605877891094', time: '2024-05-18T21:40:02.500Z', excerpt: "I'm reporting you." }),
    ]);
  });

  it('builds @me links from the direct-message inbox too, with the channel from the row ids', () => {
    const items = readAll(extractDiscord, render(loadFixture('discord-dm.html')), new URL('https://discord.com/channels/@me'));
    expect(fieldMap(items[0]).messageLink).toBe(`https://discord.com/channels/@me/${DM_CHANNEL}/1241503866403553300`);
  });
});

describe('extractDiscord fallbacks', () => {
  const head = (rowAttributes: string, id: string) =>
    `<div ${rowAttributes} class="message__5126c groupStart__5126c" role="article"><div class="contents_c19a55">` +
    `<img class="avatar_c19a55" src="https://cdn.discordapp.com/avatars/327086233773670400/abc.webp?size=80">` +
    `<h3><span id="message-username-${id}"><span class="username_c19a55" data-text="Mara">Mara</span></span>` +
    `<time id="message-timestamp-${id}" datetime="2024-03-03T10:15:30.123Z">10:15</time></h3>` +
    `<div id="message-content-${id}">hello</div></div></div>`;

  it('reads articles by data-list-item-id when the list items have no id', () => {
    const id = '1213791858057150465';
    const html = `<ol data-list-id="chat-messages"><li>${head(`data-list-item-id="chat-messages___chat-messages-${CHANNEL}-${id}"`, id)}</li></ol>`;
    expect(readAll(extractDiscord, render(html), CHANNEL_PAGE)).toStrictEqual([
      message({ guild: GUILD, channel: CHANNEL, ...MARA, id, time: '2024-03-03T10:15:30.123Z', excerpt: 'hello' }),
    ]);
  });

  it('reads 2019-2020 div rows with id chat-messages-<MESSAGE>', () => {
    const id = '676483899064451102';
    const html = `<div role="list">${head(`id="chat-messages-${id}"`, id)}</div>`;
    expect(readAll(extractDiscord, render(html), CHANNEL_PAGE)).toStrictEqual([
      message({ guild: GUILD, channel: CHANNEL, ...MARA, id, time: '2024-03-03T10:15:30.123Z', excerpt: 'hello' }),
    ]);
  });

  it('prefers the page datetime over the snowflake time, and ignores an invalid datetime', () => {
    const id = '1213791858057150465';
    const row = (datetime: string) =>
      `<ol data-list-id="chat-messages"><li id="chat-messages-${CHANNEL}-${id}"><div role="article">` +
      `<time id="message-timestamp-${id}" datetime="${datetime}">x</time></div></li></ol>`;
    expect(fieldMap(readAll(extractDiscord, render(row('2024-03-03T11:15:30+01:00')), CHANNEL_PAGE)[0]).time).toBe(
      '2024-03-03T10:15:30.000Z',
    );
    expect(fieldMap(readAll(extractDiscord, render(row('yesterday')), CHANNEL_PAGE)[0]).time).toBe('2024-03-03T10:15:30.123Z');
  });

  it('skips rows without a valid message id and keeps the first of duplicated rows', () => {
    const id = '1213791858057150465';
    const html =
      `<ol data-list-id="chat-messages"><li id="chat-messages-abc"></li><li id="chat-messages-${CHANNEL}-123"></li>` +
      `<li id="chat-messages-${CHANNEL}-${id}"><div id="message-content-${id}">first</div></li>` +
      `<li id="chat-messages-${CHANNEL}-${id}"><div id="message-content-${id}">second</div></li></ol>`;
    const items = readAll(extractDiscord, render(html), CHANNEL_PAGE);
    expect(items.map((item) => [item.key, item.excerpt])).toStrictEqual([[id, 'first']]);
  });

  it('gives nothing on pages without messages, or outside Discord channels', () => {
    expect(readAll(extractDiscord, render('<div><p>Friends</p></div>'), new URL('https://discord.com/channels/@me'))).toStrictEqual([]);
    const items = readAll(extractDiscord, render(loadFixture('discord-dm.html')), new URL('https://discord.com/app'));
    expect(items.map((item) => fieldMap(item).messageLink)).toStrictEqual([undefined, undefined, undefined]);
  });
});

describe('extractDiscord on a 500-message channel', () => {
  it('finds all 500 messages with the right ids, authors, user ids and times', () => {
    const expected = discordChannelMessages(500);
    const items = readAll(extractDiscord, render(buildDiscordChannelHtml(500)), new URL(DISCORD_500_PAGE_URL));
    expect(items).toHaveLength(500);
    expect(items.map((item) => item.key)).toStrictEqual(expected.map((message) => message.id));
    expect(items.map((item) => fieldMap(item))).toStrictEqual(
      expected.map((message) => ({
        messageLink: `${DISCORD_500_PAGE_URL}/${message.id}`,
        messageId: message.id,
        authorName: message.authorName,
        ...(message.userId === undefined ? {} : { userId: message.userId }),
        time: message.time,
      })),
    );
    // The fixture is not trivial: it has groups and all three kinds of avatar.
    expect(expected.filter((message) => message.isGroupHead).length).toBeGreaterThan(100);
    expect(expected.filter((message) => !message.isGroupHead).length).toBeGreaterThan(100);
    expect(expected.filter((message) => message.userId === undefined).length).toBeGreaterThan(50);
  });

  it('reports its run time (informational, no assertion on it)', () => {
    const root = render(buildDiscordChannelHtml(500));
    const pageUrl = new URL(DISCORD_500_PAGE_URL);
    for (let warmUp = 0; warmUp < 5; warmUp++) readAll(extractDiscord, root, pageUrl);
    const runs: number[] = [];
    for (let run = 0; run < 20; run++) {
      const start = performance.now();
      readAll(extractDiscord, root, pageUrl);
      runs.push(performance.now() - start);
    }
    runs.sort((a, b) => a - b);
    const median = runs[Math.floor(runs.length / 2)] ?? 0;
    console.log(
      `extractDiscord, 500 messages, happy-dom: median ${median.toFixed(2)} ms, min ${(runs[0] ?? 0).toFixed(2)} ms over ${runs.length} runs`,
    );
    expect(runs).toHaveLength(20);
  });
});
