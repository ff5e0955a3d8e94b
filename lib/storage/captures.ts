/**
 * Captures and their files: saving a capture (record, files and audit entry in one transaction), reading them,
 * notes, moves and deletions; and the checks a capture passes before anything is written.
 */
import { SHA256_HEX, sha256Hex } from '../evidence/hash';
import { CaptureRecordSchema } from '../evidence/schema';
import { TEXT_LIMITS } from '../evidence/text';
import { schemaProblems } from '../evidence/validate';
import type { CaptureRecord, CapturerRole, FileMeta, FileRole, StoredFile } from '../evidence/types';
import { canonicalJson, sha256OfText, type AuditFields } from './audit';
import { appendAudit } from './audit-trail';
import { requireCase } from './cases';
import { caseKeyRange, compareStrings, type StoreCore } from './core';
import { chunkedBlob, deleteChunksIn, readChunks } from './chunks';
import type { StoredFileRecord } from './db';
import { Conflict, invalid } from './errors';
import { sameStored, seal, sealAuditDetails, unseal } from './sealing';

/**
 * Stores a capture, all its files and its audit entry, all or nothing. The record and files are checked first
 * (ids, metadata, sizes, SHA-256 of every blob); a failure throws StorageError 'invalid' and writes nothing.
 * Pass plain objects (e.g. `$state.snapshot(...)` in Svelte): proxies cannot be stored (DataCloneError).
 */
export async function saveCapture(
  core: StoreCore,
  record: CaptureRecord,
  files: StoredFile[],
  actorRole: CapturerRole,
): Promise<void> {
  const problems = captureProblems(record, files);
  if (problems.length === 0) problems.push(...(await fileHashProblems(files)));
  if (problems.length > 0) throw invalid('The capture is inconsistent; nothing was stored.', problems);

  const details = { ...captureSummary(record), requestedUrl: record.requestedUrl };
  await core.sealedWrite(
    ['cases', 'captures', 'files', 'audit', 'settings'],
    async (key) => {
      const sealedFiles: StoredFile[] = [];
      // One at a time: a capture's files can be tens of megabytes.
      for (const file of files) sealedFiles.push(key ? await seal('files', key, file) : file);
      return { files: sealedFiles, ...(await core.sealFor(key, 'captures', record, record.caseId, details)) };
    },
    async (tx, p) => {
      await requireCase(tx.objectStore('cases'), record.caseId);
      await tx.objectStore('captures').add(p.toStore);
      for (const file of p.files) await tx.objectStore('files').add(file);
      const fields = { caseId: record.caseId, at: core.nowIso(), action: 'capture' as const, actorRole, details };
      await appendAudit(tx.objectStore('audit'), fields, p.auditSeal);
    },
  );
}

/** The case's capture records (no file data), oldest first. */
export async function listCaptures(core: StoreCore, caseId: string): Promise<CaptureRecord[]> {
  return core.readAll('captures', () => core.db.getAllFromIndex('captures', 'byCaseTime', caseKeyRange(caseId)));
}

export async function getCapture(core: StoreCore, captureId: string): Promise<CaptureRecord | undefined> {
  return core.readOne('captures', () => core.db.get('captures', captureId));
}

/**
 * The capture's files with their data, optionally only those of one role; by role, part, name. A chunked file
 * (a recording) comes back as one Blob joined from its chunks (chunks.ts, chunkedBlob); to stream it instead,
 * use `readFileChunks`.
 */
export async function getFiles(core: StoreCore, captureId: string, role?: FileRole): Promise<StoredFile[]> {
  const files = await core.readAll('files', () =>
    role === undefined
      ? core.db.getAllFromIndex('files', 'byCapture', captureId)
      : core.db.getAllFromIndex('files', 'byCaptureRole', [captureId, role]),
  );
  const whole: StoredFile[] = [];
  for (const file of files) whole.push(await withData(core, file));
  return whole.sort(compareFiles);
}

