/**
 * The passphrase lock's keys, with WebCrypto only.
 *
 * A random AES-GCM 256 data key encrypts the evidence. It is stored only WRAPPED (AES-GCM key wrap) by a key
 * derived from the passphrase with PBKDF2-SHA-256 (600,000 iterations by default, random 16-byte salt). So:
 * - the passphrase is never stored, and cannot be recovered from what is stored;
 * - changing the passphrase re-wraps the same data key (one small write; no evidence is re-encrypted);
 * - a wrong passphrase makes the unwrap's authentication fail: WrongPassphraseError, nothing changes.
 *
 * The KDF parameters are bound to the wrapped key as additional authenticated data: lowering the stored
 * iteration count (to make guessing cheaper) makes unwrapping fail instead of silently weakening the record.
 */
import { fromBase64, randomBytes, toBase64, utf8 } from './bytes';

/** OWASP 2023 figure for PBKDF2-HMAC-SHA-256. The production default; tests may pass fewer, explicitly. */
export const DEFAULT_PBKDF2_ITERATIONS = 600_000;
/** Below this, createKeyring refuses (protects against a test value leaking into production code paths). */
export const MIN_PBKDF2_ITERATIONS = 1_000;

export interface KeyringRecord {
  version: 1;
  /** Random id of the data key (not secret): tells whether two records wrap the same data key. */
  keyId: string;
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; /** base64, 16 bytes */ salt: string };
  /** AES-GCM (raw data key wrapped), base64. */
  wrappedKey: string;
  /** base64, 12 bytes. */
  iv: string;
  createdAt: string;
}

export class WrongPassphraseError extends Error {
  override readonly name = 'WrongPassphraseError';
  constructor() {
    super('The passphrase is not the right one.');
  }
}

export class KeyringFormatError extends Error {
  override readonly name = 'KeyringFormatError';
}

export interface KeyOptions {
  /** PBKDF2 iterations; default DEFAULT_PBKDF2_ITERATIONS. Fewer only in tests. */
  iterations?: number;
  now?: () => Date;
}

export interface Keyring {
  record: KeyringRecord;
  /** Non-extractable: usable to encrypt and decrypt, never exportable from this copy. */
  dataKey: CryptoKey;
  /** The raw 32 bytes, only when asked for (`exportRaw`), for the session store (lib/crypto/session.ts). */
  rawKey?: Uint8Array<ArrayBuffer>;
}

const DATA_KEY_ALGORITHM = { name: 'AES-GCM', length: 256 } as const;
const DATA_KEY_USAGES: KeyUsage[] = ['encrypt', 'decrypt'];

/** A new random data key wrapped by the passphrase. */
export async function createKeyring(
  passphrase: string,
  options: KeyOptions & { exportRaw?: boolean } = {},
): Promise<Keyring> {
  checkPassphrase(passphrase);
  const iterations = options.iterations ?? DEFAULT_PBKDF2_ITERATIONS;
  if (!Number.isInteger(iterations) || iterations < MIN_PBKDF2_ITERATIONS) {
    throw new RangeError(`PBKDF2 iterations must be an integer of at least ${MIN_PBKDF2_ITERATIONS}.`);
  }
  // Extractable only so that it can be wrapped (and put in session storage, see session.ts); the copy handed
  // out for use is non-extractable.
  const extractable = await crypto.subtle.generateKey(DATA_KEY_ALGORITHM, true, DATA_KEY_USAGES);
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', extractable));
  const record = await wrapRaw(raw, passphrase, iterations, randomId(), (options.now ?? (() => new Date()))());
  const dataKey = await importDataKey(raw);
  if (options.exportRaw) return { record, dataKey, rawKey: raw };
  raw.fill(0);
  return { record, dataKey };
}

/** The data key, non-extractable. Throws WrongPassphraseError when the passphrase does not unwrap it. */
export async function unlock(record: KeyringRecord, passphrase: string): Promise<CryptoKey> {
  const raw = await unlockRaw(record, passphrase);
  try {
    return await importDataKey(raw);
  } finally {
    raw.fill(0);
  }
}

