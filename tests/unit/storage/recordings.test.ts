/**
 * Recordings stored chunk by chunk (lib/storage/recordings.ts, chunks.ts, recovery.ts) on fake-indexeddb: one
 * final transaction, abandon, incremental SHA-256, sealing per chunk with every tampering named, recovery after
 * a crash, and the passphrase set or removed over chunked files.
 */
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';
import { describe, expect, it } from 'vitest';
import { disableEncryption, enableEncryption } from '../../../lib/storage/encryption-conversion';
import { EvidenceStore } from '../../../lib/storage/evidence-store';
import { isSealed, keyCipher, NO_CIPHER } from '../../../lib/storage/sealing';
import { rawDump, TEST_KDF } from './encryption-helpers';
import { openTestStore } from './helpers';
import { CHUNK, collect, CONTEXT, encryptedStore, feed, finish, PASS, start, videoBytes } from './recording-helpers';

describe('a recording without a passphrase', () => {
  it('writes chunks as they come, is invisible until finish, then is one capture with its file, poster and audit entry', async () => {
    const { db, store } = await openTestStore();
    const caseRecord = await store.ensureDefaultCase();
    const bytes = videoBytes(CHUNK * 3 + 500);
    const writer = await store.startRecording(start(caseRecord.id), CONTEXT);
    await feed(writer, bytes);

    // Written through: every full chunk is stored, the rest (at most one chunk) is held; nothing is evidence yet.
    expect(await db.count('chunks')).toBe(3);
    expect(await store.listCaptures(caseRecord.id)).toEqual([]);
    expect((await store.auditTrail(caseRecord.id)).map((entry) => entry.action)).toEqual(['case-create']);

    const record = await writer.finish(finish);
    const expected = bytesToHex(sha256(bytes));
    expect(record).toMatchObject({ id: writer.captureId, mode: 'video', platform: 'tiktok', recording: { durationMs: 4200, endedBy: 'stop', partial: false, audio: true } });
    expect(record.files.map((file) => [file.role, file.name, file.mime])).toEqual([
      ['video', 'recording.webm', 'video/webm'],
      ['poster', 'poster.png', 'image/png'],
    ]);
    expect(record.files[0]).toMatchObject({ size: bytes.length, sha256: expected });
    expect(await db.count('chunks')).toBe(4);
    expect(await db.count('recordings')).toBe(0);
    expect(await store.listCaptures(caseRecord.id)).toEqual([record]);
    const entry = (await store.auditTrail(caseRecord.id)).at(-1)!;
    expect(entry).toMatchObject({ action: 'capture', details: { captureId: record.id, partial: false, endedBy: 'stop', fileSha256s: record.files.map((file) => file.sha256) } });

    expect(await collect(store.readFileChunks(writer.fileId))).toEqual(bytes);
    const [video] = await store.getFiles(record.id, 'video');
    expect(new Uint8Array(await video!.blob.arrayBuffer())).toEqual(bytes);
    expect(video).not.toHaveProperty('chunks');
    expect(await store.verifyCase(caseRecord.id)).toEqual([]);
  });

  it('abandon removes every chunk and the pending record; nothing reaches the case', async () => {
    const { db, store } = await openTestStore();
    const caseRecord = await store.ensureDefaultCase();
    const writer = await store.startRecording(start(caseRecord.id), CONTEXT);
    await feed(writer, videoBytes(CHUNK * 5));
    expect(await db.count('chunks')).toBe(4);
    await writer.abandon();
    expect(await db.count('chunks')).toBe(0);
    expect(await db.count('recordings')).toBe(0);
    expect(await store.listCaptures(caseRecord.id)).toEqual([]);
    await expect(writer.append(new Uint8Array(1))).rejects.toMatchObject({ code: 'invalid' });
  });

  it('refuses an empty recording, an unknown case, and a second finish', async () => {
    const { store } = await openTestStore();
    const caseRecord = await store.ensureDefaultCase();
    await expect(store.startRecording(start('no-such-case'), CONTEXT)).rejects.toMatchObject({ code: 'invalid' });
    await expect(store.startRecording({ ...start(caseRecord.id), captureId: '../x' }, CONTEXT)).rejects.toMatchObject({ code: 'invalid' });
    const named = await store.startRecording({ ...start(caseRecord.id), captureId: 'rec-1' }, CONTEXT);
    expect(named.captureId).toBe('rec-1');
    await named.abandon();
    const empty = await store.startRecording(start(caseRecord.id), CONTEXT);
    await expect(empty.finish(finish)).rejects.toThrow('The recording is empty');
    await empty.abandon();
    const writer = await store.startRecording(start(caseRecord.id), CONTEXT);
    await writer.append(videoBytes(10));
    await writer.finish(finish);
    await expect(writer.finish(finish)).rejects.toThrow('already finished');
  });

  it('a deleted recording takes its chunks with it', async () => {
    const { db, store } = await openTestStore();
    const caseRecord = await store.ensureDefaultCase();
    const writer = await store.startRecording(start(caseRecord.id), CONTEXT);
    await feed(writer, videoBytes(CHUNK * 2 + 3));
    await writer.finish(finish);
    await store.deleteCapture(writer.captureId, 'victim');
    expect(await db.count('chunks')).toBe(0);
    expect(await db.count('files')).toBe(0);
  });
});

