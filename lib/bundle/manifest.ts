/**
 * The evidence bundle's manifest (`manifest.json`): its type and a strict, hand-written validator.
 * The format is documented in lib/bundle/FORMAT.md; keep both in step.
 *
 * The validator is strict on purpose: an unknown field is refused (with its path), not ignored. A bundle is
 * evidence; nothing in it should be unexplained, and a reader that does not know a field cannot vouch for it. So
 * any change to the manifest, even adding an optional field, is a new `formatVersion` (and older readers say
 * "made by a newer version" instead of misreading it). No schema library: the checks are small, typed, and give
 * the exact path of the first bad field.
 */
import type {
  AuditEntry,
  CaptureRecord,
  CapturerRole,
  CaseRecord,
  FileMeta,
  FileRole,
  ReportStatus,
  ReportTracking,
} from '../evidence/types';
import type { Lang } from '../guide/types';
import type {
  ExtractedItem,
  IdentifierField,
  IdentifierKey,
  PageIds,
  PageKind,
  ParsedUrl,
  PlatformId,
} from '../platforms/types';

export const BUNDLE_FORMAT = 'capture-and-report-bundle';
export const BUNDLE_FORMAT_VERSION = 1;

/** Files every bundle holds besides the evidence files. */
export const MANIFEST_PATH = 'manifest.json';
export const SUMS_PATH = 'SHA256SUMS';
export const REPORT_PATH = 'report.html';
export const README_PATH = 'README.txt';

/** One evidence file in the ZIP. Its other properties (pixel size, part...) are in its capture's `files`. */
export interface BundleFile {
  /** Path inside the ZIP: `evidence/<capture id>/<file name>`. */
  path: string;
  /** The stored file's id and the capture it belongs to. */
  fileId: string;
  captureId: string;
  role: FileRole;
  /** The stored file name (FileMeta.name). */
  name: string;
  mime: string;
  size: number;
  /** SHA-256 of the file's bytes, lowercase hex, as computed when it was captured. */
  sha256: string;
}

export interface BundleManifest {
  format: typeof BUNDLE_FORMAT;
  formatVersion: typeof BUNDLE_FORMAT_VERSION;
  /** The program that wrote the bundle. */
  tool: { name: string; version: string };
  /** UTC, ISO 8601 with milliseconds. */
  exportedAt: string;
  /** Who exported: the role, and a name only if the person chose to give one. */
  exportedBy: { role: CapturerRole; name?: string };
  /** Language of report.html and README.txt. */
  language: Lang;
  /** The whole case, or only some of its captures (the audit trail is always the whole case's). */
  scope: 'case' | 'selection';
  case: CaseRecord;
  /** Capture records exactly as stored (no image data), oldest first. */
  captures: CaptureRecord[];
  files: BundleFile[];
  /** Where the reports to each platform stand (status, date, reference, answer). */
  reports: ReportTracking[];
  /** The case's whole audit trail, by seq. */
  audit: AuditEntry[];
}

// ---------------------------------------------------------------------------------------------------------------
// Known values. `satisfies Record<X, true>` makes the compiler fail when a union member is added or removed.

