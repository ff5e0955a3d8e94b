/**
 * The evidence store: cases, captures, their files and the audit trail, over an open evidence database
 * (lib/storage/db.ts).
 *
 * Rules that make the stored evidence trustworthy:
 * - Every write that changes evidence appends an audit entry in the SAME transaction: both happen or neither.
 * - Evidence is written with `add`, never `put`: an existing capture or file is never silently overwritten.
 * - File hashes are checked (WebCrypto) before the transaction; audit hashes are computed synchronously inside
 *   it, because awaiting anything other than an IndexedDB request would let the transaction commit early.
 * - Every failure reaches the caller as a StorageError with a `code` the interface can explain.
 */
import type { IDBPObjectStore, IDBPTransaction, StoreNames } from 'idb';
import { sha256Hex } from '../evidence/hash';
import type {
  AuditEntry,
  CaptureRecord,
  CapturerRole,
  CaseRecord,
  FileMeta,
  FileRole,
  ReportTracking,
  StoredFile,
} from '../evidence/types';
import type { EncryptedValue } from '../crypto/cipher';
import { canonicalJson, nextEntry, sha256OfText, verifyChain, type AuditFields, type AuditProblem } from './audit';
import type { EvidenceDb, EvidenceDbSchema } from './db';
import {
  ENCRYPTION_SETTING,
  LockedError,
  NO_CIPHER,
  parseEncryptionState,
  sameStored,
  seal,
  sealAuditDetails,
  sealsWrites,
  stateToken,
  storedAuditEntry,
  unseal,
  unsealAll,
  type EncryptionState,
  type EvidenceCipher,
  type SealableStore,
} from './sealing';

// ---------------------------------------------------------------------------------------------------------------
// Errors

export type StorageErrorCode =
  /** The browser refused to store more: free space, or export and delete old captures. */
  | 'quota'
  /** The data was refused before or while writing (inconsistent capture, unknown case, duplicate id). */
  | 'invalid'
  /** The write was interrupted (transaction aborted, database closed by a newer version): try again. */
  | 'aborted'
  /** A passphrase is set and the evidence is locked: unlock, then try again. */
  | 'locked'
  | 'unknown';

export class StorageError extends Error {
  override readonly name = 'StorageError';
  readonly code: StorageErrorCode;
  /** For 'invalid': what exactly was wrong (English, for logs and bug reports, not for the interface). */
  readonly problems: readonly string[];

  constructor(code: StorageErrorCode, message: string, options: { cause?: unknown; problems?: string[] } = {}) {
    super(message, { cause: options.cause });
    this.code = code;
    this.problems = options.problems ?? [];
  }
}

/** Firefox before 2021 used its own name for the quota error. */
const QUOTA_ERROR_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);
const INVALID_ERROR_NAMES = new Set(['ConstraintError', 'DataError', 'DataCloneError']);
const ABORT_ERROR_NAMES = new Set(['AbortError', 'TransactionInactiveError', 'InvalidStateError']);

/**
 * Maps anything thrown by IndexedDB to a StorageError. `txError` is the transaction's own error: in browsers a
 * quota failure often shows on the transaction (tx.error) while the pending requests only report AbortError.
 */
export function toStorageError(error: unknown, txError?: unknown): StorageError {
  if (error instanceof StorageError) return error;
  const cause = error;
  if (error instanceof LockedError) return new StorageError('locked', error.message, { cause });
  if (error instanceof Conflict) return new StorageError('aborted', error.message, { cause });
  const name = errorName(error);
  if (QUOTA_ERROR_NAMES.has(name) || QUOTA_ERROR_NAMES.has(errorName(txError))) {
    return new StorageError('quota', 'The browser has no more storage space for this extension.', { cause });
  }
  if (INVALID_ERROR_NAMES.has(name)) {
    return new StorageError('invalid', `The database refused the data (${name}).`, { cause });
  }
  if (ABORT_ERROR_NAMES.has(name)) {
    return new StorageError('aborted', `The write was interrupted (${name}).`, { cause });
  }
  return new StorageError('unknown', `Storage failed: ${describe(error)}`, { cause });
}

/** A record a write was prepared from, or the encryption state, changed before the write's transaction. */
class Conflict extends Error {
  override readonly name = 'Conflict';
  constructor() {
    super('The data changed while the write was prepared; try again.');
  }
}

