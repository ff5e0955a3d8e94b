/**
 * Every schema version must open databases created by every earlier one, data intact. Each migration gets a test
 * here that builds a database with a FROZEN copy of the schema as it was (never the live migrations, which would
 * change with them), fills it, and opens it with the current code.
 */
import { openDB, type IDBPDatabase } from 'idb';
import { describe, expect, it } from 'vitest';
import type { AuditEntry, CaseRecord } from '../../../lib/evidence/types';
import { nextEntry } from '../../../lib/storage/audit';
import { DB_VERSION, migrations, openEvidenceDb } from '../../../lib/storage/db';
import { EvidenceStore } from '../../../lib/storage/evidence-store';
import { frozenV1 } from './frozen-schemas';
import { makeCapture, tickingClock, uniqueDbName } from './helpers';

/** The shape of the current schema: stores, key paths, indexes. Update with each migration, on purpose. */
const CURRENT_SCHEMA = {
  audit: { keyPath: ['caseId', 'seq'], indexes: { byCase: 'caseId' } },
  captures: { keyPath: 'id', indexes: { byCase: 'caseId', byCaseTime: ['caseId', 'capturedAt'] } },
  cases: { keyPath: 'id', indexes: {} },
  files: { keyPath: 'id', indexes: { byCapture: 'captureId', byCaptureRole: ['captureId', 'role'] } },
  settings: { keyPath: 'key', indexes: {} },
  reports: { keyPath: ['caseId', 'platform'], indexes: {} },
  keys: { keyPath: 'id', indexes: {} },
  auditSignatures: { keyPath: ['caseId', 'seq'], indexes: {} },
  chunks: { keyPath: ['fileId', 'index'], indexes: {} },
  recordings: { keyPath: 'id', indexes: {} },
  timestamps: { keyPath: 'id', indexes: { byCapture: 'captureId', byState: 'state' } },
  senders: { keyPath: 'id', indexes: {} },
};

function describeSchema(db: IDBPDatabase<unknown>): Record<string, unknown> {
  const tx = db.transaction([...db.objectStoreNames], 'readonly');
  const shape: Record<string, unknown> = {};
  for (const name of db.objectStoreNames) {
    const store = tx.objectStore(name);
    const indexes = Object.fromEntries([...store.indexNames].map((index) => [index, store.index(index).keyPath]));
    shape[name] = { keyPath: store.keyPath, indexes };
  }
  return shape;
}

describe('database schema', () => {
  it('has one migration per version', () => {
    expect(DB_VERSION).toBe(migrations.length);
    expect(DB_VERSION).toBe(8);
  });

  it('creates the current schema on a fresh install', async () => {
    const db = await openEvidenceDb(uniqueDbName());
    expect(db.version).toBe(DB_VERSION);
    expect(describeSchema(db as unknown as IDBPDatabase<unknown>)).toEqual(CURRENT_SCHEMA);
    db.close();
  });
});

