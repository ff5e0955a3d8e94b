/**
 * The audit trail as stored: appending an entry inside a write's transaction, reading a case's trail, and
 * verifying a case (verify.ts) on what the database holds. The hash chain itself is audit.ts.
 */
import type { EncryptedValue } from '../crypto/cipher';
import type { AuditEntry, StoredFile } from '../evidence/types';
import { fromBase64 } from '../crypto/bytes';
import { sha256Hex } from '../evidence/hash';
import { nextEntry, type AuditFields } from './audit';
import { signatureProblems, signPendingAudit, type AuditSignatureSummary } from './audit-signatures';
import { caseKeyRange, type StoreCore, type WriteStore } from './core';
import type { AuditSignatureRecord } from './db';
import { invalid } from './errors';
import { storedAuditEntry, unsealAll } from './sealing';
import { INSTALLATION_KEY_ID } from './signing-keys';
import { ChunkError, hashChunks } from './chunks';
import type { StoredFileRecord } from './db';
import { storedCaseProblems, type StoredCase, type VerifyProblem } from './verify';

/**
 * Reads the case's last entry and appends the next one, within the caller's transaction. `sealedDetails` is the
 * entry's details sealed beforehand (StoreCore.sealFor) when writes are sealed.
 */
export async function appendAudit(
  store: WriteStore<'audit'>,
  fields: AuditFields,
  sealedDetails: EncryptedValue | null = null,
): Promise<AuditEntry> {
  // The chain only needs the previous entry's seq and hash, which are kept in clear.
  const last = await store.openCursor(caseKeyRange(fields.caseId), 'prev');
  const entry = nextEntry(last?.value, fields);
  await store.add(storedAuditEntry(entry, sealedDetails));
  return entry;
}

/** The case's audit entries, by seq. */
export async function auditTrail(core: StoreCore, caseId: string): Promise<AuditEntry[]> {
  return core.readAll('audit', () => core.db.getAll('audit', caseKeyRange(caseId)));
}

/**
 * Re-hashes every stored file of the case and re-checks the audit chain and its signatures (pending entries are
 * signed first, so a trail left half-signed by a crash verifies clean). Empty when everything is intact;
 * otherwise one precise problem per faulty file or entry.
 */
export async function verifyCase(core: StoreCore, caseId: string): Promise<VerifyProblem[]> {
  await signPendingAudit(core);
  const stored = await readCase(core, caseId);
  const signatures = await signatureProblems(stored.trail, stored.signatures, stored.installation);
  return [...(await storedCaseProblems(stored)), ...signatures.problems];
}

/** How many of the case's entries are signed here, made before signing existed, or imported (information). */
export async function auditSignatureSummary(core: StoreCore, caseId: string): Promise<AuditSignatureSummary> {
  await signPendingAudit(core);
  const stored = await readCase(core, caseId);
  return (await signatureProblems(stored.trail, stored.signatures, stored.installation)).summary;
}

interface StoredCaseWithSignatures extends StoredCase {
  signatures: AuditSignatureRecord[];
  installation: { spki: Uint8Array; fingerprint: string } | null;
}

/**
 * The case's trail, captures and files read in ONE transaction, so that a capture saved meanwhile cannot show
 * up without its audit entry. Blobs are only handles here; they are decrypted and hashed after the transaction.
 */
async function readCase(core: StoreCore, caseId: string): Promise<StoredCaseWithSignatures> {
  const raw = await core.read(async () => {
    const stores = ['cases', 'captures', 'files', 'audit', 'auditSignatures', 'keys'] as const;
    const tx = core.db.transaction([...stores], 'readonly');
    if (!(await tx.objectStore('cases').get(caseId))) throw invalid(`No case ${caseId}.`);
    const trail = await tx.objectStore('audit').getAll(caseKeyRange(caseId));
    const signatures = await tx.objectStore('auditSignatures').getAll(caseKeyRange(caseId));
    const key = await tx.objectStore('keys').get(INSTALLATION_KEY_ID);
    const captures = await tx.objectStore('captures').index('byCaseTime').getAll(caseKeyRange(caseId));
    const files = new Map<string, StoredFile[]>();
    for (const capture of captures) {
      files.set(capture.id, await tx.objectStore('files').index('byCapture').getAll(capture.id));
    }
    await tx.done;
    const installation = key && 'spki' in key ? { spki: fromBase64(key.spki), fingerprint: key.fingerprint } : null;
    return { trail, captures, files, signatures, installation };
  });
  return core.read(async () => {
    const key = await core.cipher.key();
    const files = new Map<string, StoredFile[]>();
    for (const [captureId, stored] of raw.files) files.set(captureId, await unsealAll('files', key, stored));
    return {
      caseId,
      hashFile: (file: StoredFile) => hashStoredFile(core, file),
      trail: await unsealAll('audit', key, raw.trail),
      captures: await unsealAll('captures', key, raw.captures),
      files,
      signatures: raw.signatures,
      installation: raw.installation,
    };
  });
}

/** A chunked file (a recording) is hashed chunk by chunk, its first chunk fault named; others as one blob. */
async function hashStoredFile(core: StoreCore, file: StoredFileRecord): Promise<string | { chunk: number; fault: ChunkError['fault'] }> {
  if (!file.chunks) return sha256Hex(file.blob);
  try {
    return (await hashChunks(core, file.id, file.chunks)).sha256;
  } catch (error) {
    if (error instanceof ChunkError) return { chunk: error.index, fault: error.fault };
    throw error;
  }
}
