import { describe, expect, it } from 'vitest';
import { messenger } from '../../../lib/platforms/messenger';
import { parsePlatformUrl } from '../../../lib/platforms/registry';
import { itParsesEach, itRejectsEach, type UrlCase } from './helpers';

const THREAD = '100012345678901';
const THREAD_URL = `https://www.facebook.com/messages/t/${THREAD}`;

const cases: UrlCase[] = [
  { input: `https://www.messenger.com/t/${THREAD}`, kind: 'chat', ids: { chatId: THREAD }, url: THREAD_URL },
  { input: `https://messenger.com/t/${THREAD}/?ref=x`, kind: 'chat', ids: { chatId: THREAD }, url: THREAD_URL },
  { input: `https://www.messenger.com/e2ee/t/${THREAD}`, kind: 'chat', ids: { chatId: THREAD }, url: `https://www.facebook.com/messages/e2ee/t/${THREAD}` },
  { input: `https://www.facebook.com/messages/t/${THREAD}`, kind: 'chat', ids: { chatId: THREAD }, url: THREAD_URL },
  { input: `https://m.facebook.com/messages/t/${THREAD}#top`, kind: 'chat', ids: { chatId: THREAD }, url: THREAD_URL },
  { input: `https://web.facebook.com/messages/e2ee/t/${THREAD}/`, kind: 'chat', ids: { chatId: THREAD }, url: `https://www.facebook.com/messages/e2ee/t/${THREAD}` },
  { input: 'https://www.facebook.com/messages/t/some.name', kind: 'chat', ids: { chatId: 'some.name' }, url: 'https://www.facebook.com/messages/t/some.name' },
  // Inboxes.
  { input: 'https://www.messenger.com/', kind: 'chat' },
  { input: 'https://www.facebook.com/messages/', kind: 'chat' },
  { input: 'https://www.facebook.com/messages/requests', kind: 'chat' },
  // m.me.
  { input: 'https://m.me/zuck', kind: 'chat', ids: { handle: 'zuck' }, url: 'https://m.me/zuck' },
  { input: 'http://m.me/some.page?ref=website', kind: 'chat', ids: { handle: 'some.page' }, url: 'https://m.me/some.page' },
  { input: 'https://m.me/j/AbCdEfGh123/', kind: 'invite', ids: { inviteCode: 'AbCdEfGh123' }, url: 'https://m.me/j/AbCdEfGh123' },
  { input: 'https://m.me/', kind: 'other' },
  { input: 'https://m.me/a/b/c', kind: 'other' },
];

describe('messenger.parseUrl through the registry', () => {
  itParsesEach('messenger', cases);
  itRejectsEach('messenger', [
    'https://www.facebook.com/zuck',
    'https://www.facebook.com/messagesx/t/1',
    'https://developers.facebook.com/messages/t/1',
    'https://messenger.com.evil.example/t/1',
    'https://m.me.evil.example/zuck',
    'https://notmessenger.com/t/1',
  ]);
});

describe('messenger and facebook share facebook.com', () => {
  it('returns null for facebook.com pages outside /messages', () => {
    for (const path of ['/', '/zuck', '/groups/1', '/photo/?fbid=1', '/l.php?u=https://example.com/']) {
      expect(messenger.parseUrl(new URL(`https://www.facebook.com${path}`))).toBeNull();
    }
  });
  it('lets Facebook have the other facebook.com pages', () => {
    expect(parsePlatformUrl('https://www.facebook.com/zuck')?.platform).toBe('facebook');
  });
  it('follows the messenger link shim', () => {
    const parsed = parsePlatformUrl(`https://l.messenger.com/l.php?u=${encodeURIComponent('https://wa.me/32470123456')}`);
    expect(parsed?.platform).toBe('messenger');
    expect(parsed?.kind).toBe('link-shim');
    expect(parsed?.target?.parsed?.ids).toEqual({ phone: '32470123456' });
  });
});
