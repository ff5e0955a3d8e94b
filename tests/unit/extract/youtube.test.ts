// @vitest-environment happy-dom
/**
 * YouTube's items on a real saved page (tests/fixtures/real/youtube/, PROVENANCE.md: a video with its comments,
 * and the channel page the person came from, kept hidden) compared with the identifiers read by hand from its
 * anchors, and on hand-made pages for what it lacks (replies, the 2024-2025 markup, shorts, renamed elements).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readRows } from '../../../lib/platforms/extraction';
import type { ExtractedItem } from '../../../lib/platforms/types';
import { extractYouTubeWatch, youtubeExtractorFor } from '../../../lib/platforms/youtube/extract';
import { extractYouTubeChannel } from '../../../lib/platforms/youtube/extract-channel';
import { parseYouTubeUrl } from '../../../lib/platforms/youtube/url';
import { pageIdentifiers } from '../../../lib/platforms/page-identifiers';
import { buildReportText } from '../../../lib/report/report-text';
import { stepNeeds } from '../../../lib/report/step-identifiers';
import { fieldMap, loadFixturePage, loadRealPage, readAll } from './helpers';

const VIDEO = '5AhZh4A7NLM';
const WATCH = new URL(`https://www.youtube.com/watch?v=${VIDEO}`);
const OWNER = 'UCXgxNzAgZ1GExhTW4X1mUrg';

// Read by hand from the page's 20 comment threads: the permalink's `lc` (href="/watch?v=5AhZh4A7NLM&lc=…"), the
// author link (/channel/UC…) and name (#author-text), the permalink's text and the start of #content-text.
const COMMENTS: ReadonlyArray<readonly [string, string, string, string, string]> = [
  ['Ugzd8WgbpkrOaWyE7PR4AaABAg', OWNER, 'Marc Rebillet', '4 months ago', '(with you)'],
  ['UgwZHfYlgQuxMnzqJwR4AaABAg', 'UCwJAT4MkoZyGPQ7oYVjeEOg', 'Sam Clark', '2 months ago', 'The people driving outside his window ha'],
  ['UgwCIh7QKm4KKHAEvhN4AaABAg', 'UCI8AQqkapE9K6pd8aK71B7w', 'Josh Darnit', '2 months ago', "I just want 3% of this man's talent"],
  ['UgwrPT-Go-7jXybDGBt4AaABAg', 'UCuwCG766buGpsueRh_xCwqA', 'caidicus', '2 months ago', "When the music started I was like 'Yeah,"],
  ['Ugz6rVwd1zTl-RUHV3F4AaABAg', 'UCE4ahy9sjj8UW3osGFIZLJQ', 'Patrick Birck', '2 months ago', 'This man is THE sex symbol of our genera'],
  ['UgzKcONgfOGxLiECCZp4AaABAg', 'UCJwPiA3wNPDz8nNwXsP_FvA', 'DonPascquale', '2 months ago', 'i felt very depressed lately typing "i w'],
  ['UgyrB1F9UtsYV9poGDd4AaABAg', 'UCvl07_uBL_igLzXLhvEMAYw', 'Byd Sarret', '2 months ago (edited)', '4:45 That scream and the transition back'],
  ['Ugy20kuH6euc_Ohtdml4AaABAg', 'UCnINhoHWuVjUDXp7dav5e3A', 'Nelson Dellis', '4 months ago', "God dammit I missed this dude. It's been"],
  ['UgyBoRgHyRAl_anj8a54AaABAg', 'UCY6d4FEk5_38mnhtSxGfV4A', 'Bob Sauce', '2 months ago', 'Possibly the coolest guy to exist today.'],
  ['UgzxfN9S2zz6xmm0gEF4AaABAg', 'UCoQs9jsTzglGZQHTRIlbVFw', 'rawdiesel1', '1 month ago', 'Every once in a while a musical genius c'],
  ['UgwxE8Qm1RSvaZVjrHR4AaABAg', 'UCH_uytfyF16sw3PKApxHhOg', 'Sebastian Bower', '2 months ago (edited)', 'I used to think that music wasn’t able t'],
  ['UgyKKTMk0J96nBEdTIp4AaABAg', 'UCBLnbqt4coT0N4MfUiva5Yg', 'rockervdrive', '2 months ago', '3:11 that transition with the new keyboa'],
  ['UgzlO6OWq8SxPWP6yll4AaABAg', 'UC0wml4DNfO6chUZ2Nxu-scA', 'Andrew McDaniel', '1 month ago', 'I’m so glad I discovered this guy, he’s '],
  ['UgxbloIT7V8a7GhGDyF4AaABAg', 'UCQmi46GapX6m_NPGCyf403A', 'Ridoroku', '4 months ago', 'Depression: "I want to die" Marc: "I see'],
  ['Ugw46RfO-mdmz3qIzN94AaABAg', 'UC9IZAKg7kePLp6ZD37zOY4w', 'Yαgαмι', '2 days ago', "every time I'm feeling down, I come to t"],
  ['UgwAjXTfiQpCo_CP8O94AaABAg', 'UCzw86ClXJvK97Nw1BDe2-BQ', `CHITUS💖${'⸻'.repeat(42)}`, '2 months ago', 'This man lives in music. His heart provi'],
  ['Ugyl_5RFvXBKYaiFT9V4AaABAg', 'UCFkoq_rNVRq4ucOMxSy_Jzg', 'Wayward Soul', '2 months ago', 'In dark times, you always uplift my mood'],
  ['UgyEItHIYK8Md0zT0Op4AaABAg', 'UCOhnInoDYpAGtdiWTfe4atg', 'Blaze Piffington', '3 months ago', 'This song taps into that primal beat all'],
  ['UgxkpFJal54iwaP7myR4AaABAg', 'UCCEh8plT0Xl84Xd4DqfXQ1Q', 'Chawz & Bambii', '1 month ago', 'Marc is the definition of perfect music '],
  ['UgxNBl3W4aRIYOsIh8d4AaABAg', 'UCM783ysUCJxbRBW9AyHcsVA', 'hobasocka', '4 months ago', 'When the world needed him most … he came'],
];

describe('a YouTube video with its comments (real page, 2022)', () => {
  let page: DocumentFragment;
  beforeAll(() => {
    page = loadRealPage('youtube/watch-comments-2022.html');
  });

  it('lists the video’s channel first, with its link, channel id and name', () => {
    expect(readAll(extractYouTubeWatch, page, WATCH)[0]).toStrictEqual({
      key: `https://www.youtube.com/channel/${OWNER}`,
      kind: 'channel',
      fields: [
        { key: 'channelUrl', value: `https://www.youtube.com/channel/${OWNER}` },
        { key: 'channelId', value: OWNER },
        { key: 'authorName', value: 'Marc Rebillet' },
      ],
    });
  });

  it('lists the 20 comments with their permalinks, the commenter’s channel, the time shown and an excerpt', () => {
    const comments = readAll(extractYouTubeWatch, page, WATCH).slice(1);
    expect(comments).toHaveLength(COMMENTS.length);
    comments.forEach((item, index) => {
      const [id, channel, name, shown, start] = COMMENTS[index]!;
      expect(item.kind).toBe('comment');
      expect(item.key).toBe(id);
      expect(item.fields).toStrictEqual([
        { key: 'commentUrl', value: `https://www.youtube.com/watch?v=${VIDEO}&lc=${id}` },
        { key: 'commentId', value: id },
        { key: 'channelUrl', value: `https://www.youtube.com/channel/${channel}` },
        { key: 'channelId', value: channel },
        { key: 'authorName', value: name },
        { key: 'timeShown', value: shown },
      ]);
      expect(item.excerpt?.startsWith(start.trim())).toBe(true);
    });
  });

  it('lists none of the recommended videos beside it, nor the hidden channel page the person came from', () => {
    const kinds = new Set(readAll(extractYouTubeWatch, page, WATCH).map((item) => item.kind));
    expect([...kinds].sort()).toStrictEqual(['channel', 'comment']);
  });

  it('lists the channel page’s 35 videos and 2 shorts once each, when that page is the one shown (its Home tab, 46 tiles)', () => {
    const browse = page.querySelector('ytd-browse')!;
    const watch = page.querySelector('ytd-watch-flexy')!;
    // As YouTube shows it when the person goes back: the channel page visible, the video page hidden.
    browse.removeAttribute('hidden');
    watch.setAttribute('hidden', '');
    try {
      const items = readAll(extractYouTubeChannel, page, new URL('https://www.youtube.com/c/MarcRebillet'));
      expect(browse.querySelectorAll('ytd-grid-video-renderer, ytd-video-renderer, ytd-reel-item-renderer, ytd-rich-item-renderer')).toHaveLength(46);
      expect(items).toHaveLength(37);
      expect(items.slice(0, 3)).toStrictEqual([
        video('IG9-zBS5Uyg', 'CONTRACTUALLY OBLIGATED STREAM'),
        video('pQHfKQJJwD8', 'saying hi'),
        video(VIDEO, 'i want to die'),
      ]);
      // Its shelf of shorts (ytd-reel-item-renderer) gives the two shorts, by their /shorts/ address.
      const shorts = items.filter((item) => item.kind === 'reel').map((item) => [fieldMap(item).videoUrl, item.excerpt]);
      expect(shorts).toStrictEqual([
        ['https://www.youtube.com/shorts/ACcAggjoem8', 'you lookin fine.'],
        ['https://www.youtube.com/shorts/OVnLGSAQRpg', 'My car got towed :('],
      ]);
      const videos = items.filter((item) => item.kind === 'video');
      expect(videos).toHaveLength(35);
      expect(videos.every((item) => /^https:\/\/www\.youtube\.com\/watch\?v=[\w-]{11}$/.test(fieldMap(item).videoUrl!))).toBe(true);
    } finally {
      browse.setAttribute('hidden', '');
      watch.removeAttribute('hidden');
    }
  });

  it('gives the reporting steps the selected comments’ and channel’s links, and the report text lists them', () => {
    const items = readAll(extractYouTubeWatch, page, WATCH);
    const pageFields = pageIdentifiers(parseYouTubeUrl(WATCH)!);
    const selected = [items[2]!, items[5]!];
    expect(stepNeeds('yt-form', pageFields, items, selected)).toStrictEqual([
      { key: 'videoUrl', source: 'page', values: [WATCH.href] },
      { key: 'commentUrl', source: 'selected', values: [fieldMap(items[2]).commentUrl!, fieldMap(items[5]).commentUrl!], count: 2 },
      { key: 'channelUrl', source: 'selected', values: [fieldMap(items[2]).channelUrl!, fieldMap(items[5]).channelUrl!], count: 2 },
    ]);
    expect(stepNeeds('yt-contact-channel', pageFields, items, [items[0]!])).toStrictEqual([
      { key: 'channelUrl', source: 'selected', values: [`https://www.youtube.com/channel/${OWNER}`], count: 1 },
    ]);
    const text = buildReportText({ lang: 'en', platformName: 'YouTube', pageFields, items: [items[0]!, items[2]!], captures: [] });
    expect(text).toContain(`1. Channel\n   Channel link: https://www.youtube.com/channel/${OWNER}\n`);
    expect(text).toContain(`2. Comment\n   Comment link: https://www.youtube.com/watch?v=${VIDEO}&lc=${COMMENTS[1]![0]}\n`);
  });

  it('chooses the extractor by the kind of page', () => {
    expect(youtubeExtractorFor(parseYouTubeUrl(WATCH)!)).toBe(extractYouTubeWatch);
    expect(youtubeExtractorFor(parseYouTubeUrl(new URL(`https://www.youtube.com/shorts/${VIDEO}`))!)).toBe(extractYouTubeWatch);
    expect(youtubeExtractorFor(parseYouTubeUrl(new URL('https://www.youtube.com/@someone/shorts'))!)).toBe(extractYouTubeChannel);
    expect(youtubeExtractorFor(parseYouTubeUrl(new URL('https://www.youtube.com/'))!)).toBeNull();
  });
});

function video(id: string, title: string): ExtractedItem {
  return {
    key: id,
    kind: 'video',
    fields: [
      { key: 'videoUrl', value: `https://www.youtube.com/watch?v=${id}` },
      { key: 'videoId', value: id },
    ],
    excerpt: title,
  };
}

describe('YouTube variants the real page lacks (hand-made, 2024-2025 markup)', () => {
  const PAGE = new URL('https://www.youtube.com/watch?v=aaaaaaaaaaa');

  it('reads a channel shown by its @handle, with the channel id of the page’s microdata', () => {
    const [channel] = readAll(extractYouTubeWatch, loadFixturePage('youtube-watch-2024.html'), PAGE);
    expect(channel).toStrictEqual({
      key: 'https://www.youtube.com/@uploader.one',
      kind: 'channel',
      fields: [
        { key: 'channelUrl', value: 'https://www.youtube.com/@uploader.one' },
        { key: 'handle', value: '@uploader.one' },
        { key: 'channelId', value: 'UCaaaaaaaaaaaaaaaaaaaaaa' },
        { key: 'authorName', value: 'Uploader One' },
      ],
    });
  });

  it('takes no channel id from microdata of another video (left from an earlier page)', () => {
    const page = loadFixturePage('youtube-watch-2024.html');
    page.querySelector('meta[itemprop="videoId"]')!.setAttribute('content', 'xxxxxxxxxxx');
    expect(fieldMap(readAll(extractYouTubeWatch, page, PAGE)[0]).channelId).toBeUndefined();
  });

  it('lists comments and their opened replies, with @handles, reply permalinks and the time shown', () => {
    const items = readAll(extractYouTubeWatch, loadFixturePage('youtube-watch-2024.html'), PAGE).slice(1);
    expect(items.map((item) => [item.kind, fieldMap(item).commentUrl, fieldMap(item).handle ?? fieldMap(item).authorName, fieldMap(item).timeShown, item.excerpt])).toStrictEqual([
      ['comment', `${PAGE.href}&lc=UgxAAAAAAAAAAAAAAAAAAAAAAA`, '@first-viewer', '3 days ago', 'who is she? link pls'],
      ['reply', `${PAGE.href}&lc=UgxAAAAAAAAAAAAAAAAAAAAAAA.9zAAAAAAAAA9zBBBBBBBBB`, '@second.viewer', '2 days ago (edited)', 'check the description'],
      ['reply', `${PAGE.href}&lc=UgxAAAAAAAAAAAAAAAAAAAAAAA.9zCCCCCCCCC9zDDDDDDDDD`, '@uploader.one', '1 day ago', '👀'],
      ['comment', `${PAGE.href}&lc=UgyBBBBBBBBBBBBBBBBBBBBBBB`, 'Late Viewer', '1 hour ago', 'reported'],
    ]);
    // A commenter shown by @handle has no other name; one shown by name has a channel id.
    expect(fieldMap(items[0]).authorName).toBeUndefined();
    expect(fieldMap(items[3]).channelId).toBe('UCbbbbbbbbbbbbbbbbbbbbbb');
  });

  it('finds each comment from its permalink outward where the comment elements are renamed', () => {
    const { items, problem } = readRows(extractYouTubeWatch, loadFixturePage('youtube-comments-unmarked.html'), PAGE);
    expect(problem).toBeNull();
    expect(items.map((item) => [item.kind, item.key, fieldMap(item).handle, item.excerpt])).toStrictEqual([
      ['channel', 'https://www.youtube.com/@uploader.one', '@uploader.one', undefined],
      ['comment', 'UgxCCCCCCCCCCCCCCCCCCCCCCC', '@one', 'first'],
      ['comment', 'UgxDDDDDDDDDDDDDDDDDDDDDDD', '@two', 'second'],
    ]);
  });

  it('lists a short’s channel (the active short’s, not the next one’s) and its comments', () => {
    const short = new URL('https://www.youtube.com/shorts/sssssssssss');
    const items = readAll(extractYouTubeWatch, loadFixturePage('youtube-shorts-2024.html'), short);
    expect(items.map((item) => [item.kind, item.key, fieldMap(item).handle, fieldMap(item).commentUrl])).toStrictEqual([
      ['channel', 'https://www.youtube.com/@shorty.maker', '@shorty.maker', undefined],
      ['comment', 'UgzSSSSSSSSSSSSSSSSSSSSSSS', '@viewer.one', 'https://www.youtube.com/watch?v=sssssssssss&lc=UgzSSSSSSSSSSSSSSSSSSSSSSS'],
    ]);
  });

  it('lists a channel’s videos and shorts (not the hidden home page’s), each with its own address', () => {
    const items = readAll(extractYouTubeChannel, loadFixturePage('youtube-channel-2024.html'), new URL('https://www.youtube.com/@uploader.one/videos'));
    expect(items).toStrictEqual([
      video('ddddddddddd', 'the first video'),
      video('eeeeeeeeeee', 'the second video'),
      {
        key: 'fffffffffff',
        kind: 'reel',
        fields: [
          { key: 'videoUrl', value: 'https://www.youtube.com/shorts/fffffffffff' },
          { key: 'videoId', value: 'fffffffffff' },
        ],
        excerpt: 'a short one',
      },
    ]);
  });
});