/**
 * The data key's 32 raw bytes, for the session store only (lib/crypto/session.ts). Throws WrongPassphraseError.
 * The caller must not keep them longer than needed.
 */
export async function unlockRaw(record: KeyringRecord, passphrase: string): Promise<Uint8Array<ArrayBuffer>> {
  checkRecord(record);
  const wrappingKey = await deriveWrappingKey(passphrase, fromBase64(record.kdf.salt), record.kdf.iterations);
  try {
    return new Uint8Array(
      await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: fromBase64(record.iv), additionalData: wrapAad(record.kdf.iterations, record.kdf.salt) },
        wrappingKey,
        fromBase64(record.wrappedKey),
      ),
    );
  } catch {
    throw new WrongPassphraseError();
  }
}

/**
 * A new record wrapping the SAME data key under a new passphrase (new salt, new IV). Throws WrongPassphraseError
 * when `oldPassphrase` is wrong; the old record is not modified either way.
 */
export async function rewrap(
  record: KeyringRecord,
  oldPassphrase: string,
  newPassphrase: string,
  options: KeyOptions = {},
): Promise<KeyringRecord> {
  checkPassphrase(newPassphrase);
  const raw = await unlockRaw(record, oldPassphrase);
  try {
    const iterations = Math.max(options.iterations ?? DEFAULT_PBKDF2_ITERATIONS, MIN_PBKDF2_ITERATIONS);
    return await wrapRaw(raw, newPassphrase, iterations, record.keyId, (options.now ?? (() => new Date()))());
  } finally {
    raw.fill(0);
  }
}

/** A usable (non-extractable) data key from its raw bytes. */
export async function importDataKey(raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  if (raw.length !== 32) throw new KeyringFormatError('A data key is 32 bytes.');
  return crypto.subtle.importKey('raw', raw, DATA_KEY_ALGORITHM, false, DATA_KEY_USAGES);
}

export function isKeyringRecord(value: unknown): value is KeyringRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Partial<KeyringRecord>;
  return (
    record.version === 1 &&
    typeof record.keyId === 'string' &&
    typeof record.wrappedKey === 'string' &&
    typeof record.iv === 'string' &&
    record.kdf?.name === 'PBKDF2' &&
    record.kdf.hash === 'SHA-256' &&
    Number.isInteger(record.kdf.iterations) &&
    typeof record.kdf.salt === 'string'
  );
}

// ---------------------------------------------------------------------------------------------------------------

async function wrapRaw(
  raw: Uint8Array<ArrayBuffer>,
  passphrase: string,
  iterations: number,
  keyId: string,
  now: Date,
): Promise<KeyringRecord> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const saltText = toBase64(salt);
  const wrappingKey = await deriveWrappingKey(passphrase, salt, iterations);
  const wrapped = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: wrapAad(iterations, saltText) },
    wrappingKey,
    raw,
  );
  return {
    version: 1,
    keyId,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: saltText },
    wrappedKey: toBase64(new Uint8Array(wrapped)),
    iv: toBase64(iv),
    createdAt: now.toISOString(),
  };
}

async function deriveWrappingKey(
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<CryptoKey> {
  // NFC: the same passphrase typed on another keyboard or OS gives the same bytes.
  const material = await crypto.subtle.importKey('raw', utf8(passphrase.normalize('NFC')), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

function wrapAad(iterations: number, salt: string): Uint8Array<ArrayBuffer> {
  return utf8(`capture-and-report/keyring/v1/PBKDF2-SHA-256/${iterations}/${salt}`);
}

function checkPassphrase(passphrase: string): void {
  if (typeof passphrase !== 'string' || passphrase.length === 0) throw new RangeError('The passphrase is empty.');
}

function checkRecord(record: KeyringRecord): void {
  if (!isKeyringRecord(record)) throw new KeyringFormatError('Not a keyring record of a known version.');
}

function randomId(): string {
  return Array.from(randomBytes(16), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
