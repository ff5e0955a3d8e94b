/**
 * The sweep of orphan chunks (lib/storage/chunk-sweep.ts) on fake-indexeddb: an import of a recording cut off at
 * several points (before its first chunk, in the middle, after its last chunk but before its one transaction)
 * leaves nothing half-visible; while the import is alive the sweep leaves its chunks alone, once its context is
 * gone they are removed, and the same bundle then imports cleanly. A recording being written and the evidence
 * already there are never touched, and Verify stays clean.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readBundle } from '../../../lib/bundle/import';
import { planImport } from '../../../lib/bundle/import-plan';
import { localChunkWrites } from '../../../lib/storage/chunk-sweep';
import { openEvidenceDb } from '../../../lib/storage/db';
import { enableEncryption } from '../../../lib/storage/encryption-conversion';
import { EvidenceStore } from '../../../lib/storage/evidence-store';
import { keyCipher, type EvidenceCipher } from '../../../lib/storage/sealing';
import { exportCaseToBlob, freshStore, recordSynthetic, storedSha256 } from '../../support/recording-roundtrip';
import { CONTEXT, start, videoBytes } from './recording-helpers';

const MIB = 1 << 20;
/** Imported in 1 MiB chunks (DEFAULT_CHUNK_SIZE): 5 chunks. */
const RECORDING_BYTES = 4 * MIB + 12_345;
const IMPORTED_CHUNKS = 5;

/**
 * The data key, until the `at`-th request after `stallAt` is called: that one never answers, as a context that
 * died there. The import asks once per chunk (writeChunk) and once for its final transaction.
 */
function stallingCipher(key: CryptoKey) {
  let calls = 0;
  let stallAfter = Infinity;
  let reached: () => void = () => undefined;
  const cipher: EvidenceCipher = {
    key: () => {
      calls += 1;
      if (calls !== stallAfter) return Promise.resolve(key);
      reached();
      return new Promise<CryptoKey | null>(() => undefined);
    },
  };
  const stallAt = (at: number) => {
    stallAfter = calls + at;
    return new Promise<void>((resolve) => (reached = resolve));
  };
  return { cipher, stallAt };
}

async function bundleWithRecording() {
  const { store } = await freshStore({ passphrase: true });
  const made = await recordSynthetic(store, { totalBytes: RECORDING_BYTES, chunkSize: MIB });
  const { zip } = await exportCaseToBlob(store, made.caseId);
  const plan = planImport(await readBundle(zip), { bundleName: 'evidence.zip', importedAt: new Date(), actorRole: 'staff' });
  return { made, plan };
}

/** A LockManager as browsers share it between an extension's contexts; `die(name)` is the holder's context ending. */
function fakeWebLocks() {
  const held = new Set<string>();
  return {
    locks: {
      request: async <T>(name: string, callback: () => Promise<T>): Promise<T> => {
        held.add(name);
        try {
          return await callback();
        } finally {
          held.delete(name);
        }
      },
      query: () => Promise.resolve({ held: Array.from(held, (name) => ({ name })) }),
    },
    holds: (fileId: string) => Array.from(held).some((name) => name.endsWith(`:${fileId}`)),
    die: (fileId: string) => held.forEach((name) => name.endsWith(`:${fileId}`) && held.delete(name)),
  };
}

const LOCKS = [
  ['this context only (no Web Locks)', () => ({ holds: (id: string) => localChunkWrites.has(id), die: (id: string) => localChunkWrites.delete(id) })],
  [
    'Web Locks',
    () => {
      const web = fakeWebLocks();
      vi.stubGlobal('navigator', { locks: web.locks });
      return web;
    },
  ],
] as const;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe.each(LOCKS)('orphan chunks of an interrupted import, locks: %s', (_locks, useLocks) => {
  it.each([
    ['before its first chunk', 0],
    ['in the middle', 2],
    ['after its last chunk, before its transaction', IMPORTED_CHUNKS],
  ])('cut off %s: the live import is left alone, the dead one swept, the case imports again', async (_when, chunksWritten) => {
    const { made, plan } = await bundleWithRecording();
    const locks = useLocks();
    const db = await openEvidenceDb(`sweep-${crypto.randomUUID()}`);
    const { dataKey } = await enableEncryption(db, 'a passphrase for the sweep test', { iterations: 1_000 });
    const stalling = stallingCipher(dataKey);
    const store = new EvidenceStore(db, { cipher: stalling.cipher });
    // Evidence already here, and a recording being written: neither may be touched.
    const own = await recordSynthetic(store, { totalBytes: 2 * MIB + 7, chunkSize: MIB });
    const live = await store.startRecording(start(own.caseId), CONTEXT);
    await live.append(videoBytes(MIB * 2 + 1));
    const chunksBefore = await db.count('chunks');

    const stalled = stalling.stallAt(chunksWritten + 1);
    void store.importCase(plan);
    await stalled;
    const imported = plan.files.find((file) => file.role === 'video')!.id;
    const importedChunks = async () => (await db.getAllKeys('chunks')).filter(([fileId]) => fileId === imported).length;
    expect(await importedChunks()).toBe(chunksWritten);
    expect(locks.holds(imported)).toBe(true);

    const sweeper = new EvidenceStore(db, { cipher: keyCipher(dataKey) });
    expect(await sweeper.sweepOrphanChunks()).toEqual([]);
    expect(await importedChunks()).toBe(chunksWritten);

    // The importing context dies: its lock goes with it.
    locks.die(imported);
    expect(await sweeper.sweepOrphanChunks()).toEqual(chunksWritten > 0 ? [imported] : []);
    expect(await importedChunks()).toBe(0);
    expect(await db.count('chunks')).toBe(chunksBefore);
    expect((await sweeper.listCases()).map((found) => found.id)).not.toContain(plan.caseRecord.id);
    expect(await sweeper.verifyCase(own.caseId)).toEqual([]);
    expect(await storedSha256(sweeper, own.fileId)).toEqual({ sha256: own.sha256, size: 2 * MIB + 7 });
    await live.finish({ durationMs: 2000, endedBy: 'stop', poster: new Blob([new Uint8Array([1])], { type: 'image/png' }), width: 10, height: 10 });
    expect(await sweeper.verifyCase(own.caseId)).toEqual([]);

    await sweeper.importCase(plan);
    expect(await storedSha256(sweeper, imported)).toEqual({ sha256: made.sha256, size: RECORDING_BYTES });
    expect(await sweeper.verifyCase(plan.caseRecord.id)).toEqual([]);
    expect(await sweeper.sweepOrphanChunks()).toEqual([]);
    db.close();
  });

});

it('nothing to sweep in a store without orphans (no passphrase)', async () => {
  const { store } = await freshStore();
  await recordSynthetic(store, { totalBytes: MIB + 1, chunkSize: MIB });
  expect(await store.sweepOrphanChunks()).toEqual([]);
});