const ROLES = { victim: true, staff: true, helper: true } satisfies Record<CapturerRole, true>;
const FILE_ROLES = { screenshot: true, source: true, thumbnail: true } satisfies Record<FileRole, true>;
const LANGS = { nl: true, fr: true, en: true } satisfies Record<Lang, true>;
const MODES = { visible: true, full: true } satisfies Record<CaptureRecord['mode'], true>;
const SCROLLERS = { document: true, inner: true, none: true } satisfies Record<CaptureRecord['scroller'], true>;
const ACTIONS = {
  'case-create': true,
  'case-update': true,
  capture: true,
  note: true,
  move: true,
  export: true,
  import: true,
  delete: true,
  'report-update': true,
} satisfies Record<AuditEntry['action'], true>;
const PLATFORMS = {
  facebook: true,
  messenger: true,
  instagram: true,
  snapchat: true,
  youtube: true,
  tiktok: true,
  x: true,
  whatsapp: true,
  discord: true,
} satisfies Record<PlatformId, true>;
const PAGE_KINDS = {
  home: true,
  profile: true,
  post: true,
  photo: true,
  video: true,
  reel: true,
  story: true,
  live: true,
  channel: true,
  group: true,
  server: true,
  'server-channel': true,
  'server-message': true,
  'dm-channel': true,
  'dm-message': true,
  chat: true,
  invite: true,
  share: true,
  'short-link': true,
  'link-shim': true,
  other: true,
} satisfies Record<PageKind, true>;
const PAGE_ID_KEYS = {
  handle: true,
  userId: true,
  postId: true,
  videoId: true,
  storyId: true,
  groupId: true,
  serverId: true,
  channelId: true,
  messageId: true,
  chatId: true,
  phone: true,
  code: true,
  inviteCode: true,
} satisfies Record<keyof PageIds, true>;
const IDENTIFIER_KEYS = {
  serverId: true,
  channelId: true,
  messageId: true,
  messageLink: true,
  userId: true,
  authorName: true,
  handle: true,
  postUrl: true,
  postId: true,
  profileUrl: true,
  videoUrl: true,
  videoId: true,
  chatId: true,
  phone: true,
  groupId: true,
  time: true,
  url: true,
} satisfies Record<IdentifierKey, true>;
const REPORT_STATUSES = { 'to-report': true, reported: true, removed: true, refused: true } satisfies Record<
  ReportStatus,
  true
>;
const ITEM_KINDS = { message: true, post: true, profile: true, video: true, chat: true } satisfies Record<
  ExtractedItem['kind'],
  true
>;

export const SHA256_HEX = /^[0-9a-f]{64}$/;
const UTC_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?([+-]\d{2}:\d{2}|Z)$/;
/** A path segment: starts with a letter or digit, then letters, digits, '.', '_', '-' (no '..' tricks, no '/'). */
export const SAFE_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;
const EVIDENCE_PATH = /^evidence\/([A-Za-z0-9][A-Za-z0-9._-]{0,199})\/([A-Za-z0-9][A-Za-z0-9._-]{0,199})$/;

// ---------------------------------------------------------------------------------------------------------------
// Validation

export type ManifestCheck =
  | { ok: true; manifest: BundleManifest }
  | { ok: false; code: 'invalid-manifest' | 'unsupported-version'; path: string; detail: string };

class Invalid extends Error {
  constructor(
    readonly path: string,
    readonly detail: string,
  ) {
    super(`${path || '(manifest)'}: ${detail}`);
  }
}

/**
 * Checks a parsed manifest.json: every field's type and value, nothing unknown, and the cross-references
 * (captures and files point at each other and at the case, paths are unique and safe, the trail is the case's).
 * It does not check file contents or the audit hash chain: readBundle does that.
 */
export function validateManifest(value: unknown): ManifestCheck {
  try {
    return { ok: true, manifest: checkManifest(value) };
  } catch (error) {
    if (error instanceof Invalid) {
      const code = error.detail.startsWith('format version') ? 'unsupported-version' : 'invalid-manifest';
      return { ok: false, code, path: error.path, detail: error.detail };
    }
    throw error;
  }
}

function checkManifest(value: unknown): BundleManifest {
  const o = object(value, '', {
    required: ['format', 'formatVersion', 'tool', 'exportedAt', 'exportedBy', 'language', 'scope', 'case'],
    optional: [],
    rest: ['captures', 'files', 'reports', 'audit'],
  });
  if (o.format !== BUNDLE_FORMAT) throw new Invalid('format', `must be "${BUNDLE_FORMAT}"`);
  if (typeof o.formatVersion !== 'number' || !Number.isInteger(o.formatVersion) || o.formatVersion < 1) {
    throw new Invalid('formatVersion', 'must be a whole number from 1');
  }
  if (o.formatVersion !== BUNDLE_FORMAT_VERSION) {
    throw new Invalid(
      'formatVersion',
      `format version ${o.formatVersion} is not supported (this version reads ${BUNDLE_FORMAT_VERSION}); ` +
        'it was made by a newer version of the tool',
    );
  }
  const tool = object(o.tool, 'tool', { required: ['name', 'version'] });
  const exportedBy = object(o.exportedBy, 'exportedBy', { required: ['role'], optional: ['name'] });
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    tool: { name: text(tool.name, 'tool.name', true), version: text(tool.version, 'tool.version', true) },
    exportedAt: utcTime(o.exportedAt, 'exportedAt'),
    exportedBy: {
      role: oneOf(exportedBy.role, 'exportedBy.role', ROLES),
      ...optionalText(exportedBy, 'name', 'exportedBy'),
    },
    language: oneOf(o.language, 'language', LANGS),
    scope: oneOf(o.scope, 'scope', { case: true, selection: true }),
    case: checkCase(o.case, 'case'),
    captures: list(o.captures, 'captures', checkCapture),
    files: list(o.files, 'files', checkBundleFile),
    reports: list(o.reports, 'reports', checkReport),
    audit: list(o.audit, 'audit', checkAuditEntry),
  };
  checkCrossReferences(manifest);
  return manifest;
}