function errorName(error: unknown): string {
  return typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string'
    ? error.name
    : '';
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

// ---------------------------------------------------------------------------------------------------------------
// Verification report

export type VerifyProblem =
  | AuditProblem
  | { kind: 'file-missing'; captureId: string; fileId: string; fileName: string }
  | {
      kind: 'file-hash-mismatch';
      captureId: string;
      fileId: string;
      fileName: string;
      expected: string;
      actual: string;
    }
  /** A stored file of the capture that its record does not list. */
  | { kind: 'file-unlisted'; captureId: string; fileId: string; fileName: string }
  /** No entry of the case's trail records this capture's file hashes. */
  | { kind: 'capture-not-audited'; captureId: string }
  /** The record's hash for a file differs from the one the audit trail recorded (null: not in the trail). */
  | { kind: 'file-audit-mismatch'; captureId: string; fileName: string; audited: string | null; recorded: string };

// ---------------------------------------------------------------------------------------------------------------
// The store

export type CaseInput = Pick<CaseRecord, 'title' | 'capturerRole'> &
  Partial<Pick<CaseRecord, 'capturerName' | 'notes'>>;
export type CaseChanges = Partial<Pick<CaseRecord, 'title' | 'capturerRole' | 'capturerName' | 'notes'>>;

export interface EvidenceStoreOptions {
  /** Clock and id source, replaceable for tests. */
  now?: () => Date;
  newId?: () => string;
  /**
   * Where the data key comes from when a passphrase is set (lib/crypto/session.ts). Without one (NO_CIPHER) the
   * store works on databases without a passphrase and reports 'locked' on others.
   */
  cipher?: EvidenceCipher;
}

type Stores = StoreNames<EvidenceDbSchema>;
type WriteTx<S extends Stores[]> = IDBPTransaction<EvidenceDbSchema, S, 'readwrite'>;
type CaseStore = IDBPObjectStore<EvidenceDbSchema, ArrayLike<Stores>, 'cases', 'readwrite'>;
type AuditStore = IDBPObjectStore<EvidenceDbSchema, ArrayLike<Stores>, 'audit', 'readwrite'>;

const DEFAULT_CASE_SETTING = 'defaultCaseId';
const SHA256_HEX = /^[0-9a-f]{64}$/;

export class EvidenceStore {
  private readonly now: () => Date;
  private readonly newId: () => string;
  private readonly cipher: EvidenceCipher;

  constructor(
    private readonly db: EvidenceDb,
    options: EvidenceStoreOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? (() => crypto.randomUUID());
    this.cipher = options.cipher ?? NO_CIPHER;
  }

  // --- Cases -----------------------------------------------------------------------------------------------------

  /**
   * The case new captures go to, created on first use so that the first capture needs no setup. Safe to call
   * concurrently: the check and the creation share one transaction.
   */
  async ensureDefaultCase(options: { title?: string; role?: CapturerRole } = {}): Promise<CaseRecord> {
    const { title = 'My evidence', role = 'victim' } = options;
    const chosen = await this.sealedWrite(
      ['cases', 'audit', 'settings'],
      (key) => this.prepareCase(key, { title, capturerRole: role }),
      async (tx, fresh) => {
        const saved = await tx.objectStore('settings').get(DEFAULT_CASE_SETTING);
        const savedCase = typeof saved?.value === 'string' ? await tx.objectStore('cases').get(saved.value) : undefined;
        if (savedCase) return savedCase;
        const oldest = oldestCase(await tx.objectStore('cases').getAll());
        const created = oldest ?? (await this.addCase(tx.objectStore('cases'), tx.objectStore('audit'), fresh));
        await tx.objectStore('settings').put({ key: DEFAULT_CASE_SETTING, value: created.id });
        return created;
      },
    );
    return this.readOne('cases', () => Promise.resolve(chosen)) as Promise<CaseRecord>;
  }

  async setDefaultCase(caseId: string): Promise<void> {
    await this.write(['cases', 'settings'], async (tx) => {
      await requireCase(tx.objectStore('cases'), caseId);
      await tx.objectStore('settings').put({ key: DEFAULT_CASE_SETTING, value: caseId });
    });
  }

  async createCase(input: CaseInput): Promise<CaseRecord> {
    return this.sealedWrite(
      ['cases', 'audit', 'settings'],
      (key) => this.prepareCase(key, input),
      (tx, fresh) => this.addCase(tx.objectStore('cases'), tx.objectStore('audit'), fresh),
    );
  }

  /** Changes title, notes or capturer. The audit entry names the changed fields, not their values. */
  async updateCase(caseId: string, changes: CaseChanges, actorRole: CapturerRole): Promise<CaseRecord> {
    return this.sealedWrite(
      ['cases', 'audit', 'settings'],
      async (key) => {
        const stored = await this.db.get('cases', caseId);
        if (!stored) throw invalid(`No case ${caseId}.`);
        const current = await unseal('cases', await this.cipher.key(), stored);
        const fields = changedFields(current, changes);
        const updated: CaseRecord = { ...current, ...Object.fromEntries(fields.map((field) => [field, changes[field]])) };
        if (!updated.title.trim()) throw invalid('A case needs a title.');
        return { stored, current, fields, updated, ...(await this.sealFor(key, 'cases', updated, caseId, { fields })) };
      },
      async (tx, p) => {
        if (!sameStored(await tx.objectStore('cases').get(caseId), p.stored)) throw new Conflict();
        if (p.fields.length === 0) return p.current;
        await tx.objectStore('cases').put(p.toStore);
        await this.appendAudit(tx.objectStore('audit'), caseId, 'case-update', actorRole, { fields: p.fields }, p.auditSeal);
        return p.updated;
      },
    );
  }

  /** Oldest first. */
  async listCases(): Promise<CaseRecord[]> {
    const cases = await this.readAll('cases', () => this.db.getAll('cases'));
    return cases.sort((a, b) => compareStrings(a.createdAt, b.createdAt));
  }

  async getCase(caseId: string): Promise<CaseRecord | undefined> {
    return this.readOne('cases', () => this.db.get('cases', caseId));
  }

  // --- Captures ----------------------------------------------------------------------------------------------------

  /**
   * Stores a capture, all its files and its audit entry, all or nothing. The record and files are checked first
   * (ids, metadata, sizes, SHA-256 of every blob); a failure throws StorageError 'invalid' and writes nothing.
   * Pass plain objects (e.g. `$state.snapshot(...)` in Svelte): proxies cannot be stored (DataCloneError).
   */
  async saveCapture(record: CaptureRecord, files: StoredFile[], actorRole: CapturerRole): Promise<void> {
    const problems = captureProblems(record, files);
    if (problems.length === 0) problems.push(...(await fileHashProblems(files)));
    if (problems.length > 0) throw invalid('The capture is inconsistent; nothing was stored.', problems);

    const details = { ...captureSummary(record), requestedUrl: record.requestedUrl };
    await this.sealedWrite(
      ['cases', 'captures', 'files', 'audit', 'settings'],
      async (key) => {
        const sealedFiles: StoredFile[] = [];
        // One at a time: a capture's files can be tens of megabytes.
        for (const file of files) sealedFiles.push(key ? await seal('files', key, file) : file);
        return { files: sealedFiles, ...(await this.sealFor(key, 'captures', record, record.caseId, details)) };
      },
      async (tx, p) => {
        await requireCase(tx.objectStore('cases'), record.caseId);
        await tx.objectStore('captures').add(p.toStore);
        for (const file of p.files) await tx.objectStore('files').add(file);
        await this.appendAudit(tx.objectStore('audit'), record.caseId, 'capture', actorRole, details, p.auditSeal);
      },
    );
  }

  /** The case's capture records (no file data), oldest first. */
  async listCaptures(caseId: string): Promise<CaptureRecord[]> {
    return this.readAll('captures', () => this.db.getAllFromIndex('captures', 'byCaseTime', caseCaptureRange(caseId)));
  }

  async getCapture(captureId: string): Promise<CaptureRecord | undefined> {
    return this.readOne('captures', () => this.db.get('captures', captureId));
  }

  /** The capture's files with their data, optionally only those of one role; by role, part, name. */
  async getFiles(captureId: string, role?: FileRole): Promise<StoredFile[]> {
    const files = await this.readAll('files', () =>
      role === undefined
        ? this.db.getAllFromIndex('files', 'byCapture', captureId)
        : this.db.getAllFromIndex('files', 'byCaptureRole', [captureId, role]),
    );
    return files.sort(compareFiles);
  }

  async getFile(fileId: string): Promise<StoredFile | undefined> {
    return this.readOne('files', () => this.db.get('files', fileId));
  }

  /**
   * Appends a note to the capture's notes. The audit entry records the note's hash and length, not its text:
   * the person may later want to reword what they wrote, and the trail should not keep it forever.
   */
  async addCaptureNote(captureId: string, note: string, actorRole: CapturerRole): Promise<CaptureRecord> {
    const text = note.trim();
    if (!text) throw invalid('The note is empty.');
    const details = { captureId, noteSha256: sha256OfText(text), noteLength: text.length };
    return this.sealedWrite(
      ['captures', 'audit', 'settings'],
      async (key) => {
        const { stored, record } = await this.readCaptureForWrite(captureId);
        const updated: CaptureRecord = { ...record, notes: record.notes ? `${record.notes}\n\n${text}` : text };
        return { stored, updated, ...(await this.sealFor(key, 'captures', updated, record.caseId, details)) };
      },
      async (tx, p) => {
        if (!sameStored(await tx.objectStore('captures').get(captureId), p.stored)) throw new Conflict();
        await tx.objectStore('captures').put(p.toStore);
        await this.appendAudit(tx.objectStore('audit'), p.updated.caseId, 'note', actorRole, details, p.auditSeal);
        return p.updated;
      },
    );
  }

  /**
   * Moves a capture to another case. Both trails get a 'move' entry; the target's also carries the file hashes,
   * so that the target case's trail alone accounts for every capture it holds.
   */
  async moveCapture(captureId: string, toCaseId: string, actorRole: CapturerRole): Promise<CaptureRecord> {
    return this.sealedWrite(
      ['cases', 'captures', 'audit', 'settings'],
      async (key) => {
        const { stored, record } = await this.readCaptureForWrite(captureId);
        const move = { captureId, fromCaseId: record.caseId, toCaseId };
        const toTarget = { ...captureSummary(record), ...move };
        return {
          stored,
          record,
          move,
          toTarget,
          fromSeal: key ? await sealAuditDetails(key, record.caseId, move) : null,
          toSeal: key ? await sealAuditDetails(key, toCaseId, toTarget) : null,
        };
      },
      async (tx, p) => {
        if (!sameStored(await tx.objectStore('captures').get(captureId), p.stored)) throw new Conflict();
        if (p.record.caseId === toCaseId) return p.record;
        await requireCase(tx.objectStore('cases'), toCaseId);
        // caseId is kept in clear (index): moving a sealed record needs no re-encryption.
        await tx.objectStore('captures').put({ ...p.stored, caseId: toCaseId });
        await this.appendAudit(tx.objectStore('audit'), p.record.caseId, 'move', actorRole, p.move, p.fromSeal);
        await this.appendAudit(tx.objectStore('audit'), toCaseId, 'move', actorRole, p.toTarget, p.toSeal);
        return { ...p.record, caseId: toCaseId };
      },
    );
  }

  /**
   * Deletes the capture and its files. The trail keeps the 'capture' entry with the file hashes and gains a
   * 'delete' entry: what existed, and when it was removed, stays on record.
   */
  async deleteCapture(captureId: string, actorRole: CapturerRole): Promise<void> {
    await this.sealedWrite(
      ['captures', 'files', 'audit', 'settings'],
      async (key) => {
        const { stored, record } = await this.readCaptureForWrite(captureId);
        const details = captureSummary(record);
        return { stored, record, details, auditSeal: key ? await sealAuditDetails(key, record.caseId, details) : null };
      },
      async (tx, p) => {
        if (!sameStored(await tx.objectStore('captures').get(captureId), p.stored)) throw new Conflict();
        const fileIds = await tx.objectStore('files').index('byCapture').getAllKeys(captureId);
        for (const fileId of fileIds) await tx.objectStore('files').delete(fileId);
        await tx.objectStore('captures').delete(captureId);
        await this.appendAudit(tx.objectStore('audit'), p.record.caseId, 'delete', actorRole, p.details, p.auditSeal);
      },
    );
  }

  // --- Report tracking -------------------------------------------------------------------------------------------

  /** Where the case's report stands on each platform that has been tracked. */
  async listReports(caseId: string): Promise<ReportTracking[]> {
    return this.readAll('reports', () => this.db.getAll('reports', IDBKeyRange.bound([caseId, ''], [caseId, '\uffff'])));
  }

  /** Records where a report stands; the trail keeps the status and date (the answer's text stays private). */
  async saveReport(report: Omit<ReportTracking, 'updatedAt'>, actorRole: CapturerRole): Promise<ReportTracking> {
    const details = {
      platform: report.platform,
      status: report.status,
      reportedOn: report.reportedOn ?? null,
      reference: report.reference ?? null,
    };
    return this.sealedWrite(
      ['cases', 'reports', 'audit', 'settings'],
      async (key) => {
        const saved: ReportTracking = { ...report, updatedAt: this.nowIso() };
        return { saved, ...(await this.sealFor(key, 'reports', saved, report.caseId, details)) };
      },
      async (tx, p) => {
        await requireCase(tx.objectStore('cases'), report.caseId);
        await tx.objectStore('reports').put(p.toStore);
        await this.appendAudit(tx.objectStore('audit'), report.caseId, 'report-update', actorRole, details, p.auditSeal);
        return p.saved;
      },
    );
  }

  // --- Bundles -----------------------------------------------------------------------------------------------------

  /**
   * Records an export in the case's trail (file name, the bundle's SHA-256, which captures): the same hash the
   * receiving side's 'import' entry will hold, which ties the two trails together.
   */
  async recordExport(
    caseId: string,
    details: { fileName: string; bundleSha256: string; scope: 'case' | 'selection'; captureIds: string[] },
    actorRole: CapturerRole,
  ): Promise<void> {
    await this.sealedWrite(
      ['cases', 'audit', 'settings'],
      async (key) => ({ auditSeal: key ? await sealAuditDetails(key, caseId, details) : null }),
      async (tx, p) => {
        await requireCase(tx.objectStore('cases'), caseId);
        await this.appendAudit(tx.objectStore('audit'), caseId, 'export', actorRole, details, p.auditSeal);
      },
    );
  }

  /**
   * Stores a verified bundle (lib/bundle/import-plan.ts) as a case: the case, its captures, files, reports and its
   * whole audit trail as exported plus the 'import' entry, in one transaction. Ids are kept (they are inside the
   * audit hashes), so a case that is already here is refused ('invalid', problem "already here").
   */
  async importCase(plan: {
    caseRecord: CaseRecord;
    captures: readonly CaptureRecord[];
    files: readonly StoredFile[];
    reports: readonly ReportTracking[];
    audit: readonly AuditEntry[];
  }): Promise<void> {
    const problems: string[] = [];
    for (const capture of plan.captures) {
      problems.push(...captureProblems(capture, plan.files.filter((file) => file.captureId === capture.id)));
    }
    if (problems.length === 0) problems.push(...(await fileHashProblems([...plan.files])));
    if (problems.length > 0) throw invalid('The bundle is inconsistent; nothing was imported.', problems);
    if (await this.read(() => this.db.get('cases', plan.caseRecord.id))) {
      throw invalid('This case is already here; nothing was imported.', [`case ${plan.caseRecord.id} already here`]);
    }
    await this.sealedWrite(
      ['cases', 'captures', 'files', 'reports', 'audit', 'settings'],
      async (key) => {
        if (!key) return { caseRecord: plan.caseRecord, captures: plan.captures, files: plan.files, reports: plan.reports, audit: plan.audit.map((entry) => storedAuditEntry(entry, null)) };
        const files: StoredFile[] = [];
        for (const file of plan.files) files.push(await seal('files', key, file));
        const captures: CaptureRecord[] = [];
        for (const capture of plan.captures) captures.push(await seal('captures', key, capture));
        const reports: ReportTracking[] = [];
        for (const report of plan.reports) reports.push(await seal('reports', key, report));
        const audit: AuditEntry[] = [];
        for (const entry of plan.audit) audit.push(storedAuditEntry(entry, await sealAuditDetails(key, entry.caseId, entry.details)));
        return { caseRecord: await seal('cases', key, plan.caseRecord), captures, files, reports, audit };
      },
      async (tx, p) => {
        await tx.objectStore('cases').add(p.caseRecord);
        for (const capture of p.captures) await tx.objectStore('captures').add(capture);
        for (const file of p.files) await tx.objectStore('files').add(file);
        for (const report of p.reports) await tx.objectStore('reports').put(report);
        for (const entry of p.audit) await tx.objectStore('audit').add(entry);
      },
    );
  }

  // --- Audit and verification --------------------------------------------------------------------------------------

  /** The case's audit entries, by seq. */
  async auditTrail(caseId: string): Promise<AuditEntry[]> {
    return this.readAll('audit', () => this.db.getAll('audit', caseAuditRange(caseId)));
  }

  /**
   * Re-hashes every stored file of the case and re-checks the audit chain. Empty when everything is intact;
   * otherwise one precise problem per faulty file or entry.
   */
  async verifyCase(caseId: string): Promise<VerifyProblem[]> {
    const { trail, captures, files } = await this.readCase(caseId);
    const problems: VerifyProblem[] = verifyChain(trail, caseId);
    for (const capture of captures) {
      problems.push(...(await captureFileProblems(capture, files.get(capture.id) ?? [])));
      problems.push(...auditCoverageProblems(capture, trail));
    }
    return problems;
  }

  /**
   * The case's trail, captures and files read in ONE transaction, so that a capture saved meanwhile cannot show
   * up without its audit entry. Blobs are only handles here; they are decrypted and hashed after the transaction.
   */
  private async readCase(caseId: string) {
    const raw = await this.read(async () => {
      const tx = this.db.transaction(['cases', 'captures', 'files', 'audit'], 'readonly');
      if (!(await tx.objectStore('cases').get(caseId))) throw invalid(`No case ${caseId}.`);
      const trail = await tx.objectStore('audit').getAll(caseAuditRange(caseId));
      const captures = await tx.objectStore('captures').index('byCaseTime').getAll(caseCaptureRange(caseId));
      const files = new Map<string, StoredFile[]>();
      for (const capture of captures) {
        files.set(capture.id, await tx.objectStore('files').index('byCapture').getAll(capture.id));
      }
      await tx.done;
      return { trail, captures, files };
    });
    return this.read(async () => {
      const key = await this.cipher.key();
      const files = new Map<string, StoredFile[]>();
      for (const [captureId, stored] of raw.files) files.set(captureId, await unsealAll('files', key, stored));
      return {
        trail: await unsealAll('audit', key, raw.trail),
        captures: await unsealAll('captures', key, raw.captures),
        files,
      };
    });
  }

  // --- Internals ---------------------------------------------------------------------------------------------------

  /** A new case record and its stored form, prepared before the transaction that adds it (addCase). */
  private async prepareCase(key: CryptoKey | null, input: CaseInput) {
    if (!input.title.trim()) throw invalid('A case needs a title.');
    const record: CaseRecord = {
      id: this.newId(),
      title: input.title.trim(),
      createdAt: this.nowIso(),
      capturerRole: input.capturerRole,
      notes: input.notes ?? '',
      ...(input.capturerName ? { capturerName: input.capturerName } : {}),
    };
    return { record, ...(await this.sealFor(key, 'cases', record, record.id, { caseId: record.id })) };
  }

  private async addCase(
    cases: CaseStore,
    audit: AuditStore,
    prepared: Awaited<ReturnType<EvidenceStore['prepareCase']>>,
  ): Promise<CaseRecord> {
    const { record } = prepared;
    await cases.add(prepared.toStore);
    await this.appendAudit(audit, record.id, 'case-create', record.capturerRole, { caseId: record.id }, prepared.auditSeal);
    return record;
  }

  /** The stored form of a record (sealed when `key` is given) and the sealed details of its audit entry. */
  private async sealFor<T extends object>(
    key: CryptoKey | null,
    store: SealableStore,
    record: T,
    auditCaseId: string,
    details: AuditFields['details'],
  ): Promise<{ toStore: T; auditSeal: EncryptedValue | null }> {
    if (!key) return { toStore: record, auditSeal: null };
    return { toStore: await seal(store, key, record), auditSeal: await sealAuditDetails(key, auditCaseId, details) };
  }

  /** A capture as stored (to compare inside the write transaction) and decrypted. */
  private async readCaptureForWrite(captureId: string): Promise<{ stored: CaptureRecord; record: CaptureRecord }> {
    const stored = await this.db.get('captures', captureId);
    if (!stored) throw invalid(`No capture ${captureId}.`);
    return { stored, record: await unseal('captures', await this.cipher.key(), stored) };
  }

  /** Reads the case's last entry and appends the next one, within the caller's transaction. */
  private async appendAudit(
    store: AuditStore,
    caseId: string,
    action: AuditFields['action'],
    actorRole: CapturerRole,
    details: AuditFields['details'],
    sealedDetails: EncryptedValue | null = null,
  ): Promise<AuditEntry> {
    // The chain only needs the previous entry's seq and hash, which are kept in clear.
    const last = await store.openCursor(caseAuditRange(caseId), 'prev');
    const entry = nextEntry(last?.value, { caseId, at: this.nowIso(), action, actorRole, details });
    await store.add(storedAuditEntry(entry, sealedDetails));
    return entry;
  }

  /**
   * A write whose records may be sealed. `prepare` runs BEFORE the transaction (reads, decryption, encryption:
   * anything that awaits WebCrypto), given the data key when writes are sealed, null when they are in clear.
   * `body` runs inside the transaction, which must include 'settings': it re-reads the encryption state and starts
   * over (at most 3 times) if it changed meanwhile, so that no write lands in clear once a passphrase is set, nor
   * sealed after it was removed. `body` throws Conflict when a record it was prepared from changed meanwhile.
   */
  private async sealedWrite<const S extends Stores[], P, T>(
    stores: S,
    prepare: (key: CryptoKey | null) => Promise<P>,
    body: (tx: WriteTx<S>, prepared: P) => Promise<T>,
  ): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      let state: EncryptionState;
      let prepared: P;
      try {
        state = await this.encryptionState();
        const key = sealsWrites(state) ? await this.cipher.key() : null;
        if (sealsWrites(state) && !key) throw new LockedError();
        prepared = await prepare(key);
      } catch (error) {
        throw toStorageError(error);
      }
      try {
        return await this.write(stores, async (tx) => {
          const settings = (tx as unknown as WriteTx<['settings']>).objectStore('settings');
          const current = parseEncryptionState((await settings.get(ENCRYPTION_SETTING))?.value);
          if (stateToken(current) !== stateToken(state)) throw new Conflict();
          return body(tx, prepared);
        });
      } catch (error) {
        if (!(error instanceof StorageError && error.cause instanceof Conflict) || attempt >= 3) throw error;
      }
    }
  }

  /** Whether a passphrase is set, and whether a conversion is under way (see sealing.ts). */
  async encryptionState(): Promise<EncryptionState> {
    const setting = await this.read(() => this.db.get('settings', ENCRYPTION_SETTING));
    return parseEncryptionState(setting?.value);
  }

  /** Reads records and decrypts those that are sealed. */
  private async readAll<T extends object>(store: SealableStore, query: () => Promise<T[]>): Promise<T[]> {
    return this.read(async () => unsealAll(store, await this.cipher.key(), await query()));
  }

  private async readOne<T extends object>(store: SealableStore, query: () => Promise<T | undefined>): Promise<T | undefined> {
    return this.read(async () => {
      const stored = await query();
      return stored === undefined ? undefined : unseal(store, await this.cipher.key(), stored);
    });
  }

  /** Runs `body` in one readwrite transaction; on any failure the transaction is aborted and nothing is kept. */
  private async write<const S extends Stores[], T>(stores: S, body: (tx: WriteTx<S>) => Promise<T>): Promise<T> {
    let tx: WriteTx<S>;
    try {
      tx = this.db.transaction(stores, 'readwrite');
    } catch (error) {
      throw toStorageError(error);
    }
    try {
      const result = await body(tx);
      await tx.done;
      return result;
    } catch (error) {
      abortQuietly(tx);
      await tx.done.catch(() => undefined);
      throw toStorageError(error, tx.error);
    }
  }

  private async read<T>(query: () => Promise<T>): Promise<T> {
    try {
      return await query();
    } catch (error) {
      throw toStorageError(error);
    }
  }

  private nowIso(): string {
    return this.now().toISOString();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Browser storage

/**
 * Asks the browser not to evict this extension's data under storage pressure. Returns whether storage is
 * persistent (false where the API is missing or refuses).
 */
export async function requestPersistence(): Promise<boolean> {
  const storage = browserStorage();
  if (!storage?.persist) return false;
  try {
    return (await storage.persisted?.()) || (await storage.persist());
  } catch {
    return false;
  }
}

/** Bytes used and available, when the browser tells; null otherwise. */
export async function storageEstimate(): Promise<{ usage: number; quota: number } | null> {
  const storage = browserStorage();
  if (!storage?.estimate) return null;
  try {
    const { usage, quota } = await storage.estimate();
    return usage === undefined || quota === undefined ? null : { usage, quota };
  } catch {
    return null;
  }
}

function browserStorage(): Partial<StorageManager> | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.storage;
}

