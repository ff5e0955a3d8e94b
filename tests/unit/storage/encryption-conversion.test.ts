/**
 * Turning encryption on and off, interrupted after every possible batch: resumed or rolled back, everything is
 * readable and nothing is lost. Key derivations use few PBKDF2 iterations (TEST_KDF) for speed.
 */
import { describe, expect, it } from 'vitest';
import { WrongPassphraseError } from '../../../lib/crypto/keys';
import type { EvidenceDb } from '../../../lib/storage/db';
import {
  changePassphrase,
  conversionPending,
  disableEncryption,
  enableEncryption,
  EncryptionStateError,
  readEncryptionState,
  resumeConversion,
  reverseConversion,
  unlockEvidence,
  type ConversionOptions,
} from '../../../lib/storage/encryption-conversion';
import { EvidenceStore } from '../../../lib/storage/evidence-store';
import { ENCRYPTION_SETTING, isSealed, keyCipher, NO_CIPHER, SEALABLE_STORES } from '../../../lib/storage/sealing';
import { rawDump, TEST_KDF } from './encryption-helpers';
import { makeCapture, openTestStore, tickingClock } from './helpers';

const PASS = 'our long pass phrase';
const BATCH = { batchSize: 2 };

/** Two cases, three captures with three files each, notes, a report, a default case: in clear. */
async function filledDb() {
  const { db, store, name } = await openTestStore();
  const first = await store.ensureDefaultCase({ title: 'Case of Jan Peeters' });
  const second = await store.createCase({ title: 'Second', capturerRole: 'staff', notes: 'staff notes' });
  for (const caseRecord of [first, first, second]) {
    const capture = await makeCapture(caseRecord.id);
    await store.saveCapture(capture.record, capture.files, 'victim');
    await store.addCaptureNote(capture.record.id, `note on ${capture.record.id}`, 'victim');
  }
  await store.saveReport({ caseId: second.id, platform: 'x', status: 'reported', reference: 'R-1' }, 'staff');
  return { db, name, before: await contents(store) };
}

/** Everything the store shows, with file contents as text: the thing that must survive every conversion. */
async function contents(store: EvidenceStore) {
  const cases = await store.listCases();
  const perCase = [];
  for (const caseRecord of cases) {
    const captures = await store.listCaptures(caseRecord.id);
    const files = [];
    for (const capture of captures) {
      for (const file of await store.getFiles(capture.id)) {
        const { blob, ...meta } = file;
        files.push({ ...meta, type: blob.type, text: await blob.text() });
      }
    }
    perCase.push({
      caseRecord,
      captures,
      files,
      trail: await store.auditTrail(caseRecord.id),
      reports: await store.listReports(caseRecord.id),
      problems: await store.verifyCase(caseRecord.id),
    });
  }
  return { cases: perCase, defaultCase: (await store.ensureDefaultCase()).id };
}

async function sealedCounts(db: EvidenceDb): Promise<{ sealed: number; clear: number }> {
  let sealed = 0;
  let clear = 0;
  for (const store of SEALABLE_STORES) {
    for (const value of await db.getAll(store)) {
      if (isSealed(value)) sealed++;
      else clear++;
    }
  }
  return { sealed, clear };
}

class Interrupted extends Error {}

function interruptAfter(batches: number): ConversionOptions {
  return {
    ...BATCH,
    afterBatch: (done) => {
      if (done === batches) throw new Interrupted(`stopped after ${batches} batches`);
    },
  };
}

function storeWith(db: EvidenceDb, key: CryptoKey | null) {
  return new EvidenceStore(db, { now: tickingClock(Date.UTC(2027, 0, 1)), cipher: key ? keyCipher(key) : NO_CIPHER });
}

async function countBatches(run: (options: ConversionOptions) => Promise<unknown>): Promise<number> {
  let batches = 0;
  await run({ ...BATCH, afterBatch: (done) => (batches = done) });
  return batches;
}

/**
 * The two tests below fill a new database for every batch boundary, and each fill's writes are followed by the
 * signing of their audit entries (lib/storage/audit-signatures.ts): more than the default 5 s on a busy machine.
 */
const LOOP_TIMEOUT_MS = 20_000;