function checkCase(value: unknown, path: string): CaseRecord {
  const o = object(value, path, {
    required: ['id', 'title', 'createdAt', 'capturerRole', 'notes'],
    optional: ['capturerName', 'imported'],
  });
  const record: CaseRecord = {
    id: segment(o.id, `${path}.id`),
    title: text(o.title, `${path}.title`, true),
    createdAt: utcTime(o.createdAt, `${path}.createdAt`),
    capturerRole: oneOf(o.capturerRole, `${path}.capturerRole`, ROLES),
    ...optionalText(o, 'capturerName', path),
    notes: text(o.notes, `${path}.notes`),
  };
  if (o.imported !== undefined) {
    const imported = object(o.imported, `${path}.imported`, {
      required: ['bundleSha256', 'importedAt', 'bundleName'],
    });
    record.imported = {
      bundleSha256: sha256(imported.bundleSha256, `${path}.imported.bundleSha256`),
      importedAt: utcTime(imported.importedAt, `${path}.imported.importedAt`),
      bundleName: text(imported.bundleName, `${path}.imported.bundleName`),
    };
  }
  return record;
}

function checkCapture(value: unknown, path: string): CaptureRecord {
  const o = object(value, path, {
    required: [
      'id',
      'caseId',
      'requestedUrl',
      'finalUrl',
      'title',
      'platform',
      'parsed',
      'identifiers',
      'selectedItems',
      'mode',
      'capturedAt',
      'timeZone',
      'localTime',
      'viewport',
      'page',
      'devicePixelRatio',
      'scale',
      'scroller',
      'browser',
      'extension',
      'files',
      'notes',
    ],
    optional: ['limitedTo'],
  });
  const record: CaptureRecord = {
    id: segment(o.id, `${path}.id`),
    caseId: text(o.caseId, `${path}.caseId`, true),
    requestedUrl: text(o.requestedUrl, `${path}.requestedUrl`),
    finalUrl: text(o.finalUrl, `${path}.finalUrl`),
    title: text(o.title, `${path}.title`),
    platform: o.platform === null ? null : oneOf(o.platform, `${path}.platform`, PLATFORMS),
    parsed: o.parsed === null ? null : checkParsed(o.parsed, `${path}.parsed`),
    identifiers: list(o.identifiers, `${path}.identifiers`, checkIdentifier),
    selectedItems: list(o.selectedItems, `${path}.selectedItems`, checkItem),
    mode: oneOf(o.mode, `${path}.mode`, MODES),
    capturedAt: utcTime(o.capturedAt, `${path}.capturedAt`),
    timeZone: text(o.timeZone, `${path}.timeZone`, true),
    localTime: matching(o.localTime, `${path}.localTime`, LOCAL_TIME, 'a local ISO 8601 time with its offset'),
    viewport: size(o.viewport, `${path}.viewport`),
    page: size(o.page, `${path}.page`),
    devicePixelRatio: number(o.devicePixelRatio, `${path}.devicePixelRatio`, { positive: true }),
    scale: number(o.scale, `${path}.scale`, { positive: true }),
    scroller: oneOf(o.scroller, `${path}.scroller`, SCROLLERS),
    browser: nameVersion(o.browser, `${path}.browser`),
    extension: nameVersion(o.extension, `${path}.extension`),
    files: list(o.files, `${path}.files`, checkFileMeta),
    notes: text(o.notes, `${path}.notes`),
  };
  if (o.limitedTo !== undefined) {
    const limited = object(o.limitedTo, `${path}.limitedTo`, { required: ['screens', 'reason'] });
    record.limitedTo = {
      screens: number(limited.screens, `${path}.limitedTo.screens`, { integer: true, positive: true }),
      reason: oneOf(limited.reason, `${path}.limitedTo.reason`, { 'max-screens': true }),
    };
  }
  return record;
}

