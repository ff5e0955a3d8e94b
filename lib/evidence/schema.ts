/**
 * The evidence data model, defined once: what is stored in IndexedDB (lib/storage) and exported in bundles
 * (lib/bundle). The TypeScript types (types.ts), the bundle validator (lib/bundle/manifest.ts) and the lists of
 * known values all come from here; lib/bundle/FORMAT.md is the readable spec (a test checks both name the same
 * fields). Users depend on it: change it only with a schema version bump and a tested migration, and a new
 * bundle `formatVersion`.
 *
 * Recorded: what proves a capture (where, when, how, with what tool, the hashes). Not recorded: anything that
 * identifies the device or its owner (no IP, no hardware or account ids, no user agent string beyond the
 * browser's name and version).
 */
import * as v from 'valibot';
import { ALL_MEDIA_TYPES, FILE_ROLES, roleAndType } from './file-types';
import { PLATFORM_IDS } from './platform-ids';
import {
  detailMap,
  fileName,
  freeText,
  identifier,
  nonEmptyIdentifier,
  nonEmptyOneLine,
  oneLine,
  list,
  localTime,
  nameVersion,
  oneOf,
  positive,
  record,
  segment,
  sha256,
  size,
  text,
  utcTime,
  wholeAmount,
  wholePositive,
} from './fields';
import { FREE_TEXT_IDENTIFIER_KEYS, TEXT_LIMITS } from './text';

// ---------------------------------------------------------------------------------------------------------------
// Known values

export { FILE_MEDIA_TYPES, FILE_ROLES, fileMediaTypeMatches, mediaTypeExtension } from './file-types';

/** Who is capturing: shown in the audit trail and the exported report. */
export const CAPTURER_ROLES = ['victim', 'staff', 'helper'] as const;
export const CAPTURE_MODES = ['visible', 'full', 'video'] as const;
/**
 * How a recording of the tab was made: Chrome's tabCapture stream through MediaRecorder, or (Firefox) frames of
 * the tab drawn into a canvas stream.
 */
export const RECORDING_METHODS = ['tab-capture', 'tab-frames'] as const;
/**
 * Why a recording stopped; 'interrupted': the browser or extension stopped mid-way (a partial recording). 'hidden':
 * another tab came in front (Firefox records the tab in front only); 'stream-ended': the browser ended the tab's
 * stream; 'locked': the evidence locked itself (auto-lock); 'quick-exit': the person used quick exit.
 */
export const RECORDING_END_REASONS = [
  'stop',
  'time-limit',
  'navigated',
  'tab-closed',
  'tab-moved',
  'hidden',
  'stream-ended',
  'locked',
  'quick-exit',
  'interrupted',
] as const;
/** What scrolled during a full capture: the document, a pane inside it, or nothing (one screen). */
export const SCROLLERS = ['document', 'inner', 'none'] as const;
/** How a capture's screens were taken (lib/capture/method.ts). */
export const CAPTURE_METHODS = ['tab-stream', 'visible-tab'] as const;
export const AUDIT_ACTIONS = [
  'case-create',
  'case-update',
  'capture',
  'note',
  'move',
  'export',
  'import',
  'delete',
  'report-update',
] as const;
/** Where a report to one platform stands, for one case (the guide: report, then follow up). */
export const REPORT_STATUSES = ['to-report', 'reported', 'removed', 'refused'] as const;

/**
 * What a URL points at. Kinds are shared across platforms so the interface can describe them in plain words
 * (see `kind.*` messages in `lib/i18n`). Add a kind here only together with its messages in every language.
 */
export const PAGE_KINDS = [
  'home', // the platform's start page or feed
  'profile', // a person's or account's page
  'post', // a post, tweet, photo post, permalink
  'photo',
  'video',
  'reel', // short vertical video (reels, shorts, TikTok is 'video')
  'story',
  'live',
  'channel', // YouTube channel
  'group', // Facebook group
  'server', // Discord server without a channel
  'server-channel', // Discord channel in a server
  'server-message', // Discord message in a server channel
  'dm-channel', // direct / private conversation
  'dm-message', // one message in a direct conversation
  'chat', // a conversation (Messenger, WhatsApp Web, Snapchat web)
  'invite', // an invitation link (discord.gg, chat.whatsapp.com)
  'share', // a share link whose target is only known to the platform (facebook.com/share/...)
  'short-link', // a short link that only the platform can resolve (t.co, vm.tiktok.com)
  'link-shim', // an outbound redirect wrapper (l.facebook.com/l.php?u=...)
  'other', // on the platform, but not a page kind we know
] as const;