describe('turning encryption on', () => {
  it('seals every record and keeps every piece of data', async () => {
    const { db, before } = await filledDb();
    const { dataKey } = await enableEncryption(db, PASS, { ...TEST_KDF, ...BATCH });
    expect((await readEncryptionState(db)).mode).toBe('on');
    expect((await sealedCounts(db)).clear).toBe(0);
    expect(await contents(storeWith(db, dataKey))).toEqual(before);
  });

  it('interrupted after each batch: readable meanwhile, then resumed, nothing lost', async () => {
    const total = await countBatches(async (options) => {
      const { db } = await filledDb();
      await enableEncryption(db, PASS, { ...TEST_KDF, ...options });
    });
    expect(total).toBeGreaterThan(5);
    for (let k = 1; k < total; k++) {
      const { db, before } = await filledDb();
      let key: CryptoKey | null = null;
      await expect(
        enableEncryption(db, PASS, { ...TEST_KDF, ...interruptAfter(k), onKey: ({ dataKey }) => void (key = dataKey) }),
      ).rejects.toBeInstanceOf(Interrupted);
      const state = await readEncryptionState(db);
      expect(state.mode, `after ${k}`).toBe('encrypting');
      expect(conversionPending(state)).toBe(true);
      const mixed = await sealedCounts(db);
      expect(mixed.sealed, `after ${k}`).toBeGreaterThan(0);
      expect(mixed.clear, `after ${k}`).toBeGreaterThan(0);
      // Half converted, everything reads (with the key) as before.
      expect(await contents(storeWith(db, key)), `after ${k}`).toEqual(before);
      // Next unlock: the passphrase gives the same key, and the conversion resumes to the end.
      const unlocked = await unlockEvidence(db, PASS);
      expect((await resumeConversion(db, unlocked.dataKey, BATCH)).mode).toBe('on');
      expect((await sealedCounts(db)).clear).toBe(0);
      expect(await contents(storeWith(db, unlocked.dataKey)), `after ${k}`).toEqual(before);
    }
  }, LOOP_TIMEOUT_MS);

  it('interrupted, then rolled back: clear again, keyring gone, nothing lost', async () => {
    for (const k of [1, 4]) {
      const { db, before } = await filledDb();
      let key: CryptoKey | null = null;
      await expect(
        enableEncryption(db, PASS, { ...TEST_KDF, ...interruptAfter(k), onKey: ({ dataKey }) => void (key = dataKey) }),
      ).rejects.toBeInstanceOf(Interrupted);
      await reverseConversion(db, key!, BATCH);
      expect(await readEncryptionState(db)).toEqual({ mode: 'off' });
      expect(await db.get('settings', ENCRYPTION_SETTING)).toBeUndefined();
      expect((await sealedCounts(db)).sealed).toBe(0);
      expect(await contents(storeWith(db, null))).toEqual(before);
    }
  });

  it('writes made while a conversion is pending are already sealed; the rest follows on resume', async () => {
    const { db } = await filledDb();
    let key: CryptoKey | null = null;
    await expect(
      enableEncryption(db, PASS, { ...TEST_KDF, ...interruptAfter(1), onKey: ({ dataKey }) => void (key = dataKey) }),
    ).rejects.toBeInstanceOf(Interrupted);
    const store = storeWith(db, key);
    const caseId = (await store.ensureDefaultCase()).id;
    const capture = await makeCapture(caseId);
    await store.saveCapture(capture.record, capture.files, 'victim');
    expect(isSealed(await db.get('captures', capture.record.id))).toBe(true);
    // A context without the key cannot write in clear any more.
    await expect(storeWith(db, null).createCase({ title: 'x', capturerRole: 'victim' })).rejects.toMatchObject({
      code: 'locked',
    });
    await resumeConversion(db, key!, BATCH);
    expect((await sealedCounts(db)).clear).toBe(0);
    expect(await store.verifyCase(caseId)).toEqual([]);
  });

  it('refuses to set a passphrase twice', async () => {
    const { db } = await filledDb();
    await enableEncryption(db, PASS, TEST_KDF);
    await expect(enableEncryption(db, 'another', TEST_KDF)).rejects.toBeInstanceOf(EncryptionStateError);
  });
});

