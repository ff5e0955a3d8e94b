// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { extractInstagram, mediaTarget } from '../../../lib/platforms/instagram/extract';
import type { ExtractedItem } from '../../../lib/platforms/types';
import { fieldMap, loadFixture, readAll, render } from './helpers';
import { loadRealPage } from './real-pages';

const POST_PAGE = new URL('https://www.instagram.com/p/DWD5jrEoGa8/');

/**
 * The comments of the real page (tests/fixtures/real/instagram/post-comments-with-replies.html), read by hand from
 * its anchors: each permalink `/p/DWD5jrEoGa8/c/<id>/`, the `<time datetime>` inside it and the profile link before
 * it. The first is a comment, the other fourteen its replies (in the `<ul>` under it).
 */
const REAL_COMMENTS: [id: string, handle: string, time: string][] = [
  ['18109876459691320', 'davi_na_dagher', '2026-03-19T09:39:23.000Z'],
  ['17935489566037131', 'johan_demorieux', '2026-03-19T09:42:15.000Z'],
  ['18198777148354531', 'thefoster._', '2026-03-19T09:44:44.000Z'],
  ['17942414660999323', 'theangrydad', '2026-03-19T09:46:37.000Z'],
  ['17978499078002801', 'elmahi.eba', '2026-03-19T09:58:07.000Z'],
  ['18082012136371209', 'nanou.dzz', '2026-03-19T10:04:03.000Z'],
  ['18091884907896868', 'davi_na_dagher', '2026-03-19T10:37:39.000Z'],
  ['18129839719557256', 'davi_na_dagher', '2026-03-19T10:41:23.000Z'],
  ['18453927262103512', 'davi_na_dagher', '2026-03-19T10:41:54.000Z'],
  ['18332952151174780', 'davi_na_dagher', '2026-03-19T10:48:48.000Z'],
  ['17916204771314174', 'tazkult2026', '2026-03-19T12:37:49.000Z'],
  ['17930091318218278', 'johan_demorieux', '2026-03-19T13:06:23.000Z'],
  ['17986834430792909', '__.vavaaaa.__', '2026-03-19T13:12:23.000Z'],
  ['18055357079480110', 'nanou.dzz', '2026-03-19T13:45:55.000Z'],
  ['18064536662662102', 'un_croissant_sans_gluten_', '2026-03-19T18:50:59.000Z'],
];

function comment(kind: 'comment' | 'reply', code: string, id: string, handle: string, time: string, excerpt: string): ExtractedItem {
  return {
    key: id,
    kind,
    fields: [
      { key: 'commentUrl', value: `https://www.instagram.com/p/${code}/c/${id}/` },
      { key: 'commentId', value: id },
      { key: 'handle', value: handle },
      { key: 'profileUrl', value: `https://www.instagram.com/${handle}/` },
      { key: 'time', value: time },
    ],
    excerpt,
  };
}

describe('extractInstagram on a real post page (comments and replies, 2026)', () => {
  const items = () => readAll(extractInstagram, render(loadRealPage('instagram/post-comments-with-replies.html')), POST_PAGE);

  it('reads every comment and reply with the identifiers read by hand from its anchors', () => {
    const read = items();
    expect(read.map((item) => [item.key, fieldMap(item).handle, fieldMap(item).time])).toStrictEqual(REAL_COMMENTS);
    for (const item of read) {
      expect(fieldMap(item).commentUrl).toBe(`https://www.instagram.com/p/DWD5jrEoGa8/c/${item.key}/`);
      expect(fieldMap(item).profileUrl).toBe(`https://www.instagram.com/${fieldMap(item).handle}/`);
    }
  });

  it('tells the comment from its replies, and gives each its own text, not its header or buttons', () => {
    const read = items();
    expect(read.map((item) => item.kind)).toStrictEqual(['comment', ...Array<string>(14).fill('reply')]);
    expect(read[0]?.excerpt).toBe('On veut savoir la fin du careme et non pas Ramadan svp');
    expect(read[1]?.excerpt).toBe('@davi_na_dagher google est ton ami');
    expect(read[4]?.excerpt).toBe('@davi_na_dagher pleure ça fait du bien 😌');
    for (const item of read) expect(item.excerpt).not.toMatch(/Répondre|\d+ J’aime|\d+ sem\b/);
  });

  it('gives nothing for a comment that shows no permalink (an image comment): nothing to anchor it, nothing invented', () => {
    const root = render(loadRealPage('instagram/post-comments-with-image-comment.html'));
    expect(readAll(extractInstagram, root, POST_PAGE)).toStrictEqual([]);
  });
});

