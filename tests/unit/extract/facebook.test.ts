// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { extractFacebook } from '../../../lib/platforms/facebook/extract';
import type { ExtractedItem } from '../../../lib/platforms/types';
import { fieldMap, loadFixture, readAll, render } from './helpers';
import { loadRealPage } from './real-pages';

const FEED = new URL('https://www.facebook.com/');

function post(url: string, profile: string, name: string, time: string, excerpt?: string): ExtractedItem {
  return {
    key: url,
    kind: 'post',
    fields: [
      { key: 'postUrl', value: url },
      { key: 'profileUrl', value: profile },
      { key: 'authorName', value: name },
      { key: time.endsWith('Z') ? 'time' : 'timeShown', value: time },
    ],
    ...(excerpt === undefined ? {} : { excerpt }),
  };
}

/**
 * The real 2016 stories (tests/fixtures/real/facebook/), with what was read by hand from their anchors: the link
 * around the story's `<abbr data-utime>` (its permalink; the time is that attribute, in seconds) and the author's
 * avatar and name links at the top of the story.
 */
const REAL_STORIES: [file: string, expected: ExtractedItem][] = [
  [
    '2016-post.html',
    post('https://www.facebook.com/agranzot/posts/10154575795176552', 'https://www.facebook.com/agranzot', 'Alberto Granzotto', '2016-09-29T21:10:23.000Z', 'Hello, this is a public post for testing purposes, please ignore it and enjoy yo…'),
  ],
  [
    // A page's post: the permalink is permalink.php?story_fbid=&id=; the author is the page.
    '2016-post01.html',
    post('https://www.facebook.com/permalink.php?story_fbid=1132045500176946&id=158503560864483', 'https://www.facebook.com/Isis-the-band-158503560864483', 'Isis the band', '2016-09-28T18:32:29.000Z', 'Check out "Rise" from Mustard Gas and Roses\'s record Becoming. Thanks to Clrvynt…'),
  ],
  [
    // Three comments under it: their authors and `?comment_id=` links are not the post's.
    '2016-post02.html',
    post('https://www.facebook.com/Lastknight/posts/10154603530677053', 'https://www.facebook.com/Lastknight', 'Matteo G.P. Flora', '2016-10-06T19:48:45.000Z', 'Nessun giornale sceglie di appoggiarlo. E fu così che vinse.'),
  ],
  [
    // "A friend commented on this": the friend is not the author; the story inside is the item.
    '2016-postCommentedByFriend.html',
    post('https://www.facebook.com/dodo.pavesi/posts/10210966616944881', 'https://www.facebook.com/dodo.pavesi', 'Edoardo Pavesi', '2016-10-06T12:36:34.000Z', 'Agghiacciante'),
  ],
  [
    // Sharing a page's video: the item is the sharer's post, not the video.
    '2016-privateSharePublicPost.html',
    post('https://www.facebook.com/roldano.depersio/posts/10155142762582565', 'https://www.facebook.com/roldano.depersio', 'Roldano De Persio', '2016-10-27T18:43:37.000Z'),
  ],
  [
    // A shared post holding the original: one item, the outer post.
    '2016-sharedPost.html',
    post('https://www.facebook.com/Ryanair.Henderson/posts/10103791223584550', 'https://www.facebook.com/Ryanair.Henderson', 'Ryan Henderson', '2016-09-29T21:19:56.000Z', 'Help Alberto make this the most liked facebook clickbait of all time!'),
  ],
];

describe('extractFacebook on real 2016 stories', () => {
  for (const [file, expected] of REAL_STORIES) {
    it(`${file}: the permalink, the author's profile URL and name, and the time read by hand`, () => {
      expect(readAll(extractFacebook, render(loadRealPage(`facebook/${file}`)), FEED)).toStrictEqual([expected]);
    });
  }

  it('reads all six stories on one page, in order, each once', () => {
    const page = REAL_STORIES.map(([file]) => loadRealPage(`facebook/${file}`).replace(/^[\s\S]*?<body>|<\/body>[\s\S]*$/g, '')).join('\n');
    expect(readAll(extractFacebook, render(page), FEED)).toStrictEqual(REAL_STORIES.map(([, expected]) => expected));
  });
});

describe('extractFacebook on the current layout (hand-made feed, 2023-2026)', () => {
  const items = () => readAll(extractFacebook, render(loadFixture('facebook-feed.html')), FEED);

  it("reads each feed unit's permalink, author and time as shown; a suggestion without permalink gives nothing", () => {
    expect(items()).toStrictEqual([
      post('https://www.facebook.com/dana.example/posts/pfbid02Xk7Lm9QrStUvWxYz3aBcDeFgHiJkLmNoPqRsTu', 'https://www.facebook.com/dana.example', 'Dana Example', '3 h', 'guess who 😂 (you know who you are)'),
      // A group post: the author's group-member link becomes their own profile's address.
      post('https://www.facebook.com/groups/987654321098765/posts/1122334455667788', 'https://www.facebook.com/profile.php?id=100012345678901', 'Frank Other', 'Yesterday at 22:14', 'full album in the comments'),
      // A shared video inside: part of the sharer's item, not one of its own.
      post('https://www.facebook.com/permalink.php?story_fbid=pfbid0Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8&id=100098765432101', 'https://www.facebook.com/profile.php?id=100098765432101', 'Gina Numeric', '2 d', 'look at this'),
    ]);
  });

  it('never takes a commenter for the author, nor a post linked from a comment for an item', () => {
    const read = items();
    expect(read.map((item) => fieldMap(item).profileUrl)).not.toContain('https://www.facebook.com/eve.example');
    expect(read.map((item) => item.key)).not.toContain('https://www.facebook.com/other.page/posts/123456789012345');
  });
});

describe('extractFacebook on a photo page (hand-made)', () => {
  it("gives the photo's post with its author, though no container marks it", () => {
    const pageUrl = new URL('https://www.facebook.com/photo/?fbid=200000000000001&set=a.200000000000002');
    expect(readAll(extractFacebook, render(loadFixture('facebook-photo.html')), pageUrl)).toStrictEqual([
      post('https://www.facebook.com/photo/?fbid=200000000000001', 'https://www.facebook.com/hank.poster', 'Hank Poster', 'December 2 at 23:40'),
    ]);
  });

  it('gives the page itself as the post where no link to it is shown, with the first author outside the comments', () => {
    const pageUrl = new URL('https://www.facebook.com/hank.poster/videos/300000000000001/');
    const root = render('<div role="main"><a href="/hank.poster">Hank Poster</a><div role="article"><a href="/ivy.viewer">Ivy</a></div></div>');
    expect(readAll(extractFacebook, root, pageUrl)).toStrictEqual([
      {
        key: 'https://www.facebook.com/hank.poster/videos/300000000000001',
        kind: 'video',
        fields: [
          { key: 'postUrl', value: 'https://www.facebook.com/hank.poster/videos/300000000000001' },
          { key: 'profileUrl', value: 'https://www.facebook.com/hank.poster' },
          { key: 'authorName', value: 'Hank Poster' },
        ],
      },
    ]);
  });

  it('gives nothing on a feed page that shows no post yet', () => {
    expect(readAll(extractFacebook, render('<div role="main"><a href="/hank.poster">Hank</a></div>'), FEED)).toStrictEqual([]);
  });
});