describe('migration 1 → 2 (files.byCaptureRole)', () => {
  async function createV1Database(name: string) {
    const v1 = await openDB(name, 1, { upgrade: (db) => frozenV1(db) });
    const caseRecord: CaseRecord = {
      id: 'case-1',
      title: 'My evidence',
      createdAt: '2026-11-01T10:00:00.000Z',
      capturerRole: 'victim',
      notes: '',
    };
    const { record, files } = await makeCapture(caseRecord.id, { id: 'capture-1' });
    const create = nextEntry(undefined, {
      caseId: caseRecord.id,
      at: caseRecord.createdAt,
      action: 'case-create',
      actorRole: 'victim',
      details: { caseId: caseRecord.id },
    });
    const capture: AuditEntry = nextEntry(create, {
      caseId: caseRecord.id,
      at: record.capturedAt,
      action: 'capture',
      actorRole: 'victim',
      details: {
        captureId: record.id,
        url: record.finalUrl,
        fileNames: files.map((file) => file.name),
        fileSha256s: files.map((file) => file.sha256),
      },
    });
    const tx = v1.transaction(['cases', 'captures', 'files', 'audit', 'settings'], 'readwrite');
    await tx.objectStore('cases').add(caseRecord);
    await tx.objectStore('captures').add(record);
    for (const file of files) await tx.objectStore('files').add(file);
    await tx.objectStore('audit').add(create);
    await tx.objectStore('audit').add(capture);
    await tx.objectStore('settings').add({ key: 'defaultCaseId', value: caseRecord.id });
    await tx.done;
    v1.close();
    return { caseRecord, record, files, trail: [create, capture] };
  }

  it('keeps every record, file and audit entry, and the new index finds files by role', async () => {
    const name = uniqueDbName();
    const before = await createV1Database(name);

    const db = await openEvidenceDb(name);
    expect(db.version).toBe(DB_VERSION);
    const store = new EvidenceStore(db, { now: tickingClock() });

    expect(await store.listCases()).toEqual([before.caseRecord]);
    expect((await store.ensureDefaultCase()).id).toBe(before.caseRecord.id);
    expect(await store.listCaptures(before.caseRecord.id)).toEqual([before.record]);
    expect(await store.auditTrail(before.caseRecord.id)).toEqual(before.trail);
    const files = await store.getFiles(before.record.id);
    expect(files.map((file) => file.id)).toEqual(before.files.map((file) => file.id));
    expect(await files[0]!.blob.text()).toBe(await before.files[0]!.blob.text());

    // The index added by migration 2 covers the files written under version 1.
    const thumbnails = await db.getAllFromIndex('files', 'byCaptureRole', [before.record.id, 'thumbnail']);
    expect(thumbnails.map((file) => file.role)).toEqual(['thumbnail']);
    expect((await store.getFiles(before.record.id, 'screenshot')).map((file) => file.id)).toEqual([
      before.files[0]!.id,
    ]);

    // Intact, and the trail goes on from where version 1 left it.
    expect(await store.verifyCase(before.caseRecord.id)).toEqual([]);
    const next = await makeCapture(before.caseRecord.id);
    await store.saveCapture(next.record, next.files, 'victim');
    expect((await store.auditTrail(before.caseRecord.id)).at(-1)?.seq).toBe(2);
    expect(await store.verifyCase(before.caseRecord.id)).toEqual([]);
    db.close();
  });
});

/** Version 2 exactly as released: version 1 plus files.byCaptureRole. Do not edit. */
function frozenV2(db: IDBPDatabase<unknown>, oldVersion: number, tx: Parameters<typeof migrations[number]>[1]): void {
  if (oldVersion < 1) frozenV1(db);
  tx.objectStore('files').createIndex('byCaptureRole', ['captureId', 'role']);
}

describe('migration 2 → 3 (reports)', () => {
  it('keeps the data, and report tracking works on the upgraded database', async () => {
    const name = uniqueDbName();
    const v2 = await openDB(name, 2, { upgrade: (db, oldVersion, _new, tx) => frozenV2(db, oldVersion, tx as never) });
    const caseRecord: CaseRecord = { id: 'case-2', title: 'Case', createdAt: '2026-11-02T10:00:00.000Z', capturerRole: 'staff', notes: '' };
    const { record, files } = await makeCapture(caseRecord.id, { id: 'capture-2' });
    const create = nextEntry(undefined, { caseId: caseRecord.id, at: caseRecord.createdAt, action: 'case-create', actorRole: 'staff', details: { caseId: caseRecord.id } });
    const tx = v2.transaction(['cases', 'captures', 'files', 'audit'], 'readwrite');
    await tx.objectStore('cases').add(caseRecord);
    await tx.objectStore('captures').add(record);
    for (const file of files) await tx.objectStore('files').add(file);
    await tx.objectStore('audit').add(create);
    await tx.done;
    v2.close();

    const db = await openEvidenceDb(name);
    expect(db.version).toBe(DB_VERSION);
    const store = new EvidenceStore(db, { now: tickingClock() });
    expect(await store.listCaptures(caseRecord.id)).toEqual([record]);
    expect(await store.listReports(caseRecord.id)).toEqual([]);
    const saved = await store.saveReport({ caseId: caseRecord.id, platform: 'discord', status: 'reported', reportedOn: '2026-11-03', reference: 'T-123' }, 'staff');
    expect(await store.listReports(caseRecord.id)).toEqual([saved]);
    const trail = await store.auditTrail(caseRecord.id);
    expect(trail.at(-1)).toMatchObject({ action: 'report-update', details: { platform: 'discord', status: 'reported', reference: 'T-123' } });
    db.close();
  });
});

