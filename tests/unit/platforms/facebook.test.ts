import { describe, expect, it } from 'vitest';
import { parsePlatformUrl } from '../../../lib/platforms/registry';
import { itParsesEach, itRejectsEach, type UrlCase } from './helpers';

const PFBID = 'pfbid02AbCdEfGhIjKlMnOpQrStUvWxYz123456789';
const FB = 'https://www.facebook.com';

const cases: UrlCase[] = [
  // Profiles.
  { input: `${FB}/zuck`, kind: 'profile', ids: { handle: 'zuck' }, url: `${FB}/zuck` },
  { input: 'https://m.facebook.com/some.name.123?ref=bookmarks', kind: 'profile', ids: { handle: 'some.name.123' }, url: `${FB}/some.name.123` },
  { input: 'https://fr-fr.facebook.com/zuck/', kind: 'profile', ids: { handle: 'zuck' }, url: `${FB}/zuck` },
  { input: 'https://fb.com/zuck', kind: 'profile', ids: { handle: 'zuck' }, url: `${FB}/zuck` },
  { input: `${FB}/zuck/about`, kind: 'profile', ids: { handle: 'zuck' }, url: `${FB}/zuck` },
  { input: `${FB}/zuck/photos_by`, kind: 'profile', ids: { handle: 'zuck' }, url: `${FB}/zuck` },
  { input: `${FB}/profile.php?id=100012345678901`, kind: 'profile', ids: { userId: '100012345678901' }, url: `${FB}/profile.php?id=100012345678901` },
  { input: `https://mbasic.facebook.com/profile.php?id=4&sk=photos#x`, kind: 'profile', ids: { userId: '4' }, url: `${FB}/profile.php?id=4` },
  { input: `${FB}/people/Jane-Doe/100012345678901/`, kind: 'profile', ids: { userId: '100012345678901' }, url: `${FB}/profile.php?id=100012345678901` },
  { input: `${FB}/pages/Some-Page/123456789`, kind: 'profile', ids: { userId: '123456789' }, url: `${FB}/profile.php?id=123456789` },
  { input: `${FB}/4`, kind: 'profile', ids: { userId: '4' }, url: `${FB}/profile.php?id=4` },
  // Posts.
  { input: `${FB}/zuck/posts/10114120633290361`, kind: 'post', ids: { handle: 'zuck', postId: '10114120633290361' }, url: `${FB}/zuck/posts/10114120633290361` },
  { input: `https://web.facebook.com/zuck/posts/${PFBID}?__cft__=x`, kind: 'post', ids: { handle: 'zuck', postId: PFBID }, url: `${FB}/zuck/posts/${PFBID}` },
  {
    input: `${FB}/permalink.php?story_fbid=${PFBID}&id=100012345678901&mibextid=abc`,
    kind: 'post',
    ids: { postId: PFBID, userId: '100012345678901' },
    url: `${FB}/permalink.php?story_fbid=${PFBID}&id=100012345678901`,
  },
  {
    input: 'https://m.facebook.com/story.php?story_fbid=1234567890&id=100012345678901',
    kind: 'post',
    ids: { postId: '1234567890', userId: '100012345678901' },
    url: `${FB}/permalink.php?story_fbid=1234567890&id=100012345678901`,
  },
  { input: `${FB}/groups/123456789012345/posts/987654321098765/`, kind: 'post', ids: { groupId: '123456789012345', postId: '987654321098765' }, url: `${FB}/groups/123456789012345/posts/987654321098765` },
  { input: `${FB}/groups/somegroup/permalink/987654321098765/`, kind: 'post', ids: { groupId: 'somegroup', postId: '987654321098765' }, url: `${FB}/groups/somegroup/posts/987654321098765` },
  // Groups.
  { input: `${FB}/groups/123456789012345`, kind: 'group', ids: { groupId: '123456789012345' }, url: `${FB}/groups/123456789012345` },
  { input: `${FB}/groups/some.group/about`, kind: 'group', ids: { groupId: 'some.group' }, url: `${FB}/groups/some.group` },
  { input: `${FB}/groups/123/user/100012345678901/`, kind: 'profile', ids: { groupId: '123', userId: '100012345678901' }, url: `${FB}/groups/123/user/100012345678901` },
  // Photos.
  { input: `${FB}/photo.php?fbid=10153231379946729&set=a.1&type=3`, kind: 'photo', ids: { postId: '10153231379946729' }, url: `${FB}/photo/?fbid=10153231379946729` },
  { input: `${FB}/photo/?fbid=10153231379946729&set=a.1`, kind: 'photo', ids: { postId: '10153231379946729' }, url: `${FB}/photo/?fbid=10153231379946729` },
  { input: `${FB}/photo?fbid=10153231379946729`, kind: 'photo', ids: { postId: '10153231379946729' }, url: `${FB}/photo/?fbid=10153231379946729` },
  { input: `${FB}/zuck/photos/a.123/10153231379946729/`, kind: 'photo', ids: { handle: 'zuck', postId: '10153231379946729' }, url: `${FB}/photo/?fbid=10153231379946729` },
  // Videos and reels.
  { input: `${FB}/watch/?v=123456789012345`, kind: 'video', ids: { videoId: '123456789012345' }, url: `${FB}/watch/?v=123456789012345` },
  { input: `https://m.facebook.com/watch?v=123456789012345&ref=share`, kind: 'video', ids: { videoId: '123456789012345' }, url: `${FB}/watch/?v=123456789012345` },
  { input: `${FB}/watch/live/?v=123456789012345`, kind: 'live', ids: { videoId: '123456789012345' }, url: `${FB}/watch/?v=123456789012345` },
  { input: `${FB}/video.php?v=123456789012345`, kind: 'video', ids: { videoId: '123456789012345' }, url: `${FB}/watch/?v=123456789012345` },
  { input: `${FB}/zuck/videos/123456789012345/`, kind: 'video', ids: { handle: 'zuck', videoId: '123456789012345' }, url: `${FB}/zuck/videos/123456789012345` },
  { input: `${FB}/zuck/videos/some-title/123456789012345/`, kind: 'video', ids: { handle: 'zuck', videoId: '123456789012345' }, url: `${FB}/zuck/videos/123456789012345` },
  { input: `${FB}/reel/123456789012345?s=yWDuG2`, kind: 'reel', ids: { videoId: '123456789012345' }, url: `${FB}/reel/123456789012345` },
  // Stories.
  { input: `${FB}/stories/100012345678901/UzpfSVNDOjEyMzQ1Njc4OTA=/`, kind: 'story', ids: { userId: '100012345678901', storyId: 'UzpfSVNDOjEyMzQ1Njc4OTA=' }, url: `${FB}/stories/100012345678901/UzpfSVNDOjEyMzQ1Njc4OTA=/` },
  // Share and short links.
  { input: `${FB}/share/p/1AbCdEfGhI/`, kind: 'share', ids: { code: '1AbCdEfGhI' }, url: `${FB}/share/p/1AbCdEfGhI/` },
  { input: `https://m.facebook.com/share/v/1AbCdEfGhI?mibextid=x`, kind: 'share', ids: { code: '1AbCdEfGhI' }, url: `${FB}/share/v/1AbCdEfGhI/` },
  { input: `${FB}/share/r/1AbCdEfGhI/`, kind: 'share', ids: { code: '1AbCdEfGhI' }, url: `${FB}/share/r/1AbCdEfGhI/` },
  { input: `${FB}/share/1AbCdEfGhI/`, kind: 'share', ids: { code: '1AbCdEfGhI' }, url: `${FB}/share/1AbCdEfGhI/` },
  { input: 'https://fb.watch/abcDEF123/', kind: 'short-link', ids: { code: 'abcDEF123' }, url: 'https://fb.watch/abcDEF123/' },
  { input: 'https://fb.watch/abcDEF123?mibextid=x', kind: 'short-link', ids: { code: 'abcDEF123' }, url: 'https://fb.watch/abcDEF123/' },
  // Facebook's own pages are not profiles.
  { input: `${FB}/`, kind: 'home' },
  { input: `${FB}/home.php`, kind: 'home' },
  { input: `${FB}/login`, kind: 'other' },
  { input: `${FB}/login.php?next=x`, kind: 'other' },
  { input: `${FB}/watch`, kind: 'other' },
  { input: `${FB}/watch/`, kind: 'other' },
  { input: `${FB}/marketplace/item/123`, kind: 'other' },
  { input: `${FB}/groups/feed/`, kind: 'other' },
  { input: `${FB}/groups/`, kind: 'other' },
  { input: `${FB}/events/123456`, kind: 'other' },
  { input: `${FB}/help/contact/634636250523119`, kind: 'other' },
  { input: `${FB}/settings`, kind: 'other' },
  { input: `${FB}/hashtag/cats`, kind: 'other' },
  { input: `${FB}/sharer/sharer.php?u=x`, kind: 'other' },
  { input: `${FB}/sharer.php?u=x`, kind: 'other' },
  { input: `${FB}/reel/`, kind: 'other' },
  { input: `${FB}/profile.php`, kind: 'other' },
  { input: `${FB}/profile.php?id=abc`, kind: 'other' },
  { input: `${FB}/permalink.php?id=1`, kind: 'other' },
  { input: `${FB}/zuck/posts/not-an-id`, kind: 'other' },
  { input: `${FB}/zuck/unknown/thing`, kind: 'other' },
  { input: `${FB}/some_name`, kind: 'other' },
  { input: 'https://developers.facebook.com/docs', kind: 'other' },
  { input: 'https://business.facebook.com/latest', kind: 'other' },
  { input: 'https://fb.watch/', kind: 'other' },
  // Messages on facebook.com belong to Messenger (see messenger.test.ts); a bare shim host path is 'other'.
  { input: 'https://l.facebook.com/', kind: 'other' },
];