/**
 * What one identifier is; the side panel labels each key in the interface language (`id.*` in lib/i18n). In an
 * item, the account keys (`handle`, `profileUrl`, `channelUrl`, `userId`, `authorName`) always name the account that
 * posted the item (a comment's commenter, a video's author), or the account itself for a `profile` or `channel`
 * item. Version 6 of the bundle format added `commentUrl`, `commentId`, `channelUrl` and `timeShown`.
 */
export const IDENTIFIER_KEYS = [
  'serverId',
  'channelId',
  'messageId',
  'messageLink',
  'userId',
  'authorName',
  'handle',
  'postUrl',
  'postId',
  'profileUrl',
  'videoUrl',
  'videoId',
  'chatId',
  'phone',
  'groupId',
  'time',
  'url',
  /** A comment's own address (YouTube `watch?v=<video>&lc=<comment>`, Instagram `/p/<code>/c/<comment>/`). */
  'commentUrl',
  'commentId',
  /** A channel's address (YouTube `/@handle` or `/channel/UC…`, a WhatsApp channel). */
  'channelUrl',
  /**
   * The time exactly as the page shows it ("2d ago", "14:02", "3-15"), where the page gives no machine-readable
   * time (`time` is UTC ISO 8601 and only ever set from one).
   */
  'timeShown',
] as const;
/**
 * What one extracted item is. `profile`: an account (a video's author); `channel`: a YouTube or WhatsApp channel;
 * `reel`: a short vertical video (Instagram reels, YouTube shorts); `reply`: a comment answering another. Version 6
 * of the bundle format added `comment`, `reply`, `channel` and `reel`.
 */
export const ITEM_KINDS = ['message', 'post', 'profile', 'video', 'chat', 'comment', 'reply', 'channel', 'reel'] as const;
/** The item kinds and identifier keys version 6 of the bundle format added: older bundles cannot hold them. */
export const ITEM_KINDS_SINCE_6: readonly string[] = ['comment', 'reply', 'channel', 'reel'];
export const IDENTIFIER_KEYS_SINCE_6: readonly string[] = ['commentUrl', 'commentId', 'channelUrl', 'timeShown'];

/** The platforms' ids (platform-ids.ts); a report may also go to a platform we do not know ('other'). */
export const platformId = oneOf(PLATFORM_IDS);
export const reportPlatform = oneOf([...PLATFORM_IDS, 'other']);

// ---------------------------------------------------------------------------------------------------------------
// Records

export const CaseRecordSchema = record({
  id: segment,
  /** A title or pseudonym; never required to be a real name. */
  title: nonEmptyOneLine(TEXT_LIMITS.title),
  createdAt: utcTime,
  capturerRole: oneOf(CAPTURER_ROLES),
  /** Optional name of the helper or staff member, if they wish to be named. */
  capturerName: v.optional(oneLine(TEXT_LIMITS.name)),
  notes: freeText(TEXT_LIMITS.caseNotes),
  /** Set when the case came from an imported bundle. */
  imported: v.optional(record({ bundleSha256: sha256, importedAt: utcTime, bundleName: oneLine(TEXT_LIMITS.fileName * 4) })),
});

/** Identifiers that a URL (or, later, the page) reveals. Every value is a string: IDs may exceed 2^53. */
export const PageIdsSchema = record({
  /** Account handle or user name, without '@'. */
  handle: v.optional(identifier()),
  /** Numeric or opaque user / profile id. */
  userId: v.optional(identifier()),
  postId: v.optional(identifier()),
  videoId: v.optional(identifier()),
  storyId: v.optional(identifier()),
  groupId: v.optional(identifier()),
  /** Discord server (guild) id. */
  serverId: v.optional(identifier()),
  channelId: v.optional(identifier()),
  messageId: v.optional(identifier()),
  /** Chat / thread id (Messenger thread, WhatsApp jid, phone number). */
  chatId: v.optional(identifier()),
  /** Phone number in international digits, where a link carries one (wa.me). */
  phone: v.optional(identifier()),
  /** Short or share code (t.co/<code>, /share/p/<code>, instagram shortcode). */
  code: v.optional(identifier()),
  inviteCode: v.optional(identifier()),
  /** A comment the address points at (YouTube `&lc=`, Instagram `/c/<id>/`, Facebook `comment_id=`); version 6. */
  commentId: v.optional(identifier()),
});

