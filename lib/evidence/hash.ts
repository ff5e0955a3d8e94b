/**
 * SHA-256 of evidence files (screenshots, page source), with WebCrypto.
 *
 * Asynchronous on purpose: files can be tens of megabytes and WebCrypto hashes them natively, off the JS thread.
 * Because it is asynchronous, never call it inside an IndexedDB transaction (awaiting a non-IDB promise lets the
 * transaction commit early): hash first, then write. The audit chain, which must be hashed inside its
 * transaction, uses the synchronous hash in lib/storage/audit.ts instead.
 */
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';
import type { Pacer } from '../pacer';

/** How every SHA-256 is written in the evidence: 64 lowercase hexadecimal digits. */
export const SHA256_HEX = /^[0-9a-f]{64}$/;

export async function sha256Hex(data: Blob | ArrayBuffer | Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await toBufferSource(data));
  return toHex(new Uint8Array(digest));
}

async function toBufferSource(data: Blob | ArrayBuffer | Uint8Array): Promise<ArrayBuffer | Uint8Array<ArrayBuffer>> {
  if (data instanceof Uint8Array) {
    // WebCrypto refuses views over a SharedArrayBuffer; copy only in that rare case.
    return data.buffer instanceof ArrayBuffer ? (data as Uint8Array<ArrayBuffer>) : new Uint8Array(data);
  }
  if (data instanceof ArrayBuffer) return data;
  return data.arrayBuffer();
}

/** Bytes read from a Blob at once, and hashed between two chances for the page to run (well under a millisecond). */
const READ_SIZE = 1 << 20;
const HASH_STEP = 64 * 1024;

/**
 * `blob` read once, a megabyte at a time, and hashed from those bytes a step at a time, the page getting its turn
 * between steps (lib/pacer.ts); `copy` is a Blob of the very bytes hashed, so what is stored from it is what was
 * checked. For a page that must keep answering: WebCrypto digests a whole buffer in one call, and in Chromium an
 * import's 8 MB screenshots held the manager up to 113 ms that way (issue 24).
 */
export async function readAndHash(blob: Blob, pacer: Pacer): Promise<{ copy: Blob; sha256: string }> {
  const hash = sha256.create();
  const pieces: Uint8Array<ArrayBuffer>[] = [];
  for (let offset = 0; offset < blob.size; offset += READ_SIZE) {
    await pacer.breathe();
    const piece = new Uint8Array(await blob.slice(offset, offset + READ_SIZE).arrayBuffer());
    for (let step = 0; step < piece.length; step += HASH_STEP) {
      await pacer.breathe();
      hash.update(piece.subarray(step, step + HASH_STEP));
    }
    pieces.push(piece);
  }
  return { copy: new Blob(pieces, { type: blob.type }), sha256: bytesToHex(hash.digest()) };
}

function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
