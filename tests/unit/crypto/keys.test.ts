import { describe, expect, it } from 'vitest';
import { decryptJson, encryptJson } from '../../../lib/crypto/cipher';
import {
  createKeyring,
  DEFAULT_PBKDF2_ITERATIONS,
  isKeyringRecord,
  rewrap,
  unlock,
  unlockRaw,
  WrongPassphraseError,
} from '../../../lib/crypto/keys';

/** Tests derive with few iterations (fast); one test below uses the production default. */
const FAST = { iterations: 1_000 };

describe('keyring', () => {
  it('uses at least 600,000 PBKDF2-SHA-256 iterations by default, stored in the record, and unlocks', async () => {
    expect(DEFAULT_PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    const { record, dataKey } = await createKeyring('correct horse battery staple');
    expect(record.kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256', iterations: DEFAULT_PBKDF2_ITERATIONS });
    expect(record.kdf.iterations).toBeGreaterThanOrEqual(600_000);
    const sealed = await encryptJson(dataKey, { url: 'https://x.com/a' });
    const key = await unlock(record, 'correct horse battery staple');
    expect(await decryptJson(key, sealed)).toEqual({ url: 'https://x.com/a' });
  });

  it('stores a random 16-byte salt and 12-byte IV, never the passphrase', async () => {
    const a = await createKeyring('my secret words', FAST);
    const b = await createKeyring('my secret words', FAST);
    expect(isKeyringRecord(a.record)).toBe(true);
    expect(atob(a.record.kdf.salt)).toHaveLength(16);
    expect(atob(a.record.iv)).toHaveLength(12);
    expect(a.record.kdf.salt).not.toBe(b.record.kdf.salt);
    expect(a.record.wrappedKey).not.toBe(b.record.wrappedKey);
    expect(JSON.stringify(a.record)).not.toContain('secret');
  });

  it('hands out a non-extractable data key', async () => {
    const { record, dataKey } = await createKeyring('pass', FAST);
    expect(dataKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', dataKey)).rejects.toThrow();
    expect((await unlock(record, 'pass')).extractable).toBe(false);
  });

  it('refuses a wrong passphrase with WrongPassphraseError', async () => {
    const { record } = await createKeyring('right one', FAST);
    const before = structuredClone(record);
    await expect(unlock(record, 'wrong one')).rejects.toBeInstanceOf(WrongPassphraseError);
    await expect(unlock(record, 'Right one')).rejects.toBeInstanceOf(WrongPassphraseError);
    expect(record).toEqual(before);
  });

  it('normalises the passphrase (NFC): the same word typed differently unlocks', async () => {
    const { record } = await createKeyring('café', FAST); // precomposed é
    await expect(unlock(record, 'cafe\u0301')).resolves.toBeDefined(); // e + combining accent
  });

  it('refuses a record whose iteration count was lowered', async () => {
    const { record } = await createKeyring('pass', { iterations: 2_000 });
    await expect(unlock({ ...record, kdf: { ...record.kdf, iterations: 1_000 } }, 'pass')).rejects.toBeInstanceOf(
      WrongPassphraseError,
    );
  });

  it('refuses too few iterations and an empty passphrase', async () => {
    await expect(createKeyring('pass', { iterations: 10 })).rejects.toThrow(RangeError);
    await expect(createKeyring('', FAST)).rejects.toThrow(RangeError);
  });

  it('rewrap keeps the data key: data encrypted before decrypts after, with the new passphrase only', async () => {
    const { record, dataKey } = await createKeyring('old pass', FAST);
    const sealed = await encryptJson(dataKey, { note: 'kept' }, 'captures/1');
    const next = await rewrap(record, 'old pass', 'new pass', FAST);
    expect(next.keyId).toBe(record.keyId);
    expect(next.kdf.salt).not.toBe(record.kdf.salt);
    expect(await decryptJson(await unlock(next, 'new pass'), sealed, 'captures/1')).toEqual({ note: 'kept' });
    await expect(unlock(next, 'old pass')).rejects.toBeInstanceOf(WrongPassphraseError);
    expect(await unlockRaw(next, 'new pass')).toEqual(await unlockRaw(record, 'old pass'));
  });

  it('rewrap with a wrong old passphrase throws and returns nothing', async () => {
    const { record } = await createKeyring('old pass', FAST);
    await expect(rewrap(record, 'nope', 'new pass', FAST)).rejects.toBeInstanceOf(WrongPassphraseError);
  });
});
