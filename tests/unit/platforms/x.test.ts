import { describe, expect, it } from 'vitest';
import { snowflakeTime, X_EPOCH } from '../../../lib/platforms/snowflake';
import { x } from '../../../lib/platforms/x';
import { expectedSnowflakeTime, itParsesEach, itRejectsEach, X_EPOCH_ISO, type UrlCase } from './helpers';

const ID = '1445078208190291968';
/** Checked by hand: (1445078208190291968 >> 22) + 1288834974657 = 1633368467744 ms. */
const ID_TIME = '2021-10-04T17:27:47.744Z';
const time = (id: string) => expectedSnowflakeTime(id, X_EPOCH_ISO);

const post = (input: string, handle: string | undefined, id = ID): UrlCase => ({
  input,
  kind: 'post',
  ids: handle === undefined ? { postId: id } : { handle, postId: id },
  url: handle === undefined ? `https://x.com/i/status/${id}` : `https://x.com/${handle}/status/${id}`,
  createdAt: id.length > 13 ? time(id) : undefined,
});

const cases: UrlCase[] = [
  { ...post(`https://x.com/jack/status/${ID}`, 'jack'), createdAt: ID_TIME },
  post(`https://twitter.com/jack/status/${ID}?s=20&t=abc#m`, 'jack'),
  post(`https://www.twitter.com/Jack_123/status/${ID}`, 'Jack_123'),
  post(`https://mobile.twitter.com/jack/status/${ID}/photo/1`, 'jack'),
  post(`https://m.twitter.com/jack/statuses/${ID}`, 'jack'),
  post(`https://mobile.x.com/jack/status/${ID}/video/2`, 'jack'),
  post(`https://www.x.com/jack/status/${ID}/analytics`, 'jack'),
  post(`https://x.com/i/web/status/${ID}`, undefined),
  post(`https://twitter.com/i/status/${ID}`, undefined),
  post(`https://twitter.com/statuses/${ID}`, undefined),
  // Ids of 13 digits or fewer predate snowflakes: no time.
  post('https://twitter.com/jack/status/20', 'jack', '20'),
  post('https://twitter.com/jack/status/1234567890123', 'jack', '1234567890123'),
  post('https://twitter.com/jack/status/12345678901234', 'jack', '12345678901234'),
  // Profiles and their tabs.
  { input: 'https://x.com/jack', kind: 'profile', ids: { handle: 'jack' }, url: 'https://x.com/jack' },
  { input: 'https://twitter.com/Abc_12345678901?lang=en', kind: 'profile', ids: { handle: 'Abc_12345678901' }, url: 'https://x.com/Abc_12345678901' },
  { input: 'https://x.com/jack/media', kind: 'profile', ids: { handle: 'jack' }, url: 'https://x.com/jack' },
  { input: 'https://x.com/jack/with_replies', kind: 'profile', ids: { handle: 'jack' }, url: 'https://x.com/jack' },
  { input: 'https://x.com/i/user/12', kind: 'profile', ids: { userId: '12' }, url: 'https://x.com/i/user/12' },
  { input: 'https://twitter.com/intent/user?screen_name=jack', kind: 'profile', ids: { handle: 'jack' }, url: 'https://x.com/jack' },
  { input: 'https://twitter.com/intent/user?user_id=12', kind: 'profile', ids: { userId: '12' }, url: 'https://x.com/i/user/12' },
  // Direct messages.
  { input: 'https://x.com/messages/12-34', kind: 'dm-channel', ids: { chatId: '12-34' }, url: 'https://x.com/messages/12-34' },
  { input: 'https://x.com/messages/1234567890', kind: 'dm-channel', ids: { chatId: '1234567890' }, url: 'https://x.com/messages/1234567890' },
  { input: 'https://x.com/i/chat/12-34', kind: 'dm-channel', ids: { chatId: '12-34' }, url: 'https://x.com/i/chat/12-34' },
  { input: 'https://x.com/messages', kind: 'chat' },
  { input: 'https://x.com/messages/compose', kind: 'chat' },
  { input: 'https://x.com/i/chat', kind: 'chat' },
  // Short links.
  { input: 'https://t.co/AbC123xyz', kind: 'short-link', ids: { code: 'AbC123xyz' }, url: 'https://t.co/AbC123xyz' },
  { input: 'http://t.co/AbC123xyz?amp=1', kind: 'short-link', ids: { code: 'AbC123xyz' }, url: 'https://t.co/AbC123xyz' },
  { input: 'https://t.co/', kind: 'other' },
  // Reserved first segments are X's own pages, never profiles.
  { input: 'https://x.com/', kind: 'home' },
  { input: 'https://x.com/home', kind: 'home' },
  { input: 'https://x.com/explore', kind: 'other' },
  { input: 'https://x.com/search?q=a', kind: 'other' },
  { input: 'https://x.com/settings/profile', kind: 'other' },
  { input: 'https://x.com/notifications', kind: 'other' },
  { input: 'https://x.com/compose/post', kind: 'other' },
  { input: 'https://x.com/login', kind: 'other' },
  { input: 'https://x.com/tos', kind: 'other' },
  { input: 'https://x.com/privacy', kind: 'other' },
  { input: 'https://x.com/hashtag/foo', kind: 'other' },
  { input: 'https://x.com/i/bookmarks', kind: 'other' },
  { input: `https://x.com/home/status/${ID}`, kind: 'other' },
  // Not handles or not status ids.
  { input: 'https://x.com/abcdefghijklmnop', kind: 'other' },
  { input: 'https://twitter.com/Abc_123456789012', kind: 'other' },
  { input: 'https://x.com/jack-smith', kind: 'other' },
  { input: 'https://x.com/jack/status/abc', kind: 'other' },
  { input: 'https://x.com/jack/status', kind: 'other' },
  { input: 'https://x.com/jack/lists/extra', kind: 'other' },
  { input: 'https://x.com/i/status/123456789012345678901', kind: 'other' },
];

describe('x.parseUrl through the registry', () => {
  itParsesEach('x', cases);
  itRejectsEach('x', [
    `https://notx.com/jack/status/${ID}`,
    `https://x.com.evil.example/jack/status/${ID}`,
    `https://evil-twitter.com/jack/status/${ID}`,
    `https://twitter.com.evil.example/jack`,
    'https://help.x.com/forms/safety-and-sensitive-content/take-it-down',
    'https://api.twitter.com/2/tweets',
    'https://t.co.evil.example/abc',
    'https://pbs.twimg.com/media/abc.jpg',
  ]);
});

describe('x snowflakes', () => {
  it('decodes a known id', () => {
    expect(snowflakeTime(ID, X_EPOCH)?.toISOString()).toBe(ID_TIME);
  });
  it('lists the short link host', () => {
    expect(x.hosts).toContain('t.co');
  });
});