// ---------------------------------------------------------------------------------------------------------------
// Helpers (pure)

/** Everything wrong with a capture before it is written; empty when consistent. Hashes are checked separately. */
export function captureProblems(record: CaptureRecord, files: StoredFile[]): string[] {
  const problems: string[] = [];
  if (!record.id) problems.push('The capture has no id.');
  if (!record.caseId) problems.push('The capture has no case.');
  const listed = new Map(record.files.map((meta) => [meta.id, meta]));
  if (listed.size !== record.files.length) problems.push('The record lists a file id twice.');
  if (new Set(files.map((file) => file.id)).size !== files.length) problems.push('A file id is given twice.');
  if (files.length !== record.files.length) {
    problems.push(`The record lists ${record.files.length} files but ${files.length} were given.`);
  }
  for (const file of files) problems.push(...fileProblems(record, file, listed.get(file.id)));
  return problems;
}

function fileProblems(record: CaptureRecord, file: StoredFile, listed: FileMeta | undefined): string[] {
  const problems: string[] = [];
  const label = `File ${file.name || file.id}`;
  if (file.captureId !== record.id) problems.push(`${label} belongs to capture ${file.captureId}, not ${record.id}.`);
  if (!listed) problems.push(`${label} is not listed in the capture record.`);
  else if (canonicalJson(fileMeta(file)) !== canonicalJson(listed)) {
    problems.push(`${label}: its metadata differs from the record's.`);
  }
  if (!(file.blob instanceof Blob)) problems.push(`${label} has no data.`);
  else if (file.size !== file.blob.size) problems.push(`${label}: size ${file.size} but ${file.blob.size} bytes.`);
  if (!SHA256_HEX.test(file.sha256)) problems.push(`${label}: sha256 is not 64 lowercase hex digits.`);
  return problems;
}