describe('a recording with a passphrase: sealed chunk by chunk', () => {
  it('stores no clear byte of the video or its address, reads back equal and verifies', async () => {
    const { db, store: plain, name } = await openTestStore();
    const caseRecord = await plain.ensureDefaultCase();
    const store = await encryptedStore(db);
    const bytes = videoBytes(CHUNK * 4 + 10);
    const writer = await store.startRecording(start(caseRecord.id), CONTEXT);
    await feed(writer, bytes);
    const pending = await db.getAll('recordings');
    expect(pending.every(isSealed)).toBe(true);
    const record = await writer.finish(finish);
    expect((await db.getAll('chunks')).every(isSealed)).toBe(true);
    const dump = await rawDump(name);
    expect(dump).not.toContain('tiktok.com');
    expect(dump).not.toContain(Buffer.from(bytes.subarray(100, 140)).toString('latin1'));
    expect(await collect(store.readFileChunks(writer.fileId))).toEqual(bytes);
    expect(record.files[0]!.sha256).toBe(bytesToHex(sha256(bytes)));
    expect(await store.verifyCase(caseRecord.id)).toEqual([]);
    // Locked: nothing to read.
    await expect(collect(new EvidenceStore(db, { cipher: NO_CIPHER }).readFileChunks(writer.fileId))).rejects.toMatchObject({ code: 'locked' });
  });

  describe('tampering with the stored chunks is detected and named', () => {
    async function recorded() {
      const { db, store: plain } = await openTestStore();
      const caseRecord = await plain.ensureDefaultCase();
      const store = await encryptedStore(db);
      const writer = await store.startRecording(start(caseRecord.id), CONTEXT);
      await feed(writer, videoBytes(CHUNK * 4 + 10));
      await writer.finish(finish);
      const problem = async () => (await store.verifyCase(caseRecord.id)).filter((p) => p.kind === 'file-chunk');
      return { db, fileId: writer.fileId, problem };
    }

    it('two chunks swapped: moved', async () => {
      const { db, fileId, problem } = await recorded();
      const [a, b] = [await db.get('chunks', [fileId, 1]), await db.get('chunks', [fileId, 2])];
      await db.put('chunks', { ...a!, data: b!.data });
      await db.put('chunks', { ...b!, data: a!.data });
      expect(await problem()).toEqual([expect.objectContaining({ fault: 'moved', chunk: 1, fileName: 'recording.webm' })]);
    });

    it('a whole chunk record moved to another place: moved', async () => {
      const { db, fileId, problem } = await recorded();
      const first = await db.get('chunks', [fileId, 0]);
      await db.put('chunks', { ...first!, index: 3 });
      expect(await problem()).toEqual([expect.objectContaining({ fault: 'moved', chunk: 3 })]);
    });

    it('a chunk in the middle dropped: missing', async () => {
      const { db, fileId, problem } = await recorded();
      await db.delete('chunks', [fileId, 2]);
      expect(await problem()).toEqual([expect.objectContaining({ fault: 'missing', chunk: 2 })]);
    });

    it('the end cut off, or the final marker moved: truncated', async () => {
      const { db, fileId, problem } = await recorded();
      await db.delete('chunks', [fileId, 4]);
      expect(await problem()).toEqual([expect.objectContaining({ fault: 'truncated', chunk: 4 })]);
      const third = await db.get('chunks', [fileId, 3]);
      await db.put('chunks', { ...third!, last: true });
      expect(await problem()).toEqual([expect.objectContaining({ fault: 'truncated', chunk: 3 })]);
    });

    it('one byte of a chunk changed: changed; a chunk added: extra', async () => {
      const { db, fileId, problem } = await recorded();
      const chunk = await db.get('chunks', [fileId, 0]);
      const bytes = new Uint8Array(await chunk!.data.arrayBuffer());
      bytes[40] = bytes[40]! ^ 1;
      await db.put('chunks', { ...chunk!, data: new Blob([bytes]) });
      expect(await problem()).toEqual([expect.objectContaining({ fault: 'changed', chunk: 0 })]);
      await db.put('chunks', chunk!);
      await db.put('chunks', { ...chunk!, index: 5 });
      expect(await problem()).toEqual([expect.objectContaining({ fault: 'extra', chunk: 5 })]);
    });
  });

  it('without a passphrase a changed chunk shows as a wrong SHA-256 of the file', async () => {
    const { db, store } = await openTestStore();
    const caseRecord = await store.ensureDefaultCase();
    const writer = await store.startRecording(start(caseRecord.id), CONTEXT);
    await feed(writer, videoBytes(CHUNK * 2 + 10));
    await writer.finish(finish);
    const chunk = await db.get('chunks', [writer.fileId, 1]);
    const bytes = new Uint8Array(await chunk!.data.arrayBuffer());
    bytes[3] = bytes[3]! ^ 1;
    await db.put('chunks', { ...chunk!, data: new Blob([bytes]) });
    expect((await store.verifyCase(caseRecord.id)).map((p) => p.kind)).toEqual(['file-hash-mismatch']);
  });
});

