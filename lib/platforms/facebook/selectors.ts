/**
 * Everything the Facebook extractor looks for, in one place (see shared/notes/platforms.md, "Facebook / Messenger").
 *
 * Facebook renames its classes with every release (2016: `userContentWrapper _5pcr`, `_5pcq`; since 2020 Meta's
 * atomic CSS, `x1i10hfl …`). What lasts: the shapes of its links (a post's permalink, a person's profile), the ARIA
 * roles and attributes of its feed (`role="feed"`, `aria-posinset`, `role="article"`) and the elements that hold a
 * post's time (2016: `<abbr data-utime>`; some builds `<time>`). Checked against real 2016 stories in
 * tests/fixtures/real/facebook/; the current layout against hand-made pages modelled on documented markup.
 */

export const FACEBOOK_SELECTORS = {
  /**
   * Links that may be a post's permalink; their href decides (the URL parser). One selector, so the browser returns
   * them in document order. Comment links (`?comment_id=`) are recognised and left out by the extractor.
   */
  permalinks: [
    'a[href*="/posts/"]',
    'a[href*="/permalink"]',
    'a[href*="story.php"]',
    'a[href*="/videos/"]',
    'a[href*="/photo"]',
    'a[href*="/reel/"]',
    'a[href*="/watch"]',
    'a[href*="video.php"]',
  ].join(', '),

  /** A post's time inside its permalink: what tells the permalink from other links to the post. */
  time: 'abbr[data-utime], time, abbr',

  /**
   * A post's own container, where the page marks one: a feed unit (2023-2026: `aria-posinset` on each unit of
   * `role="feed"`), an article (2016-2022 stories). Comments are articles too, inside a post's.
   */
  postContainer: '[aria-posinset], [role="article"]',

  /** Parts of a post that are another item: its comments (articles nested in the post). */
  nestedItem: '[role="article"]',

  /**
   * A post's text: 2016 `.userContent`; 2020-2026 the message block marked for ads previews
   * (`data-ad-preview="message"`, `data-ad-comet-preview="message"`), used on every post.
   */
  text: ['[data-ad-comet-preview="message"]', '[data-ad-preview="message"]', '.userContent'],

  /** Where a single post, photo or video page shows its post when no feed container marks it. */
  page: ['[role="main"]', '#content', 'body'],
} as const;
