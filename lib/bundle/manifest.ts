/**
 * The evidence bundle's manifest (`manifest.json`): its schema, built from the evidence schemas
 * (lib/evidence/schema.ts), and its validator. The format is documented in lib/bundle/FORMAT.md; a test checks
 * that both name the same fields.
 *
 * The validator is strict on purpose: an unknown field is refused (with its path), not ignored. A bundle is
 * evidence; nothing in it should be unexplained, and a reader that does not know a field cannot vouch for it. So
 * any change to the manifest, even adding an optional field, is a new `formatVersion` (and older readers say
 * "made by a newer version" instead of misreading it). The first problem is reported with its exact path.
 */
import * as v from 'valibot';
import { evidencePath, fileName, list, nonEmptyIdentifier, nonEmptyOneLine, oneLine, oneOf, record, sha256, text, utcTime, wholeAmount } from '../evidence/fields';
import { TEXT_LIMITS } from '../evidence/text';
import { issuePath } from '../evidence/validate';
import {
  AuditEntrySchema,
  CAPTURER_ROLES,
  CaptureRecordSchema,
  CaseRecordSchema,
  FILE_ROLES,
  IDENTIFIER_KEYS_SINCE_6,
  ITEM_KINDS_SINCE_6,
  ReportTrackingSchema,
} from '../evidence/schema';
import { roleAndType } from '../evidence/file-types';
import type { CaptureRecord, ParsedUrl } from '../evidence/types';
import { LANGUAGES } from '../i18n';
import { BundleTimestampSchema } from './timestamps';

export const BUNDLE_FORMAT = 'capture-and-report-bundle';
/**
 * The version written. 1: unsigned; 2: signed (same manifest; public-key.pem and two .sig files, FORMAT.md);
 * 3: recordings (capture mode `video`, file roles `video` and `poster`, `captures[].recording`).
 * 4: trusted timestamps (`timestamps` in the manifest, `.tsr` and `.tsa.pem` files, audit-head.txt).
 * 5: captures may say how their screens were taken (`captureMethod`).
 * 6: every platform's items: item kinds `comment`, `reply`, `channel`, `reel`; identifier keys `commentUrl`,
 *    `commentId`, `channelUrl`, `timeShown`; `parsed.ids.commentId`.
 */
export const BUNDLE_FORMAT_VERSION = 6;
/** Every version this reader reads. */
export const BUNDLE_FORMAT_VERSIONS = [1, 2, 3, 4, 5, 6] as const;
export type BundleFormatVersion = (typeof BUNDLE_FORMAT_VERSIONS)[number];

/** Files every bundle holds besides the evidence files. */
export const MANIFEST_PATH = 'manifest.json';
export const SUMS_PATH = 'SHA256SUMS';
export const REPORT_PATH = 'report.html';
export const README_PATH = 'README.txt';

/** One evidence file in the ZIP. Its other properties (pixel size, part...) are in its capture's `files`. */
const bundleFileFields = record({
  /** Path inside the ZIP: `evidence/<capture id>/<file name>`, the name made by the exporter (role, media type). */
  path: evidencePath,
  /** The stored file's id and the capture it belongs to. */
  fileId: nonEmptyIdentifier(TEXT_LIMITS.fileName * 2),
  captureId: nonEmptyIdentifier(TEXT_LIMITS.fileName),
  role: oneOf(FILE_ROLES),
  /** The stored file name (FileMeta.name). */
  name: fileName,
  mime: text,
  size: wholeAmount,
  /** SHA-256 of the file's bytes, lowercase hex, as computed when it was captured. */
  sha256,
});

/** One evidence file in the ZIP. Its other properties (pixel size, part...) are in its capture's `files`. */
export const BundleFileSchema = v.pipe(
  bundleFileFields,
  roleAndType<v.InferOutput<typeof bundleFileFields>>(),
);

const wholeFromOne = 'must be a whole number from 1';