export async function getFile(core: StoreCore, fileId: string): Promise<StoredFile | undefined> {
  const file = await core.readOne('files', () => core.db.get('files', fileId));
  return file && withData(core, file);
}

/** The file's bytes chunk by chunk (chunked files) or in slices of its blob; bounded memory either way. */
export async function* readFileChunks(core: StoreCore, fileId: string, sliceSize = 1 << 20): AsyncGenerator<Uint8Array> {
  const file = await core.readOne('files', () => core.db.get('files', fileId));
  if (!file) throw invalid(`No file ${fileId}.`);
  if (file.chunks) {
    yield* readChunks(core, file.id, file.chunks);
    return;
  }
  for (let offset = 0; offset < file.blob.size; offset += sliceSize) {
    yield new Uint8Array(await file.blob.slice(offset, offset + sliceSize).arrayBuffer());
  }
}

/** A file read chunk by chunk (a recording, possibly decrypted chunk by chunk): never whole in memory. */
export interface FileChunks {
  size: number;
  chunks: () => AsyncIterable<Uint8Array>;
}

export type FileData = Blob | FileChunks;

/**
 * What an export reads of a stored file: its Blob, or for a chunked file (a recording) a stream of its chunks,
 * decrypted and checked one at a time (chunks.ts). Undefined when the file is gone.
 */
export async function getFileData(core: StoreCore, fileId: string): Promise<FileData | undefined> {
  const file = await core.readOne('files', () => core.db.get('files', fileId));
  if (!file) return undefined;
  const chunks = file.chunks;
  if (!chunks) return file.blob;
  return { size: file.size, chunks: () => readChunks(core, file.id, chunks) };
}

/** A stored file record as a StoredFile: chunks joined into its blob, the chunk description dropped. */
async function withData(core: StoreCore, file: StoredFileRecord): Promise<StoredFile> {
  const { chunks, ...plain } = file;
  if (!chunks) return plain;
  return { ...plain, blob: await chunkedBlob(core, file.id, chunks, file.mime) };
}

/**
 * Appends a note to the capture's notes. The audit entry records the note's hash and length, not its text:
 * the person may later want to reword what they wrote, and the trail should not keep it forever.
 */
export async function addCaptureNote(
  core: StoreCore,
  captureId: string,
  note: string,
  actorRole: CapturerRole,
): Promise<CaptureRecord> {
  const text = note.trim();
  if (!text) throw invalid('The note is empty.');
  if (text.length > TEXT_LIMITS.note) throw invalid(`A note has at most ${TEXT_LIMITS.note} characters; nothing was stored.`);
  const details = { captureId, noteSha256: sha256OfText(text), noteLength: text.length };
  return core.sealedWrite(
    ['captures', 'audit', 'settings'],
    async (key) => {
      const { stored, record } = await readCaptureForWrite(core, captureId);
      const updated: CaptureRecord = { ...record, notes: record.notes ? `${record.notes}\n\n${text}` : text };
      if (updated.notes.length > TEXT_LIMITS.captureNotes) throw invalid(`A capture's notes hold at most ${TEXT_LIMITS.captureNotes} characters; nothing was stored.`);
      return { stored, updated, ...(await core.sealFor(key, 'captures', updated, record.caseId, details)) };
    },
    async (tx, p) => {
      if (!sameStored(await tx.objectStore('captures').get(captureId), p.stored)) throw new Conflict();
      await tx.objectStore('captures').put(p.toStore);
      const fields = { caseId: p.updated.caseId, at: core.nowIso(), action: 'note' as const, actorRole, details };
      await appendAudit(tx.objectStore('audit'), fields, p.auditSeal);
      return p.updated;
    },
  );
}

/**
 * Moves a capture to another case. Both trails get a 'move' entry; the target's also carries the file hashes,
 * so that the target case's trail alone accounts for every capture it holds.
 */
