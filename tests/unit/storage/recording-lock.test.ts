/**
 * A recording stopped by a lock or quick exit (lib/storage/recordings.ts, HeldKeyCipher of sealing.ts): the key
 * is forgotten mid-recording, yet the last chunks and the record are sealed with the key the writer started with,
 * and the writer forgets that key once finished or abandoned.
 */
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';
import { describe, expect, it } from 'vitest';
import { EvidenceStore } from '../../../lib/storage/evidence-store';
import { HeldKeyCipher, isSealed, keyCipher, NO_CIPHER, type EvidenceCipher } from '../../../lib/storage/sealing';
import { enableEncryption } from '../../../lib/storage/encryption-conversion';
import { rawDump, TEST_KDF } from './encryption-helpers';
import { openTestStore, tickingClock } from './helpers';
import { CHUNK, collect, CONTEXT, feed, finish, PASS, start, videoBytes } from './recording-helpers';

/** A key session that can be locked, as lib/crypto/session.ts is by auto-lock or quick exit. */
function lockableCipher(key: CryptoKey): EvidenceCipher & { lock(): void } {
  let current: CryptoKey | null = key;
  return {
    key: () => Promise.resolve(current),
    lock: () => {
      current = null;
    },
  };
}

async function lockableStore() {
  const { db, store: plain, name } = await openTestStore();
  const caseRecord = await plain.ensureDefaultCase();
  const { dataKey } = await enableEncryption(db, PASS, TEST_KDF);
  const cipher = lockableCipher(dataKey);
  const store = new EvidenceStore(db, { now: tickingClock(), cipher });
  return { db, name, store, cipher, dataKey, caseId: caseRecord.id };
}

describe('a recording whose key is forgotten mid-recording (lock, quick exit)', () => {
  it('appends and finishes with the key it started with: one whole sealed recording, readable after unlocking', async () => {
    const { db, name, store, cipher, dataKey, caseId } = await lockableStore();
    const bytes = videoBytes(CHUNK * 5 + 321);
    const writer = await store.startRecording(start(caseId), CONTEXT);
    await feed(writer, bytes.subarray(0, CHUNK * 2));
    cipher.lock();
    // The store itself is locked now: a new recording cannot start.
    await expect(store.startRecording(start(caseId), CONTEXT)).rejects.toMatchObject({ code: 'locked' });
    // The recorder flushes its last pieces after the lock, then finishes.
    await feed(writer, bytes.subarray(CHUNK * 2));
    const record = await writer.finish({ ...finish, endedBy: 'locked' });

    expect(record.files[0]).toMatchObject({ size: bytes.length, sha256: bytesToHex(sha256(bytes)) });
    expect(await db.count('recordings')).toBe(0);
    expect((await db.getAll('chunks')).every(isSealed)).toBe(true);
    expect((await db.getAll('captures')).every(isSealed)).toBe(true);
    expect((await db.getAll('files')).every(isSealed)).toBe(true);
    const dump = await rawDump(name);
    expect(dump).not.toContain('tiktok.com');
    expect(dump).not.toContain(Buffer.from(bytes.subarray(CHUNK * 4, CHUNK * 4 + 40)).toString('latin1'));

    const unlocked = new EvidenceStore(db, { cipher: keyCipher(dataKey) });
    const captures = await unlocked.listCaptures(caseId);
    expect(captures.map((capture) => [capture.id, capture.recording?.endedBy, capture.recording?.partial])).toEqual([[writer.captureId, 'locked', false]]);
    expect(await collect(unlocked.readFileChunks(writer.fileId))).toEqual(bytes);
    expect(await unlocked.verifyCase(caseId)).toEqual([]);
    expect((await unlocked.auditTrail(caseId)).at(-1)).toMatchObject({ action: 'capture', details: { endedBy: 'locked' } });
  });

  it('abandon after the lock removes every chunk; the key is not needed for it', async () => {
    const { db, store, cipher, caseId } = await lockableStore();
    const writer = await store.startRecording(start(caseId), CONTEXT);
    await feed(writer, videoBytes(CHUNK * 3));
    cipher.lock();
    await writer.abandon();
    expect(await db.count('chunks')).toBe(0);
    expect(await db.count('recordings')).toBe(0);
  });

  it('a recording started while locked is refused, nothing stored', async () => {
    const { db, store, cipher, caseId } = await lockableStore();
    cipher.lock();
    await expect(store.startRecording(start(caseId), CONTEXT)).rejects.toMatchObject({ code: 'locked' });
    expect(await db.count('recordings')).toBe(0);
  });
});

describe('HeldKeyCipher', () => {
  it('asks the live source first, falls back to the held key, and forgets it on drop', async () => {
    const { dataKey } = await enableEncryption((await openTestStore()).db, PASS, TEST_KDF);
    const other = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    const live = lockableCipher(other);
    const held = new HeldKeyCipher(live, dataKey);
    expect(await held.key()).toBe(other);
    live.lock();
    expect(await held.key()).toBe(dataKey);
    held.drop();
    expect(await held.key()).toBeNull();
    expect(await new HeldKeyCipher(NO_CIPHER, null).key()).toBeNull();
  });
});