describe('facebook.parseUrl through the registry', () => {
  itParsesEach('facebook', cases);
  itRejectsEach('facebook', [
    'https://facebook.com.evil.example/zuck',
    'https://evil-facebook.com/zuck',
    'https://notfacebook.com/zuck',
    'https://fb.com.evil.example/zuck',
    'https://fb.watch.evil.example/abc/',
    'https://scontent.xx.fbcdn.net/v/photo.jpg',
    `${FB}/messages/t/100012345678901`,
  ]);
});

describe('facebook link shims', () => {
  it('follows l.facebook.com/l.php?u= and parses the destination', () => {
    const target = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&feature=share';
    const parsed = parsePlatformUrl(`https://l.facebook.com/l.php?u=${encodeURIComponent(target)}&h=AT0abc`);
    expect(parsed?.platform).toBe('facebook');
    expect(parsed?.kind).toBe('link-shim');
    expect(parsed?.target?.url).toBe(target);
    expect(parsed?.target?.parsed?.platform).toBe('youtube');
    expect(parsed?.target?.parsed?.ids).toEqual({ videoId: 'dQw4w9WgXcQ' });
  });
  it('follows the mobile shim and the unsafe-link interstitial', () => {
    const target = 'https://example.com/page?x=1';
    for (const shim of [
      `https://lm.facebook.com/l.php?u=${encodeURIComponent(target)}`,
      `https://www.facebook.com/flx/warn/?u=${encodeURIComponent(target)}`,
    ]) {
      const parsed = parsePlatformUrl(shim);
      expect(parsed?.kind).toBe('link-shim');
      expect(parsed?.target).toEqual({ url: target, parsed: null });
    }
  });
  it('follows nested shims (facebook → instagram → x)', () => {
    const inner = `https://l.instagram.com/?u=${encodeURIComponent('https://x.com/jack/status/20')}`;
    const parsed = parsePlatformUrl(`https://l.facebook.com/l.php?u=${encodeURIComponent(inner)}`);
    expect(parsed?.target?.parsed?.platform).toBe('instagram');
    expect(parsed?.target?.parsed?.target?.parsed?.platform).toBe('x');
    expect(parsed?.target?.parsed?.target?.parsed?.kind).toBe('post');
  });
  it('reports shims with unsafe or missing destinations without a target', () => {
    for (const shim of [
      `https://l.facebook.com/l.php?u=${encodeURIComponent('javascript:alert(1)')}`,
      `https://l.facebook.com/l.php?u=${encodeURIComponent('data:text/html,<b>x</b>')}`,
      'https://l.facebook.com/l.php?u=not%20a%20url',
      'https://l.facebook.com/l.php',
    ]) {
      const parsed = parsePlatformUrl(shim);
      expect(parsed?.kind).toBe('link-shim');
      expect(parsed?.target).toBeUndefined();
    }
  });
});
