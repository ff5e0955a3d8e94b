import { describe, expect, it } from 'vitest';
import { parsePlatformUrl } from '../../../lib/platforms/registry';
import { itParsesEach, itRejectsEach, type UrlCase } from './helpers';

const CODE = 'CxYz12_-AbC';

const cases: UrlCase[] = [
  { input: `https://www.instagram.com/p/${CODE}/`, kind: 'post', ids: { code: CODE }, url: `https://www.instagram.com/p/${CODE}/` },
  { input: `https://instagram.com/p/${CODE}?igsh=abc&img_index=2`, kind: 'post', ids: { code: CODE }, url: `https://www.instagram.com/p/${CODE}/` },
  { input: `https://instagr.am/p/${CODE}/`, kind: 'post', ids: { code: CODE }, url: `https://www.instagram.com/p/${CODE}/` },
  { input: `https://www.instagr.am/p/${CODE}`, kind: 'post', ids: { code: CODE }, url: `https://www.instagram.com/p/${CODE}/` },
  { input: `https://www.instagram.com/p/${CODE}/c/17900000000000000/`, kind: 'post', ids: { code: CODE }, url: `https://www.instagram.com/p/${CODE}/` },
  { input: `https://www.instagram.com/some.user/p/${CODE}/`, kind: 'post', ids: { handle: 'some.user', code: CODE }, url: `https://www.instagram.com/p/${CODE}/` },
  { input: `https://www.instagram.com/reel/${CODE}/`, kind: 'reel', ids: { code: CODE }, url: `https://www.instagram.com/reel/${CODE}/` },
  { input: `https://www.instagram.com/reels/${CODE}/`, kind: 'reel', ids: { code: CODE }, url: `https://www.instagram.com/reel/${CODE}/` },
  { input: `https://www.instagram.com/some_user/reel/${CODE}/`, kind: 'reel', ids: { handle: 'some_user', code: CODE }, url: `https://www.instagram.com/reel/${CODE}/` },
  { input: `https://www.instagram.com/tv/${CODE}/`, kind: 'video', ids: { code: CODE }, url: `https://www.instagram.com/tv/${CODE}/` },
  // Stories.
  {
    input: 'https://www.instagram.com/stories/some.user/3141592653589793238/?utm_source=ig_story_item_share',
    kind: 'story',
    ids: { handle: 'some.user', storyId: '3141592653589793238' },
    url: 'https://www.instagram.com/stories/some.user/3141592653589793238/',
  },
  { input: 'https://www.instagram.com/stories/some.user/', kind: 'story', ids: { handle: 'some.user' }, url: 'https://www.instagram.com/stories/some.user/' },
  { input: 'https://www.instagram.com/stories/highlights/17912345678901234/', kind: 'story', ids: { storyId: '17912345678901234' }, url: 'https://www.instagram.com/stories/highlights/17912345678901234/' },
  // Direct.
  { input: 'https://www.instagram.com/direct/t/340282366841710300949128123456789012345/', kind: 'chat', ids: { chatId: '340282366841710300949128123456789012345' }, url: 'https://www.instagram.com/direct/t/340282366841710300949128123456789012345/' },
  { input: 'https://www.instagram.com/direct/inbox/', kind: 'chat' },
  // Share links.
  { input: 'https://www.instagram.com/share/p/BAbCdEfGh/', kind: 'share', ids: { code: 'BAbCdEfGh' }, url: 'https://www.instagram.com/share/p/BAbCdEfGh/' },
  { input: 'https://www.instagram.com/share/reel/BAbCdEfGh', kind: 'share', ids: { code: 'BAbCdEfGh' }, url: 'https://www.instagram.com/share/reel/BAbCdEfGh/' },
  { input: 'https://www.instagram.com/share/BAbCdEfGh/', kind: 'share', ids: { code: 'BAbCdEfGh' }, url: 'https://www.instagram.com/share/BAbCdEfGh/' },
  // Profiles.
  { input: 'https://www.instagram.com/some.user/', kind: 'profile', ids: { handle: 'some.user' }, url: 'https://www.instagram.com/some.user/' },
  { input: 'https://instagram.com/a?hl=en', kind: 'profile', ids: { handle: 'a' }, url: 'https://www.instagram.com/a/' },
  { input: 'https://www.instagram.com/some_user/tagged/', kind: 'profile', ids: { handle: 'some_user' }, url: 'https://www.instagram.com/some_user/' },
  { input: `https://www.instagram.com/${'a'.repeat(30)}/`, kind: 'profile', ids: { handle: 'a'.repeat(30) }, url: `https://www.instagram.com/${'a'.repeat(30)}/` },
  // Reserved paths and invalid names are not profiles.
  { input: 'https://www.instagram.com/', kind: 'home' },
  { input: 'https://www.instagram.com/explore/', kind: 'other' },
  { input: 'https://www.instagram.com/explore/tags/cats/', kind: 'other' },
  { input: 'https://www.instagram.com/accounts/login/', kind: 'other' },
  { input: 'https://www.instagram.com/direct', kind: 'chat' },
  { input: 'https://www.instagram.com/p/', kind: 'other' },
  { input: 'https://www.instagram.com/reels/', kind: 'other' },
  { input: 'https://www.instagram.com/reels/audio/123456789/', kind: 'other' },
  { input: 'https://www.instagram.com/stories/', kind: 'other' },
  { input: `https://www.instagram.com/${'a'.repeat(31)}/`, kind: 'other' },
  { input: 'https://www.instagram.com/some-user/', kind: 'other' },
  { input: 'https://www.instagram.com/constructor/x', kind: 'other' },
  { input: 'https://www.instagram.com/__proto__/', kind: 'profile', ids: { handle: '__proto__' }, url: 'https://www.instagram.com/__proto__/' },
];

describe('instagram.parseUrl through the registry', () => {
  itParsesEach('instagram', cases);
  itRejectsEach('instagram', [
    'https://instagram.com.evil.example/some.user/',
    'https://notinstagram.com/p/abcdef/',
    'https://help.instagram.com/616583228400289',
    'https://scontent.cdninstagram.com/v/t51/abc.jpg',
    'https://instagr.am.evil.example/p/abcdef/',
  ]);
});

describe('instagram link shim', () => {
  it('follows l.instagram.com/?u= to the wrapped address', () => {
    const target = 'https://www.tiktok.com/@scout2015/video/7106594312292453675';
    const parsed = parsePlatformUrl(`https://l.instagram.com/?u=${encodeURIComponent(target)}&e=AT0abc`);
    expect(parsed?.platform).toBe('instagram');
    expect(parsed?.kind).toBe('link-shim');
    expect(parsed?.target?.url).toBe(target);
    expect(parsed?.target?.parsed?.kind).toBe('video');
    expect(parsed?.target?.parsed?.platform).toBe('tiktok');
  });
  it('keeps an unsafe destination out of the target', () => {
    const parsed = parsePlatformUrl(`https://l.instagram.com/?u=${encodeURIComponent('javascript:alert(1)')}`);
    expect(parsed?.kind).toBe('link-shim');
    expect(parsed?.target).toBeUndefined();
  });
});
