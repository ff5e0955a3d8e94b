import { describe } from 'vitest';
import { itParsesEach, itRejectsEach, type UrlCase } from './helpers';

const CONVERSATION = '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0';

const cases: UrlCase[] = [
  { input: 'https://www.snapchat.com/add/some.user', kind: 'profile', ids: { handle: 'some.user' }, url: 'https://www.snapchat.com/add/some.user' },
  { input: 'https://snapchat.com/add/some_user?share_id=abc&locale=en', kind: 'profile', ids: { handle: 'some_user' }, url: 'https://www.snapchat.com/add/some_user' },
  { input: 'https://www.snapchat.com/@some-user', kind: 'profile', ids: { handle: 'some-user' }, url: 'https://www.snapchat.com/add/some-user' },
  {
    input: 'https://www.snapchat.com/spotlight/W7_EDlXWTBiXAEEniNoMPwAAYcWlkbWZwZW5nAYk5uK6QAYk5uK5XAAAAAQ?share_id=x',
    kind: 'reel',
    ids: { videoId: 'W7_EDlXWTBiXAEEniNoMPwAAYcWlkbWZwZW5nAYk5uK6QAYk5uK5XAAAAAQ' },
    url: 'https://www.snapchat.com/spotlight/W7_EDlXWTBiXAEEniNoMPwAAYcWlkbWZwZW5nAYk5uK6QAYk5uK5XAAAAAQ',
  },
  // Stories.
  { input: 'https://story.snapchat.com/s/some.user', kind: 'story', ids: { handle: 'some.user' }, url: 'https://story.snapchat.com/s/some.user' },
  { input: 'https://story.snapchat.com/@some.user?sc_referrer=x', kind: 'story', ids: { handle: 'some.user' }, url: 'https://story.snapchat.com/s/some.user' },
  {
    input: 'https://story.snapchat.com/p/5f0c1a2b-3c4d-5e6f-7a8b-9c0d1e2f3a4b/1234567890123?x=1',
    kind: 'story',
    ids: { storyId: '1234567890123' },
    url: 'https://story.snapchat.com/p/5f0c1a2b-3c4d-5e6f-7a8b-9c0d1e2f3a4b/1234567890123',
  },
  { input: 'https://story.snapchat.com/o/W7_EDlXWTBiXAEEniNoMPw', kind: 'story', ids: { storyId: 'W7_EDlXWTBiXAEEniNoMPw' }, url: 'https://story.snapchat.com/o/W7_EDlXWTBiXAEEniNoMPw' },
  { input: 'https://story.snapchat.com/', kind: 'other' },
  // Web chat (old host and the current snapchat.com/web).
  { input: 'https://web.snapchat.com/', kind: 'chat' },
  { input: `https://web.snapchat.com/${CONVERSATION}`, kind: 'chat', ids: { chatId: CONVERSATION }, url: `https://www.snapchat.com/web/${CONVERSATION}` },
  { input: 'https://www.snapchat.com/web', kind: 'chat' },
  { input: `https://www.snapchat.com/web/${CONVERSATION}`, kind: 'chat', ids: { chatId: CONVERSATION }, url: `https://www.snapchat.com/web/${CONVERSATION}` },
  // Short links.
  { input: 'https://t.snapchat.com/AbCdEf12', kind: 'short-link', ids: { code: 'AbCdEf12' }, url: 'https://t.snapchat.com/AbCdEf12' },
  { input: 'https://snapchat.com/t/AbCdEf12', kind: 'short-link', ids: { code: 'AbCdEf12' }, url: 'https://www.snapchat.com/t/AbCdEf12' },
  // Others.
  { input: 'https://www.snapchat.com/', kind: 'home' },
  { input: 'https://www.snapchat.com/add/', kind: 'other' },
  { input: 'https://www.snapchat.com/add/a', kind: 'other' },
  { input: 'https://www.snapchat.com/lens/abc', kind: 'other' },
  { input: 'https://t.snapchat.com/', kind: 'other' },
];

describe('snapchat.parseUrl through the registry', () => {
  itParsesEach('snapchat', cases);
  itRejectsEach('snapchat', [
    'https://snapchat.com.evil.example/add/some.user',
    'https://notsnapchat.com/add/some.user',
    'https://help.snapchat.com/hc/en-us/requests/new',
    'https://values.snap.com/safety/safety-reporting',
    'https://accounts.snapchat.com/accounts/login',
  ]);
});