/** Version 3 exactly as released: version 2 plus the reports store. Do not edit. */
function frozenV3(db: IDBPDatabase<unknown>, oldVersion: number, tx: Parameters<typeof migrations[number]>[1]): void {
  if (oldVersion < 2) frozenV2(db, oldVersion, tx);
  db.createObjectStore('reports', { keyPath: ['caseId', 'platform'] });
}

describe('migration 3 → 4 (keys)', () => {
  it('keeps the data, and the installation key is made and kept on the upgraded database', async () => {
    const name = uniqueDbName();
    const v3 = await openDB(name, 3, { upgrade: (db, oldVersion, _new, tx) => frozenV3(db, oldVersion, tx as never) });
    const caseRecord: CaseRecord = { id: 'case-3', title: 'Case', createdAt: '2026-11-03T10:00:00.000Z', capturerRole: 'helper', notes: '' };
    const { record, files } = await makeCapture(caseRecord.id, { id: 'capture-3' });
    const create = nextEntry(undefined, { caseId: caseRecord.id, at: caseRecord.createdAt, action: 'case-create', actorRole: 'helper', details: { caseId: caseRecord.id } });
    const capture = nextEntry(create, {
      caseId: caseRecord.id,
      at: record.capturedAt,
      action: 'capture',
      actorRole: 'helper',
      details: { captureId: record.id, fileNames: files.map((file) => file.name), fileSha256s: files.map((file) => file.sha256) },
    });
    const tx = v3.transaction(['cases', 'captures', 'files', 'audit', 'reports'], 'readwrite');
    await tx.objectStore('cases').add(caseRecord);
    await tx.objectStore('captures').add(record);
    for (const file of files) await tx.objectStore('files').add(file);
    await tx.objectStore('audit').add(create);
    await tx.objectStore('audit').add(capture);
    await tx.objectStore('reports').add({ caseId: caseRecord.id, platform: 'x', status: 'reported', updatedAt: '2026-11-03T11:00:00.000Z' });
    await tx.done;
    v3.close();

    const db = await openEvidenceDb(name);
    expect(db.version).toBe(DB_VERSION);
    const store = new EvidenceStore(db, { now: tickingClock() });
    expect(await store.listCaptures(caseRecord.id)).toEqual([record]);
    expect(await store.auditTrail(caseRecord.id)).toEqual([create, capture]);
    expect(await store.listReports(caseRecord.id)).toHaveLength(1);
    expect(await store.verifyCase(caseRecord.id)).toEqual([]);
    expect(await store.installationFingerprint()).toBeNull();
    const key = await store.installationKey();
    expect(await new EvidenceStore(db).installationFingerprint()).toBe(key.fingerprint);
    db.close();
  });
});

/** Version 4 exactly as released: version 3 plus the keys store. Do not edit. */
function frozenV4(db: IDBPDatabase<unknown>, oldVersion: number, tx: Parameters<typeof migrations[number]>[1]): void {
  if (oldVersion < 3) frozenV3(db, oldVersion, tx);
  db.createObjectStore('keys', { keyPath: 'id' });
}

