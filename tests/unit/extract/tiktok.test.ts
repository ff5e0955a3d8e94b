// @vitest-environment happy-dom
/**
 * TikTok's items on real saved pages (tests/fixtures/real/tiktok/, PROVENANCE.md) compared with the identifiers
 * read by hand from their anchors, and on hand-made pages for what the real ones lack (replies, photo posts,
 * descriptions in `alt`, a grid without test ids).
 */
import { describe, expect, it } from 'vitest';
import { readRows } from '../../../lib/platforms/extraction';
import { extractTikTokGrid, extractTikTokVideoPage, tiktokExtractorFor } from '../../../lib/platforms/tiktok/extract';
import { parseTikTokUrl } from '../../../lib/platforms/tiktok/url';
import { pageIdentifiers } from '../../../lib/platforms/page-identifiers';
import { stepNeeds } from '../../../lib/report/step-identifiers';
import type { ExtractedItem } from '../../../lib/platforms/types';
import { fieldMap, loadFixture, loadFixturePage, loadRealPage, readAll, render } from './helpers';

/** Independent of lib/platforms/snowflake.ts: an id divided by 2^32 is its creation time in seconds. */
const idTime = (id: string) => new Date(Number(BigInt(id) / 4294967296n) * 1000).toISOString();

describe('a TikTok profile (real page, 2022)', () => {
  const PAGE = new URL('https://www.tiktok.com/@alalei77');
  // The 30 video links of the grid, read by hand from its anchors (href="https://www.tiktok.com/@alalei77/video/…").
  const VIDEO_IDS = (
    '7103486912966561029 7103211672575266053 7103123666128375046 7102384770432175366 7102063820495015174 ' +
    '7101825977512135942 7101794732585667846 7101316489499708678 7100557712198552837 7100214378305211654 ' +
    '7100015139616722181 7099858135011101957 7099548673268272389 7099470799354006790 7098753809236741382 ' +
    '7098733298062494981 7097898684842609926 7097140879932148998 7096461468702379269 7095816769855704325 ' +
    '7095651859733564678 7094889622223850758 7094547272049986821 7094323554115767557 7093887942262852869 ' +
    '7092750400465456389 7092659346009492742 7092382189756681478 7092292201673231622 7091866313869626630'
  ).split(' ');

  // The thumbnails' `alt` texts that are not empty: the videos' captions.
  const CAPTIONS: Record<string, string> = {
    '7103123666128375046': '@lalago77',
    '7102384770432175366': '@lalago77',
    '7102063820495015174': '@lalago77 #fyp',
    '7101825977512135942': '@lalago77',
    '7101316489499708678': '@lalago77',
    '7094323554115767557': '#sexywomen#sexylady #fyp #hotwomen #asiangirl #beauty',
  };

  it('lists every video of the grid with its link, id, @name, the time its id encodes and its caption', () => {
    const items = readAll(extractTikTokGrid, loadRealPage('tiktok/profile-2022.html'), PAGE);
    expect(items).toStrictEqual(
      VIDEO_IDS.map((id): ExtractedItem => {
        const item: ExtractedItem = {
          key: id,
          kind: 'video',
          fields: [
            { key: 'videoUrl', value: `https://www.tiktok.com/@alalei77/video/${id}` },
            { key: 'videoId', value: id },
            { key: 'handle', value: '@alalei77' },
            { key: 'time', value: idTime(id) },
          ],
        };
        const caption = CAPTIONS[id];
        if (caption !== undefined) item.excerpt = caption;
        return item;
      }),
    );
  });

  it('is the extractor of profile pages, and the video page’s of videos and photo posts', () => {
    expect(tiktokExtractorFor(parseTikTokUrl(PAGE)!)).toBe(extractTikTokGrid);
    expect(tiktokExtractorFor(parseTikTokUrl(new URL(`${PAGE.href}/video/${VIDEO_IDS[0]}`))!)).toBe(extractTikTokVideoPage);
    expect(tiktokExtractorFor(parseTikTokUrl(new URL(`${PAGE.href}/photo/${VIDEO_IDS[0]}`))!)).toBe(extractTikTokVideoPage);
    expect(tiktokExtractorFor(parseTikTokUrl(new URL('https://www.tiktok.com/foryou'))!)).toBeNull();
  });
});

