/**
 * Every CSS selector the Discord extractor uses, in one place (see shared/notes/platforms.md, "Discord").
 *
 * Discord changes its web client without notice and hashes its class names (`avatar_c19a55` since 2023,
 * `avatar-2e8lTP` before), so each entry is a list tried in order and the first that matches wins. Stable hooks
 * come first: element ids, `data-list-*` and ARIA attributes, which Discord keeps for accessibility and which
 * tools such as Vencord and undiscord rely on. Class-name fragments are last resorts.
 *
 * Every selector is a constant string, queried inside one message row. Browsers cache a selector's parsed form by
 * its text, so constant selectors stay cheap; a selector built per message (`#message-content-<MESSAGE>`) is parsed
 * anew for every row and measured several times slower in Chromium. Parts that belong to another message (the
 * reply preview repeats the replied message's `message-content-` id) are told apart by `foreignParts` instead.
 */

export const DISCORD_SELECTORS = {
  /** One element per message; the first selector that matches anything is used for the whole page. */
  messageRows: [
    // 2021-2025 builds: `<li id="chat-messages-<CHANNEL>-<MESSAGE>">` inside `ol[data-list-id="chat-messages"]`;
    // 2021 builds wrote `chat-messages-<MESSAGE>`.
    'li[id^="chat-messages-"]',
    // The article inside that row: `data-list-item-id="chat-messages___chat-messages-<CHANNEL>-<MESSAGE>"`.
    // Used when the list item loses its id (seen in some 2024 experiments).
    '[role="article"][data-list-item-id^="chat-messages___"]',
    // 2019-2020 builds rendered rows as `div[role="listitem"]` (or `role="group"`) with the same id.
    '[id^="chat-messages-"]',
  ],

  /**
   * The message list a row belongs to. Follow-up messages take their author from the group's first message in
   * the same list only: the main chat and an open thread panel are separate lists.
   */
  messageList: [
    // 2021-2025 builds.
    'ol[data-list-id="chat-messages"]',
    // Builds that render the list as a `div`.
    '[data-list-id="chat-messages"]',
    // 2019-2020 builds: the scroller's content element.
    '[role="list"]',
  ],

  /** The author's name element; only a group's first message has one. */
  authorName: [
    // 2021-2025 builds: `<span id="message-username-<MESSAGE>" class="headerText_…">`.
    '[id^="message-username-"]',
    // 2019-2020 builds: `<h2 class="header-…"><span class="username-…">`.
    'h2 [class*="username"]',
  ],

  /**
   * Inside the name element: the bare user name. The name element also holds "APP"/"BOT" tags and server tags,
   * whose text must not end up in the name.
   */
  authorNameText: [
    // 2022-2025 builds: `<span class="username_…" data-text="Name">Name</span>`.
    '[class*="username"][data-text]',
    // 2019-2021 builds: `<span class="username-…">Name</span>`.
    '[class*="username"]',
  ],

  /** The author's avatar in a group's first message (the user id is in its address). */
  avatar: [
    // 2019-2025 builds: `<img class="avatar_… clickable_…">` (2019-2022: `avatar-2e8lTP`). Avatar decorations
    // (`avatarDecoration_…`) are a frame image without an id.
    'img[class*="avatar"]:not([class*="Decoration"])',
    // Any image served from a user or server-member avatar path, whatever its class.
    'img[src*="/avatars/"]',
  ],

  /**
   * Parts of a row that show someone else's message or account: the replied-to message above the header
   * (2021-2025: `id="message-reply-context-<MESSAGE>"`, holding the other person's avatar and a
   * `message-content-<OTHER MESSAGE>` preview) and embeds and attachments below (`message-accessories-`, where an
   * embed's author icon can be any user's avatar). Any of these, not tried in order.
   */
  foreignParts: [
    '[id^="message-reply-context-"]',
    '[class*="repliedMessage"]',
    '[id^="message-accessories-"]',
  ],

  /** The message time. */
  time: [
    // 2021-2025 builds: `<time id="message-timestamp-<MESSAGE>" datetime="<ISO 8601>">`.
    'time[id^="message-timestamp-"][datetime]',
    // 2019-2020 builds: `<time datetime="…">` without id.
    'time[datetime]',
  ],

  /** The message text (outside the reply preview, which repeats another message's content id). */
  content: [
    // 2021-2025 builds: `<div id="message-content-<MESSAGE>" class="markup_… messageContent_…">`.
    '[id^="message-content-"]',
    // 2019-2020 builds: `<div class="markup-… messageContent-…">`.
    '[class*="messageContent"]',
  ],

  /**
   * Inside the message text, what is not the message: the time that system messages show inline and the
   * "(edited)" marker (2021-2025: `<span class="timestamp_…"><time>…</time></span>`). Left out of excerpts.
   * Any of these.
   */
  contentNoise: ['time', '[class*="timestamp"]'],

  /**
   * Rows that start something new without a user name: system messages ("X joined the server", pins) and group
   * starts whose header is missing. Such a row must not inherit the previous message's author. Any of these.
   */
  groupBoundary: [
    // 2019-2025 builds: `systemMessage_…` / `systemMessage-…` on the row's article.
    '[class*="systemMessage"]',
    // 2019-2025 builds: `groupStart_…` on a group's first message.
    '[class*="groupStart"]',
  ],
} as const;
