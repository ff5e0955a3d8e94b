/**
 * The evidence data model's types, derived from its schemas (schema.ts, where each field is documented).
 * Users depend on it: change it only with a schema version bump and a tested migration.
 */
import type * as v from 'valibot';
import type {
  AUDIT_ACTIONS,
  AuditEntrySchema,
  CAPTURE_MODES,
  CAPTURER_ROLES,
  CaptureRecordSchema,
  CaseRecordSchema,
  FILE_ROLES,
  ExtractedItemSchema,
  FileMetaSchema,
  IDENTIFIER_KEYS,
  ITEM_KINDS,
  IdentifierFieldSchema,
  PAGE_KINDS,
  PageIdsSchema,
  REPORT_STATUSES,
  RECORDING_END_REASONS,
  RECORDING_METHODS,
  RecordingSchema,
  ReportTrackingSchema,
} from './schema';

export type { ParsedUrl } from './schema';

/** Who is capturing: shown in the audit trail and the exported report. */
export type CapturerRole = (typeof CAPTURER_ROLES)[number];
export type CaptureMode = (typeof CAPTURE_MODES)[number];
/** What a stored file is. */
export type FileRole = (typeof FILE_ROLES)[number];
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
/** Where a report to one platform stands, for one case (the guide: report, then follow up). */
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** What a URL points at (see PAGE_KINDS). */
export type PageKind = (typeof PAGE_KINDS)[number];
export type PageIds = v.InferOutput<typeof PageIdsSchema>;
/** What one identifier is; the side panel labels each key in the interface language. */
export type IdentifierKey = (typeof IDENTIFIER_KEYS)[number];
export type IdentifierField = v.InferOutput<typeof IdentifierFieldSchema>;
/** What one extracted item is (see ITEM_KINDS). */
export type ItemKind = (typeof ITEM_KINDS)[number];
/** One thing on screen that can be reported on its own: a Discord message, an X post, a TikTok comment. */
export type ExtractedItem = v.InferOutput<typeof ExtractedItemSchema>;

export type CaseRecord = v.InferOutput<typeof CaseRecordSchema>;
export type FileMeta = v.InferOutput<typeof FileMetaSchema>;
export type CaptureRecord = v.InferOutput<typeof CaptureRecordSchema>;
export type RecordingInfo = v.InferOutput<typeof RecordingSchema>;
export type RecordingMethod = (typeof RECORDING_METHODS)[number];
export type RecordingEndReason = (typeof RECORDING_END_REASONS)[number];
export type AuditEntry = v.InferOutput<typeof AuditEntrySchema>;
export type ReportTracking = v.InferOutput<typeof ReportTrackingSchema>;

/** A stored file: its description and its bytes (never exported in the manifest). */
export interface StoredFile extends FileMeta {
  blob: Blob;
}