describe('a passphrase set or removed later converts chunked files too', () => {
  it('seals every chunk, then opens them all again, the video unchanged', async () => {
    const { db, store } = await openTestStore();
    const caseRecord = await store.ensureDefaultCase();
    const bytes = videoBytes(CHUNK * 3 + 77);
    const writer = await store.startRecording(start(caseRecord.id), CONTEXT);
    await feed(writer, bytes);
    await writer.finish(finish);
    const pending = await store.startRecording(start(caseRecord.id), CONTEXT);
    await feed(pending, videoBytes(CHUNK * 2));

    const { dataKey } = await enableEncryption(db, PASS, TEST_KDF);
    expect((await db.getAll('chunks')).every(isSealed)).toBe(true);
    expect((await db.getAll('recordings')).every(isSealed)).toBe(true);
    const sealed = new EvidenceStore(db, { cipher: keyCipher(dataKey) });
    expect(await collect(sealed.readFileChunks(writer.fileId))).toEqual(bytes);
    expect(await sealed.verifyCase(caseRecord.id)).toEqual([]);

    await disableEncryption(db, PASS);
    expect((await db.getAll('chunks')).some(isSealed)).toBe(false);
    expect(await collect(store.readFileChunks(writer.fileId))).toEqual(bytes);
    expect(await store.verifyCase(caseRecord.id)).toEqual([]);
  });
});

