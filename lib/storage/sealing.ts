/**
 * Encryption at rest of the evidence records ("sealing"), used by EvidenceStore and the conversion
 * (encryption-conversion.ts). Schema notes: SCHEMA.md, "Encryption at rest".
 *
 * A sealed record keeps in clear only what the database's keys and indexes (and the audit chain) need, and puts
 * EVERY other field, encrypted, in `$sealed` (so a field added later is encrypted by default). A file's blob is
 * replaced by an encrypted blob. Records are self-describing: a reader decrypts a record that has `$sealed` and
 * passes any other through, so a database half-way through a conversion reads correctly.
 *
 * Kept in clear (and why):
 * - cases: id (key), createdAt (ordering);
 * - captures: id (key), caseId and capturedAt (indexes byCase, byCaseTime);
 * - files: id (key), captureId and role (indexes byCapture, byCaptureRole), size and sha256 (integrity);
 * - audit: caseId and seq (key), prevHash and hash (the chain), at, action and actorRole (when, what kind of step,
 *   which role: no person, URL, file name or note); `details` is sealed. The hash is over the PLAINTEXT entry, so
 *   the chain verifies the same with encryption on or off (verifying a sealed trail needs the key);
 * - reports: caseId and platform (key). The platform is revealed only for cases where a report is tracked.
 * - keys: the signing key's id, algorithm, public key, fingerprint and creation time; the receiving key's id,
 *   algorithm, public key (`recipient`) and creation time (the private keys are sealed).
 * - senders: the confirmed sender's key fingerprint (the key); the name the person gave and when are sealed.
 * Sealed: titles, names, notes, URLs, page titles, parsed URLs, identifiers, selected items, platform of a
 * capture, time zone and local time, viewport, browser, file names and MIME types, audit details, report status,
 * reference and answer.
 */
import { decryptBlob, decryptJson, encryptBlob, encryptJson, isEncryptedValue, type EncryptedValue } from '../crypto/cipher';
import { isKeyringRecord, type KeyringRecord } from '../crypto/keys';
import type { AuditEntry } from '../evidence/types';

/** Where the store gets the data key. */
export interface EvidenceCipher {
  /** The data key when unlocked; null when locked or when no passphrase is set. */
  key(): Promise<CryptoKey | null>;
}

/** No passphrase set (or not known to this context): writes in clear; reading a sealed record throws LockedError. */
export const NO_CIPHER: EvidenceCipher = { key: () => Promise.resolve(null) };

export function keyCipher(key: CryptoKey | null): EvidenceCipher {
  return { key: () => Promise.resolve(key) };
}

/**
 * The live key source, falling back to the key held when a long write began (recordings.ts): a recording stopped
 * by a lock or quick exit still seals its last chunks and its record with the key it started with. `drop()`
 * forgets the held key (the recording is finished or abandoned); the live source is always asked first, so a key
 * changed meanwhile while unlocked is the one used.
 */
export class HeldKeyCipher implements EvidenceCipher {
  constructor(
    private readonly live: EvidenceCipher,
    private held: CryptoKey | null,
  ) {}

  async key(): Promise<CryptoKey | null> {
    return (await this.live.key()) ?? this.held;
  }

  drop(): void {
    this.held = null;
  }
}

