/**
 * The evidence database: IndexedDB, opened with idb. Schema and migration rules: lib/storage/SCHEMA.md.
 *
 * Every schema change is a new entry appended to `migrations` (never an edit of an old one: people have
 * databases created by every released version) and a test that upgrades a database of the previous version
 * holding data (tests/unit/storage/migrations.test.ts).
 */
import { openDB, unwrap, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type {
  AuditEntry,
  CaptureRecord,
  CapturerRole,
  CaseRecord,
  FileRole,
  RecordingMethod,
  ReportTracking,
  StoredFile,
} from '../evidence/types';
import type { PlatformId } from '../platforms/types';
import type { TimestampRecord } from '../proof/timestamp-record';

export const DEFAULT_DB_NAME = 'capture-and-report';

/**
 * The installation's signing key (one record, id 'installation'). The public part is in clear; `pkcs8` (base64 of
 * the private key's PKCS #8) is sealed with the data key when a passphrase is set, like every other secret.
 */
export interface SigningKeyRecord {
  id: string;
  algorithm: 'ECDSA-P256-SHA256';
  /** base64 of the DER SubjectPublicKeyInfo. */
  spki: string;
  /** SHA-256 of the SPKI in groups (lib/proof/signing-key.ts, formatFingerprint). */
  fingerprint: string;
  createdAt: string;
  /** base64 of the private key's PKCS #8; sealed when a passphrase is set. */
  pkcs8: string;
}

/**
 * This installation's receiving key for encrypted bundles (one record, id 'receiving'; lib/storage/receiving-keys.ts):
 * an age X25519 key pair. `recipient` (the public key, `age1…`) is in clear; `identity` (the private key,
 * `AGE-SECRET-KEY-1…`) is sealed with the data key when a passphrase is set, like the signing key's.
 */
export interface ReceivingKeyRecord {
  id: string;
  algorithm: 'age-X25519';
  recipient: string;
  createdAt: string;
  identity: string;
}

export type KeyRecord = SigningKeyRecord | ReceivingKeyRecord;

/**
 * The signature of one audit entry (lib/storage/audit-signatures.ts), key [caseId, seq]. In clear: a hash and a
 * signature of it reveal nothing of the evidence.
 */
export interface AuditSignatureRecord {
  caseId: string;
  seq: number;
  /** The hash of the entry this record is about (a changed entry no longer matches it). */
  hash: string;
  /**
   * signed: by this installation (`signature`, `fingerprint`); before-signing: the entry was made before audit
   * signing existed (migration 5); imported: the entry came in a bundle signed as a whole by another installation.
   */
  status: 'signed' | 'before-signing' | 'imported';
  /** base64 of the DER ECDSA signature of the hash's text; null unless signed. */
  signature: string | null;
  /** Fingerprint of the key that signed; null unless signed. */
  fingerprint: string | null;
}

/**
 * A large file (a recording) stored in fixed-size pieces (v6), key [fileId, index]. Written one by one as the
 * file grows; the file is evidence only once its `files` record exists (recordings.ts). Sealed like a file:
 * `data` becomes an encrypted blob whose additional data binds the file id, the index and `last`.
 */
export interface ChunkRecord {
  fileId: string;
  index: number;
  /** The file's final piece (written in the transaction that makes the file evidence). */
  last: boolean;
  data: Blob;
}

/** How a chunked file is stored: its `files` record carries this, and an empty placeholder `blob`. */
export interface ChunkedFileInfo {
  count: number;
  chunkSize: number;
  /** A partial recording recovered after a crash: no chunk is marked final. */
  partial?: boolean;
}

/** A stored file as in the `files` store: a whole blob, or (v6) chunks described by `chunks`. */
export type StoredFileRecord = StoredFile & { chunks?: ChunkedFileInfo };

/** What is known when a recording starts (recordings.ts `startRecording`). */
export interface RecordingStart {
  /** The capture id, when the recorder made it (the band shows it from the first frame); default: a new one. */
  captureId?: string;
  caseId: string;
  tabUrl: string;
  title: string;
  platform: PlatformId | null;
  /** ISO UTC. */
  startedAt: string;
  /** The recorder's MIME type, e.g. 'video/webm;codecs=vp9,opus'. */
  mimeType: string;
  method: RecordingMethod;
  audio: boolean;
  frameRate: number | null;
}

/**
 * A recording under way (v6), key `id` = its capture id: its chunks are being written. Removed in the transaction
 * that makes it evidence, or by `abandon`; one left after a crash is recovered at startup (recordings.ts).
 */
export interface PendingRecordingRecord {
  id: string;
  fileId: string;
  caseId: string;
  startedAt: string;
  chunkSize: number;
  actorRole: CapturerRole;
  start: RecordingStart;
  /** Time zone and browser of the recording context, for the capture record. */
  timeZone: string;
  browser: { name: string; version: string };
  extension: { name: string; version: string };
}

/**
 * A sender the person confirmed (v8, lib/storage/senders.ts), key `id` = the fingerprint of the sender's signing key
 * (16 groups of 4 upper-case hex digits): the person checked it with the sender, by phone or in person. `name` and
 * `confirmedAt` are sealed when a passphrase is set; the fingerprint, the key, stays in clear.
 */
export interface ConfirmedSenderRecord {
  id: string;
  /** The name the person gave the sender (a person, an institute). */
  name: string;
  /** When the person marked the fingerprint as confirmed (ISO UTC). */
  confirmedAt: string;
}

/** One key/value preference, e.g. `defaultCaseId`. */
export interface SettingRecord {
  key: string;
  value: unknown;
}

/** The current schema (version DB_VERSION). */
export interface EvidenceDbSchema extends DBSchema {
  cases: { key: string; value: CaseRecord };
  captures: {
    key: string;
    value: CaptureRecord;
    indexes: { byCase: string; byCaseTime: [string, string] };
  };
  files: {
    key: string;
    value: StoredFileRecord;
    indexes: { byCapture: string; byCaptureRole: [string, FileRole] };
  };
  audit: {
    key: [string, number];
    value: AuditEntry;
    indexes: { byCase: string };
  };
  settings: { key: string; value: SettingRecord };
  reports: { key: [string, string]; value: ReportTracking };
  keys: { key: string; value: KeyRecord };
  auditSignatures: { key: [string, number]; value: AuditSignatureRecord };
  chunks: { key: [string, number]; value: ChunkRecord };
  recordings: { key: string; value: PendingRecordingRecord };
  timestamps: {
    key: string;
    value: TimestampRecord;
    indexes: { byCapture: string; byState: string };
  };
  senders: { key: string; value: ConfirmedSenderRecord };
}

export type EvidenceDb = IDBPDatabase<EvidenceDbSchema>;

/**
 * A migration sees the database as it was at its own version, not as the current schema describes it, so it is
 * typed without a schema.
 */
export type Migration = (
  db: IDBPDatabase<unknown>,
  tx: IDBPTransaction<unknown, StoreNames<unknown>[], 'versionchange'>,
) => void;

/** Version 1: the five stores. */
function createStores(db: IDBPDatabase<unknown>): void {
  db.createObjectStore('cases', { keyPath: 'id' });
  const captures = db.createObjectStore('captures', { keyPath: 'id' });
  captures.createIndex('byCase', 'caseId');
  captures.createIndex('byCaseTime', ['caseId', 'capturedAt']);
  const files = db.createObjectStore('files', { keyPath: 'id' });
  files.createIndex('byCapture', 'captureId');
  db.createObjectStore('audit', { keyPath: ['caseId', 'seq'] }).createIndex('byCase', 'caseId');
  db.createObjectStore('settings', { keyPath: 'key' });
}

/** Version 2: find a capture's files of one role (its thumbnail, its screenshot parts) without loading the rest. */
function addFilesByCaptureRole(_db: IDBPDatabase<unknown>, tx: Parameters<Migration>[1]): void {
  tx.objectStore('files').createIndex('byCaptureRole', ['captureId', 'role']);
}

/** Version 3: per case and platform, where the report stands (date, reference number, answer, status). */
function addReports(db: IDBPDatabase<unknown>): void {
  db.createObjectStore('reports', { keyPath: ['caseId', 'platform'] });
}

/** Version 4: the installation's signing key (lib/proof/signing-key.ts), its private part sealed like evidence. */
function addKeys(db: IDBPDatabase<unknown>): void {
  db.createObjectStore('keys', { keyPath: 'id' });
}

/**
 * Version 5: a signature per audit entry (lib/storage/audit-signatures.ts). Every entry already there was made
 * before signing existed: it gets a record saying so (`signature: null`), never a signature made now.
 */
function addAuditSignatures(db: IDBPDatabase<unknown>, tx: Parameters<Migration>[1]): void {
  const signatures = unwrap(db.createObjectStore('auditSignatures', { keyPath: ['caseId', 'seq'] }));
  const cursorRequest = unwrap(tx.objectStore('audit')).openCursor();
  cursorRequest.onsuccess = () => {
    const cursor = cursorRequest.result;
    if (!cursor) return;
    const entry = cursor.value as AuditEntry;
    const record: AuditSignatureRecord = {
      caseId: entry.caseId,
      seq: entry.seq,
      hash: entry.hash,
      status: 'before-signing',
      signature: null,
      fingerprint: null,
    };
    signatures.add(record);
    cursor.continue();
  };
}

/**
 * Version 6: large files in chunks (recordings): `chunks` ([fileId, index]) and `recordings` (those being written,
 * found again after a crash). No existing data changes: every file so far is one blob.
 */
function addChunks(db: IDBPDatabase<unknown>): void {
  db.createObjectStore('chunks', { keyPath: ['fileId', 'index'] });
  db.createObjectStore('recordings', { keyPath: 'id' });
}

/** Version 7: RFC 3161 timestamps of evidence files and audit heads (lib/storage/timestamps.ts). No data changes. */
function addTimestamps(db: IDBPDatabase<unknown>): void {
  const timestamps = db.createObjectStore('timestamps', { keyPath: 'id' });
  timestamps.createIndex('byCapture', 'captureId');
  timestamps.createIndex('byState', 'state');
}

/** Version 8: the senders whose signing-key fingerprint the person confirmed (lib/storage/senders.ts). No data changes. */
function addSenders(db: IDBPDatabase<unknown>): void {
  db.createObjectStore('senders', { keyPath: 'id' });
}

/** migrations[n] upgrades a database from version n to n + 1. Append only. */
export const migrations: readonly Migration[] = [
  createStores,
  addFilesByCaptureRole,
  addReports,
  addKeys,
  addAuditSignatures,
  addChunks,
  addTimestamps,
  addSenders,
];

export const DB_VERSION = migrations.length;

/** Runs, in order, the migrations between the database's version and the current one. */
export function runMigrations(
  db: IDBPDatabase<unknown>,
  oldVersion: number,
  newVersion: number,
  tx: Parameters<Migration>[1],
): void {
  for (let version = oldVersion; version < newVersion; version++) {
    const migrate = migrations[version];
    if (!migrate) throw new Error(`No migration from database version ${version}`);
    migrate(db, tx);
  }
}

/**
 * What happens to a connection over its life, for the interface. A page of ours never blocks an upgrade and never
 * loses data to one: it closes its connection when a newer version asks (the transactions already started finish
 * first), and its later writes fail as StorageError 'aborted' without writing anything.
 */
export interface DatabaseEvents {
  /** A newer version of the extension wants the database: this connection was closed; reopen the page. */
  onClosedForUpgrade?: () => void;
  /** This open waits for an older page that still holds the database: the person must close it. */
  onBlocked?: () => void;
  /** The browser closed the connection (database deleted, storage cleared, disk error): open it again. */
  onTerminated?: () => void;
}

export async function openEvidenceDb(name = DEFAULT_DB_NAME, events: DatabaseEvents = {}): Promise<EvidenceDb> {
  const db: EvidenceDb = await openDB<EvidenceDbSchema>(name, DB_VERSION, {
    upgrade(database, oldVersion, newVersion, tx) {
      runMigrations(
        database as unknown as IDBPDatabase<unknown>,
        oldVersion,
        newVersion ?? DB_VERSION,
        tx as unknown as Parameters<Migration>[1],
      );
    },
    // Another extension page (after an update) wants a newer version: step aside instead of blocking it forever.
    blocking() {
      db.close();
      events.onClosedForUpgrade?.();
    },
    blocked() {
      events.onBlocked?.();
    },
    terminated() {
      events.onTerminated?.();
    },
  });
  return db;
}
