/**
 * Encryption at rest through EvidenceStore: what lands in IndexedDB (read raw), reading back, locked stores, the
 * audit chain over plaintext, a 10 MB capture. Key derivations use few PBKDF2 iterations (TEST_KDF) for speed;
 * the production default (>= 600,000) is tested in tests/unit/crypto/keys.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../lib/evidence/hash';
import type { StoredFile } from '../../../lib/evidence/types';
import { verifyChain } from '../../../lib/storage/audit';
import { openEvidenceDb } from '../../../lib/storage/db';
import { enableEncryption, readEncryptionState } from '../../../lib/storage/encryption-conversion';
import { EvidenceStore, StorageError } from '../../../lib/storage/evidence-store';
import { ENCRYPTION_SETTING, isSealed, keyCipher, NO_CIPHER, SEALED_FIELD } from '../../../lib/storage/sealing';
import { rawDump, TEST_KDF } from './encryption-helpers';
import { makeCapture, openTestStore, tickingClock } from './helpers';

const SECRETS = [
  'Jan Peeters',
  'x.com/someone',
  'A post',
  'private note text',
  'REF-SECRET-123',
  'they refused',
  'Helper Name',
  'Europe/Brussels',
  'PNG pixels of the page',
  '<html>',
  'image/png',
];

async function fill(store: EvidenceStore) {
  const caseRecord = await store.createCase({
    title: 'Case about Jan Peeters',
    capturerRole: 'helper',
    capturerName: 'Helper Name',
    notes: 'private note text in the case',
  });
  const capture = await makeCapture(caseRecord.id);
  await store.saveCapture(capture.record, capture.files, 'helper');
  await store.addCaptureNote(capture.record.id, 'private note text', 'helper');
  await store.saveReport(
    { caseId: caseRecord.id, platform: 'x', status: 'refused', reference: 'REF-SECRET-123', answer: 'they refused' },
    'helper',
  );
  return { caseRecord, capture };
}

async function encryptedStore() {
  const { db, name } = await openTestStore();
  const { dataKey } = await enableEncryption(db, 'pass phrase', TEST_KDF);
  const store = new EvidenceStore(db, { now: tickingClock(), cipher: keyCipher(dataKey) });
  return { db, name, store, dataKey };
}

describe('encryption at rest', () => {
  it('leaves no person, URL, title, note, reference, MIME type or file byte readable in IndexedDB', async () => {
    const { name, store } = await encryptedStore();
    const { caseRecord, capture } = await fill(store);
    const raw = await rawDump(name);
    for (const secret of SECRETS) expect(raw, secret).not.toContain(secret);
    // What stays in clear: ids, times, hashes.
    expect(raw).toContain(capture.record.id);
    expect(raw).toContain(caseRecord.id);
    expect(raw).toContain(capture.files[0]!.sha256);
  });

  it('reads everything back as it was written, and the case verifies', async () => {
    const { store } = await encryptedStore();
    const { caseRecord, capture } = await fill(store);
    expect(await store.listCases()).toEqual([caseRecord]);
    expect(await store.getCase(caseRecord.id)).toEqual(caseRecord);
    const [record] = await store.listCaptures(caseRecord.id);
    expect(record).toEqual({ ...capture.record, notes: 'private note text' });
    expect(await store.getCapture(capture.record.id)).toEqual(record);
    const files = await store.getFiles(capture.record.id);
    expect(files.map((file) => file.name)).toEqual(capture.files.map((file) => file.name));
    for (const [index, file] of files.entries()) {
      expect(file.blob.type).toBe(capture.files[index]!.mime);
      expect(await file.blob.text()).toBe(await capture.files[index]!.blob.text());
    }
    expect((await store.getFiles(capture.record.id, 'thumbnail')).map((file) => file.role)).toEqual(['thumbnail']);
    expect((await store.getFile(files[1]!.id))?.mime).toBe('text/html');
    expect(await store.listReports(caseRecord.id)).toMatchObject([{ reference: 'REF-SECRET-123', answer: 'they refused' }]);
    const trail = await store.auditTrail(caseRecord.id);
    expect(trail.map((entry) => entry.action)).toEqual(['case-create', 'capture', 'note', 'report-update']);
    expect(trail[1]!.details.url).toBe(capture.record.finalUrl);
    expect(verifyChain(trail)).toEqual([]);
    expect(await store.verifyCase(caseRecord.id)).toEqual([]);
  });

  it('hashes audit entries over the plaintext: sealed entries keep the chain fields in clear', async () => {
    const { db, store } = await encryptedStore();
    const { caseRecord } = await fill(store);
    const raw = await db.getAll('audit');
    expect(raw.every((entry) => isSealed(entry) && !('details' in entry))).toBe(true);
    const plain = await store.auditTrail(caseRecord.id);
    expect(raw.map((entry) => entry.hash)).toEqual(plain.map((entry) => entry.hash));
    expect(raw.map((entry) => entry.prevHash)).toEqual(plain.map((entry) => entry.prevHash));
  });

  it('updates, moves and deletes sealed records, keeping them sealed', async () => {
    const { db, store } = await encryptedStore();
    const { caseRecord, capture } = await fill(store);
    const other = await store.createCase({ title: 'Other case', capturerRole: 'victim' });
    expect((await store.updateCase(caseRecord.id, { title: 'Renamed Jan Peeters' }, 'helper')).title).toBe(
      'Renamed Jan Peeters',
    );
    expect(await store.updateCase(caseRecord.id, { title: 'Renamed Jan Peeters' }, 'helper')).toMatchObject({
      notes: 'private note text in the case',
    });
    const moved = await store.moveCapture(capture.record.id, other.id, 'helper');
    expect(moved).toMatchObject({ caseId: other.id, finalUrl: capture.record.finalUrl, notes: 'private note text' });
    expect(await store.listCaptures(other.id)).toEqual([moved]);
    expect(await store.verifyCase(other.id)).toEqual([]);
    expect(await store.verifyCase(caseRecord.id)).toEqual([]);
    for (const store of ['cases', 'captures', 'files'] as const) {
      expect((await db.getAll(store)).every((value) => SEALED_FIELD in value)).toBe(true);
    }
    await store.deleteCapture(capture.record.id, 'helper');
    expect(await store.listCaptures(other.id)).toEqual([]);
    expect(await db.count('files')).toBe(0);
    expect((await store.auditTrail(other.id)).at(-1)).toMatchObject({ action: 'delete', details: { url: capture.record.finalUrl } });
  });

  it('ensureDefaultCase creates and returns a sealed default case', async () => {
    const { db, store } = await encryptedStore();
    const created = await store.ensureDefaultCase({ title: 'Default for Jan Peeters' });
    expect(created.title).toBe('Default for Jan Peeters');
    expect(await store.ensureDefaultCase()).toEqual(created);
    expect(isSealed(await db.get('cases', created.id))).toBe(true);
  });

  it('a store without the key reports locked, for reads and writes, and writes nothing', async () => {
    const { db, name, store } = await encryptedStore();
    const { caseRecord } = await fill(store);
    const locked = new EvidenceStore(db, { cipher: NO_CIPHER });
    const before = await rawDump(name);
    await expect(locked.listCases()).rejects.toMatchObject({ code: 'locked' });
    await expect(locked.auditTrail(caseRecord.id)).rejects.toBeInstanceOf(StorageError);
    const next = await makeCapture(caseRecord.id);
    await expect(locked.saveCapture(next.record, next.files, 'victim')).rejects.toMatchObject({ code: 'locked' });
    await expect(locked.createCase({ title: 'New', capturerRole: 'victim' })).rejects.toMatchObject({ code: 'locked' });
    expect(await rawDump(name)).toBe(before);
  });

  it('a write prepared under one encryption mode is redone if the mode changed before its transaction', async () => {
    const { db, dataKey } = await encryptedStore();
    const state = await readEncryptionState(db);
    let switched = false;
    const racing = new EvidenceStore(db, {
      now: tickingClock(),
      cipher: {
        key: async () => {
          // Another page starts removing the passphrase right after this write read the mode 'on'.
          if (!switched && state.mode !== 'off') {
            switched = true;
            await db.put('settings', { key: ENCRYPTION_SETTING, value: { mode: 'decrypting', keyring: state.keyring } });
          }
          return dataKey;
        },
      },
    });
    const created = await racing.createCase({ title: 'Written during the switch', capturerRole: 'victim' });
    expect(switched).toBe(true);
    // Prepared sealed under 'on', redone in clear under 'decrypting': the record matches the mode it landed in.
    expect(isSealed(await db.get('cases', created.id))).toBe(false);
    expect((await racing.auditTrail(created.id)).map((entry) => entry.action)).toEqual(['case-create']);
  });

  it('without a passphrase, writes stay in clear (no-op cipher)', async () => {
    const { db, store, name } = await openTestStore();
    await fill(store);
    expect((await readEncryptionState(db)).mode).toBe('off');
    // The raw scan used above does see the secrets when they are stored in clear.
    const raw = await rawDump(name);
    for (const secret of SECRETS) expect(raw, secret).toContain(secret);
    expect((await db.getAll('captures')).some((value) => isSealed(value))).toBe(false);
  });

  it('stores and reads back a 10 MB capture', async () => {
    const { store, name } = await encryptedStore();
    const caseRecord = await store.createCase({ title: 'Big', capturerRole: 'victim' });
    const bytes = new Uint8Array(10 * 1024 * 1024);
    for (let i = 0; i < bytes.length; i += 65536) crypto.getRandomValues(bytes.subarray(i, i + 65536));
    const blob = new Blob([bytes], { type: 'image/png' });
    const capture = await makeCapture(caseRecord.id, { files: [{ role: 'screenshot', text: 'x' }] });
    const file: StoredFile = { ...capture.files[0]!, mime: 'image/png', size: blob.size, sha256: await sha256Hex(blob), blob };
    const { blob: _blob, ...meta } = file;
    const started = performance.now();
    await store.saveCapture({ ...capture.record, files: [meta] }, [file], 'victim');
    const saved = performance.now() - started;
    const [read] = await store.getFiles(capture.record.id);
    const total = performance.now() - started;
    expect(Buffer.from(await read!.blob.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
    expect(await store.verifyCase(caseRecord.id)).toEqual([]);
    const db = await openEvidenceDb(name);
    const stored = await db.get('files', file.id);
    expect(stored!.blob.type).toBe('application/octet-stream');
    db.close();
    console.info(`10 MB capture, encrypted: save ${saved.toFixed(0)} ms, save + read ${total.toFixed(0)} ms`);
  });
});
