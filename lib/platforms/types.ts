/**
 * The contract every platform module fulfils. A platform lives in its own folder under `lib/platforms/<id>/`
 * and is listed once in `registry.ts`; nothing else in the code base names a platform.
 */

export type PlatformId =
  | 'facebook'
  | 'messenger'
  | 'instagram'
  | 'snapchat'
  | 'youtube'
  | 'tiktok'
  | 'x'
  | 'whatsapp'
  | 'discord';

/**
 * What a URL points at. Kinds are shared across platforms so the interface can describe them in plain words
 * (see `kind.*` messages in `lib/i18n`). Add a kind here only together with its messages in every language.
 */
export type PageKind =
  | 'home' // the platform's start page or feed
  | 'profile' // a person's or account's page
  | 'post' // a post, tweet, photo post, permalink
  | 'photo'
  | 'video'
  | 'reel' // short vertical video (reels, shorts, TikTok is 'video')
  | 'story'
  | 'live'
  | 'channel' // YouTube channel
  | 'group' // Facebook group
  | 'server' // Discord server without a channel
  | 'server-channel' // Discord channel in a server
  | 'server-message' // Discord message in a server channel
  | 'dm-channel' // direct / private conversation
  | 'dm-message' // one message in a direct conversation
  | 'chat' // a conversation (Messenger, WhatsApp Web, Snapchat web)
  | 'invite' // an invitation link (discord.gg, chat.whatsapp.com)
  | 'share' // a share link whose target is only known to the platform (facebook.com/share/...)
  | 'short-link' // a short link that only the platform can resolve (t.co, vm.tiktok.com)
  | 'link-shim' // an outbound redirect wrapper (l.facebook.com/l.php?u=...)
  | 'other'; // on the platform, but not a page kind we know

/** Identifiers that a URL (or, later, the page) reveals. Every value is a string: IDs may exceed 2^53. */
export interface PageIds {
  /** Account handle or user name, without '@'. */
  handle?: string;
  /** Numeric or opaque user / profile id. */
  userId?: string;
  postId?: string;
  videoId?: string;
  storyId?: string;
  groupId?: string;
  /** Discord server (guild) id. */
  serverId?: string;
  channelId?: string;
  messageId?: string;
  /** Chat / thread id (Messenger thread, WhatsApp jid, phone number). */
  chatId?: string;
  /** Phone number in international digits, where a link carries one (wa.me). */
  phone?: string;
  /** Short or share code (t.co/<code>, /share/p/<code>, instagram shortcode). */
  code?: string;
  inviteCode?: string;
}

export interface ParsedUrl {
  platform: PlatformId;
  kind: PageKind;
  ids: PageIds;
  /**
   * The address normalized to one canonical https form (tracking query parameters dropped), when the platform
   * has one for this kind; otherwise the input URL without its fragment.
   */
  url: string;
  /** Creation time (ISO 8601, UTC) decoded from a snowflake id in the URL (Discord, X). */
  createdAt?: string;
  /** For link shims: the wrapped destination, parsed if it is itself a platform URL. */
  target?: { url: string; parsed: ParsedUrl | null };
}

export interface PlatformModule {
  id: PlatformId;
  /** Display name; platform names are not translated. */
  name: string;
  /**
   * Hostnames this platform serves, as registrable domains or exact hosts. `*.example.com` covers
   * example.com and every subdomain. Used both for matching and to build the content script's match patterns.
   */
  hosts: readonly string[];
  /** Parse an absolute URL already known to be on one of `hosts`. Returns null if it is not a page of ours. */
  parseUrl(url: URL): ParsedUrl | null;
  /**
   * Reads reportable items (messages, posts) from the page, for platforms whose pages show several. Platforms
   * without one fall back to the identifiers in the URL.
   */
  extract?: DomExtractor;
}

/** What one identifier is; the side panel labels each key in the interface language. */
export type IdentifierKey =
  | 'serverId'
  | 'channelId'
  | 'messageId'
  | 'messageLink'
  | 'userId'
  | 'authorName'
  | 'handle'
  | 'postUrl'
  | 'postId'
  | 'profileUrl'
  | 'videoUrl'
  | 'videoId'
  | 'chatId'
  | 'phone'
  | 'groupId'
  | 'time'
  | 'url';

export interface IdentifierField {
  key: IdentifierKey;
  /** The value exactly as a report form wants it; 'unknown' is never used: absent means not found. */
  value: string;
}

/** One thing on screen that can be reported on its own: a Discord message, an X post. */
export interface ExtractedItem {
  /** Stable key within the page (the message or post id), used to select items. */
  key: string;
  kind: 'message' | 'post' | 'profile' | 'video' | 'chat';
  fields: IdentifierField[];
  /** A short excerpt of the visible text, to help the person recognise the item (never sent anywhere). */
  excerpt?: string;
}

/** Reads the identifiers of the items currently in the page. Must be cheap: it runs as the page changes. */
export type DomExtractor = (root: ParentNode, pageUrl: URL) => ExtractedItem[];