describe('migration 4 → 5 (auditSignatures)', () => {
  async function createV4Database(name: string) {
    const v4 = await openDB(name, 4, { upgrade: (db, oldVersion, _new, tx) => frozenV4(db, oldVersion, tx as never) });
    const caseRecord: CaseRecord = { id: 'case-4', title: 'Case', createdAt: '2026-11-04T10:00:00.000Z', capturerRole: 'victim', notes: '' };
    const other: CaseRecord = { ...caseRecord, id: 'case-4b', title: 'Other' };
    const { record, files } = await makeCapture(caseRecord.id, { id: 'capture-4' });
    const create = nextEntry(undefined, { caseId: caseRecord.id, at: caseRecord.createdAt, action: 'case-create', actorRole: 'victim', details: { caseId: caseRecord.id } });
    const capture = nextEntry(create, {
      caseId: caseRecord.id,
      at: record.capturedAt,
      action: 'capture',
      actorRole: 'victim',
      details: { captureId: record.id, fileNames: files.map((file) => file.name), fileSha256s: files.map((file) => file.sha256) },
    });
    const otherCreate = nextEntry(undefined, { caseId: other.id, at: other.createdAt, action: 'case-create', actorRole: 'victim', details: { caseId: other.id } });
    const tx = v4.transaction(['cases', 'captures', 'files', 'audit'], 'readwrite');
    await tx.objectStore('cases').add(caseRecord);
    await tx.objectStore('cases').add(other);
    await tx.objectStore('captures').add(record);
    for (const file of files) await tx.objectStore('files').add(file);
    for (const entry of [create, capture, otherCreate]) await tx.objectStore('audit').add(entry);
    await tx.done;
    v4.close();
    return { caseRecord, other, trail: [create, capture], otherCreate };
  }

  it('marks every existing entry as made before signing, never signs it, and signs what comes after', async () => {
    const name = uniqueDbName();
    const before = await createV4Database(name);

    const db = await openEvidenceDb(name);
    expect(db.version).toBe(DB_VERSION);
    const marks = await db.getAll('auditSignatures');
    expect(marks).toEqual(
      [...before.trail, before.otherCreate].map((entry) => ({
        caseId: entry.caseId,
        seq: entry.seq,
        hash: entry.hash,
        status: 'before-signing',
        signature: null,
        fingerprint: null,
      })),
    );
    const store = new EvidenceStore(db, { now: tickingClock() });
    // The entries themselves are unchanged, verify clean, and nothing was signed (no key was even made).
    expect(await store.auditTrail(before.caseRecord.id)).toEqual(before.trail);
    expect(await store.verifyCase(before.caseRecord.id)).toEqual([]);
    expect(await store.auditSignatureSummary(before.caseRecord.id)).toEqual({ signed: 0, beforeSigning: 2, imported: 0 });
    expect(await store.installationFingerprint()).toBeNull();

    const next = await makeCapture(before.caseRecord.id);
    await store.saveCapture(next.record, next.files, 'victim');
    const key = await store.installationKey();
    expect(await db.get('auditSignatures', [before.caseRecord.id, 2])).toMatchObject({ status: 'signed', fingerprint: key.fingerprint });
    expect(await store.verifyCase(before.caseRecord.id)).toEqual([]);
    expect(await store.auditSignatureSummary(before.caseRecord.id)).toEqual({ signed: 1, beforeSigning: 2, imported: 0 });
    expect(await store.auditSignatureSummary(before.other.id)).toEqual({ signed: 0, beforeSigning: 1, imported: 0 });
    db.close();
  });
});

/** Version 5 exactly as released: version 4 plus the auditSignatures store. Do not edit. */
function frozenV5(db: IDBPDatabase<unknown>, oldVersion: number, tx: Parameters<typeof migrations[number]>[1]): void {
  if (oldVersion < 4) frozenV4(db, oldVersion, tx);
  db.createObjectStore('auditSignatures', { keyPath: ['caseId', 'seq'] });
}

