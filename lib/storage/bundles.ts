/**
 * The store's side of evidence bundles (lib/bundle/): the export's audit entry, and a verified bundle stored as
 * a case.
 */
import { readAndHash } from '../evidence/hash';
import type { AuditEntry, CaptureRecord, CapturerRole, CaseRecord, ReportTracking, StoredFile } from '../evidence/types';
import { Pacer } from '../pacer';
import { appendAudit } from './audit-trail';
import { captureProblems } from './captures';
import { requireCase } from './cases';
import type { StoreCore } from './core';
import type { AuditSignatureRecord } from './db';
import { holdChunkWrites } from './chunk-sweep';
import { chunkRange, deleteChunks, writeBlobAsChunks } from './chunks';
import type { StoredFileRecord } from './db';
import { invalid } from './errors';
import { DEFAULT_CHUNK_SIZE } from './recordings';
import { seal, sealAuditDetails, storedAuditEntry } from './sealing';

export type ExportDetails = {
  fileName: string;
  /** The ZIP's SHA-256 (inside the age file when encrypted). */
  bundleSha256: string;
  scope: 'case' | 'selection';
  captureIds: string[];
  /** How the file was protected (lib/bundle/encrypted.ts); absent in entries made before encryption existed. */
  protection?: 'passphrase' | 'recipients' | 'none';
  /** The public keys (`age1…`) it was encrypted to, for 'recipients'. */
  recipients?: string[];
  /** SHA-256 of the age file itself, when encrypted: the file that was sent. */
  encryptedSha256?: string;
};

/** What importCase stores (lib/bundle/import-plan.ts makes it). */
export interface CaseToImport {
  caseRecord: CaseRecord;
  captures: readonly CaptureRecord[];
  files: readonly StoredFile[];
  reports: readonly ReportTracking[];
  audit: readonly AuditEntry[];
}

/**
 * Records an export in the case's trail (file name, the bundle's SHA-256, which captures): the same hash the
 * receiving side's 'import' entry will hold, which ties the two trails together.
 */
export async function recordExport(
  core: StoreCore,
  caseId: string,
  details: ExportDetails,
  actorRole: CapturerRole,
): Promise<void> {
  await core.sealedWrite(
    ['cases', 'audit', 'settings'],
    async (key) => ({ auditSeal: key ? await sealAuditDetails(key, caseId, details) : null }),
    async (tx, p) => {
      await requireCase(tx.objectStore('cases'), caseId);
      const fields = { caseId, at: core.nowIso(), action: 'export' as const, actorRole, details };
      await appendAudit(tx.objectStore('audit'), fields, p.auditSeal);
    },
  );
}

/**
 * Stores a verified bundle (lib/bundle/import-plan.ts) as a case: the case, its captures, files, reports and its
 * whole audit trail as exported plus the 'import' entry, in one transaction. The exported entries are marked
 * 'imported' (the other installation signed the bundle as a whole, and import checked that signature); the
 * 'import' entry, the last, is this installation's own and is signed after the transaction, like every other. Ids are kept (they are inside the
 * audit hashes), so a case that is already here is refused ('invalid', problem "already here").
 */
export async function importCase(core: StoreCore, plan: CaseToImport): Promise<void> {
  const problems: string[] = [];
  for (const capture of plan.captures) {
    problems.push(...captureProblems(capture, plan.files.filter((file) => file.captureId === capture.id)));
  }
  if (problems.length > 0) throw invalid('The bundle is inconsistent; nothing was imported.', problems);
  const checked = await hashedCopies(plan.files);
  if (checked.problems.length > 0) throw invalid('The bundle is inconsistent; nothing was imported.', checked.problems);
  if (await core.read(() => core.db.get('cases', plan.caseRecord.id))) {
    throw invalid('This case is already here; nothing was imported.', [`case ${plan.caseRecord.id} already here`]);
  }
  const files = checked.files;
  // Held until the transaction is over: the chunks written before it are not orphans (chunk-sweep.ts).
  await holdChunkWrites(files.filter(storedInChunks).map((file) => file.id), () => storeWithChunks(core, { ...plan, files }));
}

/**
 * Every file hashed again (the store's own check, whatever import checked before), in steps that let the page
 * answer (issue 24), and held as a Blob of the very bytes hashed: no window in which what is stored differs from
 * what was checked. All before the transaction, which would commit while the page takes its turns. Recordings are
 * hashed while they are written in chunks (storeWithChunks).
 */