describe('recovery of a recording cut by a crash', () => {
  async function crashed(bytes: Uint8Array, options: { encrypted?: boolean } = {}) {
    const { db, store: plain } = await openTestStore();
    const caseRecord = await plain.ensureDefaultCase();
    const store = options.encrypted ? await encryptedStore(db) : plain;
    const writer = await store.startRecording(start(caseRecord.id), CONTEXT);
    await feed(writer, bytes);
    // The context dies: the writer is gone, its pending record and chunks stay.
    const { liveRecordings } = await import('../../../lib/storage/recordings');
    liveRecordings.delete(writer.captureId);
    return { db, store, caseId: caseRecord.id, writer };
  }

  it('keeps a WebM beginning as a capture marked partial, with its audit entry saying so', async () => {
    const bytes = videoBytes(CHUNK * 3 + 200);
    const { db, store, caseId, writer } = await crashed(bytes, { encrypted: true });
    expect(await store.listCaptures(caseId)).toEqual([]);

    expect(await store.recoverInterruptedRecordings()).toEqual({ kept: [writer.captureId], removed: [], waiting: 0 });
    const [record] = await store.listCaptures(caseId);
    const written = bytes.subarray(0, CHUNK * 3);
    expect(record).toMatchObject({ mode: 'video', recording: { partial: true, endedBy: 'interrupted', durationMs: null } });
    expect(record!.files).toEqual([expect.objectContaining({ role: 'video', size: written.length, sha256: bytesToHex(sha256(written)) })]);
    expect((await store.auditTrail(caseId)).at(-1)).toMatchObject({ action: 'capture', details: { partial: true, endedBy: 'interrupted' } });
    expect(await collect(store.readFileChunks(writer.fileId))).toEqual(written);
    expect(await store.verifyCase(caseId)).toEqual([]);
    expect(await db.count('recordings')).toBe(0);
    // Run again: nothing left to do.
    expect(await store.recoverInterruptedRecordings()).toEqual({ kept: [], removed: [], waiting: 0 });
  });

  it('removes what is not a playable beginning (not WebM, or no chunk written)', async () => {
    const notWebm = videoBytes(CHUNK * 2 + 1);
    notWebm[0] = 0;
    const { db, store, caseId, writer } = await crashed(notWebm);
    const nothing = await store.startRecording(start(caseId), CONTEXT);
    const { liveRecordings } = await import('../../../lib/storage/recordings');
    liveRecordings.delete(nothing.captureId);
    const outcome = await store.recoverInterruptedRecordings();
    expect(outcome.removed.sort()).toEqual([writer.captureId, nothing.captureId].sort());
    expect(outcome.kept).toEqual([]);
    expect(await db.count('chunks')).toBe(0);
    expect(await db.count('recordings')).toBe(0);
    expect(await store.listCaptures(caseId)).toEqual([]);
    expect((await store.auditTrail(caseId)).map((entry) => entry.action)).toEqual(['case-create']);
  });

  it('leaves a recording being written alone, and waits for the key when locked', async () => {
    const { db, store, caseId } = await crashed(videoBytes(CHUNK * 2 + 1), { encrypted: true });
    const live = await store.startRecording(start(caseId), CONTEXT);
    await live.append(videoBytes(CHUNK + 1));
    const locked = new EvidenceStore(db, { cipher: NO_CIPHER });
    expect(await locked.recoverInterruptedRecordings()).toEqual({ kept: [], removed: [], waiting: 1 });
    expect(await store.recoverInterruptedRecordings()).toMatchObject({ removed: [], waiting: 0 });
    expect(await db.count('recordings')).toBe(1);
    await live.finish(finish);
  });

  it('keeps the chunks before a hole and drops those after it', async () => {
    const bytes = videoBytes(CHUNK * 4 + 1);
    const { db, store, caseId, writer } = await crashed(bytes);
    await db.delete('chunks', [writer.fileId, 2]);
    await store.recoverInterruptedRecordings();
    const [record] = await store.listCaptures(caseId);
    expect(record!.files[0]!.size).toBe(CHUNK * 2);
    expect(await db.count('chunks')).toBe(2);
    expect(await store.verifyCase(caseId)).toEqual([]);
  });
});