describe('turning encryption off', () => {
  it('interrupted after each batch, then resumed: all in clear, keyring gone, nothing lost', async () => {
    const prepare = async () => {
      const filled = await filledDb();
      await enableEncryption(filled.db, PASS, TEST_KDF);
      return filled;
    };
    const total = await countBatches(async (options) => disableEncryption((await prepare()).db, PASS, options));
    expect(total).toBeGreaterThan(5);
    for (let k = 1; k < total; k++) {
      const { db, before } = await prepare();
      await expect(disableEncryption(db, PASS, interruptAfter(k))).rejects.toBeInstanceOf(Interrupted);
      expect((await readEncryptionState(db)).mode).toBe('decrypting');
      const { dataKey } = await unlockEvidence(db, PASS);
      expect(await contents(storeWith(db, dataKey)), `after ${k}`).toEqual(before);
      // A write meanwhile is in clear.
      const capture = await makeCapture(before.defaultCase);
      await storeWith(db, dataKey).saveCapture(capture.record, capture.files, 'victim');
      expect(isSealed(await db.get('captures', capture.record.id))).toBe(false);

      await resumeConversion(db, dataKey, BATCH);
      expect(await readEncryptionState(db)).toEqual({ mode: 'off' });
      expect((await sealedCounts(db)).sealed).toBe(0);
      const after = await contents(storeWith(db, null));
      expect(after.cases.flatMap((entry) => entry.problems)).toEqual([]);
      expect(after.cases.map((entry) => entry.caseRecord)).toEqual(before.cases.map((entry) => entry.caseRecord));
    }
  }, LOOP_TIMEOUT_MS);

  it('interrupted, then rolled back: sealed again', async () => {
    const { db, before } = await filledDb();
    await enableEncryption(db, PASS, TEST_KDF);
    await expect(disableEncryption(db, PASS, interruptAfter(3))).rejects.toBeInstanceOf(Interrupted);
    const { dataKey } = await unlockEvidence(db, PASS);
    await reverseConversion(db, dataKey, BATCH);
    expect((await readEncryptionState(db)).mode).toBe('on');
    expect((await sealedCounts(db)).clear).toBe(0);
    expect(await contents(storeWith(db, dataKey))).toEqual(before);
  });
});

describe('passphrase checks and changes', () => {
  it('a wrong passphrase changes nothing, whatever is asked', async () => {
    const { db, name } = await filledDb();
    await enableEncryption(db, PASS, TEST_KDF);
    const raw = await rawDump(name);
    await expect(unlockEvidence(db, 'wrong')).rejects.toBeInstanceOf(WrongPassphraseError);
    await expect(disableEncryption(db, 'wrong')).rejects.toBeInstanceOf(WrongPassphraseError);
    await expect(changePassphrase(db, 'wrong', 'new pass', TEST_KDF)).rejects.toBeInstanceOf(WrongPassphraseError);
    expect(await rawDump(name)).toBe(raw);
    expect((await readEncryptionState(db)).mode).toBe('on');
  });

  it('changing the passphrase re-wraps the key only: one settings write, every capture kept', async () => {
    const { db, name, before } = await filledDb();
    await enableEncryption(db, PASS, TEST_KDF);
    const evidenceBefore = await evidenceOnly(db);
    const old = await readEncryptionState(db);
    const keyring = await changePassphrase(db, PASS, 'a new pass phrase', TEST_KDF);
    const state = await readEncryptionState(db);
    expect(state).toEqual({ mode: 'on', keyring });
    expect(old.mode !== 'off' && keyring.keyId === old.keyring.keyId).toBe(true);
    expect(await evidenceOnly(db)).toEqual(evidenceBefore);
    await expect(unlockEvidence(db, PASS)).rejects.toBeInstanceOf(WrongPassphraseError);
    const { dataKey } = await unlockEvidence(db, 'a new pass phrase');
    expect(await contents(storeWith(db, dataKey))).toEqual(before);
    expect(await rawDump(name)).not.toContain(PASS);
  });

  it('needs a passphrase to be set before unlocking, changing or removing it', async () => {
    const { db } = await filledDb();
    await expect(unlockEvidence(db, PASS)).rejects.toBeInstanceOf(EncryptionStateError);
    await expect(changePassphrase(db, PASS, 'x', TEST_KDF)).rejects.toBeInstanceOf(EncryptionStateError);
  });
});

/** The raw sealed records (not settings), to show a passphrase change leaves them untouched. */
async function evidenceOnly(db: EvidenceDb) {
  const out: Record<string, unknown[]> = {};
  for (const store of SEALABLE_STORES) out[store] = await db.getAll(store);
  return out;
}
