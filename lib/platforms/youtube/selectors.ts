/**
 * Every CSS selector the YouTube extractor uses, in one place (see shared/notes/platforms.md, "YouTube").
 *
 * YouTube's web client is built of custom elements (`ytd-comment-thread-renderer`, `ytd-video-owner-renderer`) whose
 * names have lasted for years and which browser extensions have relied on since 2017, with ids inside them
 * (`#author-text`, `#content-text`). Those come first; links are read by their shape (`/watch?v=…&lc=…`,
 * `/channel/UC…`, `/@handle`) with the URL parser. Each entry is a list tried in order.
 *
 * YouTube keeps pages the person left in the document, hidden (`ytd-browse[hidden]` holding a channel's videos
 * while a video plays): items are read from the page shown only.
 * Seen in: the real page under tests/fixtures/real/youtube/ (2022: a video's comments, and a channel's Home tab
 * kept hidden beside it); the 2024-2025 forms (`ytd-comment-view-model`, `yt-lockup-view-model`, shorts lockups)
 * as documented by the extensions that read them, in the hand-made fixtures.
 */

export const YOUTUBE_SELECTORS = {
  /**
   * The page shown: a video (or short) page, or a browse page (channel, home); the first of these element names
   * that is not `hidden`. Hidden ones are pages the person left. Element names are queried by name, the fastest
   * query a page offers (lib/platforms/dom-helpers.ts `elementsNamed`): YouTube's pages are large.
   */
  watchPage: ['ytd-watch-flexy', 'ytd-watch-grid', 'ytd-shorts'],
  browsePage: ['ytd-browse'],

  /** The channel of the video being watched: 2017-2025 `ytd-video-owner-renderer` under the video (a name). */
  owner: ['ytd-video-owner-renderer'],
  /**
   * A short's channel: the active short's channel bar (2023: `ytd-reel-player-header-renderer`, 2024-2025:
   * `yt-reel-channel-bar-view-model`), looked for where the page has no owner element.
   */
  shortsOwner: [
    'ytd-reel-video-renderer[is-active] yt-reel-channel-bar-view-model',
    'ytd-reel-video-renderer[is-active] ytd-reel-player-header-renderer',
  ],
  /** The channel's name inside it. */
  ownerName: ['ytd-channel-name #text', '#channel-name'],
  /**
   * The channel id in the page's microdata (`<meta itemprop="channelId">` beside `<meta itemprop="videoId">`), for
   * owners shown by their @handle only. Written when the page loads and not updated as the person goes from video
   * to video, so it counts only when its video id is the page's.
   */
  microdataChannelId: ['meta[itemprop="channelId"]'],
  microdataVideoId: ['meta[itemprop="videoId"]'],

  /**
   * One element per comment or reply (a thread's own comment, `#comment`, and each reply), by name: 2024-2025
   * `ytd-comment-view-model`, 2017-2023 `ytd-comment-renderer`. The first name the page uses (measured: one walk of
   * the page by the browser costs less than a walk in script that skips the comments' insides).
   */
  comments: ['ytd-comment-view-model', 'ytd-comment-renderer'],
  /** A comment's permalink (`/watch?v=<video>&lc=<comment>`): around its "2 months ago". */
  commentPermalink: ['#published-time-text a[href*="lc="]', '.published-time-text a[href*="lc="]', 'a[href*="lc="]'],
  /** The commenter's channel link, and their name (2017-2022) or @handle (2023-2025) as its text. */
  commentAuthor: ['#author-text', '#header-author a[href]'],
  /** The comment's text. */
  commentText: ['#content-text'],
  /** Where a thread keeps its replies: a comment inside is a reply. */
  replies: ['ytd-comment-replies-renderer'],

  /**
   * A channel's videos and shorts: one element per video, by name. 2019-2023 `ytd-grid-video-renderer` (the Videos
   * tab and the Home tab's shelves), 2021-2025 `ytd-rich-item-renderer` (Videos and Shorts tabs),
   * `ytd-reel-item-renderer` (shorts shelves), `ytd-video-renderer` (lists). All of these, as one page mixes them.
   */
  videos: ['ytd-rich-item-renderer', 'ytd-grid-video-renderer', 'ytd-reel-item-renderer', 'ytd-video-renderer'],
  /** A video's link: to watch it, or to the short. Any of these. */
  videoLink: ['a[href*="/watch?v="]', 'a[href*="/shorts/"]'],
  /** A video's title. 2019-2024: `#video-title`; 2024-2025 lockups: an `h3`. */
  videoTitle: ['#video-title', 'h3'],
  /** A video's channel, where a grid shows it (not on the channel's own tabs). */
  videoChannel: ['ytd-channel-name a[href]', '#channel-name a[href]'],
} as const;