async function fileHashProblems(files: StoredFile[]): Promise<string[]> {
  const problems: string[] = [];
  for (const file of files) {
    const actual = await sha256Hex(file.blob);
    if (actual !== file.sha256) problems.push(`File ${file.name}: sha256 is ${actual}, not ${file.sha256}.`);
  }
  return problems;
}

function fileMeta(file: StoredFile): FileMeta {
  const { blob: _data, ...meta } = file;
  return meta;
}

/** What the trail records about a capture: enough to recognise its files later, never their content. */
function captureSummary(record: CaptureRecord): AuditFields['details'] {
  return {
    captureId: record.id,
    url: record.finalUrl,
    capturedAt: record.capturedAt,
    fileNames: record.files.map((meta) => meta.name),
    fileSha256s: record.files.map((meta) => meta.sha256),
  };
}

/** Compares the record's file hashes with the latest trail entry that recorded them for this capture. */
function auditCoverageProblems(capture: CaptureRecord, trail: readonly AuditEntry[]): VerifyProblem[] {
  const entry = trail.findLast(
    (candidate) => candidate.details.captureId === capture.id && Array.isArray(candidate.details.fileSha256s),
  );
  if (!entry) return [{ kind: 'capture-not-audited', captureId: capture.id }];
  const names = asStrings(entry.details.fileNames);
  const hashes = asStrings(entry.details.fileSha256s);
  const audited = new Map(names.map((name, index) => [name, hashes[index] ?? null]));
  return capture.files
    .filter((meta) => audited.get(meta.name) !== meta.sha256)
    .map((meta) => ({
      kind: 'file-audit-mismatch' as const,
      captureId: capture.id,
      fileName: meta.name,
      audited: audited.get(meta.name) ?? null,
      recorded: meta.sha256,
    }));
}