describe('migration 5 → 6 (chunks, recordings)', () => {
  it('keeps every record, file and audit entry, and a recording can be stored in chunks afterwards', async () => {
    const name = uniqueDbName();
    const v5 = await openDB(name, 5, { upgrade: (db, oldVersion, _new, tx) => frozenV5(db, oldVersion, tx as never) });
    const caseRecord: CaseRecord = { id: 'case-5', title: 'Case', createdAt: '2026-11-05T10:00:00.000Z', capturerRole: 'victim', notes: '' };
    const { record, files } = await makeCapture(caseRecord.id, { id: 'capture-5' });
    const create = nextEntry(undefined, { caseId: caseRecord.id, at: caseRecord.createdAt, action: 'case-create', actorRole: 'victim', details: { caseId: caseRecord.id } });
    const capture = nextEntry(create, {
      caseId: caseRecord.id,
      at: record.capturedAt,
      action: 'capture',
      actorRole: 'victim',
      details: { captureId: record.id, fileNames: files.map((file) => file.name), fileSha256s: files.map((file) => file.sha256) },
    });
    const tx = v5.transaction(['cases', 'captures', 'files', 'audit', 'auditSignatures'], 'readwrite');
    await tx.objectStore('cases').add(caseRecord);
    await tx.objectStore('captures').add(record);
    for (const file of files) await tx.objectStore('files').add(file);
    for (const entry of [create, capture]) {
      await tx.objectStore('audit').add(entry);
      await tx.objectStore('auditSignatures').add({ caseId: entry.caseId, seq: entry.seq, hash: entry.hash, status: 'before-signing', signature: null, fingerprint: null });
    }
    await tx.done;
    v5.close();

    const db = await openEvidenceDb(name);
    expect(db.version).toBe(DB_VERSION);
    const store = new EvidenceStore(db, { now: tickingClock() });
    expect(await store.listCaptures(caseRecord.id)).toEqual([record]);
    expect(await store.getFiles(record.id)).toHaveLength(files.length);
    expect(await store.auditTrail(caseRecord.id)).toEqual([create, capture]);
    expect(await store.verifyCase(caseRecord.id)).toEqual([]);

    const writer = await store.startRecording(
      { caseId: caseRecord.id, tabUrl: 'https://www.youtube.com/watch?v=abc', title: 'v', platform: 'youtube', startedAt: '2026-11-30T10:00:00.000Z', mimeType: 'video/webm', method: 'tab-frames', audio: false, frameRate: 5 },
      { actorRole: 'victim', browser: { name: 'Firefox', version: '128' }, extension: { name: 'Capture & Report', version: '0.1.0' }, chunkSize: 1024 },
    );
    await writer.append(new Uint8Array(3000).fill(7));
    await writer.finish({ durationMs: 1000, endedBy: 'time-limit', poster: new Blob(['p'], { type: 'image/png' }), width: 10, height: 10 });
    expect(await db.count('chunks')).toBe(3);
    expect(await store.listCaptures(caseRecord.id)).toHaveLength(2);
    expect(await store.verifyCase(caseRecord.id)).toEqual([]);
    db.close();
  });
});

/** Version 6 exactly as released: version 5 plus the chunks and recordings stores. Do not edit. */
function frozenV6(db: IDBPDatabase<unknown>, oldVersion: number, tx: Parameters<typeof migrations[number]>[1]): void {
  if (oldVersion < 5) frozenV5(db, oldVersion, tx);
  db.createObjectStore('chunks', { keyPath: ['fileId', 'index'] });
  db.createObjectStore('recordings', { keyPath: 'id' });
}

describe('migration 6 → 7 (timestamps)', () => {
  it('keeps the data, and a capture of the upgraded database can be queued and read for timestamps', async () => {
    const name = uniqueDbName();
    const v6 = await openDB(name, 6, { upgrade: (db, oldVersion, _new, tx) => frozenV6(db, oldVersion, tx as never) });
    const caseRecord: CaseRecord = { id: 'case-5', title: 'Case', createdAt: '2026-11-05T10:00:00.000Z', capturerRole: 'victim', notes: '' };
    const { record, files } = await makeCapture(caseRecord.id, { id: 'capture-5' });
    const create = nextEntry(undefined, { caseId: caseRecord.id, at: caseRecord.createdAt, action: 'case-create', actorRole: 'victim', details: { caseId: caseRecord.id } });
    const capture = nextEntry(create, {
      caseId: caseRecord.id,
      at: record.capturedAt,
      action: 'capture',
      actorRole: 'victim',
      details: { captureId: record.id, fileNames: files.map((file) => file.name), fileSha256s: files.map((file) => file.sha256) },
    });
    const tx = v6.transaction(['cases', 'captures', 'files', 'audit', 'auditSignatures'], 'readwrite');
    await tx.objectStore('cases').add(caseRecord);
    await tx.objectStore('captures').add(record);
    for (const file of files) await tx.objectStore('files').add(file);
    for (const entry of [create, capture]) {
      await tx.objectStore('audit').add(entry);
      await tx.objectStore('auditSignatures').add({ caseId: entry.caseId, seq: entry.seq, hash: entry.hash, status: 'before-signing', signature: null, fingerprint: null });
    }
    await tx.done;
    v6.close();

    const db = await openEvidenceDb(name);
    expect(db.version).toBe(DB_VERSION);
    const store = new EvidenceStore(db, { now: tickingClock() });
    expect(await store.listCaptures(caseRecord.id)).toEqual([record]);
    expect(await store.auditTrail(caseRecord.id)).toEqual([create, capture]);
    expect(await store.verifyCase(caseRecord.id)).toEqual([]);
    // Nothing was queued by the migration: captures made before are stamped only when asked (queueMissedCaptures).
    expect(await db.count('timestamps')).toBe(0);
    expect(await store.queueMissedCaptures('2026-01-01T00:00:00.000Z')).toBe(files.length);
    const queued = await store.captureTimestamps(record.id);
    expect(queued.map((entry) => [entry.fileId, entry.sha256, entry.state]).sort()).toEqual(files.map((file) => [file.id, file.sha256, 'pending']).sort());
    db.close();
  });
});