describe('extractInstagram on a profile', () => {
  const PROFILE = new URL('https://www.instagram.com/alice.example/');

  it('reads each post and reel of the grid once, with its canonical link and the profile as author', () => {
    const items = readAll(extractInstagram, render(loadFixture('instagram-profile.html')), PROFILE);
    const tile = (kind: 'post' | 'reel', code: string, excerpt?: string): ExtractedItem => ({
      key: code,
      kind,
      fields: [
        { key: 'postUrl', value: `https://www.instagram.com/${kind === 'reel' ? 'reel' : 'p'}/${code}/` },
        { key: 'handle', value: 'alice.example' },
        { key: 'profileUrl', value: 'https://www.instagram.com/alice.example/' },
      ],
      ...(excerpt === undefined ? {} : { excerpt }),
    });
    expect(items).toStrictEqual([
      tile('post', 'DAbCdEfGh12', 'Beach day with friends 🌊 #summer'),
      tile('reel', 'DAbCdEfGh34'),
      tile('post', 'DAbCdEfGh56', 'Photo by alice.example on March 02, 2026. May be an image of 2 people.'),
      // The older `/p/<code>/` form: the page's account is the author. The reel shown twice is one item.
      tile('post', 'C9XyZ_aB-cd', 'Throwback 📸'),
    ]);
  });

  it('names no author for tiles on a tab that shows other accounts’ posts (tagged)', () => {
    const items = readAll(extractInstagram, render(loadFixture('instagram-profile.html')), new URL('https://www.instagram.com/alice.example/tagged/'));
    expect(fieldMap(items.find((item) => item.key === 'C9XyZ_aB-cd')).handle).toBeUndefined();
    // A `/<user>/p/<code>/` link names its author itself.
    expect(fieldMap(items.find((item) => item.key === 'DAbCdEfGh12')).handle).toBe('alice.example');
  });
});

describe('extractInstagram on a post page (hand-made: the post, comments, replies, more posts)', () => {
  it('reads the post with its author first, then each comment and reply, then the other posts', () => {
    const items = readAll(extractInstagram, render(loadFixture('instagram-post.html')), new URL('https://www.instagram.com/p/DCpost0001x/'));
    expect(items.map((item) => [item.kind, item.key, fieldMap(item).handle])).toStrictEqual([
      ['post', 'DCpost0001x', 'dana.k'],
      ['comment', '18000000000000001', 'eve_x'],
      ['reply', '18000000000000002', 'frank.t'],
      ['reply', '18000000000000003', 'dana.k'],
      ['comment', '18000000000000004', 'gina.r'],
      ['post', 'DCpost0002y', 'dana.k'],
      ['reel', 'DCpost0003z', 'dana.k'],
    ]);
    expect(items[0]).toStrictEqual({
      key: 'DCpost0001x',
      kind: 'post',
      fields: [
        { key: 'postUrl', value: 'https://www.instagram.com/p/DCpost0001x/' },
        { key: 'handle', value: 'dana.k' },
        { key: 'profileUrl', value: 'https://www.instagram.com/dana.k/' },
        { key: 'time', value: '2026-12-01T19:30:00.000Z' },
      ],
      excerpt: 'look what I found 😂',
    });
    expect(items[2]).toStrictEqual(
      comment('reply', 'DCpost0001x', '18000000000000002', 'frank.t', '2026-12-01T20:15:00.000Z', '@eve_x sent you the link in DM'),
    );
  });
});

describe('extractInstagram on the home feed (hand-made)', () => {
  it('reads each post with its author and time; the picture linking the post is part of it; an ad gives nothing', () => {
    const items = readAll(extractInstagram, render(loadFixture('instagram-feed.html')), new URL('https://www.instagram.com/'));
    expect(items.map((item) => [item.kind, item.key, fieldMap(item).handle, fieldMap(item).time])).toStrictEqual([
      ['post', 'DBfeed0001a', 'bob_photos', '2026-11-30T21:04:11.000Z'],
      ['reel', 'DBfeed0002b', 'carla.v', '2026-12-05T08:00:00.000Z'],
    ]);
  });
});

describe('mediaTarget', () => {
  it('reads the link shapes Instagram writes, and nothing else', () => {
    expect(mediaTarget('/p/DWD5jrEoGa8/c/18453927262103512/')).toEqual({ kind: 'post', prefix: 'p', code: 'DWD5jrEoGa8', commentId: '18453927262103512' });
    expect(mediaTarget('https://www.instagram.com/someone/reel/C1a2B3c4D5e/?igsh=x')).toEqual({ kind: 'reel', prefix: 'reel', code: 'C1a2B3c4D5e', owner: 'someone' });
    expect(mediaTarget('/reels/C1a2B3c4D5e/')).toMatchObject({ kind: 'reel', code: 'C1a2B3c4D5e' });
    expect(mediaTarget('/tv/C1a2B3c4D5e/')).toMatchObject({ kind: 'video', prefix: 'tv' });
    for (const other of ['/p/DWD5jrEoGa8/liked_by/', '/reels/audio/123456789/', '/explore/p/C1a2B3c4D5e/', 'https://evil.example/p/C1a2B3c4D5e/', '/p/abc/', '#', null]) {
      expect(mediaTarget(other), String(other)).toBeNull();
    }
  });
});