function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** Fields given a new value; `undefined` means "leave as is". */
function changedFields(current: CaseRecord, changes: CaseChanges): (keyof CaseChanges)[] {
  return (Object.keys(changes) as (keyof CaseChanges)[])
    .filter((key) => changes[key] !== undefined && changes[key] !== current[key])
    .sort();
}

function oldestCase(cases: CaseRecord[]): CaseRecord | undefined {
  return cases.sort((a, b) => compareStrings(a.createdAt, b.createdAt))[0];
}

/** Re-hashes the capture's stored files against its record. */
async function captureFileProblems(capture: CaptureRecord, storedFiles: StoredFile[]): Promise<VerifyProblem[]> {
  const stored = new Map(storedFiles.map((file) => [file.id, file]));
  const problems: VerifyProblem[] = [];
  for (const meta of capture.files) {
    const where = { captureId: capture.id, fileId: meta.id, fileName: meta.name };
    const file = stored.get(meta.id);
    stored.delete(meta.id);
    if (!file) {
      problems.push({ kind: 'file-missing', ...where });
      continue;
    }
    const actual = await sha256Hex(file.blob);
    if (actual !== meta.sha256) problems.push({ kind: 'file-hash-mismatch', ...where, expected: meta.sha256, actual });
  }
  for (const extra of stored.values()) {
    problems.push({ kind: 'file-unlisted', captureId: capture.id, fileId: extra.id, fileName: extra.name });
  }
  return problems;
}