export const BundleManifestSchema = record({
  format: v.literal(BUNDLE_FORMAT, `must be "${BUNDLE_FORMAT}"`),
  formatVersion: v.pipe(
    v.number(wholeFromOne),
    v.integer(wholeFromOne),
    v.minValue(1, wholeFromOne),
    v.picklist(
      BUNDLE_FORMAT_VERSIONS,
      (issue) =>
        `format version ${String(issue.input)} is not supported (this version reads ${BUNDLE_FORMAT_VERSIONS.join(', ')}); ` +
        'it was made by a newer version of the tool',
    ),
  ),
  /** The program that wrote the bundle. */
  tool: record({ name: nonEmptyOneLine(TEXT_LIMITS.label), version: nonEmptyOneLine(TEXT_LIMITS.label) }),
  /** UTC, ISO 8601 with milliseconds. */
  exportedAt: utcTime,
  /** Who exported: the role, and a name only if the person chose to give one. */
  exportedBy: record({ role: oneOf(CAPTURER_ROLES), name: v.optional(oneLine(TEXT_LIMITS.name)) }),
  /** Language of report.html and README.txt. */
  language: oneOf(LANGUAGES),
  /** The whole case, or only some of its captures (the audit trail is always the whole case's). */
  scope: oneOf(['case', 'selection']),
  case: CaseRecordSchema,
  // The lists come last, so that a missing or bad small field is reported before a problem deep in a list.
  /** Capture records exactly as stored (no image data), oldest first. */
  captures: list(CaptureRecordSchema, 10_000),
  files: list(BundleFileSchema, 60_000),
  /** Where the reports to each platform stand (status, date, reference, answer). */
  reports: list(ReportTrackingSchema, 100),
  /** The case's whole audit trail, by seq. */
  audit: list(AuditEntrySchema, 500_000),
  /** Version 3: the trusted timestamps (RFC 3161 tokens) in the bundle, one per stamped file (timestamps.ts). */
  timestamps: v.optional(list(BundleTimestampSchema, 60_000)),
});

export type BundleFile = v.InferOutput<typeof BundleFileSchema>;
export type BundleManifest = v.InferOutput<typeof BundleManifestSchema>;

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
  const result = v.safeParse(BundleManifestSchema, value, { abortEarly: true });
  if (!result.success) return refusal(issuePath(result.issues[0]), result.issues[0].message);
  try {
    checkCrossReferences(result.output);
  } catch (error) {
    if (error instanceof Invalid) return refusal(error.path, error.detail);
    throw error;
  }
  return { ok: true, manifest: result.output };
}

function refusal(path: string, detail: string): ManifestCheck {
  const code = detail.startsWith('format version') ? 'unsupported-version' : 'invalid-manifest';
  return { ok: false, code, path, detail };
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
  if (manifest.timestamps !== undefined && manifest.formatVersion < 4) {
    throw new Invalid('timestamps', `is not a field of format version ${manifest.formatVersion}`);
  }
  if (manifest.formatVersion < 6) {
    manifest.captures.forEach((capture, c) => checkBefore6(capture, `captures[${c}]`, manifest.formatVersion));
  }
  const stamped = new Set<string>();
  manifest.timestamps?.forEach((entry, i) => {
    if (stamped.has(entry.stamps)) throw new Invalid(`timestamps[${i}].stamps`, `${entry.stamps} is stamped twice`);
    stamped.add(entry.stamps);
  });
}

/** A bundle older than version 6 holds none of the item kinds and identifier keys version 6 added. */
function checkBefore6(capture: CaptureRecord, at: string, version: number): void {
  const refuse = (path: string, value: string) => {
    throw new Invalid(path, `${value} is not a value of format version ${version}`);
  };
  const checkKeys = (fields: readonly { key: string }[], path: string) =>
    fields.forEach((field, f) => {
      if (IDENTIFIER_KEYS_SINCE_6.includes(field.key)) refuse(`${path}[${f}].key`, field.key);
    });
  checkKeys(capture.identifiers, `${at}.identifiers`);
  capture.selectedItems.forEach((item, i) => {
    if (ITEM_KINDS_SINCE_6.includes(item.kind)) refuse(`${at}.selectedItems[${i}].kind`, item.kind);
    checkKeys(item.fields, `${at}.selectedItems[${i}].fields`);
  });
  for (let parsed: ParsedUrl | null | undefined = capture.parsed, path = `${at}.parsed`; parsed; ) {
    if (parsed.ids.commentId !== undefined) throw new Invalid(`${path}.ids.commentId`, `is not a field of format version ${version}`);
    parsed = parsed.target?.parsed;
    path = `${path}.target.parsed`;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Paths

/** A capture id or file name made safe as one ZIP path segment (same input, same output). */
export function safeSegment(value: string): string {
  const cleaned = value.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^[._-]+/, '');
  const cut = cleaned.slice(0, 200);
  return cut === '' ? 'file' : cut;
}
