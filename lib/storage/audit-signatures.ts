/**
 * Signatures of the audit trail (store `auditSignatures`, one record per entry, key [caseId, seq]).
 *
 * An entry is appended INSIDE the write's transaction, where WebCrypto cannot be awaited (the transaction would
 * commit early), so it cannot be signed there. It is signed right after that transaction commits, in a short
 * follow-up transaction (StoreCore.write calls signPendingAudit, handed to it by evidence-store.ts). Entries left unsigned by a crash between the two,
 * or while the evidence is locked, are signed when the store is opened or unlocked, and before Verify and export.
 *
 * What is signed: the UTF-8 text of the entry's hash (64 lowercase hex digits), ECDSA P-256 with SHA-256, DER.
 * `printf %s <hash> | openssl dgst -sha256 -verify public-key.pem -signature <sig.der>` checks one by hand.
 *
 * Which entries count as pending (to be signed) and which as missing (a problem): in each case's trail, entries
 * after the last entry that has a record are pending; an entry without a record BEFORE an entry that has one is
 * missing (its signature was removed). Entries made before signing existed (migration 5) and entries of an
 * imported bundle (signed as a whole by the other installation, see lib/bundle/FORMAT.md) have a record with
 * `signature: null` and say so; they are information, not tampering, but only before the case's first entry
 * signed here: such a record after it is reported as a missing signature.
 */
import { fromBase64, toBase64 } from '../crypto/bytes';
import type { AuditEntry } from '../evidence/types';
import { signBytes, verifySignature, type InstallationKey } from '../proof/signing-key';
import type { StoreCore } from './core';
import type { AuditSignatureRecord } from './db';
import { StorageError, toStorageError } from './errors';
import { sealsWrites } from './sealing';
import { installationKey } from './signing-keys';

export type AuditSignatureProblem = {
  kind: 'audit-signature';
  seq: number;
  /** missing: no signature although the entry was made after signing began; wrong: it does not match. */
  reason: 'missing' | 'wrong';
};

/** What the signatures of a case's trail say beyond its problems: how many entries are of each kind. */
export interface AuditSignatureSummary {
  signed: number;
  beforeSigning: number;
  imported: number;
}

/** The bytes that are signed for an entry. */
export function signedText(hash: string): Uint8Array {
  return new TextEncoder().encode(hash);
}

/**
 * Checks a case's trail (seq order) against its signature records, with the installation's public key (null when
 * no key was ever made). Pure apart from WebCrypto.
 */
export async function signatureProblems(
  trail: readonly AuditEntry[],
  records: readonly AuditSignatureRecord[],
  installation: { spki: Uint8Array; fingerprint: string } | null,
): Promise<{ problems: AuditSignatureProblem[]; summary: AuditSignatureSummary }> {
  const bySeq = new Map(records.map((record) => [record.seq, record]));
  const firstSigned = Math.min(...records.filter((r) => r.status === 'signed').map((r) => r.seq));
  const problems: AuditSignatureProblem[] = [];
  const summary: AuditSignatureSummary = { signed: 0, beforeSigning: 0, imported: 0 };
  for (const entry of trail) {
    const record = bySeq.get(entry.seq);
    const reason = await recordProblem(entry, record, firstSigned, installation);
    if (reason) problems.push({ kind: 'audit-signature', seq: entry.seq, reason });
    else if (record?.status === 'signed') summary.signed++;
    else if (record?.status === 'before-signing') summary.beforeSigning++;
    else if (record?.status === 'imported') summary.imported++;
  }
  return { problems, summary };
}

async function recordProblem(
  entry: AuditEntry,
  record: AuditSignatureRecord | undefined,
  firstSigned: number,
  installation: { spki: Uint8Array; fingerprint: string } | null,
): Promise<AuditSignatureProblem['reason'] | undefined> {
  if (!record) return 'missing';
  if (record.hash !== entry.hash) return 'wrong';
  if (record.status !== 'signed') return entry.seq < firstSigned ? undefined : 'missing';
  if (!installation || !record.signature || record.fingerprint !== installation.fingerprint) return 'wrong';
  const valid = await verifySignature(installation.spki, signedText(entry.hash), fromBase64(record.signature));
  return valid ? undefined : 'wrong';
}

/**
 * Signs every pending entry of every case (see above). Does nothing while the evidence is locked (the private key
 * is sealed): those entries stay pending until the store is used unlocked. Never throws for that; other storage
 * failures are thrown.
 */
export async function signPendingAudit(core: StoreCore): Promise<number> {
  const pending = await pendingEntries(core);
  if (pending.length === 0) return 0;
  const key = await usableKey(core);
  if (!key) return 0;
  const records: AuditSignatureRecord[] = [];
  for (const entry of pending) {
    const signature = await signBytes(key.privateKey, signedText(entry.hash));
    records.push({ ...entry, status: 'signed', signature: toBase64(signature), fingerprint: key.fingerprint });
  }
  return storeSignatures(core, records);
}

/**
 * The installation key, loaded once per store core (loading it checks it with a probe signature: too slow to
 * repeat after every write), and only while usable: null while the evidence is locked, so a page that stays open
 * after a lock signs nothing until unlocked.
 */
const loadedKeys = new WeakMap<StoreCore, Promise<InstallationKey>>();

async function usableKey(core: StoreCore): Promise<InstallationKey | null> {
  if (sealsWrites(await core.encryptionState()) && !(await core.cipher.key())) return null;
  let loading = loadedKeys.get(core);
  if (!loading) {
    loading = installationKey(core);
    loadedKeys.set(core, loading);
  }
  try {
    return await loading;
  } catch (error) {
    loadedKeys.delete(core);
    if (error instanceof StorageError && error.code === 'locked') return null;
    throw error;
  }
}

type PendingEntry = Pick<AuditSignatureRecord, 'caseId' | 'seq' | 'hash'>;

/** Per case, the entries after the last one that has a signature record. */
async function pendingEntries(core: StoreCore): Promise<PendingEntry[]> {
  return core.read(async () => {
    const tx = core.db.transaction(['audit', 'auditSignatures'], 'readonly');
    const lastRecorded = new Map<string, number>();
    for (const [caseId, seq] of await tx.objectStore('auditSignatures').getAllKeys()) {
      lastRecorded.set(caseId, Math.max(seq, lastRecorded.get(caseId) ?? -1));
    }
    const pending: PendingEntry[] = [];
    for (const [caseId, seq] of await tx.objectStore('audit').getAllKeys()) {
      if (seq <= (lastRecorded.get(caseId) ?? -1)) continue;
      const entry = await tx.objectStore('audit').get([caseId, seq]);
      if (entry) pending.push({ caseId, seq, hash: entry.hash });
    }
    await tx.done;
    return pending;
  });
}

/** Adds the signatures whose entry is still there with the same hash and not yet signed by another page. */
async function storeSignatures(core: StoreCore, records: readonly AuditSignatureRecord[]): Promise<number> {
  try {
    const tx = core.db.transaction(['audit', 'auditSignatures'], 'readwrite');
    let stored = 0;
    for (const record of records) {
      const entry = await tx.objectStore('audit').get([record.caseId, record.seq]);
      const existing = await tx.objectStore('auditSignatures').getKey([record.caseId, record.seq]);
      if (entry?.hash !== record.hash || existing !== undefined) continue;
      await tx.objectStore('auditSignatures').add(record);
      stored++;
    }
    await tx.done;
    return stored;
  } catch (error) {
    throw toStorageError(error);
  }
}
