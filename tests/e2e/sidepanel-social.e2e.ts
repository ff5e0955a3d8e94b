/**
 * The side panel on real saved pages of Instagram and Facebook (tests/fixtures/real/, served under the platforms'
 * own hostnames), in Chromium and Firefox: it lists every comment of the Instagram post and the Facebook story with
 * the identifiers read by hand from their anchors, the steps offer the selected ones ("Comment link: 2 selected",
 * Copy), and the report text lists them. On WhatsApp Web (a hand-made page: none was found saved) it lists each
 * message's sender and time and says the app publishes no message IDs.
 */
import { describe, expect, it } from 'vitest';
import { BROWSERS, useExtensionBrowser } from './support/browsers';
import { clipboardWhen } from './support/clipboard';
import type { DrivenPage } from './support/driver';
import { readIds } from './support/panel';

const INSTAGRAM_POST = 'https://www.instagram.com/p/DWD5jrEoGa8/';
/** Comment ids and commenters of the real page, read by hand from its permalinks and profile links, in order. */
const COMMENTS: [string, string][] = [
  ['18109876459691320', 'davi_na_dagher'],
  ['17935489566037131', 'johan_demorieux'],
  ['18198777148354531', 'thefoster._'],
  ['17942414660999323', 'theangrydad'],
  ['17978499078002801', 'elmahi.eba'],
  ['18082012136371209', 'nanou.dzz'],
  ['18091884907896868', 'davi_na_dagher'],
  ['18129839719557256', 'davi_na_dagher'],
  ['18453927262103512', 'davi_na_dagher'],
  ['18332952151174780', 'davi_na_dagher'],
  ['17916204771314174', 'tazkult2026'],
  ['17930091318218278', 'johan_demorieux'],
  ['17986834430792909', '__.vavaaaa.__'],
  ['18055357079480110', 'nanou.dzz'],
  ['18064536662662102', 'un_croissant_sans_gluten_'],
];
const commentUrl = (id: string) => `https://www.instagram.com/p/DWD5jrEoGa8/c/${id}/`;
const FACEBOOK_HOME = 'https://www.facebook.com/';
const FACEBOOK_POST = 'https://www.facebook.com/Lastknight/posts/10154603530677053';
const WHATSAPP = 'https://web.whatsapp.com/';

function reportText(panel: DrivenPage): Promise<string> {
  return panel.evaluate(() => document.querySelector<HTMLTextAreaElement>('[data-testid="report-text"]')?.value ?? '', null);
}

/** What a step offers for `key`: its line of text ("Comment link: 2 selected"). */
function stepNeed(panel: DrivenPage, step: string, key: string): Promise<string> {
  return panel.waitFor(
    ({ stepId, what }: { stepId: string; what: string }) =>
      document.querySelector(`[data-step="${stepId}"] [data-testid="step-need"][data-key="${what}"]`)?.firstElementChild?.textContent ?? null,
    { stepId: step, what: key },
  ) as Promise<string>;
}

