/**
 * The evidence store: cases, captures, their files, report tracking and the audit trail, over an open evidence
 * database (db.ts). This is the storage's public face: callers use EvidenceStore and the names exported here.
 *
 * Each method is one function of an aggregate module, given the store's core (core.ts: reads, one-transaction
 * writes, sealing); the rules every write follows are written down there and in SCHEMA.md.
 * - cases.ts: the default case, creating, changing and reading cases;
 * - captures.ts: saving a capture with its files, reading, notes, moves, deletions;
 * - reports.ts: where each platform's report stands;
 * - audit-trail.ts: appending to and reading a case's trail, verifying a case (verify.ts, shared with the
 *   bundle import);
 * - bundles.ts: the export's audit entry, importing a verified bundle as a case.
 */
import type { AuditEntry, CaptureRecord, CapturerRole, CaseRecord, FileRole, ReportTracking, StoredFile } from '../evidence/types';
import type { InstallationKey } from '../proof/signing-key';
import type { AgeIdentity } from '../crypto/age-keys';
import { signPendingAudit, type AuditSignatureSummary } from './audit-signatures';
import * as audit from './audit-trail';
import * as bundles from './bundles';
import * as captures from './captures';
import type { FileData } from './captures';
import * as chunkSweep from './chunk-sweep';
import * as cases from './cases';
import { StoreCore, type EvidenceStoreOptions } from './core';
import * as recordings from './recordings';
import type { RecordingContext, RecordingStart, RecordingWriter } from './recordings';
import * as receivingKeys from './receiving-keys';
import * as recovery from './recovery';
import type { RecoveryOutcome } from './recovery';
import type { ConfirmedSenderRecord, EvidenceDb } from './db';
import type { TimestampRecord } from '../proof/timestamp-record';
import * as reports from './reports';
import * as senders from './senders';
import * as signingKeys from './signing-keys';
import * as timestamps from './timestamps';
import type { TimestampLedger } from '../proof/timestamping';
import type { EncryptionState } from './sealing';
import type { VerifyProblem } from './verify';

export { StorageError, toStorageError, type StorageErrorCode } from './errors';
export { requestPersistence, storageEstimate } from './persistence';
export type { CaseChanges, CaseInput } from './cases';
export type { FileChunks, FileData } from './captures';
export type { EvidenceStoreOptions } from './core';
export type { VerifyProblem } from './verify';
export type { AuditSignatureSummary } from './audit-signatures';
export type { RecordingContext, RecordingFinish, RecordingStart, RecordingWriter } from './recordings';
export type { RecoveryOutcome } from './recovery';

export class EvidenceStore implements TimestampLedger {
  private readonly core: StoreCore;

  constructor(db: EvidenceDb, options: EvidenceStoreOptions = {}) {
    this.core = new StoreCore(db, options, signPendingAudit);
  }

  // --- Cases (cases.ts) ------------------------------------------------------------------------------------------

  ensureDefaultCase(options: { title?: string; role?: CapturerRole } = {}): Promise<CaseRecord> {
    return cases.ensureDefaultCase(this.core, options);
  }

  setDefaultCase(caseId: string): Promise<void> {
    return cases.setDefaultCase(this.core, caseId);
  }

  createCase(input: cases.CaseInput): Promise<CaseRecord> {
    return cases.createCase(this.core, input);
  }

  updateCase(caseId: string, changes: cases.CaseChanges, actorRole: CapturerRole): Promise<CaseRecord> {
    return cases.updateCase(this.core, caseId, changes, actorRole);
  }

  listCases(): Promise<CaseRecord[]> {
    return cases.listCases(this.core);
  }

  getCase(caseId: string): Promise<CaseRecord | undefined> {
    return cases.getCase(this.core, caseId);
  }

  // --- Captures (captures.ts) ------------------------------------------------------------------------------------

  saveCapture(record: CaptureRecord, files: StoredFile[], actorRole: CapturerRole): Promise<void> {
    return captures.saveCapture(this.core, record, files, actorRole);
  }

  listCaptures(caseId: string): Promise<CaptureRecord[]> {
    return captures.listCaptures(this.core, caseId);
  }

  getCapture(captureId: string): Promise<CaptureRecord | undefined> {
    return captures.getCapture(this.core, captureId);
  }

