// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { extractX } from '../../../lib/platforms/x/extract';
import type { ExtractedItem } from '../../../lib/platforms/types';
import { fieldMap, loadFixture, readAll, render } from './helpers';

/** The item the extractor must give, with its fields in their documented order. */
function post(handle: string, id: string, time: string, excerpt?: string): ExtractedItem {
  const item: ExtractedItem = {
    key: id,
    kind: 'post',
    fields: [
      { key: 'postUrl', value: `https://x.com/${handle}/status/${id}` },
      { key: 'postId', value: id },
      { key: 'handle', value: `@${handle}` },
      { key: 'time', value: time },
    ],
  };
  if (excerpt !== undefined) item.excerpt = excerpt;
  return item;
}

const BOB_POST = post(
  'bob',
  '1764718120712273920',
  // The snowflake's time, to the millisecond (the page's datetime says 18:22:41.000Z).
  '2024-03-04T18:22:41.512Z',
  'new pics from last night 🔥 link in bio',
);

describe('extractX on the home timeline', () => {
  const items = () => readAll(extractX, render(loadFixture('x-timeline.html')), new URL('https://x.com/home'));

  it('reads each post once, with normalized URLs, @handles and times', () => {
    expect(items()).toStrictEqual([
      BOB_POST,
      // "Alice reposted": the item is the original post by @carol_c, not Alice's.
      post(
        'carol_c',
        '1764440615027736578',
        '2024-03-03T23:59:59.001Z',
        "Reminder: sharing someone's intimate images without consent is abuse. Report it:…",
      ),
      // The promoted post has no status link and gives no item. Id 20 predates snowflakes: the page's datetime.
      post('jack', '20', '2006-03-21T20:50:14.000Z', 'just setting up my twttr'),
      // Bob's post again further down ("Dave reposted") is a duplicate and is left out.
    ]);
  });

  it('never takes the reposter as the author', () => {
    const handles = items().map((item) => fieldMap(item).handle);
    expect(handles).not.toContain('@alice');
    expect(handles).not.toContain('@dave');
  });

  it('gives the same result on twitter.com', () => {
    const root = render(loadFixture('x-timeline.html'));
    expect(readAll(extractX, root, new URL('https://twitter.com/home'))).toStrictEqual(readAll(extractX, root, new URL('https://x.com/home')));
  });
});

describe('extractX on a post page (conversation)', () => {
  it('reads the parent, the focal post and the replies, each once', () => {
    const items = readAll(extractX, 
      render(loadFixture('x-conversation.html')),
      new URL('https://x.com/bob/status/1764718120712273920?s=20'),
    );
    expect(items).toStrictEqual([
      post('carol_c', '1764440615027736578', '2024-03-03T23:59:59.001Z', 'Anyone else seeing these accounts pop up again?'),
      BOB_POST,
      post('dave_r', '1764722527197724677', '2024-03-04T18:40:12.100Z', '@bob this is not consensual, delete it'),
      // Handles keep their case, as X shows them.
      post('Erin', '1764728247423074310', '2024-03-04T19:02:55.908Z', 'Reported.'),
    ]);
  });
});

describe('extractX on quoted posts', () => {
  it("takes the outer post's link, time and text, never the quoted post's", () => {
    const items = readAll(extractX, render(loadFixture('x-quote.html')), new URL('https://x.com/search?q=leak&src=typed_query&f=live'));
    expect(items).toStrictEqual([
      post('dave_r', '1764629365582200835', '2024-03-04T12:30:00.640Z', 'This account keeps reposting stolen private photos. Please report.'),
      // Here the quote card's time is a status link too (older builds): still the outer post's.
      post('frank_1', '1764722527197724677', '2024-03-04T18:40:12.100Z', 'same person again'),
      // No text of her own: no excerpt, rather than the quoted post's text.
      post('gina', '1764728247423074310', '2024-03-04T19:02:55.908Z'),
    ]);
  });
});

describe('extractX fallbacks', () => {
  const article = (inner: string) => `<article data-testid="tweet" role="article">${inner}</article>`;
  const userName = (handle: string) =>
    `<div data-testid="User-Name"><a href="/${handle}" role="link"><span>Name</span></a><a href="/${handle}" tabindex="-1"><span>@${handle}</span></a></div>`;

  it('completes a handle-less status link (/i/status/<id>) with the author from User-Name', () => {
    const html = article(
      `${userName('bob')}<a href="/i/status/1764718120712273920"><time datetime="2024-03-04T18:22:41.000Z">6h</time></a>`,
    );
    expect(readAll(extractX, render(html), new URL('https://x.com/home'))).toStrictEqual([
      post('bob', '1764718120712273920', '2024-03-04T18:22:41.512Z'),
    ]);
  });

  it('keeps the /i/status/<id> link when no author handle is found', () => {
    const html = article(`<a href="/i/status/1764718120712273920"><time>6h</time></a>`);
    const [item] = readAll(extractX, render(html), new URL('https://x.com/home'));
    expect(fieldMap(item)).toStrictEqual({
      postUrl: 'https://x.com/i/status/1764718120712273920',
      postId: '1764718120712273920',
      time: '2024-03-04T18:22:41.512Z',
    });
  });

  it('uses another of the post’s own status links when the time is not a link', () => {
    const html = article(
      `${userName('bob')}<time datetime="2024-03-04T18:22:41.000Z">6h</time>` +
        `<a href="/bob/status/1764718120712273920/analytics">views</a>`,
    );
    expect(fieldMap(readAll(extractX, render(html), new URL('https://x.com/home'))[0]).postUrl).toBe(
      'https://x.com/bob/status/1764718120712273920',
    );
  });

  it('normalizes absolute twitter.com links and ignores status links on other sites', () => {
    const twitter = article(`<a href="https://mobile.twitter.com/bob/status/1764718120712273920?s=20"><time>6h</time></a>`);
    expect(fieldMap(readAll(extractX, render(twitter), new URL('https://x.com/home'))[0]).postUrl).toBe(
      'https://x.com/bob/status/1764718120712273920',
    );
    const elsewhere = article(`<a href="https://mastodon.example/@bob/status/1764718120712273920"><time>6h</time></a>`);
    expect(readAll(extractX, render(elsewhere), new URL('https://x.com/home'))).toStrictEqual([]);
  });

  it('treats a post nested in another post as part of the outer one', () => {
    const html = article(
      `${userName('dave_r')}<a href="/dave_r/status/1764629365582200835"><time>12h</time></a>` +
        article(`${userName('erin')}<a href="/erin/status/1762738291032981508"><time>Feb 28</time></a>`),
    );
    expect(readAll(extractX, render(html), new URL('https://x.com/home')).map((item) => item.key)).toStrictEqual([
      '1764629365582200835',
    ]);
  });

  it('gives nothing on pages without posts', () => {
    expect(readAll(extractX, render('<main><h1>Explore</h1></main>'), new URL('https://x.com/explore'))).toStrictEqual([]);
  });
});