describe.each(BROWSERS)('social platforms’ items in %s', (browserName) => {
  const { browser } = useExtensionBrowser(browserName, {
    routes: [
      { host: /^www\.instagram\.com$/, path: /^\/p\/DWD5jrEoGa8\//, file: 'tests/fixtures/real/instagram/post-comments-with-replies.html' },
      { host: /^www\.facebook\.com$/, path: /^\/$/, file: 'tests/fixtures/real/facebook/2016-post02.html' },
      { host: /^web\.whatsapp\.com$/, path: /^\/$/, file: 'tests/unit/extract/fixtures/whatsapp-chat.html' },
    ],
  });

  async function openPanel(url: string, guide: string): Promise<DrivenPage> {
    const { tabId } = await browser().openTab(url);
    const panel = await browser().openExtensionPage(`sidepanel.html?tabId=${tabId}`);
    await panel.waitFor((id: string) => document.querySelector(`[data-guide="${id}"][data-loaded="true"]`), guide);
    return panel;
  }

  it('Instagram, a real post: every comment with its link and commenter; the post step offers the selected ones', async () => {
    const panel = await openPanel(INSTAGRAM_POST, 'instagram');
    const ids = await readIds(panel, COMMENTS.length);
    expect(ids.items.map((item) => item.key)).toEqual(COMMENTS.map(([id]) => id));
    ids.items.forEach((item, index) => {
      const [id, handle] = COMMENTS[index]!;
      expect(Object.fromEntries(item.fields)).toMatchObject({ commentUrl: commentUrl(id), commentId: id, handle, profileUrl: `https://www.instagram.com/${handle}/` });
    });

    for (const id of [COMMENTS[3]![0], COMMENTS[10]![0]]) await panel.click(`[data-testid="item"][data-key="${id}"] [data-testid="item-select"]`);
    await panel.waitFor(() => document.querySelector('[data-testid="selected-count"]')?.textContent === '2 selected', null);
    expect(await stepNeed(panel, 'ig-web-post', 'commentUrl')).toBe('Comment link: 2 selected');
    expect(await stepNeed(panel, 'ig-web-profile', 'handle')).toBe('Account: 2 selected');
    await panel.click('[data-step="ig-web-post"] [data-testid="step-need"][data-key="commentUrl"] button');
    const wanted = [commentUrl(COMMENTS[3]![0]), commentUrl(COMMENTS[10]![0])].join('\n');
    expect(await clipboardWhen(browser(), panel, (text) => text === wanted)).toBe(wanted);
    expect((await reportText(panel)).match(/https:\/\/www\.instagram\.com\/p\/\w+\/c\/\d+\//g)).toEqual(wanted.split('\n'));
    await panel.close();
  });

  it('Facebook, a real story: its permalink and its author’s profile URL, which the guide’s step asks for', async () => {
    const panel = await openPanel(FACEBOOK_HOME, 'facebook');
    const ids = await readIds(panel, 1);
    expect(ids.items).toEqual([
      {
        key: FACEBOOK_POST,
        fields: [
          ['postUrl', FACEBOOK_POST],
          ['profileUrl', 'https://www.facebook.com/Lastknight'],
          ['authorName', 'Matteo G.P. Flora'],
          ['time', '2016-10-06T19:48:45.000Z'],
        ],
      },
    ]);
    await panel.click(`[data-testid="item"][data-key="${FACEBOOK_POST}"] [data-testid="item-select"]`);
    expect(await stepNeed(panel, 'fb-save-profile-url', 'profileUrl')).toBe('Profile link: 1 selected');
    await panel.click('[data-step="fb-save-profile-url"] [data-testid="step-need"][data-key="profileUrl"] button');
    expect(await clipboardWhen(browser(), panel, (text) => text === 'https://www.facebook.com/Lastknight')).toBe('https://www.facebook.com/Lastknight');
    expect(await reportText(panel)).toContain(FACEBOOK_POST);
    await panel.close();
  });

  it('WhatsApp Web: each message’s sender and time as shown, and that WhatsApp publishes no message IDs', async () => {
    const panel = await openPanel(WHATSAPP, 'whatsapp');
    const ids = await readIds(panel, 3);
    expect(ids.items.map((item) => Object.fromEntries(item.fields))).toEqual([
      expect.objectContaining({ authorName: 'Jo Sender', phone: '+32470123456', timeShown: '21:02, 05/12/2026' }),
      expect.objectContaining({ authorName: 'Jo Sender', timeShown: '21:03' }),
      // The person's own message: WhatsApp's label for it, never their name or number; no "user ID: unknown".
      { authorName: 'You', timeShown: '21:05, 05/12/2026' },
    ]);
    expect(await panel.evaluate(() => document.querySelector('[data-testid="no-message-ids"]')?.textContent?.trim(), null)).toBe(
      'WhatsApp gives its messages no ID that a report could name: each message is listed with its sender and its time as the page shows them.',
    );
    await panel.close();
  });
});
