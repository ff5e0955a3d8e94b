/**
 * The receiving key as stored: made once at first use, the public key readable while locked, the private key sealed
 * exactly like the signing key's (before or after a passphrase is set), replaceable by a key read from a file.
 */
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { generateAgeIdentity } from '../../../lib/crypto/age-keys';
import { decryptStream, encryptStream } from '../../../lib/crypto/age-stream';
import { disableEncryption, enableEncryption } from '../../../lib/storage/encryption-conversion';
import { EvidenceStore } from '../../../lib/storage/evidence-store';
import { RECEIVING_KEY_ID } from '../../../lib/storage/receiving-keys';
import { keyCipher, SEALED_FIELD } from '../../../lib/storage/sealing';
import { TEST_KDF } from './encryption-helpers';
import { openTestStore } from './helpers';

async function rawRecord(name: string): Promise<Record<string, unknown>> {
  const db = await openDB(name);
  const record = (await db.get('keys', RECEIVING_KEY_ID)) as Record<string, unknown>;
  db.close();
  return record;
}

describe('receiving key in the store', () => {
  it('is made at first use, once even when two pages ask at once, and opens what is sent to it', async () => {
    const { db, store } = await openTestStore();
    expect(await store.receivingRecipient()).toBeNull();
    const [a, b] = await Promise.all([store.receivingKey(generateAgeIdentity), new EvidenceStore(db).receivingKey(generateAgeIdentity)]);
    expect(b).toEqual(a);
    expect(a.recipient).toMatch(/^age1[a-z0-9]{58}$/);
    expect(a.identity).toMatch(/^AGE-SECRET-KEY-1/);
    expect(await store.receivingRecipient()).toBe(a.recipient);
    // Next to the signing key, which it leaves alone.
    await store.installationKey();
    expect(await db.count('keys')).toBe(2);

    const data = new TextEncoder().encode('the bundle');
    const sealed = await new Response(
      await encryptStream(new Blob([data]).stream(), { kind: 'recipients', recipients: [a.recipient] }),
    ).arrayBuffer();
    const opened = await decryptStream(new Blob([sealed]).stream(), sealed.byteLength, { identities: [(await store.receivingKey(generateAgeIdentity)).identity] });
    expect(new Uint8Array(await new Response(opened).arrayBuffer())).toEqual(data);
  });

  it('keeps the private key sealed with a passphrase (set before or after), the public key readable while locked', async () => {
    const { db, name, store } = await openTestStore();
    const key = await store.receivingKey(generateAgeIdentity);
    expect(await rawRecord(name)).toMatchObject({ identity: key.identity, recipient: key.recipient });

    const { dataKey } = await enableEncryption(db, 'pass phrase', TEST_KDF);
    const raw = await rawRecord(name);
    expect(raw.identity).toBeUndefined();
    expect(raw[SEALED_FIELD]).toBeDefined();
    expect(JSON.stringify(raw)).not.toContain(key.identity);
    expect(raw.recipient).toBe(key.recipient);

    const locked = new EvidenceStore(db);
    expect(await locked.receivingRecipient()).toBe(key.recipient);
    await expect(locked.receivingKey(generateAgeIdentity)).rejects.toMatchObject({ code: 'locked' });
    expect(await new EvidenceStore(db, { cipher: keyCipher(dataKey) }).receivingKey(generateAgeIdentity)).toEqual(key);

    await disableEncryption(db, 'pass phrase');
    expect((await rawRecord(name)).identity).toBe(key.identity);
  });

  it('is made sealed when a passphrase is already set, and not at all while locked', async () => {
    const { db, name } = await openTestStore();
    const { dataKey } = await enableEncryption(db, 'pass phrase', TEST_KDF);
    await expect(new EvidenceStore(db).receivingKey(generateAgeIdentity)).rejects.toMatchObject({ code: 'locked' });
    expect(await db.count('keys')).toBe(0);
    const key = await new EvidenceStore(db, { cipher: keyCipher(dataKey) }).receivingKey(generateAgeIdentity);
    const raw = await rawRecord(name);
    expect(raw.identity).toBeUndefined();
    expect(raw.recipient).toBe(key.recipient);
  });

  it('is replaced by a key read back from a file (sealed too)', async () => {
    const { db, name } = await openTestStore();
    const { dataKey } = await enableEncryption(db, 'pass phrase', TEST_KDF);
    const store = new EvidenceStore(db, { cipher: keyCipher(dataKey) });
    const first = await store.receivingKey(generateAgeIdentity);
    const fromFile = await generateAgeIdentity();
    const replaced = await store.replaceReceivingKey(fromFile);
    expect(replaced).toMatchObject(fromFile);
    expect(await store.receivingKey(generateAgeIdentity)).toMatchObject(fromFile);
    expect(await store.receivingRecipient()).not.toBe(first.recipient);
    expect((await rawRecord(name)).identity).toBeUndefined();
    await expect(new EvidenceStore(db).replaceReceivingKey(fromFile)).rejects.toMatchObject({ code: 'locked' });
  });
});