async function hashedCopies(files: readonly StoredFile[]): Promise<{ files: StoredFile[]; problems: string[] }> {
  const pacer = new Pacer();
  const copies: StoredFile[] = [];
  const problems: string[] = [];
  for (const file of files) {
    if (storedInChunks(file)) {
      copies.push(file);
      continue;
    }
    const { copy, sha256 } = await readAndHash(file.blob, pacer);
    if (sha256 !== file.sha256) problems.push(`File ${file.name}: sha256 is ${sha256}, not ${file.sha256}.`);
    copies.push({ ...file, blob: copy });
  }
  return { files: copies, problems };
}

/** Writes the recordings' chunks, then the import's one transaction; on failure removes the chunks written. */
async function storeWithChunks(core: StoreCore, plan: CaseToImport): Promise<void> {
  const written: string[] = [];
  try {
    const files: StoredFileRecord[] = [];
    for (const file of plan.files) {
      if (!storedInChunks(file)) {
        files.push(file);
        continue;
      }
      written.push(file.id);
      const { info, sha256 } = await writeBlobAsChunks(core, file.id, file.blob, DEFAULT_CHUNK_SIZE);
      if (sha256 !== file.sha256) throw invalid('The bundle is inconsistent; nothing was imported.', [`File ${file.name}: sha256 is ${sha256}, not ${file.sha256}.`]);
      files.push({ ...file, blob: new Blob([], { type: file.mime }), chunks: info });
    }
    await storeImport(core, { ...plan, files });
  } catch (error) {
    for (const fileId of written) await deleteChunks(core, fileId).catch(() => undefined);
    throw error;
  }
}

/** Recordings are stored in chunks (chunks.ts): read and written a chunk at a time, never whole. */
function storedInChunks(file: StoredFile): boolean {
  return file.role === 'video';
}

/** The import's one transaction; the chunks of its recordings were written before, and are checked here. */
async function storeImport(core: StoreCore, plan: CaseToImport & { files: readonly StoredFileRecord[] }): Promise<void> {
  await core.sealedWrite(
    ['cases', 'captures', 'files', 'chunks', 'reports', 'audit', 'auditSignatures', 'settings'],
    (key) => sealPlan(key, plan),
    async (tx, p) => {
      for (const file of plan.files) {
        if (file.chunks && (await tx.objectStore('chunks').count(chunkRange(file.id))) !== file.chunks.count) {
          throw invalid(`The chunks of ${file.name} changed while importing; nothing was imported.`);
        }
      }
      await tx.objectStore('cases').add(p.caseRecord);
      for (const capture of p.captures) await tx.objectStore('captures').add(capture);
      for (const file of p.files) await tx.objectStore('files').add(file);
      for (const report of p.reports) await tx.objectStore('reports').put(report);
      for (const entry of p.audit) await tx.objectStore('audit').add(entry);
      for (const entry of p.audit.slice(0, -1)) await tx.objectStore('auditSignatures').add(importedMark(entry));
    },
  );
}

function importedMark(entry: AuditEntry): AuditSignatureRecord {
  const { caseId, seq, hash } = entry;
  return { caseId, seq, hash, status: 'imported', signature: null, fingerprint: null };
}

/** The plan's records in their stored form: sealed with `key`, in clear without. */
async function sealPlan(key: CryptoKey | null, plan: CaseToImport): Promise<CaseToImport> {
  if (!key) return { ...plan, audit: plan.audit.map((entry) => storedAuditEntry(entry, null)) };
  const files: StoredFile[] = [];
  for (const file of plan.files) files.push(await seal('files', key, file));
  const captures: CaptureRecord[] = [];
  for (const capture of plan.captures) captures.push(await seal('captures', key, capture));
  const reports: ReportTracking[] = [];
  for (const report of plan.reports) reports.push(await seal('reports', key, report));
  const audit: AuditEntry[] = [];
  for (const entry of plan.audit) {
    audit.push(storedAuditEntry(entry, await sealAuditDetails(key, entry.caseId, entry.details)));
  }
  return { caseRecord: await seal('cases', key, plan.caseRecord), captures, files, reports, audit };
}
