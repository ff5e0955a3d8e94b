/**
 * Everything the Instagram extractor looks for, in one place (see shared/notes/platforms.md, "Instagram").
 *
 * Instagram's web client (React, Meta's atomic CSS) renames its classes (`x1i10hfl xjbqb8w …`, `_aagu`) with every
 * release. It keeps the shapes of its links and a few semantic elements, and only those are used: post and reel
 * permalinks (`/p/<code>/`, `/reel/<code>/`, `/<user>/p/<code>/`), comment permalinks (`/p/<code>/c/<comment id>/`)
 * around a `<time datetime>`, profile links (`/<user>/`), `<article>` around a feed post, `<ul>` around a thread's
 * replies. Checked against the real comments container in tests/fixtures/real/instagram/ (2026).
 */

export const INSTAGRAM_SELECTORS = {
  /**
   * Links that may be permalinks (of a post, a reel or a comment); their href decides (MEDIA_HREF in extract.ts).
   * One selector, so the browser returns them in document order.
   */
  mediaLinks: 'a[href*="/p/"], a[href*="/reel/"], a[href*="/reels/"], a[href*="/tv/"]',

  /** A time: inside a permalink it marks the item's own (a feed post's header, a comment's "2 d"). */
  time: 'time[datetime], time',

  /** Around each post of the home feed (2016-2026 builds); a grid of tiles has no `<time>` in its article. */
  postContainer: 'article',

  /** Replies to a comment sit in a list under it (2024-2026 builds: `<ul>` in the thread's block). */
  replyList: 'ul, [role="list"]',

  /** Text blocks of a comment: its body is the first one that is not its header, a link or a button. */
  textBlock: 'span[dir="auto"], div[dir="auto"], h1[dir="auto"]',

  /** Parts of a comment that are not its text: reactions ("81 likes") and "Reply". */
  controls: '[role="button"], button',
} as const;