  getFiles(captureId: string, role?: FileRole): Promise<StoredFile[]> {
    return captures.getFiles(this.core, captureId, role);
  }

  getFile(fileId: string): Promise<StoredFile | undefined> {
    return captures.getFile(this.core, fileId);
  }

  /** A stored file's bytes in pieces of about a chunk (recordings: chunk by chunk, decrypted and checked). */
  readFileChunks(fileId: string): AsyncGenerator<Uint8Array> {
    return captures.readFileChunks(this.core, fileId);
  }

  /** A file's data for an export: its Blob, or a chunk stream for a recording (never whole in memory). */
  getFileData(fileId: string): Promise<FileData | undefined> {
    return captures.getFileData(this.core, fileId);
  }

  // --- Recordings (recordings.ts, recovery.ts) ----------------------------------------------------------------------

  /** Starts writing a recording of a tab; it becomes evidence only with `finish` (see recordings.ts). */
  startRecording(start: RecordingStart, context: RecordingContext): Promise<RecordingWriter> {
    return recordings.startRecording(this.core, start, context);
  }

  /** At startup: recordings cut by a crash become marked partial recordings, or are removed (recovery.ts). */
  recoverInterruptedRecordings(): Promise<RecoveryOutcome> {
    return recovery.recoverInterruptedRecordings(this.core);
  }

  /** At startup, after recovery: chunks left by an interrupted import (chunk-sweep.ts). Returns their file ids. */
  sweepOrphanChunks(): Promise<string[]> {
    return chunkSweep.sweepOrphanChunks(this.core);
  }

  addCaptureNote(captureId: string, note: string, actorRole: CapturerRole): Promise<CaptureRecord> {
    return captures.addCaptureNote(this.core, captureId, note, actorRole);
  }

  moveCapture(captureId: string, toCaseId: string, actorRole: CapturerRole): Promise<CaptureRecord> {
    return captures.moveCapture(this.core, captureId, toCaseId, actorRole);
  }

  deleteCapture(captureId: string, actorRole: CapturerRole): Promise<void> {
    return captures.deleteCapture(this.core, captureId, actorRole);
  }

  // --- Report tracking (reports.ts) ------------------------------------------------------------------------------

  listReports(caseId: string): Promise<ReportTracking[]> {
    return reports.listReports(this.core, caseId);
  }

  saveReport(report: Omit<ReportTracking, 'updatedAt'>, actorRole: CapturerRole): Promise<ReportTracking> {
    return reports.saveReport(this.core, report, actorRole);
  }

  // --- Bundles (bundles.ts) --------------------------------------------------------------------------------------

  recordExport(caseId: string, details: bundles.ExportDetails, actorRole: CapturerRole): Promise<void> {
    return bundles.recordExport(this.core, caseId, details, actorRole);
  }

  importCase(plan: bundles.CaseToImport): Promise<void> {
    return bundles.importCase(this.core, plan);
  }

  // --- Audit trail and verification (audit-trail.ts, verify.ts) ---------------------------------------------------

  auditTrail(caseId: string): Promise<AuditEntry[]> {
    return audit.auditTrail(this.core, caseId);
  }

  verifyCase(caseId: string): Promise<VerifyProblem[]> {
    return audit.verifyCase(this.core, caseId);
  }

  /** How many of the case's entries are signed here, made before signing existed, or imported. */
  auditSignatureSummary(caseId: string): Promise<AuditSignatureSummary> {
    return audit.auditSignatureSummary(this.core, caseId);
  }

  /**
   * Signs the audit entries left unsigned (a crash right after a write, or written before an unlock); nothing
   * while locked. Returns how many were signed.
   */
  signPendingAudit(): Promise<number> {
    return signPendingAudit(this.core);
  }

  /** Whether a passphrase is set, and whether a conversion is under way (see sealing.ts). */
  encryptionState(): Promise<EncryptionState> {
    return this.core.encryptionState();
  }

  // --- The installation's signing key (signing-keys.ts) -------------------------------------------------------------

  /** Made and stored at first use; needs the data key when a passphrase is set ('locked' otherwise). */
  installationKey(): Promise<InstallationKey> {
    return signingKeys.installationKey(this.core);
  }

