import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StoredFile } from '../../../lib/evidence/types';
import type { EvidenceDb } from '../../../lib/storage/db';
import {
  EvidenceStore,
  requestPersistence,
  StorageError,
  storageEstimate,
  toStorageError,
} from '../../../lib/storage/evidence-store';
import { flipOneByte, makeCapture, openTestStore } from './helpers';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

/** The error a promise rejects with, checked to be a StorageError. */
async function storageErrorOf(promise: Promise<unknown>): Promise<StorageError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(StorageError);
  return error as StorageError;
}

/** Asserts the database holds no trace of the capture and the case trail only has its creation. */
async function expectNothingStored(db: EvidenceDb, store: EvidenceStore, caseId: string, captureId: string) {
  expect(await store.getCapture(captureId)).toBeUndefined();
  expect(await store.listCaptures(caseId)).toEqual([]);
  expect(await db.count('files')).toBe(0);
  expect((await store.auditTrail(caseId)).map((entry) => entry.action)).toEqual(['case-create']);
  expect(await store.verifyCase(caseId)).toEqual([]);
}

/** Replaces IDBObjectStore#add on one store, leaving the others untouched. */
function patchAdd(storeName: string, replacement: (original: () => IDBRequest, store: IDBObjectStore) => IDBRequest) {
  const originalAdd = IDBObjectStore.prototype.add;
  vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (
    this: IDBObjectStore,
    ...args: Parameters<IDBObjectStore['add']>
  ) {
    const original = () => originalAdd.apply(this, args);
    return this.name === storeName ? replacement(original, this) : original();
  });
}

describe('default case', () => {
  it('is created on first use, with its audit entry, so the first capture needs no setup', async () => {
    const { store } = await openTestStore();
    const created = await store.ensureDefaultCase({ title: 'Mes preuves' });
    expect(created).toMatchObject({ title: 'Mes preuves', capturerRole: 'victim', notes: '' });
    expect((await store.auditTrail(created.id)).map((entry) => entry.action)).toEqual(['case-create']);

    const { record, files } = await makeCapture(created.id);
    await store.saveCapture(record, files, 'victim');
    expect(await store.listCaptures(created.id)).toHaveLength(1);
  });

  it('is idempotent, also when called concurrently', async () => {
    const { store } = await openTestStore();
    const results = await Promise.all([1, 2, 3].map(() => store.ensureDefaultCase({ role: 'helper' })));
    expect(new Set(results.map((found) => found.id)).size).toBe(1);
    expect((await store.ensureDefaultCase()).id).toBe(results[0]!.id);
    expect(await store.listCases()).toHaveLength(1);
    expect(await store.auditTrail(results[0]!.id)).toHaveLength(1);
    expect(results[0]!.title).toBe('My evidence');
  });

  it('is an existing case when there is one, and follows setDefaultCase', async () => {
    const { store } = await openTestStore();
    const first = await store.createCase({ title: 'First', capturerRole: 'staff' });
    const second = await store.createCase({ title: 'Second', capturerRole: 'staff' });
    expect((await store.ensureDefaultCase()).id).toBe(first.id);
    await store.setDefaultCase(second.id);
    expect((await store.ensureDefaultCase()).id).toBe(second.id);
    expect(await store.listCases()).toHaveLength(2);
  });
});

describe('cases', () => {
  it('updates a case and records which fields changed, not their values', async () => {
    const { store } = await openTestStore();
    const created = await store.createCase({ title: 'Case', capturerRole: 'helper', capturerName: 'Sam' });
    const updated = await store.updateCase(created.id, { title: 'Renamed', notes: 'n' }, 'helper');
    expect(updated).toMatchObject({ title: 'Renamed', notes: 'n', capturerName: 'Sam' });
    expect(await store.getCase(created.id)).toEqual(updated);
    const trail = await store.auditTrail(created.id);
    expect(trail.at(-1)).toMatchObject({ action: 'case-update', details: { fields: ['notes', 'title'] } });
    expect(JSON.stringify(trail)).not.toContain('Renamed');

    await store.updateCase(created.id, { title: 'Renamed' }, 'helper');
    expect(await store.auditTrail(created.id)).toHaveLength(2);
  });

  it('refuses an empty title', async () => {
    const { store } = await openTestStore();
    expect((await storageErrorOf(store.createCase({ title: '  ', capturerRole: 'victim' }))).code).toBe('invalid');
    expect(await store.listCases()).toEqual([]);
  });
});