function checkParsed(value: unknown, path: string): ParsedUrl {
  const o = object(value, path, { required: ['platform', 'kind', 'ids', 'url'], optional: ['createdAt', 'target'] });
  const ids = object(o.ids, `${path}.ids`, { required: [], optional: Object.keys(PAGE_ID_KEYS) });
  const parsed: ParsedUrl = {
    platform: oneOf(o.platform, `${path}.platform`, PLATFORMS),
    kind: oneOf(o.kind, `${path}.kind`, PAGE_KINDS),
    ids: Object.fromEntries(
      Object.entries(ids)
        .filter(([, v]) => v !== undefined)
        .map(([key, v]) => [key, text(v, `${path}.ids.${key}`)]),
    ) as PageIds,
    url: text(o.url, `${path}.url`),
  };
  if (o.createdAt !== undefined) parsed.createdAt = utcTime(o.createdAt, `${path}.createdAt`);
  if (o.target !== undefined) {
    const target = object(o.target, `${path}.target`, { required: ['url', 'parsed'] });
    parsed.target = {
      url: text(target.url, `${path}.target.url`),
      parsed: target.parsed === null ? null : checkParsed(target.parsed, `${path}.target.parsed`),
    };
  }
  return parsed;
}

function checkIdentifier(value: unknown, path: string): IdentifierField {
  const o = object(value, path, { required: ['key', 'value'] });
  return { key: oneOf(o.key, `${path}.key`, IDENTIFIER_KEYS), value: text(o.value, `${path}.value`) };
}

function checkItem(value: unknown, path: string): ExtractedItem {
  const o = object(value, path, { required: ['key', 'kind', 'fields'], optional: ['excerpt'] });
  return {
    key: text(o.key, `${path}.key`),
    kind: oneOf(o.kind, `${path}.kind`, ITEM_KINDS),
    fields: list(o.fields, `${path}.fields`, checkIdentifier),
    ...optionalText(o, 'excerpt', path),
  };
}

function checkFileMeta(value: unknown, path: string): FileMeta {
  const o = object(value, path, {
    required: ['id', 'captureId', 'role', 'name', 'mime', 'size', 'sha256'],
    optional: ['width', 'height', 'part', 'partCount', 'bandHeight'],
  });
  const meta: FileMeta = {
    id: text(o.id, `${path}.id`, true),
    captureId: text(o.captureId, `${path}.captureId`, true),
    role: oneOf(o.role, `${path}.role`, FILE_ROLES),
    name: text(o.name, `${path}.name`, true),
    mime: text(o.mime, `${path}.mime`),
    size: number(o.size, `${path}.size`, { integer: true }),
    sha256: sha256(o.sha256, `${path}.sha256`),
  };
  for (const key of ['width', 'height', 'part', 'partCount', 'bandHeight'] as const) {
    if (o[key] !== undefined) meta[key] = number(o[key], `${path}.${key}`, { integer: true });
  }
  return meta;
}

function checkBundleFile(value: unknown, path: string): BundleFile {
  const o = object(value, path, {
    required: ['path', 'fileId', 'captureId', 'role', 'name', 'mime', 'size', 'sha256'],
  });
  return {
    path: matching(o.path, `${path}.path`, EVIDENCE_PATH, 'evidence/<capture id>/<file name>, letters, digits, . _ -'),
    fileId: text(o.fileId, `${path}.fileId`, true),
    captureId: text(o.captureId, `${path}.captureId`, true),
    role: oneOf(o.role, `${path}.role`, FILE_ROLES),
    name: text(o.name, `${path}.name`, true),
    mime: text(o.mime, `${path}.mime`),
    size: number(o.size, `${path}.size`, { integer: true }),
    sha256: sha256(o.sha256, `${path}.sha256`),
  };
}