  /** The fingerprint shown to the person, or null before the key is made. Readable while locked. */
  installationFingerprint(): Promise<string | null> {
    return signingKeys.installationFingerprint(this.core);
  }

  // --- The receiving key for encrypted bundles (receiving-keys.ts) -------------------------------------------------

  /**
   * Made by `make` (lib/crypto/age-keys.ts `generateAgeIdentity`) and stored at first use; needs the data key when
   * a passphrase is set ('locked' otherwise).
   */
  receivingKey(make: () => Promise<AgeIdentity>): Promise<receivingKeys.ReceivingKey> {
    return receivingKeys.receivingKey(this.core, make);
  }

  /** The public key (`age1…`), or null before one was made. Readable while locked. */
  receivingRecipient(): Promise<string | null> {
    return receivingKeys.receivingRecipient(this.core);
  }

  /** Makes a key read from a key file the receiving key, in place of the current one. */
  replaceReceivingKey(key: AgeIdentity): Promise<receivingKeys.ReceivingKey> {
    return receivingKeys.replaceReceivingKey(this.core, key);
  }

  // --- Senders the person confirmed (senders.ts): names and dates sealed like evidence. ------------------------------

  /** Records that the person checked this signing-key fingerprint with the sender, under the name they give. */
  confirmSender(input: { fingerprint: string; name: string }): Promise<ConfirmedSenderRecord> {
    return senders.confirmSender(this.core, input);
  }

  forgetSender(fingerprint: string): Promise<void> {
    return senders.forgetSender(this.core, fingerprint);
  }

  listSenders(): Promise<ConfirmedSenderRecord[]> {
    return senders.listSenders(this.core);
  }

  confirmedSender(fingerprint: string): Promise<ConfirmedSenderRecord | undefined> {
    return senders.confirmedSender(this.core, fingerprint);
  }

  // --- RFC 3161 timestamps (timestamps.ts; stamped by lib/proof/timestamping.ts). Readable and writable while locked.

  queueCaptureTimestamps(captureId: string): Promise<number> {
    return timestamps.queueCaptureTimestamps(this.core, captureId);
  }

  queueMissedCaptures(sinceIso: string): Promise<number> {
    return timestamps.queueMissedCaptures(this.core, sinceIso);
  }

  queueAuditHeadTimestamp(caseId: string, seq: number, sha256: string): Promise<TimestampRecord> {
    return timestamps.queueAuditHeadTimestamp(this.core, caseId, seq, sha256);
  }

  storeImportedTimestamps(records: readonly TimestampRecord[]): Promise<number> {
    return timestamps.storeImportedTimestamps(this.core, records);
  }

  captureTimestamps(captureId: string): Promise<TimestampRecord[]> {
    return timestamps.captureTimestamps(this.core, captureId);
  }

  timestampsOfCaptures(captureIds: readonly string[]): Promise<Map<string, TimestampRecord[]>> {
    return timestamps.timestampsOfCaptures(this.core, captureIds);
  }

  getTimestamp(id: string): Promise<TimestampRecord | undefined> {
    return timestamps.getTimestamp(this.core, id);
  }

  pendingTimestamps(now: Date, all: boolean): Promise<TimestampRecord[]> {
    return timestamps.pendingTimestamps(this.core, now, all);
  }

  async timestampSubjectExists(record: TimestampRecord): Promise<boolean> {
    return record.fileId === null || timestamps.fileExists(this.core, record.fileId);
  }

  dropTimestamp(id: string): Promise<void> {
    return timestamps.dropTimestamp(this.core, id);
  }

  recordStamp(id: string, result: timestamps.StampResult): Promise<void> {
    return timestamps.recordStamp(this.core, id, result);
  }

  recordAttemptFailure(id: string, error: { code: string; message: string }, nextAttemptAt: Date): Promise<void> {
    return timestamps.recordAttemptFailure(this.core, id, error, nextAttemptAt);
  }

  timestampPin(authorityUrl: string): Promise<string | null> {
    return timestamps.timestampPin(this.core, authorityUrl);
  }

  pinTimestampAuthority(authorityUrl: string, rootSha256: string, replacing: string | null): Promise<void> {
    return timestamps.pinTimestampAuthority(this.core, authorityUrl, rootSha256, replacing);
  }
}