const parsedUrlFields = {
  platform: platformId,
  kind: oneOf(PAGE_KINDS),
  ids: PageIdsSchema,
  /**
   * The address normalized to one canonical https form (tracking query parameters dropped), when the platform
   * has one for this kind; otherwise the input URL without its fragment.
   */
  url: identifier(TEXT_LIMITS.long),
  /** Creation time (ISO 8601, UTC) decoded from a snowflake id in the URL (Discord, X). */
  createdAt: v.optional(utcTime),
};

/** What a URL points at, as understood by its platform module. Recursive (link shims), so declared by hand. */
export interface ParsedUrl extends v.InferOutput<ReturnType<typeof record<typeof parsedUrlFields>>> {
  /** For link shims: the wrapped destination, parsed if it is itself a platform URL. */
  target?: { url: string; parsed: ParsedUrl | null };
}

export const ParsedUrlSchema: v.GenericSchema<unknown, ParsedUrl> = record({
  ...parsedUrlFields,
  target: v.optional(record({ url: identifier(TEXT_LIMITS.long), parsed: v.nullable(v.lazy(() => ParsedUrlSchema)) })),
});

const identifierFields = record({
  key: oneOf(IDENTIFIER_KEYS),
  /**
   * The value exactly as a report form wants it; 'unknown' is never used: absent means not found. An identifier
   * (no control, format or bidi character), except the keys whose value is text as the page shows it (a name, a
   * time as shown), which is free text, isolated where it is shown.
   */
  value: freeText(TEXT_LIMITS.identifier),
});

export const IdentifierFieldSchema = v.pipe(
  identifierFields,
  v.rawCheck<v.InferOutput<typeof identifierFields>>(({ dataset, addIssue }) => {
    if (!dataset.typed || FREE_TEXT_IDENTIFIER_KEYS.includes(dataset.value.key)) return;
    if (v.is(identifier(), dataset.value.value)) return;
    addIssue({
      message: 'must not hold control, format or bidi characters',
      path: [{ type: 'object', origin: 'value', input: dataset.value, key: 'value', value: dataset.value.value }],
    });
  }),
);

/** One thing on screen that can be reported on its own: a Discord message, an X post, a TikTok comment. */
export const ExtractedItemSchema = record({
  /** Stable key within the page (the message or post id), used to select items. */
  key: identifier(),
  kind: oneOf(ITEM_KINDS),
  fields: list(IdentifierFieldSchema, 100),
  /** A short excerpt of the visible text, to help the person recognise the item (never sent anywhere). */
  excerpt: v.optional(freeText(TEXT_LIMITS.identifier)),
});

const fileMetaFields = record({
  id: nonEmptyIdentifier(TEXT_LIMITS.fileName * 2),
  captureId: nonEmptyIdentifier(TEXT_LIMITS.fileName),
  role: oneOf(FILE_ROLES),
  /** The file's name as stored, e.g. `screenshot-part1.png` (a bundle's paths are made by the exporter instead). */
  name: fileName,
  mime: v.pipe(text, v.check((mime) => ALL_MEDIA_TYPES.includes(mime as never), `must be one of ${ALL_MEDIA_TYPES.join(', ')}`)),
  size: wholeAmount,
  sha256,
  /** Pixel size, for images. */
  width: v.optional(wholeAmount),
  height: v.optional(wholeAmount),
  /** For screenshots split into parts: 1-based index and count. */
  part: v.optional(wholeAmount),
  partCount: v.optional(wholeAmount),
  /**
   * Height in pixels of the evidence band stamped above the page pixels; rows [bandHeight, height) are the
   * page exactly as captured.
   */
  bandHeight: v.optional(wholeAmount),
});

export const FileMetaSchema = v.pipe(fileMetaFields, roleAndType<v.InferOutput<typeof fileMetaFields>>());

