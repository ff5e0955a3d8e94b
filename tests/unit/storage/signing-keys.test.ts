/**
 * The installation's signing key as stored: made once, the same afterwards and in every context; its private part
 * sealed with the data key when a passphrase is set (also when the passphrase is set after the key was made), and
 * unusable while locked.
 */
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { toBase64 } from '../../../lib/crypto/bytes';
import { verifySignature, signBytes } from '../../../lib/proof/signing-key';
import { enableEncryption, disableEncryption } from '../../../lib/storage/encryption-conversion';
import { EvidenceStore, StorageError } from '../../../lib/storage/evidence-store';
import { keyCipher, SEALED_FIELD } from '../../../lib/storage/sealing';
import { INSTALLATION_KEY_ID } from '../../../lib/storage/signing-keys';
import { TEST_KDF } from './encryption-helpers';
import { openTestStore, tickingClock } from './helpers';

async function rawKeyRecord(name: string): Promise<Record<string, unknown>> {
  const db = await openDB(name);
  const record = (await db.get('keys', INSTALLATION_KEY_ID)) as Record<string, unknown>;
  db.close();
  return record;
}

describe('installation key in the store', () => {
  it('is made at first use, then the same key for every store on the database', async () => {
    const { db, store } = await openTestStore();
    expect(await store.installationFingerprint()).toBeNull();
    const key = await store.installationKey();
    expect(key.privateKey.extractable).toBe(false);
    expect(await store.installationFingerprint()).toBe(key.fingerprint);

    const other = new EvidenceStore(db, { now: tickingClock() });
    const again = await other.installationKey();
    expect(again.fingerprint).toBe(key.fingerprint);
    const data = new TextEncoder().encode('signed here, checked there');
    expect(await verifySignature(key.spki, data, await signBytes(again.privateKey, data))).toBe(true);
  });

  it('is made once when two pages ask at the same moment', async () => {
    const { db } = await openTestStore();
    const a = new EvidenceStore(db);
    const b = new EvidenceStore(db);
    const [first, second] = await Promise.all([a.installationKey(), b.installationKey()]);
    expect(second.fingerprint).toBe(first.fingerprint);
    expect(await db.count('keys')).toBe(1);
  });

  it('keeps the private key in clear without a passphrase, sealed with one (set before or after it was made)', async () => {
    const { db, name, store } = await openTestStore();
    const key = await store.installationKey();
    expect(await rawKeyRecord(name)).toMatchObject({ id: INSTALLATION_KEY_ID, fingerprint: key.fingerprint, spki: toBase64(key.spki) });
    expect(typeof (await rawKeyRecord(name)).pkcs8).toBe('string');

    const { dataKey } = await enableEncryption(db, 'pass phrase', TEST_KDF);
    const sealed = await rawKeyRecord(name);
    expect(sealed.pkcs8).toBeUndefined();
    expect(sealed[SEALED_FIELD]).toBeDefined();
    expect(sealed).toMatchObject({ fingerprint: key.fingerprint, spki: toBase64(key.spki) });

    const unlocked = new EvidenceStore(db, { cipher: keyCipher(dataKey) });
    expect((await unlocked.installationKey()).fingerprint).toBe(key.fingerprint);
    const locked = new EvidenceStore(db);
    await expect(locked.installationKey()).rejects.toMatchObject({ code: 'locked' });
    await expect(locked.installationKey()).rejects.toBeInstanceOf(StorageError);
    expect(await locked.installationFingerprint()).toBe(key.fingerprint);

    await disableEncryption(db, 'pass phrase');
    expect(typeof (await rawKeyRecord(name)).pkcs8).toBe('string');
    expect((await new EvidenceStore(db).installationKey()).fingerprint).toBe(key.fingerprint);
  });

  it('is made sealed when a passphrase is already set, and not at all while locked', async () => {
    const { db, name } = await openTestStore();
    const { dataKey } = await enableEncryption(db, 'pass phrase', TEST_KDF);
    await expect(new EvidenceStore(db).installationKey()).rejects.toMatchObject({ code: 'locked' });
    expect(await db.count('keys')).toBe(0);
    const key = await new EvidenceStore(db, { cipher: keyCipher(dataKey) }).installationKey();
    const raw = await rawKeyRecord(name);
    expect(raw.pkcs8).toBeUndefined();
    expect(raw.fingerprint).toBe(key.fingerprint);
  });
});
