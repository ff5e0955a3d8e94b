/**
 * The shared verification (lib/storage/verify.ts): what the manager's Verify and the bundle import both rely on.
 * Pure checks on hand-built trails, plus one run through the store to show Verify only reads.
 */
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../lib/evidence/hash';
import type { AuditEntry, CaptureRecord, StoredFile } from '../../../lib/evidence/types';
import { hashEntry, nextEntry, type AuditFields } from '../../../lib/storage/audit';
import {
  latestAuditOf,
  storedCaseProblems,
  storedFileProblems,
  trailProblems,
} from '../../../lib/storage/verify';
import { flipOneByte, makeCapture, openTestStore } from './helpers';

const CASE_ID = 'case-1';

/** A trail: the case's creation, then one 'capture' entry per capture with its file names and hashes. */
function trailFor(captures: readonly CaptureRecord[]): AuditEntry[] {
  const trail = [entry(undefined, 'case-create', { caseId: CASE_ID })];
  for (const capture of captures) trail.push(entry(trail.at(-1), 'capture', captureDetails(capture)));
  return trail;
}

function entry(prev: AuditEntry | undefined, action: AuditFields['action'], details: AuditFields['details']): AuditEntry {
  const at = `2026-11-28T15:00:0${prev ? prev.seq + 1 : 0}.000Z`;
  return nextEntry(prev, { caseId: CASE_ID, at, action, actorRole: 'victim', details });
}

function captureDetails(capture: CaptureRecord): AuditFields['details'] {
  return {
    captureId: capture.id,
    fileNames: capture.files.map((meta) => meta.name),
    fileSha256s: capture.files.map((meta) => meta.sha256),
  };
}

async function twoCaptures() {
  const first = await makeCapture(CASE_ID, { id: 'cap-1' });
  const second = await makeCapture(CASE_ID, { id: 'cap-2' });
  const captures = [first.record, second.record];
  return { first, second, captures, trail: trailFor(captures) };
}

describe('trailProblems (the trail against the captures it must account for)', () => {
  it('is empty for an intact trail that records every capture', async () => {
    const { captures, trail } = await twoCaptures();
    expect(trailProblems(CASE_ID, trail, captures)).toEqual([]);
  });

  it('names each entry whose link to the previous one is broken, before any capture problem', async () => {
    const { captures, trail } = await twoCaptures();
    // A forger rewrites entry 1 and gives it a valid own hash, but cannot fix what follows without rewriting it too.
    const forged = { ...trail[1]!, prevHash: 'f'.repeat(64) };
    forged.hash = hashEntry(forged);
    const broken = [trail[0]!, forged, trail[2]!];
    expect(trailProblems(CASE_ID, broken, [...captures, { id: 'cap-3', files: [] }])).toEqual([
      { kind: 'audit-broken', seq: 1, reason: 'prev-hash-mismatch' },
      { kind: 'audit-broken', seq: 2, reason: 'prev-hash-mismatch' },
      { kind: 'capture-not-audited', captureId: 'cap-3' },
    ]);
  });

  it('names a capture that no entry records, even when a note mentions it', async () => {
    const { first, captures } = await twoCaptures();
    const trail = trailFor([first.record]);
    trail.push(entry(trail.at(-1), 'note', { captureId: 'cap-2', noteSha256: 'a'.repeat(64), noteLength: 3 }));
    expect(trailProblems(CASE_ID, trail, captures)).toEqual([{ kind: 'capture-not-audited', captureId: 'cap-2' }]);
  });

  it('names a file the trail recorded with another hash, and one it never recorded', async () => {
    const { first, captures, trail } = await twoCaptures();
    const [screenshot, source] = first.record.files;
    const changed: CaptureRecord = {
      ...first.record,
      files: [{ ...screenshot!, sha256: 'b'.repeat(64) }, { ...source!, name: 'renamed.html' }],
    };
    expect(trailProblems(CASE_ID, trail, [changed, captures[1]!])).toEqual([
      { kind: 'file-audit-mismatch', captureId: 'cap-1', fileName: screenshot!.name, audited: screenshot!.sha256, recorded: 'b'.repeat(64) },
      { kind: 'file-audit-mismatch', captureId: 'cap-1', fileName: 'renamed.html', audited: null, recorded: source!.sha256 },
    ]);
  });

  it('checks a capture against the LATEST entry that recorded its files', async () => {
    const { first, captures, trail } = await twoCaptures();
    const newer = { ...captureDetails(first.record), fileSha256s: first.record.files.map(() => 'c'.repeat(64)) };
    trail.push(entry(trail.at(-1), 'move', newer));
    expect(latestAuditOf('cap-1', trail)?.entry.seq).toBe(3);
    expect(latestAuditOf('cap-9', trail)).toBeUndefined();
    const problems = trailProblems(CASE_ID, trail, captures);
    expect(problems.map((problem) => problem.kind)).toEqual(first.record.files.map(() => 'file-audit-mismatch'));
    expect(problems[0]).toMatchObject({ audited: 'c'.repeat(64), recorded: first.record.files[0]!.sha256 });
  });

  it('changes nothing it is given', async () => {
    const { captures, trail } = await twoCaptures();
    const tampered = [trail[0]!, { ...trail[1]!, at: '2030-01-01T00:00:00.000Z' }, trail[2]!];
    const before = structuredClone({ tampered, captures });
    expect(trailProblems(CASE_ID, tampered, captures)).toContainEqual({ kind: 'audit-broken', seq: 1, reason: 'hash-mismatch' });
    expect({ tampered, captures }).toEqual(before);
  });
});