function checkReport(value: unknown, path: string): ReportTracking {
  const o = object(value, path, {
    required: ['caseId', 'platform', 'status', 'updatedAt'],
    optional: ['reportedOn', 'reference', 'answer'],
  });
  return {
    caseId: text(o.caseId, `${path}.caseId`, true),
    platform: oneOf(o.platform, `${path}.platform`, { ...PLATFORMS, other: true }),
    status: oneOf(o.status, `${path}.status`, REPORT_STATUSES),
    ...optionalText(o, 'reportedOn', path),
    ...optionalText(o, 'reference', path),
    ...optionalText(o, 'answer', path),
    updatedAt: utcTime(o.updatedAt, `${path}.updatedAt`),
  };
}

function checkAuditEntry(value: unknown, path: string): AuditEntry {
  const o = object(value, path, {
    required: ['caseId', 'seq', 'at', 'action', 'actorRole', 'details', 'prevHash', 'hash'],
  });
  const details = object(o.details, `${path}.details`, { required: [], anyKey: true });
  for (const [key, v] of Object.entries(details)) {
    const ok =
      v === null ||
      ['string', 'boolean'].includes(typeof v) ||
      (typeof v === 'number' && Number.isFinite(v)) ||
      (Array.isArray(v) && v.every((item) => typeof item === 'string'));
    if (!ok) throw new Invalid(`${path}.details.${key}`, 'must be text, a number, true/false, null or a list of texts');
  }
  return {
    caseId: text(o.caseId, `${path}.caseId`, true),
    seq: number(o.seq, `${path}.seq`, { integer: true }),
    at: utcTime(o.at, `${path}.at`),
    action: oneOf(o.action, `${path}.action`, ACTIONS),
    actorRole: oneOf(o.actorRole, `${path}.actorRole`, ROLES),
    details: details as AuditEntry['details'],
    prevHash: sha256(o.prevHash, `${path}.prevHash`),
    hash: sha256(o.hash, `${path}.hash`),
  };
}

