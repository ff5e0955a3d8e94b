/**
 * Confirmed senders (lib/storage/senders.ts): recorded as the person states it, renamed, withdrawn; refused when
 * the fingerprint or name is not one; sealed under a passphrase, and converted with the rest when one is set.
 */
import { describe, expect, it } from 'vitest';
import { enableEncryption } from '../../../lib/storage/encryption-conversion';
import { EvidenceStore, StorageError } from '../../../lib/storage/evidence-store';
import { keyCipher, NO_CIPHER } from '../../../lib/storage/sealing';
import { normalizeFingerprint } from '../../../lib/storage/senders';
import { rawDump, TEST_KDF } from './encryption-helpers';
import { openTestStore, tickingClock } from './helpers';

const HEX = '0123456789abcdef'.repeat(4);
const FINGERPRINT = '0123 4567 89AB CDEF 0123 4567 89AB CDEF 0123 4567 89AB CDEF 0123 4567 89AB CDEF';

describe('confirmed senders', () => {
  it('records, renames and withdraws a confirmation; any typed form of the fingerprint is the same sender', async () => {
    const { store } = await openTestStore();
    expect(normalizeFingerprint(HEX)).toBe(FINGERPRINT);
    expect(normalizeFingerprint(HEX.match(/../g)!.join(':'))).toBe(FINGERPRINT);
    expect(normalizeFingerprint('0123 4567')).toBeNull();

    const first = await store.confirmSender({ fingerprint: HEX, name: 'Marie (institute)' });
    expect(first).toEqual({ id: FINGERPRINT, name: 'Marie (institute)', confirmedAt: '2026-11-28T15:00:00.000Z' });
    const renamed = await store.confirmSender({ fingerprint: FINGERPRINT.toLowerCase(), name: 'Marie, IEFH' });
    expect(renamed.confirmedAt > first.confirmedAt).toBe(true);
    expect(await store.listSenders()).toEqual([renamed]);
    await store.forgetSender(FINGERPRINT);
    expect(await store.confirmedSender(FINGERPRINT)).toBeUndefined();
  });

  it('refuses what is not a fingerprint, and names that are empty, too long or hold control characters', async () => {
    const { store } = await openTestStore();
    for (const input of [
      { fingerprint: 'not a fingerprint', name: 'x' },
      { fingerprint: HEX, name: '   ' },
      { fingerprint: HEX, name: 'x'.repeat(201) },
      { fingerprint: HEX, name: 'invoice\u202Egnp.exe' },
      { fingerprint: HEX, name: 'two\nlines' },
    ]) {
      await expect(store.confirmSender(input), JSON.stringify(input.name)).rejects.toBeInstanceOf(StorageError);
    }
    expect(await store.listSenders()).toEqual([]);
  });

  it('keeps the name and date sealed under a passphrase, and seals those confirmed before it was set', async () => {
    const { db, name } = await openTestStore();
    const before = new EvidenceStore(db, { now: tickingClock(), cipher: NO_CIPHER });
    await before.confirmSender({ fingerprint: HEX, name: 'Before Passphrase' });
    const { dataKey } = await enableEncryption(db, 'pass phrase', TEST_KDF);
    const store = new EvidenceStore(db, { now: tickingClock(), cipher: keyCipher(dataKey) });
    await store.confirmSender({ fingerprint: 'f'.repeat(64), name: 'After Passphrase' });
    const raw = await rawDump(name);
    expect(raw).not.toContain('Before Passphrase');
    expect(raw).not.toContain('After Passphrase');
    expect(raw).toContain(FINGERPRINT);
    expect((await store.listSenders()).map((sender) => sender.name)).toEqual(['After Passphrase', 'Before Passphrase']);
    await expect(new EvidenceStore(db, { cipher: NO_CIPHER }).listSenders()).rejects.toMatchObject({ code: 'locked' });
  });
});
