import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../lib/evidence/hash';

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