describe('storedFileProblems and storedCaseProblems (the stored bytes as well)', () => {
  it('names a file whose bytes no longer hash to the recorded SHA-256, with both hashes', async () => {
    const { first } = await twoCaptures();
    const screenshot = first.files[0]!;
    const tampered: StoredFile = { ...screenshot, blob: await flipOneByte(screenshot.blob) };
    const problems = await storedFileProblems(first.record, [tampered, ...first.files.slice(1)]);
    expect(problems).toEqual([
      {
        kind: 'file-hash-mismatch',
        captureId: 'cap-1',
        fileId: screenshot.id,
        fileName: screenshot.name,
        expected: screenshot.sha256,
        actual: await sha256Hex(tampered.blob),
      },
    ]);
    expect(problems[0]).not.toMatchObject({ actual: screenshot.sha256 });
  });

  it('lists per capture its file problems then its trail problems, after the chain', async () => {
    const { first, second, captures, trail } = await twoCaptures();
    const files = new Map([
      ['cap-1', first.files.slice(1)],
      ['cap-2', second.files],
    ]);
    const withoutSecond = trail.slice(0, 2);
    const retimed = [{ ...withoutSecond[0]!, at: '2030-01-01T00:00:00.000Z' }, withoutSecond[1]!];
    expect(await storedCaseProblems({ caseId: CASE_ID, trail: retimed, captures, files })).toEqual([
      { kind: 'audit-broken', seq: 0, reason: 'hash-mismatch' },
      { kind: 'file-missing', captureId: 'cap-1', fileId: first.files[0]!.id, fileName: first.files[0]!.name },
      { kind: 'capture-not-audited', captureId: 'cap-2' },
    ]);
  });
});

describe('verifyCase through the store', () => {
  it('only reads: a tampered case is reported and left exactly as it was', async () => {
    const { db, store } = await openTestStore();
    const { id: caseId } = await store.ensureDefaultCase();
    const { record, files } = await makeCapture(caseId);
    await store.saveCapture(record, files, 'victim');
    await db.put('files', { ...files[0]!, blob: await flipOneByte(files[0]!.blob) });
    await db.delete('audit', [caseId, 0]);

    const snapshot = async () => ({
      cases: await db.getAll('cases'),
      captures: await db.getAll('captures'),
      audit: await db.getAll('audit'),
      settings: await db.getAll('settings'),
      files: await Promise.all(
        (await db.getAll('files')).map(async ({ blob, ...meta }) => ({ ...meta, bytes: await sha256Hex(blob) })),
      ),
    });
    const before = await snapshot();
    const problems = await store.verifyCase(caseId);
    expect(problems.map((problem) => problem.kind)).toEqual(['audit-broken', 'file-hash-mismatch']);
    expect(problems[0]).toEqual({ kind: 'audit-broken', seq: 1, reason: 'missing-before' });
    expect(await snapshot()).toEqual(before);
  });
});
