import { describe, expect, it } from 'vitest';
import { readAndHash, sha256Hex } from '../../../lib/evidence/hash';
import { isCancelled, Pacer } from '../../../lib/pacer';

// FIPS 180-2 test vector.
const ABC = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';

describe('sha256Hex (WebCrypto, for files)', () => {
  it('hashes a Blob, an ArrayBuffer and a Uint8Array alike', async () => {
    const bytes = new TextEncoder().encode('abc');
    expect(await sha256Hex(new Blob([bytes]))).toBe(ABC);
    expect(await sha256Hex(bytes.buffer)).toBe(ABC);
    expect(await sha256Hex(bytes)).toBe(ABC);
  });

  it('hashes only the bytes a view covers', async () => {
    const padded = new TextEncoder().encode('xxabcxx');
    expect(await sha256Hex(padded.subarray(2, 5))).toBe(ABC);
  });

  it('hashes empty data', async () => {
    expect(await sha256Hex(new Blob([]))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});

describe('readAndHash (in steps, for a page that must keep answering)', () => {
  function noise(size: number): Uint8Array<ArrayBuffer> {
    const bytes = new Uint8Array(size);
    for (let i = 0; i < size; i++) bytes[i] = (i * 2654435761) >>> 24;
    return bytes;
  }

  it('gives the SHA-256 WebCrypto gives, and a copy of the very bytes hashed, of the same type', async () => {
    const bytes = noise(3 * (1 << 20) + 12_345); // several reads, the last one short
    const source = new Blob([bytes], { type: 'image/png' });
    const { copy, sha256 } = await readAndHash(source, new Pacer());
    expect(sha256).toBe(await sha256Hex(bytes));
    expect(copy.type).toBe('image/png');
    expect(copy.size).toBe(bytes.length);
    expect(await sha256Hex(copy)).toBe(sha256);
  });

  it('hashes an empty file', async () => {
    const { copy, sha256 } = await readAndHash(new Blob([]), new Pacer());
    expect(sha256).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(copy.size).toBe(0);
  });

  it('stops at its next step when the work is cancelled', async () => {
    const controller = new AbortController();
    controller.abort(new DOMException('cancelled', 'AbortError'));
    const failure = await readAndHash(new Blob([noise(1000)]), new Pacer({ signal: controller.signal })).catch((error: unknown) => error);
    expect(isCancelled(failure)).toBe(true);
  });
});