describe('a TikTok video with its comments (real page, 2022)', () => {
  const VIDEO = '7135383664971582725';
  const PAGE = new URL(`https://www.tiktok.com/@merveilleux123/video/${VIDEO}`);
  // Read by hand from each comment's anchors: the DivCommentContentContainer's id, the avatar link's /@name, the
  // name shown (comment-username-1), the time shown (comment-time-1) and the start of the text (comment-level-1).
  const COMMENTS: ReadonlyArray<readonly [string, string, string, string, string]> = [
    ['7136970338026177286', 'user698505160780cesca', 'user698505160780', '1d ago', 'mesi'],
    ['7135673357307233029', 'user9880568230874', 'user9880568230874', '5d ago', 'Super 🥰Mersi'],
    ['7136526581421654790', 'littleriina', 'Orianne', '2d ago', 'le "sprite" 😂😅'],
    ['7135848939572658950', 'zanabougbane0', 'Zanabou Gbane', '4d ago', 'ha ok'],
    ['7135392136946909958', 'khader_toure', 'KHADER_TOURÉ 🖤', '6d ago', 'Pendant un an ?😒'],
    ['7135396644673045253', 'djidjina09', 'DjiDjina09', '5d ago', 'merci maintenant toute ma maison sent le'],
    ['7135453926551307013', 'flemme_404', 'Flemme_404', '5d ago', "Hier j'avais une calvitie, mais heureuse"],
    ['7136184735360926469', 'dalouletbouha08', 'Daloulet Bouha', '3d ago', 'حاسة حالي يتيمة هون 😂😂😂😂😂'],
    ['7136307429780521733', 'mohamedbelhadj123', 'Møhåmëd Bëlhãdj', '3d ago', 'ماعييت نحوس مالقيت حتى واحد وراكم 😂😂'],
    ['7135427214304133894', 'abousy34', 'absy🇸🇳🇫🇷', '5d ago', 'mieux vaut construire une maison avec de'],
    ['7135554920229683974', 'fredinfrance', 'fredinfrance', '5d ago', 'dentifrice pour les hémorroïdes et tu en'],
    ['7135388854202450693', 'my_tiktok743', '@marie creatrice', '6d ago', "ça donne une idée du produit qu'on se fo"],
    ['7135447366924567302', 'jicelaboulange', 'Jicelaboulange', '5d ago', 'Histoire de dire que le. Dentifrice est '],
    ['7135387689817948933', 'johannareinhardt64', 'Johanna Reinhardt975', '6d ago', 'genre la poignée est ultra rouillée et e'],
    ['7135402670400275205', 'shao.mao', 'Mao', '5d ago', "sa se voit que c'est 1cm hein"],
    ['7135274580041745157', 'bamee_emmanuel', 'Emmanuel', '5d ago', 'lles conseils même sont étonnés de leur '],
    ['7135390828382405381', 'sweety_.darling', '𝒜🍯', '6d ago', 'sprint😂'],
    ['7135419774078550789', 'astaroth02100', 'Thierry', '5d ago', 'Vitre propres pdt un an ? Il es marseill'],
    ['7135968747529863942', 'mathieujgingras', 'mathieujgingras', '4d ago', 'pendant un ans trois sé intemporel 😂😂'],
    ['7135728806220792581', 'dylan.morlot', 'dylan.morlot', '5d ago', 'pour les brûlures aussi'],
  ];
  const items = () => readAll(extractTikTokVideoPage, loadRealPage('tiktok/video-comments-2022.html'), PAGE);

  it('lists the video’s author first, with their profile link, @name and display name', () => {
    expect(items()[0]).toStrictEqual({
      key: 'https://www.tiktok.com/@merveilleux123',
      kind: 'profile',
      fields: [
        { key: 'profileUrl', value: 'https://www.tiktok.com/@merveilleux123' },
        { key: 'handle', value: '@merveilleux123' },
        { key: 'authorName', value: 'Merveilleux123' },
      ],
    });
  });

  it('lists each of the 20 comments with the commenter’s @name and profile link, id, time shown and excerpt', () => {
    const comments = items().slice(1);
    expect(comments).toHaveLength(COMMENTS.length);
    comments.forEach((item, index) => {
      const [id, handle, name, shown, start] = COMMENTS[index]!;
      const fields = fieldMap(item);
      expect(item.kind).toBe('comment');
      expect(item.key).toBe(id);
      expect(fields.handle).toBe(`@${handle}`);
      expect(fields.profileUrl).toBe(`https://www.tiktok.com/@${handle}`);
      expect(fields.authorName).toBe(name === handle ? undefined : name);
      expect(fields.commentId).toBe(id);
      expect(fields.timeShown).toBe(shown);
      expect(item.excerpt?.startsWith(start.trim())).toBe(true);
    });
  });

  it('gives the reporting steps the commenters of the selected comments, and every selected account', () => {
    const listed = items();
    const pageFields = pageIdentifiers(parseTikTokUrl(PAGE)!);
    const selected = [listed[0]!, listed[1]!, listed[5]!];
    expect(stepNeeds('tiktok-comment-under-video', pageFields, listed, selected)).toStrictEqual([
      { key: 'handle', source: 'selected', values: ['@user698505160780cesca', '@khader_toure'], count: 2 },
      { key: 'timeShown', source: 'selected', values: ['1d ago', '6d ago'], count: 2 },
    ]);
    expect(stepNeeds('tiktok-account', pageFields, listed, selected)[0]).toStrictEqual({
      key: 'profileUrl',
      source: 'selected',
      values: ['https://www.tiktok.com/@merveilleux123', 'https://www.tiktok.com/@user698505160780cesca', 'https://www.tiktok.com/@khader_toure'],
      count: 3,
    });
    expect(stepNeeds('tiktok-comment-or-video', pageFields, listed, selected)).toStrictEqual([
      { key: 'videoUrl', source: 'page', values: [PAGE.href] },
    ]);
  });

  it('gives comments no UTC time: their ids do not reliably encode one (one here decodes to before its video)', () => {
    const times = items().slice(1).map((item) => BigInt(item.key) / 4294967296n);
    expect(times.some((seconds) => seconds * 1000n < BigInt(Date.parse(idTime(VIDEO))))).toBe(true);
    expect(items().some((item) => fieldMap(item).time !== undefined)).toBe(false);
  });
});

