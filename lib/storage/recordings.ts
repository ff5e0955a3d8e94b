/**
 * Recordings of a tab as evidence (issue 12): written chunk by chunk while they are made, evidence only at the end.
 *
 * - `startRecording` stores a pending record (`recordings` store: what is known at the start, sealed when a
 *   passphrase is set). Nothing is visible as evidence yet.
 * - `append` buffers the recorder's pieces and writes full chunks of `chunkSize` bytes (chunks.ts), each in its
 *   own transaction, while the SHA-256 of the whole byte stream is computed incrementally (@noble/hashes). Memory:
 *   at most one chunk plus the piece being added.
 * - `finish` writes, in ONE transaction, the final chunk (marked final), the capture record, the video's file
 *   record, the poster frame and the 'capture' audit entry, and removes the pending record: all or nothing.
 * - `abandon` removes the pending record and every chunk written.
 * The writer keeps the data key it started with (HeldKeyCipher) until it is finished or abandoned: a lock or
 * quick exit stops the recording, and its last chunks and its record are still sealed, never lost nor in clear.
 * A recording cut by a crash (pending record left) is handled at startup by recovery.ts.
 */
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';
import { sha256Hex } from '../evidence/hash';
import { localIsoTime } from '../evidence/time';
import { fitCaptureRecord } from '../evidence/fit-capture';
import type { CaptureRecord, CapturerRole, FileMeta, RecordingEndReason, RecordingInfo, StoredFile } from '../evidence/types';
import { pageIdentifiers } from '../platforms/page-identifiers';
import { parsePlatformUrl } from '../platforms/registry';
import { appendAudit } from './audit-trail';
import { captureSummary } from './captures';
import { requireCase } from './cases';
import { deleteChunksIn, writeChunk } from './chunks';
import type { StoreCore } from './core';
import type { ChunkRecord, PendingRecordingRecord, RecordingStart, StoredFileRecord } from './db';
import { invalid } from './errors';
import { HeldKeyCipher, seal } from './sealing';

export type { RecordingStart } from './db';

/** Default chunk size: 1 MiB (bench: npm run bench -- recordings). */
export const DEFAULT_CHUNK_SIZE = 1 << 20;
export const VIDEO_FILE_NAME = 'recording.webm';
export const VIDEO_MIME = 'video/webm';

/** Where and by whom the recording is made (the background knows these; the store does not ask the browser). */
export interface RecordingContext {
  actorRole: CapturerRole;
  browser: { name: string; version: string };
  extension: { name: string; version: string };
  /** IANA time zone; default: this context's. */
  timeZone?: string;
  /** Bytes per stored chunk; default DEFAULT_CHUNK_SIZE. */
  chunkSize?: number;
}

export interface RecordingFinish {
  durationMs: number;
  endedBy: Exclude<RecordingEndReason, 'interrupted'>;
  /** One frame, band included (PNG or JPEG). */
  poster: Blob;
  width: number;
  height: number;
  /** The tab's address and title at the end, when they changed. Default: those at the start. */
  finalUrl?: string;
  title?: string;
}

export interface RecordingWriter {
  readonly captureId: string;
  readonly fileId: string;
  /** Bytes appended so far. */
  readonly size: number;
  /** In order; written through to IndexedDB a chunk at a time. Calls are queued: await each to bound memory. */
  append(chunk: Uint8Array): Promise<void>;
  /** ONE transaction: final chunk, capture record, files, audit entry. */
  finish(done: RecordingFinish): Promise<CaptureRecord>;
  /** Removes every chunk written so far and the pending record. */
  abandon(): Promise<void>;
}

/** A capture id is a folder name in bundles (lib/evidence/fields.ts `segment`). */
const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

/** Capture ids of recordings being written in this context: recovery leaves them alone. */
export const liveRecordings = new Set<string>();

