/**
 * Every CSS selector the TikTok extractor uses, in one place (see shared/notes/platforms.md, "TikTok").
 *
 * TikTok's web client (React, emotion) generates class names such as `tiktok-16r0vzi-DivCommentItemContainer`
 * (2022) or `css-116ki3l-7937d88b--DivCommentItemWrapper` (2026): the hash changes with every release, the
 * component name less often. It keeps `data-e2e` attributes for its own tests, which tools have relied on since
 * 2021: those come first, component names (`[class*="…"]`) last. What links point at (`/@user`,
 * `/@user/video/<id>`) is read with the URL parser, never from the text. Each entry is a list tried in order.
 * Seen in: the real pages under tests/fixtures/real/tiktok/ (2022 and 2026).
 */

export const TIKTOK_SELECTORS = {
  /** A profile's grid: one element per video or photo post; the first selector that matches anything wins. */
  gridItems: [
    // 2021-2026: `<div data-e2e="user-post-item">` around the video's link.
    '[data-e2e="user-post-item"]',
    // Should the items lose their test id: the children of the grid itself.
    '[data-e2e="user-post-item-list"] > *',
  ],

  /** Links to a video or photo post: the grid item's own, or the anchors a grid is found from. */
  postLink: ['a[href*="/video/"]', 'a[href*="/photo/"]'],

  /** A grid item's description, where the grid shows one. */
  gridDescription: [
    // 2022-2024: `<div data-e2e="user-post-item-desc">` under the tile.
    '[data-e2e="user-post-item-desc"]',
  ],

  /**
   * One element per comment or reply, its name: every comment shows its author's name under a test id,
   * `comment-username-1` for comments and `comment-username-2` for replies (2021-2026). A comment's boundary is
   * found outward from it (lib/platforms/permalink-rows.ts).
   */
  commentAnchors: ['[data-e2e^="comment-username-"]'],

  /** The comment's text: `comment-level-1` (a comment) or `comment-level-2` (a reply), 2021-2026. */
  commentText: ['[data-e2e^="comment-level-"]'],

  /**
   * The time the comment shows ("1d ago", "2024-6-24"). 2021-2024: `<span data-e2e="comment-time-1">`; 2026: the
   * first text of the line under the comment (its component is named `…CommentSubContent…`).
   */
  commentTime: ['[data-e2e^="comment-time-"]', '[class*="CommentSubContent"] span'],

  /** Parts that hold a comment's replies: a reply is a comment inside one. Any of these. */
  replyContainer: ['[class*="ReplyContainer"]', '[class*="DivReplyList"]'],

  /** The video's author on a video page: their @name, beside their avatar. */
  authorName: [
    // 2021-2024 video pages: `<span data-e2e="browse-username">`.
    '[data-e2e="browse-username"]',
    // Videos in a feed (2021-2024): `<h3 data-e2e="video-author-uniqueid">`.
    '[data-e2e="video-author-uniqueid"]',
  ],
  authorAvatar: ['a[data-e2e="browse-user-avatar"]', 'a[data-e2e="video-author-avatar"]'],
  /** The author's display name, shown beside the @name ("Name · 6d ago"). */
  authorNickname: ['[data-e2e="browser-nickname"]', '[data-e2e="video-author-nickname"]'],

  /** Profile links (`/@user`, relative or absolute). Any of these. */
  profileLink: ['a[href^="/@"]', 'a[href*="tiktok.com/@"]'],
} as const;
