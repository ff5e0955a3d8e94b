import { describe, expect, it } from 'vitest';
import {
  DecryptError,
  decryptBlob,
  decryptJson,
  encryptBlob,
  encryptJson,
  isEncryptedValue,
  looksEncryptedBlob,
} from '../../../lib/crypto/cipher';

async function newKey(): Promise<CryptoKey> {
  return crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

function containsText(bytes: Uint8Array, text: string): boolean {
  return Buffer.from(bytes).includes(Buffer.from(text, 'utf8'));
}

describe('JSON values', () => {
  it('round-trips, with a fresh IV each time, and hides the plaintext', async () => {
    const key = await newKey();
    const value = { title: 'Posted by Jan Peeters', items: [1, 'two', null], nested: { ok: true } };
    const a = await encryptJson(key, value, 'cases/1');
    const b = await encryptJson(key, value, 'cases/1');
    expect(isEncryptedValue(a)).toBe(true);
    expect(a.v).toBe(1);
    expect(a.iv).toHaveLength(12);
    expect(a.iv).not.toEqual(b.iv);
    expect(containsText(a.data, 'Jan Peeters')).toBe(false);
    expect(await decryptJson(key, a, 'cases/1')).toEqual(value);
  });

  it('fails with DecryptError under another key, another AAD, or a changed byte', async () => {
    const key = await newKey();
    const sealed = await encryptJson(key, 'text', 'cases/1');
    await expect(decryptJson(await newKey(), sealed, 'cases/1')).rejects.toBeInstanceOf(DecryptError);
    await expect(decryptJson(key, sealed, 'cases/2')).rejects.toBeInstanceOf(DecryptError);
    const data = sealed.data.slice();
    data[0] = data[0]! ^ 1;
    await expect(decryptJson(key, { ...sealed, data }, 'cases/1')).rejects.toBeInstanceOf(DecryptError);
  });
});

describe('blobs', () => {
  it('round-trips bytes and MIME type; the stored blob is opaque octets', async () => {
    const key = await newKey();
    const blob = new Blob(['<html>https://x.com/someone</html>'], { type: 'text/html' });
    const sealed = await encryptBlob(key, blob, 'files/1');
    expect(sealed.type).toBe('application/octet-stream');
    expect(await looksEncryptedBlob(sealed)).toBe(true);
    expect(await looksEncryptedBlob(blob)).toBe(false);
    const bytes = new Uint8Array(await sealed.arrayBuffer());
    expect(containsText(bytes, 'x.com')).toBe(false);
    expect(containsText(bytes, 'text/html')).toBe(false);
    const opened = await decryptBlob(key, sealed, 'files/1');
    expect(opened.type).toBe('text/html');
    expect(await opened.text()).toBe(await blob.text());
  });

  it('handles an empty blob and refuses a wrong AAD', async () => {
    const key = await newKey();
    const sealed = await encryptBlob(key, new Blob([]), 'files/1');
    expect((await decryptBlob(key, sealed, 'files/1')).size).toBe(0);
    await expect(decryptBlob(key, sealed, 'files/2')).rejects.toBeInstanceOf(DecryptError);
    await expect(decryptBlob(key, new Blob(['plain']), 'files/1')).rejects.toBeInstanceOf(DecryptError);
  });

  it('encrypts and decrypts a 10 MB blob', async () => {
    const key = await newKey();
    const bytes = new Uint8Array(10 * 1024 * 1024);
    for (let i = 0; i < bytes.length; i += 65536) crypto.getRandomValues(bytes.subarray(i, i + 65536));
    const blob = new Blob([bytes], { type: 'image/png' });
    const started = performance.now();
    const sealed = await encryptBlob(key, blob, 'files/big');
    const opened = await decryptBlob(key, sealed, 'files/big');
    const ms = performance.now() - started;
    expect(sealed.size).toBe(blob.size + 16 + 16 + 4 + JSON.stringify({ type: 'image/png' }).length);
    expect(opened.size).toBe(blob.size);
    expect(Buffer.from(await opened.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
    expect(ms).toBeLessThan(10_000);
  });
});