/** Captures, files and trail must describe one case, and agree with each other. */
function checkCrossReferences(manifest: BundleManifest): void {
  const caseId = manifest.case.id;
  const captureIndex = new Map<string, number>();
  manifest.captures.forEach((capture, i) => {
    if (capture.caseId !== caseId) throw new Invalid(`captures[${i}].caseId`, `is not the case's id (${caseId})`);
    if (captureIndex.has(capture.id)) throw new Invalid(`captures[${i}].id`, `capture ${capture.id} is listed twice`);
    captureIndex.set(capture.id, i);
  });

  const byFileId = new Map<string, { file: BundleFile; index: number }>();
  const paths = new Set<string>();
  manifest.files.forEach((file, index) => {
    const at = `files[${index}]`;
    if (byFileId.has(file.fileId)) throw new Invalid(`${at}.fileId`, `file ${file.fileId} is listed twice`);
    if (paths.has(file.path.toLowerCase())) throw new Invalid(`${at}.path`, `${file.path} is listed twice`);
    if (!captureIndex.has(file.captureId)) throw new Invalid(`${at}.captureId`, `no capture ${file.captureId}`);
    if (file.path.split('/')[1] !== safeSegment(file.captureId)) {
      throw new Invalid(`${at}.path`, `is not in the folder of capture ${file.captureId}`);
    }
    byFileId.set(file.fileId, { file, index });
    paths.add(file.path.toLowerCase());
  });

  const listed = new Set<string>();
  manifest.captures.forEach((capture, c) => {
    capture.files.forEach((meta, f) => {
      const at = `captures[${c}].files[${f}]`;
      if (meta.captureId !== capture.id) throw new Invalid(`${at}.captureId`, `is not the capture's id (${capture.id})`);
      if (listed.has(meta.id)) throw new Invalid(`${at}.id`, `file ${meta.id} is listed twice`);
      listed.add(meta.id);
      const entry = byFileId.get(meta.id);
      if (!entry) throw new Invalid(at, `file ${meta.id} is not in "files"`);
      for (const key of ['captureId', 'role', 'name', 'mime', 'size', 'sha256'] as const) {
        if (entry.file[key] !== meta[key]) {
          throw new Invalid(`files[${entry.index}].${key}`, `differs from ${at}.${key}`);
        }
      }
    });
  });
  for (const { file, index } of byFileId.values()) {
    if (!listed.has(file.fileId)) throw new Invalid(`files[${index}]`, `file ${file.fileId} is in no capture`);
  }
  manifest.reports.forEach((report, i) => {
    if (report.caseId !== caseId) throw new Invalid(`reports[${i}].caseId`, `is not the case's id (${caseId})`);
  });
  manifest.audit.forEach((entry, i) => {
    if (entry.caseId !== caseId) throw new Invalid(`audit[${i}].caseId`, `is not the case's id (${caseId})`);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Paths

/** A capture id or file name made safe as one ZIP path segment (same input, same output). */
export function safeSegment(value: string): string {
  const cleaned = value.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^[._-]+/, '');
  const cut = cleaned.slice(0, 200);
  return cut === '' ? 'file' : cut;
}

// ---------------------------------------------------------------------------------------------------------------
// Small typed checks; each throws Invalid with the path of the value.

interface Shape {
  required: readonly string[];
  optional?: readonly string[];
  /** Required too; listed apart only to keep the big lists last in error order. */
  rest?: readonly string[];
  /** Any key allowed (a free map, like audit details). */
  anyKey?: boolean;
}

function object(value: unknown, path: string, shape: Shape): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Invalid(path, 'must be an object');
  }
  const o = value as Record<string, unknown>;
  const required = [...shape.required, ...(shape.rest ?? [])];
  for (const key of required) {
    if (!(key in o)) throw new Invalid(join(path, key), 'is missing');
  }
  if (!shape.anyKey) {
    const known = new Set([...required, ...(shape.optional ?? [])]);
    for (const key of Object.keys(o)) {
      if (!known.has(key)) throw new Invalid(join(path, key), 'is not a field of this format version');
    }
  }
  return o;
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function list<T>(value: unknown, path: string, each: (item: unknown, path: string) => T): T[] {
  if (!Array.isArray(value)) throw new Invalid(path, 'must be a list');
  return value.map((item, i) => each(item, `${path}[${i}]`));
}

function text(value: unknown, path: string, nonEmpty = false): string {
  if (typeof value !== 'string') throw new Invalid(path, 'must be text');
  if (nonEmpty && value.trim() === '') throw new Invalid(path, 'must not be empty');
  return value;
}

function optionalText<K extends string>(o: Record<string, unknown>, key: K, path: string): { [P in K]?: string } {
  return o[key] === undefined ? {} : ({ [key]: text(o[key], join(path, key)) } as { [P in K]?: string });
}

function matching(value: unknown, path: string, pattern: RegExp, what: string): string {
  const s = text(value, path);
  if (!pattern.test(s)) throw new Invalid(path, `must be ${what}`);
  return s;
}

function segment(value: unknown, path: string): string {
  return matching(value, path, SAFE_SEGMENT, 'letters, digits, . _ - (starting with a letter or digit)');
}

function utcTime(value: unknown, path: string): string {
  const s = matching(value, path, UTC_TIME, 'a UTC ISO 8601 time like 2026-11-28T15:02:11.123Z');
  if (Number.isNaN(Date.parse(s))) throw new Invalid(path, 'is not a real date');
  return s;
}

function sha256(value: unknown, path: string): string {
  return matching(value, path, SHA256_HEX, '64 lowercase hexadecimal digits (SHA-256)');
}

function number(value: unknown, path: string, rules: { integer?: boolean; positive?: boolean } = {}): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Invalid(path, 'must be a number');
  if (rules.integer && !Number.isInteger(value)) throw new Invalid(path, 'must be a whole number');
  if (rules.positive ? value <= 0 : value < 0) throw new Invalid(path, rules.positive ? 'must be above 0' : 'must not be negative');
  return value;
}

function oneOf<T extends string>(value: unknown, path: string, allowed: Record<T, true>): T {
  if (typeof value !== 'string' || !Object.hasOwn(allowed, value)) {
    throw new Invalid(path, `must be one of ${Object.keys(allowed).join(', ')}`);
  }
  return value as T;
}

function size(value: unknown, path: string): { width: number; height: number } {
  const o = object(value, path, { required: ['width', 'height'] });
  return {
    width: number(o.width, `${path}.width`),
    height: number(o.height, `${path}.height`),
  };
}

function nameVersion(value: unknown, path: string): { name: string; version: string } {
  const o = object(value, path, { required: ['name', 'version'] });
  return { name: text(o.name, `${path}.name`), version: text(o.version, `${path}.version`) };
}