describe('saveCapture', () => {
  it('stores the record, real Blobs and an audit entry with the file names and hashes', async () => {
    const { store } = await openTestStore();
    const { id: caseId } = await store.ensureDefaultCase();
    const { record, files } = await makeCapture(caseId);
    await store.saveCapture(record, files, 'victim');

    expect(await store.getCapture(record.id)).toEqual(record);
    const stored = await store.getFiles(record.id);
    expect(stored.map((file) => file.role)).toEqual(['screenshot', 'source', 'thumbnail']);
    for (const file of stored) {
      const original = files.find((candidate) => candidate.id === file.id)!;
      expect(file.blob).toBeInstanceOf(Blob);
      expect(file.blob.type).toBe(original.mime);
      expect(await file.blob.text()).toBe(await original.blob.text());
    }
    expect((await store.getFile(files[1]!.id))?.name).toBe(files[1]!.name);
    expect((await store.getFiles(record.id, 'thumbnail')).map((file) => file.id)).toEqual([files[2]!.id]);

    const entry = (await store.auditTrail(caseId)).at(-1)!;
    expect(entry).toMatchObject({
      seq: 1,
      action: 'capture',
      actorRole: 'victim',
      details: {
        captureId: record.id,
        url: record.finalUrl,
        fileNames: files.map((file) => file.name),
        fileSha256s: files.map((file) => file.sha256),
      },
    });
    expect(await store.verifyCase(caseId)).toEqual([]);
  });

  it('lists captures oldest first, records only', async () => {
    const { store } = await openTestStore();
    const { id: caseId } = await store.ensureDefaultCase();
    for (const capturedAt of ['2026-11-28T15:00:02.000Z', '2026-11-28T15:00:00.000Z', '2026-11-28T15:00:01.000Z']) {
      const { record, files } = await makeCapture(caseId, { capturedAt });
      await store.saveCapture(record, files, 'victim');
    }
    const other = await store.createCase({ title: 'Other', capturerRole: 'victim' });
    const { record, files } = await makeCapture(other.id);
    await store.saveCapture(record, files, 'victim');

    const listed = await store.listCaptures(caseId);
    expect(listed.map((capture) => capture.capturedAt)).toEqual([
      '2026-11-28T15:00:00.000Z',
      '2026-11-28T15:00:01.000Z',
      '2026-11-28T15:00:02.000Z',
    ]);
    expect(listed.every((capture) => !('blob' in capture))).toBe(true);
  });

  it.each<[string, (files: StoredFile[]) => void, RegExp]>([
    ['metadata differing from the record', (files) => (files[1]!.width = 99), /metadata differs/],
    ['a file of another capture', (files) => (files[1]!.captureId = 'other'), /belongs to capture other/],
    ['a size that is not the blob size', (files) => (files[2]!.size += 1), /size/],
    // Same length as the original, so that only the hash check can catch it.
    ['a hash that is not the blob hash', (files) => (files[0]!.blob = new Blob(['PNG pixels of the pagE'])), /sha256/],
    ['a file missing from the list', (files) => void files.pop(), /lists 3 files but 2/],
  ])('writes nothing when given %s', async (_label, corrupt, problem) => {
    const { db, store } = await openTestStore();
    const { id: caseId } = await store.ensureDefaultCase();
    const { record, files } = await makeCapture(caseId);
    corrupt(files);
    const error = await storageErrorOf(store.saveCapture(record, files, 'victim'));
    expect(error.code).toBe('invalid');
    expect(error.problems.join('\n')).toMatch(problem);
    await expectNothingStored(db, store, caseId, record.id);
  });

  it('writes nothing for an unknown case', async () => {
    const { db, store } = await openTestStore();
    const { id: caseId } = await store.ensureDefaultCase();
    const { record, files } = await makeCapture('no-such-case');
    expect((await storageErrorOf(store.saveCapture(record, files, 'victim'))).code).toBe('invalid');
    await expectNothingStored(db, store, caseId, record.id);
  });

  it('never overwrites an existing capture', async () => {
    const { store } = await openTestStore();
    const { id: caseId } = await store.ensureDefaultCase();
    const { record, files } = await makeCapture(caseId, { id: 'same' });
    await store.saveCapture(record, files, 'victim');
    const again = await makeCapture(caseId, { id: 'same', files: [{ role: 'screenshot', text: 'other pixels' }] });
    expect((await storageErrorOf(store.saveCapture(again.record, again.files, 'victim'))).code).toBe('invalid');
    expect(await store.getFiles('same')).toHaveLength(3);
    expect((await store.auditTrail(caseId)).filter((entry) => entry.action === 'capture')).toHaveLength(1);
    expect(await store.verifyCase(caseId)).toEqual([]);
  });

  it('rolls everything back when the transaction aborts midway, and says "aborted"', async () => {
    const { db, store } = await openTestStore();
    const { id: caseId } = await store.ensureDefaultCase();
    const { record, files } = await makeCapture(caseId);
    let filesAdded = 0;
    patchAdd('files', (original, objectStore) => {
      const request = original();
      // The capture record and one file are already written when the transaction dies.
      if (++filesAdded === 2) objectStore.transaction.abort();
      return request;
    });
    const error = await storageErrorOf(store.saveCapture(record, files, 'victim'));
    expect(error.code).toBe('aborted');
    expect(filesAdded).toBe(2);
    vi.restoreAllMocks();
    await expectNothingStored(db, store, caseId, record.id);
  });

  it('maps a QuotaExceededError to code "quota" and keeps nothing', async () => {
    const { db, store } = await openTestStore();
    const { id: caseId } = await store.ensureDefaultCase();
    const { record, files } = await makeCapture(caseId);
    patchAdd('files', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const error = await storageErrorOf(store.saveCapture(record, files, 'victim'));
    expect(error.code).toBe('quota');
    expect((error.cause as DOMException).name).toBe('QuotaExceededError');
    vi.restoreAllMocks();
    await expectNothingStored(db, store, caseId, record.id);

    // The store still works afterwards.
    await store.saveCapture(record, files, 'victim');
    expect(await store.verifyCase(caseId)).toEqual([]);
  });
});

describe('toStorageError', () => {
  it('maps IndexedDB errors by name', () => {
    const code = (name: string, txName?: string) =>
      toStorageError(new DOMException('m', name), txName ? new DOMException('m', txName) : null).code;
    expect(code('QuotaExceededError')).toBe('quota');
    expect(code('NS_ERROR_DOM_QUOTA_REACHED')).toBe('quota');
    // Browsers often fail the pending request with AbortError and put the quota error on the transaction.
    expect(code('AbortError', 'QuotaExceededError')).toBe('quota');
    expect(code('AbortError')).toBe('aborted');
    expect(code('ConstraintError')).toBe('invalid');
    expect(code('DataCloneError')).toBe('invalid');
    expect(toStorageError(new Error('boom')).code).toBe('unknown');
    const original = new StorageError('invalid', 'x');
    expect(toStorageError(original)).toBe(original);
  });
});

describe('notes, moves and deletions', () => {
  it('appends a note and records its hash, not its text', async () => {
    const { store } = await openTestStore();
    const { id: caseId } = await store.ensureDefaultCase();
    const { record, files } = await makeCapture(caseId);
    await store.saveCapture(record, files, 'victim');
    await store.addCaptureNote(record.id, 'first', 'victim');
    const updated = await store.addCaptureNote(record.id, ' second ', 'helper');
    expect(updated.notes).toBe('first\n\nsecond');
    expect((await store.getCapture(record.id))?.notes).toBe('first\n\nsecond');
    const entry = (await store.auditTrail(caseId)).at(-1)!;
    expect(entry).toMatchObject({
      action: 'note',
      actorRole: 'helper',
      details: { captureId: record.id, noteLength: 6 },
    });
    expect(JSON.stringify(entry)).not.toContain('second');
    expect((await storageErrorOf(store.addCaptureNote(record.id, '  ', 'victim'))).code).toBe('invalid');
    expect(await store.verifyCase(caseId)).toEqual([]);
  });

  it('moves a capture with an entry in both trails, both still valid', async () => {
    const { store } = await openTestStore();
    const from = await store.ensureDefaultCase();
    const to = await store.createCase({ title: 'Police', capturerRole: 'victim' });
    const { record, files } = await makeCapture(from.id);
    await store.saveCapture(record, files, 'victim');

    const moved = await store.moveCapture(record.id, to.id, 'victim');
    expect(moved.caseId).toBe(to.id);
    expect(await store.listCaptures(from.id)).toEqual([]);
    expect((await store.listCaptures(to.id)).map((capture) => capture.id)).toEqual([record.id]);
    expect(await store.getFiles(record.id)).toHaveLength(3);

    const move = { captureId: record.id, fromCaseId: from.id, toCaseId: to.id };
    expect((await store.auditTrail(from.id)).at(-1)).toMatchObject({ action: 'move', details: move });
    expect((await store.auditTrail(to.id)).at(-1)).toMatchObject({
      action: 'move',
      details: { ...move, fileSha256s: files.map((file) => file.sha256) },
    });
    expect(await store.verifyCase(from.id)).toEqual([]);
    expect(await store.verifyCase(to.id)).toEqual([]);
  });

  it('refuses to move to an unknown case and changes nothing', async () => {
    const { store } = await openTestStore();
    const { id: caseId } = await store.ensureDefaultCase();
    const { record, files } = await makeCapture(caseId);
    await store.saveCapture(record, files, 'victim');
    expect((await storageErrorOf(store.moveCapture(record.id, 'nowhere', 'victim'))).code).toBe('invalid');
    expect((await store.getCapture(record.id))?.caseId).toBe(caseId);
    expect(await store.auditTrail(caseId)).toHaveLength(2);
  });

  it('deletes a capture and its files; the trail keeps the hashes and a delete entry', async () => {
    const { db, store } = await openTestStore();
    const { id: caseId } = await store.ensureDefaultCase();
    const kept = await makeCapture(caseId);
    const { record, files } = await makeCapture(caseId);
    await store.saveCapture(kept.record, kept.files, 'victim');
    await store.saveCapture(record, files, 'victim');

    await store.deleteCapture(record.id, 'victim');
    expect(await store.getCapture(record.id)).toBeUndefined();
    expect(await store.getFiles(record.id)).toEqual([]);
    expect(await db.count('files')).toBe(3);
    const trail = await store.auditTrail(caseId);
    expect(trail.map((entry) => entry.action)).toEqual(['case-create', 'capture', 'capture', 'delete']);
    const hashes = files.map((file) => file.sha256);
    expect(trail[2]!.details.fileSha256s).toEqual(hashes);
    expect(trail[3]!.details).toMatchObject({ captureId: record.id, fileSha256s: hashes });
    expect(await store.verifyCase(caseId)).toEqual([]);
    expect((await storageErrorOf(store.deleteCapture(record.id, 'victim'))).code).toBe('invalid');
  });
});

describe('verifyCase', () => {
  async function caseWithCapture() {
    const opened = await openTestStore();
    const { id: caseId } = await opened.store.ensureDefaultCase();
    const { record, files } = await makeCapture(caseId);
    await opened.store.saveCapture(record, files, 'victim');
    await opened.store.addCaptureNote(record.id, 'seen on 28 November', 'victim');
    return { ...opened, caseId, record, files };
  }

  it('names the file whose stored bytes changed', async () => {
    const { db, store, caseId, record, files } = await caseWithCapture();
    const screenshot = files[0]!;
    const changed = await flipOneByte(screenshot.blob, 3);
    await db.put('files', { ...screenshot, blob: changed });
    const problems = await store.verifyCase(caseId);
    expect(problems).toEqual([
      {
        kind: 'file-hash-mismatch',
        captureId: record.id,
        fileId: screenshot.id,
        fileName: screenshot.name,
        expected: screenshot.sha256,
        actual: expect.stringMatching(/^[0-9a-f]{64}$/),
      },
    ]);
    expect(problems[0]).not.toMatchObject({ actual: screenshot.sha256 });
  });

  it('names a missing file and an unlisted one', async () => {
    const { db, store, caseId, record, files } = await caseWithCapture();
    await db.delete('files', files[1]!.id);
    await db.put('files', { ...files[2]!, id: 'intruder', name: 'intruder.png' });
    expect(await store.verifyCase(caseId)).toEqual([
      { kind: 'file-missing', captureId: record.id, fileId: files[1]!.id, fileName: files[1]!.name },
      { kind: 'file-unlisted', captureId: record.id, fileId: 'intruder', fileName: 'intruder.png' },
    ]);
  });

  it('names the tampered audit entry by its seq', async () => {
    const { db, store, caseId } = await caseWithCapture();
    const capture = (await store.auditTrail(caseId))[1]!;
    await db.put('audit', { ...capture, details: { ...capture.details, url: 'https://example.org/' } });
    expect(await store.verifyCase(caseId)).toEqual([{ kind: 'audit-broken', seq: 1, reason: 'hash-mismatch' }]);
  });

  it('sees a deleted audit entry', async () => {
    const { db, store, caseId, record } = await caseWithCapture();
    await db.delete('audit', [caseId, 1]);
    expect(await store.verifyCase(caseId)).toEqual([
      { kind: 'audit-broken', seq: 2, reason: 'missing-before' },
      { kind: 'capture-not-audited', captureId: record.id },
    ]);
  });

  it('sees a record whose hashes were rewritten to match forged files', async () => {
    const { db, store, caseId, record, files } = await caseWithCapture();
    const forged = await makeCapture(caseId, { id: record.id, files: [{ role: 'screenshot', text: 'forged' }] });
    await db.delete('files', files[1]!.id);
    await db.delete('files', files[2]!.id);
    await db.put('files', { ...forged.files[0]!, id: files[0]!.id, name: files[0]!.name });
    const forgedMeta = { ...forged.record.files[0]!, id: files[0]!.id, name: files[0]!.name };
    await db.put('captures', { ...record, files: [forgedMeta] });
    expect(await store.verifyCase(caseId)).toEqual([
      {
        kind: 'file-audit-mismatch',
        captureId: record.id,
        fileName: files[0]!.name,
        audited: files[0]!.sha256,
        recorded: forgedMeta.sha256,
      },
    ]);
  });

  it('refuses an unknown case', async () => {
    const { store } = await openTestStore();
    expect((await storageErrorOf(store.verifyCase('nope'))).code).toBe('invalid');
  });
});

describe('browser storage', () => {
  it('asks for persistence when the API exists', async () => {
    const persist = vi.fn(async () => true);
    vi.stubGlobal('navigator', { storage: { persisted: async () => false, persist } });
    expect(await requestPersistence()).toBe(true);
    expect(persist).toHaveBeenCalledOnce();
  });

  it('does not ask again when storage is already persistent', async () => {
    const persist = vi.fn(async () => true);
    vi.stubGlobal('navigator', { storage: { persisted: async () => true, persist } });
    expect(await requestPersistence()).toBe(true);
    expect(persist).not.toHaveBeenCalled();
  });

  it('answers false and null without the API', async () => {
    vi.stubGlobal('navigator', {});
    expect(await requestPersistence()).toBe(false);
    expect(await storageEstimate()).toBeNull();
  });

  it('reports usage and quota', async () => {
    vi.stubGlobal('navigator', { storage: { estimate: async () => ({ usage: 10, quota: 100 }) } });
    expect(await storageEstimate()).toEqual({ usage: 10, quota: 100 });
  });
});
