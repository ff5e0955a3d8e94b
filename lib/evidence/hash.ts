/**
 * SHA-256 of evidence files (screenshots, page source), with WebCrypto.
 *
 * Asynchronous on purpose: files can be tens of megabytes and WebCrypto hashes them natively, off the JS thread.
 * Because it is asynchronous, never call it inside an IndexedDB transaction (awaiting a non-IDB promise lets the
 * transaction commit early): hash first, then write. The audit chain, which must be hashed inside its
 * transaction, uses the synchronous hash in lib/storage/audit.ts instead.
 */

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

function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
