// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { textExcerpt } from '../../../lib/platforms/dom-helpers';
import { pageIdentifiers } from '../../../lib/platforms/page-identifiers';
import { parsePlatformUrl } from '../../../lib/platforms/registry';
import type { IdentifierField } from '../../../lib/platforms/types';
import { render } from './helpers';

const GUILD = '1096362223539851269';
const CHANNEL = '1096362225574088711';
const MESSAGE = '1213791858057150465';

function identifiersOf(input: string): IdentifierField[] {
  const parsed = parsePlatformUrl(input);
  if (parsed === null) throw new Error(`not a platform URL: ${input}`);
  return pageIdentifiers(parsed);
}

const cases: { input: string; fields: IdentifierField[] }[] = [
  {
    input: `https://canary.discord.com/channels/${GUILD}/${CHANNEL}/${MESSAGE}?x=1`,
    fields: [
      { key: 'messageLink', value: `https://discord.com/channels/${GUILD}/${CHANNEL}/${MESSAGE}` },
      { key: 'serverId', value: GUILD },
      { key: 'channelId', value: CHANNEL },
      { key: 'messageId', value: MESSAGE },
      { key: 'time', value: '2024-03-03T10:15:30.123Z' },
    ],
  },
  {
    input: 'https://discord.com/channels/@me/992399169945604107/1241503866403553300',
    fields: [
      { key: 'messageLink', value: 'https://discord.com/channels/@me/992399169945604107/1241503866403553300' },
      { key: 'channelId', value: '992399169945604107' },
      { key: 'messageId', value: '1241503866403553300' },
      { key: 'time', value: '2024-05-18T21:33:07.777Z' },
    ],
  },
  {
    // A channel: its link and ids, but not the channel's creation time (not what a report is about).
    input: `https://ptb.discord.com/channels/${GUILD}/${CHANNEL}`,
    fields: [
      { key: 'url', value: `https://discord.com/channels/${GUILD}/${CHANNEL}` },
      { key: 'serverId', value: GUILD },
      { key: 'channelId', value: CHANNEL },
    ],
  },
  {
    input: 'https://discord.com/users/327086233773670400',
    fields: [
      { key: 'profileUrl', value: 'https://discord.com/users/327086233773670400' },
      { key: 'userId', value: '327086233773670400' },
    ],
  },
  {
    input: 'https://twitter.com/Bob/status/1764718120712273920/photo/1?s=20',
    fields: [
      { key: 'postUrl', value: 'https://x.com/Bob/status/1764718120712273920' },
      { key: 'postId', value: '1764718120712273920' },
      { key: 'handle', value: '@Bob' },
      { key: 'time', value: '2024-03-04T18:22:41.512Z' },
    ],
  },
  {
    input: 'https://x.com/bob',
    fields: [
      { key: 'profileUrl', value: 'https://x.com/bob' },
      { key: 'handle', value: '@bob' },
    ],
  },
  {
    input: 'https://x.com/messages/12345-67890',
    fields: [
      { key: 'url', value: 'https://x.com/messages/12345-67890' },
      { key: 'chatId', value: '12345-67890' },
    ],
  },
  {
    input: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s',
    fields: [
      { key: 'videoUrl', value: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' },
      { key: 'videoId', value: 'dQw4w9WgXcQ' },
    ],
  },
  {
    // A comment's permalink: the video, and the comment's id (the comment itself is listed among the items).
    input: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&lc=UgxKREWxIgDrw8w2e_Z4AaABAg',
    fields: [
      { key: 'videoUrl', value: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' },
      { key: 'videoId', value: 'dQw4w9WgXcQ' },
      { key: 'commentId', value: 'UgxKREWxIgDrw8w2e_Z4AaABAg' },
    ],
  },
  {
    input: 'https://www.youtube.com/channel/UCuAXFkgsw1L7xaCfnd5JJOw',
    fields: [
      { key: 'channelUrl', value: 'https://www.youtube.com/channel/UCuAXFkgsw1L7xaCfnd5JJOw' },
      { key: 'channelId', value: 'UCuAXFkgsw1L7xaCfnd5JJOw' },
    ],
  },
  {
    input: 'https://www.youtube.com/@SomeChannel/videos',
    fields: [
      { key: 'channelUrl', value: 'https://www.youtube.com/@SomeChannel' },
      { key: 'handle', value: '@SomeChannel' },
    ],
  },
  {
    // A legacy channel name is not an @handle.
    input: 'https://www.youtube.com/c/SomeName',
    fields: [
      { key: 'channelUrl', value: 'https://www.youtube.com/c/SomeName' },
      { key: 'handle', value: 'SomeName' },
    ],
  },
  {
    input: 'https://www.tiktok.com/@some.user/video/7234567890123456789?lang=en',
    fields: [
      { key: 'videoUrl', value: 'https://www.tiktok.com/@some.user/video/7234567890123456789' },
      { key: 'videoId', value: '7234567890123456789' },
      { key: 'handle', value: '@some.user' },
      // The id's upper 32 bits are its creation time in seconds.
      { key: 'time', value: '2023-05-18T16:58:18.000Z' },
    ],
  },
  {
    input: 'https://www.instagram.com/some.user/',
    fields: [
      { key: 'profileUrl', value: 'https://www.instagram.com/some.user/' },
      { key: 'handle', value: 'some.user' },
    ],
  },
  {
    input: 'https://www.instagram.com/p/C4abcdEFGhi/',
    fields: [{ key: 'postUrl', value: 'https://www.instagram.com/p/C4abcdEFGhi/' }],
  },
  {
    input: 'https://www.facebook.com/groups/123456789012345/posts/987654321098765/',
    fields: [
      { key: 'postUrl', value: 'https://www.facebook.com/groups/123456789012345/posts/987654321098765' },
      { key: 'postId', value: '987654321098765' },
      { key: 'groupId', value: '123456789012345' },
    ],
  },
  {
    input: 'https://www.facebook.com/profile.php?id=100012345678901',
    fields: [
      { key: 'profileUrl', value: 'https://www.facebook.com/profile.php?id=100012345678901' },
      { key: 'userId', value: '100012345678901' },
    ],
  },
  {
    input: 'https://wa.me/32470123456',
    fields: [
      { key: 'url', value: 'https://wa.me/32470123456' },
      { key: 'phone', value: '32470123456' },
    ],
  },
  {
    input: 'https://www.messenger.com/t/100012345678901',
    fields: [
      { key: 'url', value: 'https://www.facebook.com/messages/t/100012345678901' },
      { key: 'chatId', value: '100012345678901' },
    ],
  },
  {
    input: 'https://www.snapchat.com/add/someuser',
    fields: [
      { key: 'profileUrl', value: 'https://www.snapchat.com/add/someuser' },
      { key: 'handle', value: 'someuser' },
    ],
  },
  {
    // A link shim stands for its destination.
    input: 'https://l.facebook.com/l.php?u=https%3A%2F%2Fx.com%2Fbob%2Fstatus%2F1764718120712273920&h=AT0',
    fields: [
      { key: 'postUrl', value: 'https://x.com/bob/status/1764718120712273920' },
      { key: 'postId', value: '1764718120712273920' },
      { key: 'handle', value: '@bob' },
      { key: 'time', value: '2024-03-04T18:22:41.512Z' },
    ],
  },
  { input: 'https://x.com/home', fields: [] },
  { input: 'https://discord.com/channels/@me', fields: [] },
  { input: 'https://www.facebook.com/', fields: [] },
];

describe('pageIdentifiers', () => {
  for (const row of cases) {
    it(row.input, () => {
      expect(identifiersOf(row.input)).toStrictEqual(row.fields);
    });
  }

  it('never gives an empty value', () => {
    for (const row of cases) {
      for (const field of identifiersOf(row.input)) expect(field.value).not.toBe('');
    }
  });
});

describe('textExcerpt', () => {
  const element = (html: string) => render(`<div id="t">${html}</div>`).querySelector('#t');

  it('collapses whitespace and keeps short text whole', () => {
    expect(textExcerpt(element('  a \n\n b\t c  '))).toBe('a b c');
    expect(textExcerpt(element('   '))).toBeUndefined();
    expect(textExcerpt(null)).toBeUndefined();
  });

  it('cuts at 80 units with an ellipsis, never inside an emoji', () => {
    expect(textExcerpt(element('x'.repeat(100)))).toBe(`${'x'.repeat(80)}…`);
    // The emoji would take units 80 and 81: it is left out whole.
    expect(textExcerpt(element(`${'x'.repeat(79)}🙏 more`))).toBe(`${'x'.repeat(79)}…`);
  });

  it('leaves out the parts the caller skips', () => {
    expect(textExcerpt(element('joined.<span class="ts"><time>08:41</time></span> ok'), 'time, .ts')).toBe('joined. ok');
  });
});
