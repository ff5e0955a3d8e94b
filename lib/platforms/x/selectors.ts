/**
 * Every CSS selector the X extractor uses, in one place (see shared/notes/platforms.md, "X / Twitter").
 *
 * X's web client (React Native for Web) has generated class names (`css-175oi2r r-…`) that change with every
 * release, but keeps `data-testid` attributes for its own tests, and ARIA roles. Only those are used. Each entry
 * is a list tried in order; the first that matches wins.
 */

export const X_SELECTORS = {
  /** One element per post; the first selector that matches anything is used for the whole page. */
  posts: [
    // 2019-2025 builds: `<article data-testid="tweet" role="article">` in timelines, conversations and profiles.
    'article[data-testid="tweet"]',
    // Should the test id move off the article: the same element by its role inside a timeline cell.
    '[data-testid="cellInnerDiv"] article[role="article"]',
    // Should the article element change: the test id alone.
    '[data-testid="tweet"]',
  ],

  /** The post's time; its enclosing link is the post's own status link. */
  time: [
    // 2019-2025 builds: `<a href="/<handle>/status/<id>"><time datetime="<ISO 8601>">`.
    'time[datetime]',
    'time',
  ],

  /**
   * Links to a post: the time's enclosing link (checked with closest), or any status link as a last resort
   * (`/<handle>/status/<id>/analytics`, `/photo/1`; the URL parser reduces them to the post).
   */
  statusLink: ['a[href*="/status/"]'],

  /** The author's profile link, `/<handle>`: the fallback when the status link has no handle (`/i/status/<id>`). */
  authorLink: [
    // 2020-2025 builds: `<div data-testid="User-Name">` holds the display name and `@handle`, both linking `/<handle>`.
    '[data-testid="User-Name"] a[href^="/"]',
    // 2019-2020 builds: `data-testid="User-Names"`.
    '[data-testid="User-Names"] a[href^="/"]',
    // The avatar link.
    '[data-testid="Tweet-User-Avatar"] a[href^="/"]',
  ],

  /** The post's text. */
  text: [
    // 2020-2025 builds.
    '[data-testid="tweetText"]',
    // 2019 builds: the text block carried only its language.
    'div[lang]',
  ],

  /**
   * Parts of a post that show another post or account: a quoted post (2021-2025: a `div[role="link"]` card with
   * its own User-Name, time and tweetText; some builds nest a whole `article`). Any of these, not tried in order.
   * The "<name> reposted" line needs no exclusion: it links the reposter's profile, never a status, and lies
   * outside User-Name.
   */
  foreignParts: ['div[role="link"]', '[data-testid="quoteTweet"]', 'article'],
} as const;