export async function moveCapture(
  core: StoreCore,
  captureId: string,
  toCaseId: string,
  actorRole: CapturerRole,
): Promise<CaptureRecord> {
  return core.sealedWrite(
    ['cases', 'captures', 'audit', 'settings'],
    async (key) => {
      const { stored, record } = await readCaptureForWrite(core, captureId);
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
      const entry = (caseId: string, details: AuditFields['details']): AuditFields => ({
        caseId,
        at: core.nowIso(),
        action: 'move',
        actorRole,
        details,
      });
      await appendAudit(tx.objectStore('audit'), entry(p.record.caseId, p.move), p.fromSeal);
      await appendAudit(tx.objectStore('audit'), entry(toCaseId, p.toTarget), p.toSeal);
      return { ...p.record, caseId: toCaseId };
    },
  );
}

/**
 * Deletes the capture and its files. The trail keeps the 'capture' entry with the file hashes and gains a
 * 'delete' entry: what existed, and when it was removed, stays on record.
 */
export async function deleteCapture(core: StoreCore, captureId: string, actorRole: CapturerRole): Promise<void> {
  await core.sealedWrite(
    ['captures', 'files', 'chunks', 'audit', 'settings'],
    async (key) => {
      const { stored, record } = await readCaptureForWrite(core, captureId);
      const details = captureSummary(record);
      return { stored, record, details, auditSeal: key ? await sealAuditDetails(key, record.caseId, details) : null };
    },
    async (tx, p) => {
      if (!sameStored(await tx.objectStore('captures').get(captureId), p.stored)) throw new Conflict();
      const fileIds = await tx.objectStore('files').index('byCapture').getAllKeys(captureId);
      for (const fileId of fileIds) {
        await tx.objectStore('files').delete(fileId);
        await deleteChunksIn(tx.objectStore('chunks'), fileId);
      }
      await tx.objectStore('captures').delete(captureId);
      const fields = { caseId: p.record.caseId, at: core.nowIso(), action: 'delete' as const, actorRole, details: p.details };
      await appendAudit(tx.objectStore('audit'), fields, p.auditSeal);
    },
  );
}

/** A capture as stored (to compare inside the write transaction) and decrypted. */
async function readCaptureForWrite(
  core: StoreCore,
  captureId: string,
): Promise<{ stored: CaptureRecord; record: CaptureRecord }> {
  const stored = await core.db.get('captures', captureId);
  if (!stored) throw invalid(`No capture ${captureId}.`);
  return { stored, record: await unseal('captures', await core.cipher.key(), stored) };
}

/** What the trail records about a capture: enough to recognise its files later, never their content. */
export function captureSummary(record: CaptureRecord): AuditFields['details'] {
  return {
    captureId: record.id,
    url: record.finalUrl,
    capturedAt: record.capturedAt,
    fileNames: record.files.map((meta) => meta.name),
    fileSha256s: record.files.map((meta) => meta.sha256),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Checks before a write (pure but for hashing)

/** Everything wrong with a capture before it is written; empty when consistent. Hashes are checked separately. */
export function captureProblems(record: CaptureRecord, files: readonly StoredFile[]): string[] {
  // The rules a bundle's capture is read with (lib/evidence/schema.ts): what is stored can always be exported again.
  const problems: string[] = schemaProblems(CaptureRecordSchema, record);
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

/** Every file whose bytes do not hash to its recorded SHA-256. */
export async function fileHashProblems(files: readonly StoredFile[]): Promise<string[]> {
  const problems: string[] = [];
  for (const file of files) {
    const actual = await sha256Hex(file.blob);
    if (actual !== file.sha256) problems.push(`File ${file.name}: sha256 is ${actual}, not ${file.sha256}.`);
  }
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

function fileMeta(file: StoredFile): FileMeta {
  const { blob: _data, ...meta } = file;
  return meta;
}

const ROLE_ORDER: Record<FileRole, number> = { screenshot: 0, video: 1, source: 2, poster: 3, thumbnail: 4 };

function compareFiles(a: StoredFile, b: StoredFile): number {
  return ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || (a.part ?? 0) - (b.part ?? 0) || compareStrings(a.name, b.name);
}