/** A sealed record was read, or an encrypted write was asked for, without the data key. */
export class LockedError extends Error {
  override readonly name = 'LockedError';
  constructor() {
    super('The evidence is locked: unlock it with the passphrase.');
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Encryption state (settings key 'encryption')

export const ENCRYPTION_SETTING = 'encryption';

/**
 * - off: no passphrase; everything in clear.
 * - encrypting: a passphrase was just set; new writes are sealed, older records are being converted.
 * - on: every record is sealed.
 * - decrypting: the passphrase is being removed; new writes are in clear, older records are being converted.
 * The keyring is kept in every state but 'off'. A conversion can be reversed (encrypting <-> decrypting) at any
 * point, and resumes from the state alone: records say themselves whether they are sealed.
 */
export type EncryptionState =
  | { mode: 'off' }
  | { mode: 'encrypting' | 'on' | 'decrypting'; keyring: KeyringRecord };

export type EncryptionMode = EncryptionState['mode'];

export function parseEncryptionState(value: unknown): EncryptionState {
  if (typeof value !== 'object' || value === null) return { mode: 'off' };
  const state = value as { mode?: unknown; keyring?: unknown };
  if ((state.mode === 'encrypting' || state.mode === 'on' || state.mode === 'decrypting') && isKeyringRecord(state.keyring)) {
    return { mode: state.mode, keyring: state.keyring };
  }
  return { mode: 'off' };
}

/** Whether new writes are sealed in this state. */
export function sealsWrites(state: EncryptionState): boolean {
  return state.mode === 'on' || state.mode === 'encrypting';
}

/** A short token that changes whenever the state changes in a way that matters to a write. */
export function stateToken(state: EncryptionState): string {
  return state.mode === 'off' ? 'off' : `${state.mode}:${state.keyring.keyId}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Sealing records

export type SealableStore = 'cases' | 'captures' | 'files' | 'audit' | 'reports' | 'keys' | 'chunks' | 'recordings' | 'senders';

export const SEALABLE_STORES: readonly SealableStore[] = [
  'cases',
  'captures',
  'files',
  'audit',
  'reports',
  'keys',
  'chunks',
  'recordings',
  'senders',
];

/** Stores whose records hold bytes: that field becomes an encrypted blob (its AAD the record's). */
const BLOB_FIELDS: Partial<Record<SealableStore, string>> = { files: 'blob', chunks: 'data' };

export const SEALED_FIELD = '$sealed';

const CLEAR_FIELDS: Record<SealableStore, readonly string[]> = {
  cases: ['id', 'createdAt'],
  captures: ['id', 'caseId', 'capturedAt'],
  files: ['id', 'captureId', 'role', 'size', 'sha256'],
  audit: ['caseId', 'seq', 'at', 'action', 'actorRole', 'prevHash', 'hash'],
  reports: ['caseId', 'platform'],
  keys: ['id', 'algorithm', 'spki', 'fingerprint', 'recipient', 'createdAt'],
  chunks: ['fileId', 'index', 'last'],
  recordings: ['id', 'fileId', 'caseId', 'startedAt'],
  senders: ['id'],
};

type Row = Record<string, unknown>;

export function isSealed(value: unknown): boolean {
  return typeof value === 'object' && value !== null && isEncryptedValue((value as Row)[SEALED_FIELD]);
}

/** Binds a record's ciphertext to where it is stored. Audit entries are bound to their case (their seq is only
 * known inside the write transaction); their hash chain covers the rest. */
export function sealingAad(store: SealableStore, value: object): string {
  const row = value as Row;
  switch (store) {
    case 'reports':
      return `reports/${String(row.caseId)}/${String(row.platform)}`;
    case 'audit':
      return `audit/${String(row.caseId)}`;
    case 'chunks':
      // The file, the place in it, and whether it is the final piece: a chunk moved, dropped or cut off (the
      // final one missing) does not decrypt where it is found.
      return chunkAad(String(row.fileId), Number(row.index), row.last === true);
    default:
      return `${store}/${String(row.id)}`;
  }
}

export function chunkAad(fileId: string, index: number, last: boolean): string {
  return `chunks/${fileId}/${index}/${last ? 'last' : 'more'}`;
}

/** The stored (sealed) form of a plaintext record. Typed as the record's type: the database schema is. */
export async function seal<T extends object>(store: SealableStore, key: CryptoKey, record: T): Promise<T> {
  if (isSealed(record)) return record;
  const row = record as Row;
  const clear: Row = {};
  const secret: Row = {};
  for (const [field, value] of Object.entries(row)) {
    if (CLEAR_FIELDS[store].includes(field)) clear[field] = value;
    else if (field !== BLOB_FIELDS[store]) secret[field] = value;
  }
  const aad = sealingAad(store, record);
  clear[SEALED_FIELD] = await encryptJson(key, secret, aad);
  const blobField = BLOB_FIELDS[store];
  if (blobField) clear[blobField] = await encryptBlob(key, row[blobField] as Blob, aad);
  return clear as T;
}

/** The plaintext record: decrypted when sealed, as it is otherwise. Throws LockedError without a key. */
export async function unseal<T extends object>(store: SealableStore, key: CryptoKey | null, stored: T): Promise<T> {
  if (!isSealed(stored)) return stored;
  if (!key) throw new LockedError();
  const { [SEALED_FIELD]: envelope, ...clear } = stored as Row;
  const aad = sealingAad(store, stored);
  const secret = await decryptJson<Row>(key, envelope as EncryptedValue, aad);
  const record: Row = { ...secret, ...clear };
  const blobField = BLOB_FIELDS[store];
  if (blobField) record[blobField] = await decryptBlob(key, clear[blobField] as Blob, aad);
  return record as T;
}

export async function unsealAll<T extends object>(store: SealableStore, key: CryptoKey | null, stored: T[]): Promise<T[]> {
  const out: T[] = [];
  for (const item of stored) out.push(await unseal(store, key, item));
  return out;
}

/**
 * The envelope of an audit entry's sealed part, prepared BEFORE the write transaction (WebCrypto cannot run
 * inside it); `storedAuditEntry` then combines it with the chain fields computed inside.
 */
export async function sealAuditDetails(
  key: CryptoKey,
  caseId: string,
  details: AuditEntry['details'],
): Promise<EncryptedValue> {
  return encryptJson(key, { details }, sealingAad('audit', { caseId }));
}

export function storedAuditEntry(entry: AuditEntry, sealedDetails: EncryptedValue | null): AuditEntry {
  if (!sealedDetails) return entry;
  const { details: _details, ...clear } = entry;
  return { ...clear, [SEALED_FIELD]: sealedDetails } as unknown as AuditEntry;
}

/**
 * Whether a record read again inside a write transaction is still the one a change was prepared from (optimistic
 * concurrency: the change was computed outside the transaction, where decryption is possible).
 */
export function sameStored(a: unknown, b: unknown): boolean {
  if (a === undefined || b === undefined) return a === b;
  const sealedA = isSealed(a);
  if (sealedA !== isSealed(b)) return false;
  if (sealedA) {
    const ivA = ((a as Row)[SEALED_FIELD] as EncryptedValue).iv;
    const ivB = ((b as Row)[SEALED_FIELD] as EncryptedValue).iv;
    return ivA.length === ivB.length && ivA.every((byte, index) => byte === ivB[index]) && sameClear(a as Row, b as Row);
  }
  return sameClear(a as Row, b as Row);
}

function sameClear(a: Row, b: Row): boolean {
  return stableText(a) === stableText(b);
}

/** A comparable text of a record: JSON with sorted keys; blobs by size and type, byte arrays by length. */
function stableText(value: unknown): string {
  if (value instanceof Blob) return `blob:${value.size}:${value.type}`;
  if (value instanceof Uint8Array) return `bytes:${value.length}`;
  if (Array.isArray(value)) return `[${value.map(stableText).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const row = value as Row;
    return `{${Object.keys(row)
      .filter((key) => row[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stableText(row[key])}`)
      .join(',')}}`;
  }
  return value === undefined ? 'undefined' : JSON.stringify(value);
}