/** Version 7 exactly as released: version 6 plus the timestamps store. Do not edit. */
function frozenV7(db: IDBPDatabase<unknown>, oldVersion: number, tx: Parameters<typeof migrations[number]>[1]): void {
  if (oldVersion < 6) frozenV6(db, oldVersion, tx);
  const timestamps = db.createObjectStore('timestamps', { keyPath: 'id' });
  timestamps.createIndex('byCapture', 'captureId');
  timestamps.createIndex('byState', 'state');
}

describe('migration 7 → 8 (confirmed senders)', () => {
  it('keeps the data and the timestamp pins, and a sender can be confirmed, sealed under a passphrase', async () => {
    const name = uniqueDbName();
    const v7 = await openDB(name, 7, { upgrade: (db, oldVersion, _new, tx) => frozenV7(db, oldVersion, tx as never) });
    const caseRecord: CaseRecord = { id: 'case-7', title: 'Case', createdAt: '2026-12-01T10:00:00.000Z', capturerRole: 'staff', notes: '' };
    const { record, files } = await makeCapture(caseRecord.id, { id: 'capture-7' });
    const create = nextEntry(undefined, { caseId: caseRecord.id, at: caseRecord.createdAt, action: 'case-create', actorRole: 'staff', details: { caseId: caseRecord.id } });
    const capture = nextEntry(create, {
      caseId: caseRecord.id,
      at: record.capturedAt,
      action: 'capture',
      actorRole: 'staff',
      details: { captureId: record.id, fileNames: files.map((file) => file.name), fileSha256s: files.map((file) => file.sha256) },
    });
    const tx = v7.transaction(['cases', 'captures', 'files', 'audit', 'auditSignatures', 'settings'], 'readwrite');
    await tx.objectStore('cases').add(caseRecord);
    await tx.objectStore('captures').add(record);
    for (const file of files) await tx.objectStore('files').add(file);
    for (const entry of [create, capture]) {
      await tx.objectStore('audit').add(entry);
      await tx.objectStore('auditSignatures').add({ caseId: entry.caseId, seq: entry.seq, hash: entry.hash, status: 'before-signing', signature: null, fingerprint: null });
    }
    await tx.objectStore('settings').put({ key: 'timestampPins', value: { 'https://freetsa.org/tsr': 'MIIB' } });
    await tx.done;
    v7.close();

    const db = await openEvidenceDb(name);
    expect(db.version).toBe(DB_VERSION);
    const store = new EvidenceStore(db, { now: tickingClock() });
    expect(await store.listCaptures(caseRecord.id)).toEqual([record]);
    expect(await store.verifyCase(caseRecord.id)).toEqual([]);
    expect(await db.get('settings', 'timestampPins')).toEqual({ key: 'timestampPins', value: { 'https://freetsa.org/tsr': 'MIIB' } });
    expect(await store.listSenders()).toEqual([]);
    const fingerprint = 'ab12'.repeat(16);
    const confirmed = await store.confirmSender({ fingerprint, name: '  Institute, Marie  ' });
    expect(confirmed).toEqual({ id: 'AB12 '.repeat(16).trim(), name: 'Institute, Marie', confirmedAt: expect.any(String) as unknown as string });
    expect(await store.confirmedSender(confirmed.id)).toEqual(confirmed);
    db.close();
  });
});