export const RecordingSchema = record({
  method: oneOf(RECORDING_METHODS),
  /** The recorder's MIME type, e.g. `video/webm;codecs=vp9,opus`. */
  mimeType: nonEmptyIdentifier(TEXT_LIMITS.label),
  /** Length of the recording; null when unknown (a partial recording recovered after a crash). */
  durationMs: v.nullable(wholeAmount),
  endedBy: oneOf(RECORDING_END_REASONS),
  audio: v.boolean('must be true or false'),
  /** Frames per second, measured (Firefox) or requested (Chrome); null when unknown. */
  frameRate: v.nullable(positive),
  /**
   * True when the browser or extension stopped before the recording was finished: what was written is kept as
   * it was (a decodable beginning of the video), with no poster frame, and the trail says so.
   */
  partial: v.boolean('must be true or false'),
});

export const CaptureRecordSchema = record({
  id: segment,
  caseId: nonEmptyIdentifier(TEXT_LIMITS.fileName),
  /** The URL of the tab when the person asked for the capture, and the one loaded when it finished. */
  requestedUrl: identifier(TEXT_LIMITS.long),
  finalUrl: identifier(TEXT_LIMITS.long),
  title: freeText(TEXT_LIMITS.long),
  platform: v.nullable(platformId),
  parsed: v.nullable(ParsedUrlSchema),
  /** Identifiers of the page itself (from the URL), and the items the person selected in the side panel. */
  identifiers: list(IdentifierFieldSchema, 1_000),
  selectedItems: list(ExtractedItemSchema, 1_000),
  mode: oneOf(CAPTURE_MODES),
  /** UTC, ISO 8601 with milliseconds. */
  capturedAt: utcTime,
  /** IANA time zone name of the capturing browser, e.g. Europe/Brussels. */
  timeZone: nonEmptyIdentifier(TEXT_LIMITS.label),
  /** Local wall-clock time with its UTC offset, e.g. 2026-11-28T16:02:11+01:00. */
  localTime,
  viewport: size,
  /** Size of what was captured, in CSS pixels (the scrolled pane's content for inner scrollers). */
  page: size,
  devicePixelRatio: positive,
  /** Image pixels per CSS pixel, measured from the captured image (zoom and DPR together). */
  scale: positive,
  scroller: oneOf(SCROLLERS),
  /**
   * How the screens were taken: `visible-tab` (the browser's exact render of the screen) or `tab-stream` (a frame
   * of Chrome's tab stream); with `fallback` when the stream failed and the exact method took the screens from
   * `fromScreen` on. Absent in records made before it was recorded (bundle format 3).
   */
  captureMethod: v.optional(
    record({ method: oneOf(CAPTURE_METHODS), fallback: v.optional(record({ reason: freeText(TEXT_LIMITS.identifier), fromScreen: wholePositive })) }),
  ),
  /** Set when a long pane was captured only partly (from the current position back a number of screens). */
  limitedTo: v.optional(record({ screens: wholePositive, reason: oneOf(['max-screens']) })),
  browser: nameVersion,
  extension: nameVersion,
  files: list(FileMetaSchema, 1_000),
  notes: freeText(TEXT_LIMITS.captureNotes),
  /** Set on recordings (mode 'video'): how, how long, why it ended, and whether it is only a part. */
  recording: v.optional(RecordingSchema),
});

export const AuditEntrySchema = record({
  caseId: nonEmptyIdentifier(TEXT_LIMITS.fileName),
  /** 0, 1, 2... within the case; with `prevHash` it makes the trail append-only and tamper-evident. */
  seq: wholeAmount,
  at: utcTime,
  action: oneOf(AUDIT_ACTIONS),
  actorRole: oneOf(CAPTURER_ROLES),
  /** What the action touched: capture id, file hashes, target case, export file name... Never image data. */
  details: detailMap,
  /** Hash of the previous entry of this case (64 zeros for the first). */
  prevHash: sha256,
  /** SHA-256 (hex) of the canonical JSON of every field above. */
  hash: sha256,
});

export const ReportTrackingSchema = record({
  caseId: nonEmptyIdentifier(TEXT_LIMITS.fileName),
  platform: reportPlatform,
  status: oneOf(REPORT_STATUSES),
  /** Date the report was made (YYYY-MM-DD), as the person enters it. */
  reportedOn: v.optional(oneLine(TEXT_LIMITS.label)),
  /** The platform's reference or ticket number. */
  reference: v.optional(oneLine(TEXT_LIMITS.reference)),
  /** What the platform answered. */
  answer: v.optional(freeText(TEXT_LIMITS.answer)),
  updatedAt: utcTime,
});
