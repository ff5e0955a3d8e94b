/**
 * The evidence data model: what is stored in IndexedDB (lib/storage) and exported in bundles (lib/bundle).
 * Users depend on it: change it only with a schema version bump and a tested migration.
 *
 * Recorded: what proves a capture (where, when, how, with what tool, the hashes). Not recorded: anything that
 * identifies the device or its owner (no IP, no hardware or account ids, no user agent string beyond the
 * browser's name and version).
 */
import type { ExtractedItem, IdentifierField, ParsedUrl, PlatformId } from '../platforms/types';

/** Who is capturing: shown in the audit trail and the exported report. */
export type CapturerRole = 'victim' | 'staff' | 'helper';

export interface CaseRecord {
  id: string;
  /** A title or pseudonym; never required to be a real name. */
  title: string;
  createdAt: string;
  capturerRole: CapturerRole;
  /** Optional name of the helper or staff member, if they wish to be named. */
  capturerName?: string;
  notes: string;
  /** Set when the case came from an imported bundle. */
  imported?: { bundleSha256: string; importedAt: string; bundleName: string };
}

export type CaptureMode = 'visible' | 'full';

/** What a stored file is. */
export type FileRole = 'screenshot' | 'source' | 'thumbnail';

export interface FileMeta {
  id: string;
  captureId: string;
  role: FileRole;
  /** File name inside an export bundle, e.g. `<capture-id>/screenshot-1.png`. */
  name: string;
  mime: string;
  size: number;
  sha256: string;
  /** Pixel size, for images. */
  width?: number;
  height?: number;
  /** For screenshots split into parts: 1-based index and count. */
  part?: number;
  partCount?: number;
  /**
   * Height in pixels of the evidence band stamped above the page pixels; rows [bandHeight, height) are the
   * page exactly as captured.
   */
  bandHeight?: number;
}

export interface StoredFile extends FileMeta {
  blob: Blob;
}

export interface CaptureRecord {
  id: string;
  caseId: string;
  /** The URL of the tab when the person asked for the capture, and the one loaded when it finished. */
  requestedUrl: string;
  finalUrl: string;
  title: string;
  platform: PlatformId | null;
  parsed: ParsedUrl | null;
  /** Identifiers of the page itself (from the URL), and the items the person selected in the side panel. */
  identifiers: IdentifierField[];
  selectedItems: ExtractedItem[];
  mode: CaptureMode;
  /** UTC, ISO 8601 with milliseconds. */
  capturedAt: string;
  /** IANA time zone name of the capturing browser, e.g. Europe/Brussels. */
  timeZone: string;
  /** Local wall-clock time with its UTC offset, e.g. 2026-11-28T16:02:11+01:00. */
  localTime: string;
  viewport: { width: number; height: number };
  /** Size of what was captured, in CSS pixels (the scrolled pane's content for inner scrollers). */
  page: { width: number; height: number };
  devicePixelRatio: number;
  /** Image pixels per CSS pixel, measured from the captured image (zoom and DPR together). */
  scale: number;
  scroller: 'document' | 'inner' | 'none';
  /** Set when a long pane was captured only partly (from the current position back a number of screens). */
  limitedTo?: { screens: number; reason: 'max-screens' };
  browser: { name: string; version: string };
  extension: { name: string; version: string };
  files: FileMeta[];
  notes: string;
}

export type AuditAction =
  | 'case-create'
  | 'case-update'
  | 'capture'
  | 'note'
  | 'move'
  | 'export'
  | 'import'
  | 'delete'
  | 'report-update';

export interface AuditEntry {
  caseId: string;
  /** 0, 1, 2... within the case; with `prevHash` it makes the trail append-only and tamper-evident. */
  seq: number;
  at: string;
  action: AuditAction;
  actorRole: CapturerRole;
  /** What the action touched: capture id, file hashes, target case, export file name... Never image data. */
  details: Record<string, string | number | boolean | null | string[]>;
  /** Hash of the previous entry of this case (64 zeros for the first). */
  prevHash: string;
  /** SHA-256 (hex) of the canonical JSON of every field above. */
  hash: string;
}

/** Where a report to one platform stands, for one case (the guide: report, then follow up). */
export type ReportStatus = 'to-report' | 'reported' | 'removed' | 'refused';

export interface ReportTracking {
  caseId: string;
  platform: PlatformId | 'other';
  status: ReportStatus;
  /** Date the report was made (YYYY-MM-DD), as the person enters it. */
  reportedOn?: string;
  /** The platform's reference or ticket number. */
  reference?: string;
  /** What the platform answered. */
  answer?: string;
  updatedAt: string;
}