export async function startRecording(core: StoreCore, start: RecordingStart, context: RecordingContext): Promise<RecordingWriter> {
  const captureId = start.captureId ?? core.newId();
  if (!SAFE_ID.test(captureId)) throw invalid(`The capture id ${JSON.stringify(captureId)} cannot name a folder.`);
  const pending: PendingRecordingRecord = {
    id: captureId,
    fileId: `${captureId}/${VIDEO_FILE_NAME}`,
    caseId: start.caseId,
    startedAt: start.startedAt,
    chunkSize: Math.max(1024, Math.floor(context.chunkSize ?? DEFAULT_CHUNK_SIZE)),
    actorRole: context.actorRole,
    start: { ...start },
    timeZone: context.timeZone ?? (Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'),
    browser: { ...context.browser },
    extension: { ...context.extension },
  };
  const heldKey = new HeldKeyCipher(core.cipher, await core.cipher.key());
  const writerCore = core.withCipher(heldKey);
  await writerCore.sealedWrite(
    ['cases', 'recordings', 'settings'],
    async (key) => (key ? seal('recordings', key, pending) : pending),
    async (tx, stored) => {
      await requireCase(tx.objectStore('cases'), start.caseId);
      await tx.objectStore('recordings').add(stored);
    },
  );
  liveRecordings.add(captureId);
  return new Writer(writerCore, heldKey, pending);
}

class Writer implements RecordingWriter {
  private readonly hash = sha256.create();
  private buffered: Uint8Array[] = [];
  private bufferedBytes = 0;
  private nextIndex = 0;
  private total = 0;
  private queue: Promise<void> = Promise.resolve();
  /** No more appends (finish or abandon was called). */
  private closed = false;
  /** Finished or abandoned successfully: nothing more can happen. */
  private settled = false;

  constructor(
    private readonly core: StoreCore,
    private readonly heldKey: HeldKeyCipher,
    private readonly pending: PendingRecordingRecord,
  ) {}

  get captureId(): string {
    return this.pending.id;
  }

  get fileId(): string {
    return this.pending.fileId;
  }

  get size(): number {
    return this.total;
  }

  append(chunk: Uint8Array): Promise<void> {
    if (this.closed) return Promise.reject(invalid('The recording is already finished or abandoned.'));
    const copy = new Uint8Array(chunk);
    const step = this.queue.then(() => this.take(copy));
    this.queue = step.catch(() => undefined);
    return step;
  }

  private async take(chunk: Uint8Array): Promise<void> {
    this.hash.update(chunk);
    this.total += chunk.length;
    this.buffered.push(chunk);
    this.bufferedBytes += chunk.length;
    // Strictly more than a chunk: the final chunk (written by finish) is never empty.
    while (this.bufferedBytes > this.pending.chunkSize) {
      await writeChunk(this.core, this.chunkRecord(this.takeBytes(this.pending.chunkSize), false));
    }
  }

  private takeBytes(count: number): Uint8Array<ArrayBuffer> {
    const out = new Uint8Array(count);
    let filled = 0;
    while (filled < count) {
      const head = this.buffered[0]!;
      const used = Math.min(head.length, count - filled);
      out.set(head.subarray(0, used), filled);
      filled += used;
      if (used === head.length) this.buffered.shift();
      else this.buffered[0] = head.subarray(used);
    }
    this.bufferedBytes -= count;
    return out;
  }

  private chunkRecord(bytes: Uint8Array<ArrayBuffer>, last: boolean): ChunkRecord {
    return { fileId: this.pending.fileId, index: this.nextIndex++, last, data: new Blob([bytes]) };
  }

  async finish(done: RecordingFinish): Promise<CaptureRecord> {
    if (this.closed) throw invalid('The recording is already finished or abandoned.');
    this.closed = true;
    await this.queue;
    if (this.total === 0) throw invalid('The recording is empty; nothing was stored.');
    const finalChunk = this.chunkRecord(this.takeBytes(this.bufferedBytes), true);
    const video = videoMeta(this.pending, this.total, bytesToHex(this.hash.digest()), done);
    const poster = await posterFile(this.pending.id, done);
    const info: RecordingInfo = {
      method: this.pending.start.method,
      mimeType: this.pending.start.mimeType,
      durationMs: Math.max(0, Math.round(done.durationMs)),
      endedBy: done.endedBy,
      audio: this.pending.start.audio,
      frameRate: this.pending.start.frameRate,
      partial: false,
    };
    const record = recordingRecord(this.pending, info, [video, metaOf(poster)], done);
    const videoRecord: StoredFileRecord = {
      ...video,
      blob: new Blob([], { type: VIDEO_MIME }),
      chunks: { count: finalChunk.index + 1, chunkSize: this.pending.chunkSize },
    };
    await commitRecording(this.core, this.pending, record, [videoRecord, poster], finalChunk);
    this.settle();
    return record;
  }

  /** Also after a failed finish (the chunks are still there). */
  async abandon(): Promise<void> {
    if (this.settled) throw invalid('The recording is already finished or abandoned.');
    this.closed = true;
    await this.queue;
    this.buffered = [];
    this.bufferedBytes = 0;
    await removePending(this.core, this.pending.id, this.pending.fileId);
    this.settle();
  }

  /** Done for good: the held key is forgotten. */
  private settle(): void {
    this.settled = true;
    this.heldKey.drop();
    liveRecordings.delete(this.pending.id);
  }
}

/**
 * The capture record, video file record, other files and audit entry in one transaction, with the pending
 * record removed and (when given) the final chunk added. Used by finish and by recovery (partial recordings).
 */
export async function commitRecording(
  core: StoreCore,
  pending: PendingRecordingRecord,
  record: CaptureRecord,
  files: StoredFileRecord[],
  finalChunk: ChunkRecord | null,
): Promise<void> {
  const details = {
    ...captureSummary(record),
    requestedUrl: record.requestedUrl,
    durationMs: record.recording?.durationMs ?? null,
    endedBy: record.recording?.endedBy ?? null,
    partial: record.recording?.partial ?? false,
  };
  await core.sealedWrite(
    ['cases', 'captures', 'files', 'audit', 'settings', 'recordings', 'chunks'],
    async (key) => {
      const sealedFiles: StoredFileRecord[] = [];
      for (const file of files) sealedFiles.push(key ? await seal('files', key, file) : file);
      const chunk = finalChunk && key ? await seal('chunks', key, finalChunk) : finalChunk;
      return { files: sealedFiles, chunk, ...(await core.sealFor(key, 'captures', record, record.caseId, details)) };
    },
    async (tx, p) => {
      await requireCase(tx.objectStore('cases'), record.caseId);
      if (!(await tx.objectStore('recordings').get(pending.id))) {
        throw invalid(`The recording ${pending.id} is no longer pending (abandoned or recovered).`);
      }
      if (p.chunk) await tx.objectStore('chunks').add(p.chunk);
      await tx.objectStore('captures').add(p.toStore);
      for (const file of p.files) await tx.objectStore('files').add(file);
      await tx.objectStore('recordings').delete(pending.id);
      const fields = { caseId: record.caseId, at: core.nowIso(), action: 'capture' as const, actorRole: pending.actorRole, details };
      await appendAudit(tx.objectStore('audit'), fields, p.auditSeal);
    },
  );
}

/** Removes a pending recording and its chunks (one transaction). */
export async function removePending(core: StoreCore, captureId: string, fileId: string): Promise<void> {
  await core.write(['recordings', 'chunks'], async (tx) => {
    await deleteChunksIn(tx.objectStore('chunks'), fileId);
    await tx.objectStore('recordings').delete(captureId);
  });
}

export function recordingRecord(
  pending: PendingRecordingRecord,
  recording: RecordingInfo,
  files: FileMeta[],
  done: { width: number; height: number; finalUrl?: string; title?: string } | null,
): CaptureRecord {
  const { start } = pending;
  const finalUrl = done?.finalUrl ?? start.tabUrl;
  const parsed = parsePlatformUrl(finalUrl) ?? parsePlatformUrl(start.tabUrl);
  const size = { width: done?.width ?? 0, height: done?.height ?? 0 };
  return fitCaptureRecord({
    id: pending.id,
    caseId: pending.caseId,
    requestedUrl: start.tabUrl,
    finalUrl,
    title: done?.title ?? start.title,
    platform: start.platform ?? parsed?.platform ?? null,
    parsed,
    identifiers: parsed ? pageIdentifiers(parsed) : [],
    selectedItems: [],
    mode: 'video',
    capturedAt: start.startedAt,
    timeZone: pending.timeZone,
    localTime: localIsoTime(new Date(start.startedAt), pending.timeZone),
    viewport: size,
    page: size,
    devicePixelRatio: 1,
    scale: 1,
    scroller: 'none',
    browser: pending.browser,
    extension: pending.extension,
    files,
    notes: '',
    recording,
  });
}

export function videoMeta(
  pending: PendingRecordingRecord,
  size: number,
  sha256hex: string,
  done: { width: number; height: number } | null,
): FileMeta {
  return {
    id: pending.fileId,
    captureId: pending.id,
    role: 'video',
    name: VIDEO_FILE_NAME,
    mime: VIDEO_MIME,
    size,
    sha256: sha256hex,
    ...(done ? { width: done.width, height: done.height } : {}),
  };
}

async function posterFile(captureId: string, done: RecordingFinish): Promise<StoredFile> {
  const mime = done.poster.type === 'image/jpeg' ? 'image/jpeg' : 'image/png';
  const name = mime === 'image/jpeg' ? 'poster.jpg' : 'poster.png';
  return {
    id: `${captureId}/${name}`,
    captureId,
    role: 'poster',
    name,
    mime,
    size: done.poster.size,
    sha256: await sha256Hex(done.poster),
    width: done.width,
    height: done.height,
    blob: done.poster,
  };
}

function metaOf(file: StoredFile): FileMeta {
  const { blob: _blob, ...meta } = file;
  return meta;
}
