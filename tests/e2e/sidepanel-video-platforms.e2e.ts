/**
 * The side panel on real saved pages of TikTok and YouTube (tests/fixtures/real/, PROVENANCE.md), served under
 * their real addresses, in Chromium and Firefox: it lists a profile's 30 videos, a video's author and 20 comments,
 * a YouTube video's channel and 20 comments with their links; the steps offer what the person selected ("Video
 * link: 2 selected"), picking a comment on the page selects it, and the report text lists the selection.
 */
import { describe, expect, it } from 'vitest';
import { BROWSERS, useExtensionBrowser } from './support/browsers';
import type { DrivenPage } from './support/driver';

const TIKTOK_PROFILE = 'https://www.tiktok.com/@alalei77';
const TIKTOK_VIDEO = 'https://www.tiktok.com/@merveilleux123/video/7135383664971582725';
const YOUTUBE_VIDEO = 'https://www.youtube.com/watch?v=5AhZh4A7NLM';
/** The first two videos of the profile's grid, and two of the video's comments (ids read by hand from the pages). */
const VIDEOS = ['7103486912966561029', '7103211672575266053'] as const;
const TIKTOK_COMMENTS = [
  ['7135392136946909958', '@khader_toure'],
  ['7135402670400275205', '@shao.mao'],
] as const;
const YOUTUBE_COMMENT = 'UgwCIh7QKm4KKHAEvhN4AaABAg';

/** The keys of the items the panel lists, once it lists `count` (all of them shown, as the person can ask). */
function listed(panel: DrivenPage, count: number): Promise<string[]> {
  return panel.waitFor((expected: number) => {
    const showAll = document.querySelector<HTMLButtonElement>('[data-testid="show-all"][aria-expanded="false"]');
    if (showAll) showAll.click();
    const keys = Array.from(document.querySelectorAll('[data-testid="item"]')).map((item) => item.getAttribute('data-key') ?? '');
    return keys.length === expected ? keys : null;
  }, count) as Promise<string[]>;
}

/** What a step says it offers for `key` ("Video link: 2 selected"), once it says it. */
function stepNeed(panel: DrivenPage, step: string, key: string, text: string): Promise<string> {
  return panel.waitFor(
    ({ selector, expected }: { selector: string; expected: string }) => {
      const shown = document.querySelector(selector)?.firstElementChild?.textContent?.trim();
      return shown === expected ? shown : null;
    },
    { selector: `[data-step="${step}"] [data-testid="step-need"][data-key="${key}"]`, expected: text },
  ) as Promise<string>;
}

function reportText(panel: DrivenPage): Promise<string> {
  return panel.evaluate(() => document.querySelector<HTMLTextAreaElement>('[data-testid="report-text"]')?.value ?? '', null);
}

describe.each(BROWSERS)('side panel on real TikTok and YouTube pages in %s', (browserName) => {
  const { browser } = useExtensionBrowser(browserName, {
    routes: [
      { host: /^www\.tiktok\.com$/, path: /^\/@alalei77$/, file: 'tests/fixtures/real/tiktok/profile-2022.html' },
      { host: /^www\.tiktok\.com$/, path: /^\/@merveilleux123\/video\//, file: 'tests/fixtures/real/tiktok/video-comments-2022.html' },
      { host: /^www\.youtube\.com$/, path: /^\/watch$/, file: 'tests/fixtures/real/youtube/watch-comments-2022.html' },
    ],
  });

  it("lists a TikTok profile's 30 videos, and the steps offer the selected videos' links", async () => {
    const { tabId } = await browser().openTab(TIKTOK_PROFILE);
    const panel = await browser().openExtensionPage(`sidepanel.html?tabId=${tabId}`);
    const keys = await listed(panel, 30);
    expect(keys.slice(0, 2)).toEqual(VIDEOS);
    for (const id of VIDEOS) await panel.click(`[data-testid="item"][data-key="${id}"] [data-testid="item-select"]`);
    expect(await stepNeed(panel, 'tiktok-comment-or-video', 'videoUrl', 'Video link: 2 selected')).toBeTruthy();
    const report = await reportText(panel);
    for (const id of VIDEOS) expect(report).toContain(`Video link: https://www.tiktok.com/@alalei77/video/${id}`);
    await panel.close();
  });

  it("lists a TikTok video's author and 20 comments, and the comment step offers the selected commenters", async () => {
    const { tabId } = await browser().openTab(TIKTOK_VIDEO);
    const panel = await browser().openExtensionPage(`sidepanel.html?tabId=${tabId}`);
    const keys = await listed(panel, 21);
    expect(keys[0]).toBe('https://www.tiktok.com/@merveilleux123');
    // The list mixes an account and comments: each row says which it is.
    expect(await panel.evaluate(() => document.querySelector('[data-testid="item"] [data-testid="item-kind"]')?.textContent, null)).toBe('Account');
    for (const [id] of TIKTOK_COMMENTS) await panel.click(`[data-testid="item"][data-key="${id}"] [data-testid="item-select"]`);
    expect(await stepNeed(panel, 'tiktok-comment-under-video', 'handle', 'Account: 2 selected')).toBeTruthy();
    const report = await reportText(panel);
    expect(report).toContain('Reported items (2):');
    for (const [, handle] of TIKTOK_COMMENTS) expect(report).toContain(`Account: ${handle}`);
    await panel.close();
  });

  it("lists a YouTube video's channel and 20 comments; a comment picked on the page goes to the form step", async () => {
    const { page, tabId } = await browser().openTab(YOUTUBE_VIDEO);
    const panel = await browser().openExtensionPage(`sidepanel.html?tabId=${tabId}`);
    const keys = await listed(panel, 21);
    expect(keys[0]).toBe('https://www.youtube.com/channel/UCXgxNzAgZ1GExhTW4X1mUrg');
    await panel.click('[data-testid="pick"]');
    await panel.waitFor(() => document.querySelector('[data-testid="pick"]')?.getAttribute('aria-pressed') === 'true', null);
    await page.waitFor(() => document.documentElement.lastElementChild?.tagName === 'DIV', null);
    // The comment's text, as the person clicks it.
    await page.click(`ytd-comment-renderer:has(a[href$="lc=${YOUTUBE_COMMENT}"]) #content-text`);
    await panel.waitFor(
      (key: string) => document.querySelector<HTMLInputElement>(`[data-key="${key}"] [data-testid="item-select"]`)?.checked,
      YOUTUBE_COMMENT,
    );
    await page.press('Escape');
    expect(await stepNeed(panel, 'yt-form', 'commentUrl', 'Comment link: 1 selected')).toBeTruthy();
    expect(await reportText(panel)).toContain(`Comment link: ${YOUTUBE_VIDEO}&lc=${YOUTUBE_COMMENT}`);
    await panel.close();
  });
});
