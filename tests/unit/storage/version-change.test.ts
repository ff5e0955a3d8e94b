/**
 * Schema upgrades meeting open pages (issue 15, item 4): our connection steps aside for a newer version, an open
 * blocked by an older page says so, and no data is lost either way. The "older page" and the "newer version" use
 * frozen schemas opened with plain idb, never the live migrations.
 */
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { DB_VERSION, openEvidenceDb } from '../../../lib/storage/db';
import { EvidenceStore } from '../../../lib/storage/evidence-store';
import { StorageError } from '../../../lib/storage/errors';
import { frozenV1 } from './frozen-schemas';
import { makeCapture, tickingClock, uniqueDbName } from './helpers';

/** A future version that adds a store: stands for "the extension was updated". */
function openNewerVersion(name: string, onBlocked: () => void) {
  return openDB(name, DB_VERSION + 1, {
    upgrade: (db) => void db.createObjectStore('future', { keyPath: 'id' }),
    blocked: onBlocked,
  });
}

describe('a newer version upgrading while our pages are open', () => {
  it('closes every connection of ours, lets the upgrade through unblocked, and keeps the data', async () => {
    const name = uniqueDbName();
    const closed: string[] = [];
    const page = await openEvidenceDb(name, { onClosedForUpgrade: () => closed.push('page') });
    await openEvidenceDb(name, { onClosedForUpgrade: () => closed.push('background') });
    const store = new EvidenceStore(page, { now: tickingClock() });
    const caseRecord = await store.createCase({ title: 'Kept', capturerRole: 'victim' });
    const capture = await makeCapture(caseRecord.id);
    const saving = store.saveCapture(capture.record, capture.files, 'victim').then(
      () => 'saved',
      (error: unknown) => (error instanceof StorageError ? error.code : 'other failure'),
    );

    let blocked = false;
    const newer = await openNewerVersion(name, () => (blocked = true));

    expect(blocked).toBe(false);
    expect(closed.sort()).toEqual(['background', 'page']);
    // A save whose transaction had started finishes before the connection closes; one still preparing is refused
    // whole. Either way: the whole capture or nothing of it.
    const outcome = await saving;
    expect(['saved', 'aborted']).toContain(outcome);
    const saved = outcome === 'saved' ? 1 : 0;
    expect(await newer.count('captures')).toBe(saved);
    expect(await newer.count('files')).toBe(saved * capture.files.length);
    expect(await newer.count('audit')).toBe(1 + saved);
    newer.close();
  });

  it('refuses later writes of the closed page as "aborted", writing nothing', async () => {
    const name = uniqueDbName();
    const page = await openEvidenceDb(name);
    const store = new EvidenceStore(page, { now: tickingClock() });
    const caseRecord = await store.createCase({ title: 'Kept', capturerRole: 'victim' });
    const newer = await openNewerVersion(name, () => undefined);

    const capture = await makeCapture(caseRecord.id);
    const failure = await store.saveCapture(capture.record, capture.files, 'victim').catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(StorageError);
    expect((failure as StorageError).code).toBe('aborted');
    expect(await newer.count('captures')).toBe(0);
    expect(await newer.count('cases')).toBe(1);
    newer.close();
  });
});

describe('our upgrade blocked by an older page that keeps the database open', () => {
  it('reports the block, then upgrades with the old data intact once the old page closes', async () => {
    const name = uniqueDbName();
    const oldPage = await openDB(name, 1, { upgrade: (db) => frozenV1(db) });
    await oldPage.put('cases', {
      id: 'case-1',
      title: 'Older evidence',
      createdAt: '2026-11-01T10:00:00.000Z',
      capturerRole: 'victim',
      notes: '',
    });

    let reportBlocked!: () => void;
    const blockedReported = new Promise<void>((resolve) => (reportBlocked = resolve));
    let opened = false;
    const opening = openEvidenceDb(name, { onBlocked: reportBlocked }).then((db) => {
      opened = true;
      return db;
    });

    await blockedReported;
    expect(opened).toBe(false); // Still waiting: the old page has not closed.
    oldPage.close(); // The person closed it.
    const db = await opening;

    expect(db.version).toBe(DB_VERSION);
    expect((await db.get('cases', 'case-1'))?.title).toBe('Older evidence');
    db.close();
  });
});