describe('a TikTok comment in the 2026 layout (real, one comment)', () => {
  it('reads the commenter, the time shown and the text without a comment id', () => {
    const page = loadRealPage('tiktok/comment-item-2026.html');
    const items = readAll(extractTikTokVideoPage, page, new URL('https://www.tiktok.com/@someone/video/7380000000000000000'));
    expect(items).toStrictEqual([
      {
        key: 'comment|trampolean|2024-6-24|Comment content 👍',
        kind: 'comment',
        fields: [
          { key: 'handle', value: '@trampolean' },
          { key: 'profileUrl', value: 'https://www.tiktok.com/@trampolean' },
          { key: 'authorName', value: 'Narci66e' },
          { key: 'timeShown', value: '2024-6-24' },
        ],
        excerpt: 'Comment content 👍',
      },
    ]);
  });
});

describe('TikTok variants the real pages lack (hand-made)', () => {
  it('lists replies as replies, each with its own commenter, and keeps a comment without a time', () => {
    const page = loadFixturePage('tiktok-replies.html');
    const items = readAll(extractTikTokVideoPage, page, new URL('https://www.tiktok.com/@maker.one/video/7300000000000000000'));
    expect(items.map((item) => [item.kind, item.key, fieldMap(item).handle, fieldMap(item).timeShown, item.excerpt])).toStrictEqual([
      ['profile', 'https://www.tiktok.com/@maker.one', '@maker.one', undefined, undefined],
      ['comment', '7301000000000000001', '@first.person', '2d ago', 'where is this from??'],
      ['reply', '7301100000000000002', '@second_person', '1d ago', 'dm me for the full one'],
      ['reply', '7301200000000000003', '@maker.one', '20h ago', 'link in bio'],
      ['comment', '7301300000000000004', '@third', '1d ago', 'reported.'],
      ['comment', '7301400000000000005', '@no.time', undefined, '🔥'],
    ]);
    expect(fieldMap(items[3]).authorName).toBe('The Maker');
  });

  it('lists photo posts as posts, reads descriptions from the tile or its alt text, and keeps each link’s own @name', () => {
    const items = readAll(extractTikTokGrid, loadFixturePage('tiktok-grid-variants.html'), new URL('https://www.tiktok.com/@grid.owner'));
    expect(items.map((item) => [item.kind, Object.values(fieldMap(item)).slice(0, 3), item.excerpt])).toStrictEqual([
      ['post', ['https://www.tiktok.com/@grid.owner/photo/7302000000000000001', '7302000000000000001', '@grid.owner'], 'three photos from the party'],
      ['video', ['https://www.tiktok.com/@grid.owner/video/7302100000000000002', '7302100000000000002', '@grid.owner'], 'new video #fyp'],
      ['video', ['https://www.tiktok.com/@someone.else/video/7302200000000000003', '7302200000000000003', '@someone.else'], "reposted: someone else's video"],
    ]);
    expect(fieldMap(items[0]).postUrl).toBeDefined();
  });

  it('finds each video from its link outward where the grid carries no test ids', () => {
    const root = render(loadFixture('tiktok-grid-unmarked.html'));
    const { items, problem } = readRows(extractTikTokGrid, root, new URL('https://www.tiktok.com/@grid.owner'));
    expect(problem).toBeNull();
    expect(items.map((item) => [item.key, item.excerpt])).toStrictEqual([
      ['7303000000000000001', 'first'],
      ['7303100000000000002', 'second'],
    ]);
  });
});
