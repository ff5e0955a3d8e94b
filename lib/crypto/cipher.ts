/**
 * Encryption of stored values with the data key (lib/crypto/keys.ts): AES-GCM 256, a fresh random 12-byte IV per
 * item, versioned formats, optional additional authenticated data (AAD) that binds a ciphertext to where it is
 * stored (so that encrypted fields cannot be swapped between records unnoticed).
 *
 * - JSON values: `EncryptedValue` = `{ v: 1, iv, data }` (bytes as Uint8Array: IndexedDB stores them as they are).
 * - Blobs: an "encrypted blob", of type application/octet-stream:
 *     bytes 0-3   magic "CRB" + format version 1
 *     bytes 4-15  IV
 *     rest        AES-GCM of: header length (uint32, big-endian) + header JSON `{ "type": <original MIME> }` +
 *                 the original bytes
 *   So the original MIME type is encrypted too, and `decryptBlob` gives back a Blob of the original type.
 *   One AES-GCM message per blob (10 MB is fine; WebCrypto is native). A chunked version would be format 2.
 */
import { ownBytes, randomBytes, utf8 } from './bytes';

export interface EncryptedValue {
  v: 1;
  iv: Uint8Array<ArrayBuffer>;
  data: Uint8Array<ArrayBuffer>;
}

/** Wrong key, changed ciphertext, wrong AAD, or not our format. */
export class DecryptError extends Error {
  override readonly name = 'DecryptError';
}

const BLOB_MAGIC = [0x43, 0x52, 0x42] as const; // "CRB"
const BLOB_VERSION = 1;
const IV_LENGTH = 12;
const BLOB_PREFIX = BLOB_MAGIC.length + 1 + IV_LENGTH;

export function isEncryptedValue(value: unknown): value is EncryptedValue {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<EncryptedValue>;
  return candidate.v === 1 && candidate.iv instanceof Uint8Array && candidate.data instanceof Uint8Array;
}

export async function encryptJson(key: CryptoKey, value: unknown, aad = ''): Promise<EncryptedValue> {
  const iv = randomBytes(IV_LENGTH);
  const plain = utf8(JSON.stringify(value));
  const data = await crypto.subtle.encrypt(gcm(iv, aad), key, plain);
  return { v: 1, iv, data: new Uint8Array(data) };
}

export async function decryptJson<T = unknown>(key: CryptoKey, envelope: EncryptedValue, aad = ''): Promise<T> {
  if (!isEncryptedValue(envelope)) throw new DecryptError('Not an encrypted value of a known version.');
  let plain: ArrayBuffer;
  try {
    plain = await crypto.subtle.decrypt(gcm(ownBytes(envelope.iv), aad), key, ownBytes(envelope.data));
  } catch (error) {
    throw new DecryptError('The value could not be decrypted (wrong key or damaged data).', { cause: error });
  }
  return JSON.parse(new TextDecoder().decode(plain)) as T;
}

export async function encryptBlob(key: CryptoKey, blob: Blob, aad = ''): Promise<Blob> {
  const header = utf8(JSON.stringify({ type: blob.type }));
  const content = new Uint8Array(await blob.arrayBuffer());
  const plain = new Uint8Array(4 + header.length + content.length);
  new DataView(plain.buffer).setUint32(0, header.length);
  plain.set(header, 4);
  plain.set(content, 4 + header.length);
  const iv = randomBytes(IV_LENGTH);
  const cipher = await crypto.subtle.encrypt(gcm(iv, aad), key, plain);
  plain.fill(0);
  const prefix = new Uint8Array(BLOB_PREFIX);
  prefix.set(BLOB_MAGIC, 0);
  prefix[BLOB_MAGIC.length] = BLOB_VERSION;
  prefix.set(iv, BLOB_MAGIC.length + 1);
  return new Blob([prefix, cipher], { type: 'application/octet-stream' });
}

export async function decryptBlob(key: CryptoKey, blob: Blob, aad = ''): Promise<Blob> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  if (!hasBlobPrefix(bytes)) throw new DecryptError('Not an encrypted blob of a known version.');
  const iv = bytes.slice(BLOB_MAGIC.length + 1, BLOB_PREFIX);
  let plain: Uint8Array<ArrayBuffer>;
  try {
    plain = new Uint8Array(await crypto.subtle.decrypt(gcm(iv, aad), key, bytes.subarray(BLOB_PREFIX)));
  } catch (error) {
    throw new DecryptError('The file could not be decrypted (wrong key or damaged data).', { cause: error });
  }
  const headerLength = new DataView(plain.buffer, plain.byteOffset).getUint32(0);
  const header = JSON.parse(new TextDecoder().decode(plain.subarray(4, 4 + headerLength))) as { type?: unknown };
  return new Blob([plain.subarray(4 + headerLength)], { type: typeof header.type === 'string' ? header.type : '' });
}

/** Whether the blob starts like an encrypted blob (the record's marker is what the store relies on). */
export async function looksEncryptedBlob(blob: Blob): Promise<boolean> {
  return blob.size >= BLOB_PREFIX && hasBlobPrefix(new Uint8Array(await blob.slice(0, BLOB_PREFIX).arrayBuffer()));
}

function hasBlobPrefix(bytes: Uint8Array): boolean {
  return (
    bytes.length >= BLOB_PREFIX &&
    BLOB_MAGIC.every((byte, index) => bytes[index] === byte) &&
    bytes[BLOB_MAGIC.length] === BLOB_VERSION
  );
}

function gcm(iv: Uint8Array<ArrayBuffer>, aad: string): AesGcmParams {
  return aad ? { name: 'AES-GCM', iv, additionalData: utf8(aad) } : { name: 'AES-GCM', iv };
}