function caseCaptureRange(caseId: string): IDBKeyRange {
  // Index keys are [caseId, capturedAt]: [caseId] sorts before all of the case's, [caseId, []] after them
  // (arrays sort above strings).
  return IDBKeyRange.bound([caseId], [caseId, []]);
}

function caseAuditRange(caseId: string): IDBKeyRange {
  // Keys are [caseId, seq]: [caseId] sorts before every seq of the case and [caseId, []] after all of them.
  return IDBKeyRange.bound([caseId], [caseId, []]);
}

async function requireCase(
  store: { get(key: string): Promise<CaseRecord | undefined> },
  caseId: string,
): Promise<CaseRecord> {
  const found = await store.get(caseId);
  if (!found) throw invalid(`No case ${caseId}.`);
  return found;
}

function invalid(message: string, problems: string[] = []): StorageError {
  return new StorageError('invalid', message, { problems });
}

function abortQuietly(tx: { abort(): void }): void {
  try {
    tx.abort();
  } catch {
    // Already finished or already aborted (a failed request aborts it): nothing left to undo.
  }
}

const ROLE_ORDER: Record<FileRole, number> = { screenshot: 0, source: 1, thumbnail: 2 };

function compareFiles(a: StoredFile, b: StoredFile): number {
  return ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || (a.part ?? 0) - (b.part ?? 0) || compareStrings(a.name, b.name);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
