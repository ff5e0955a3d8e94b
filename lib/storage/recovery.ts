/**
 * Recordings cut by a crash, a closed browser or a stopped extension (a pending record left in `recordings`, its
 * chunks written, never finished), handled at startup. Never half-visible: each becomes, in one transaction, a
 * capture clearly marked partial, or is removed with its chunks.
 *
 * Kept as partial when the chunks written form a playable beginning of the video: WebM from MediaRecorder is a
 * header then clusters, so every prefix that starts with the EBML header decodes up to its last whole cluster
 * (players stop there). Evidence of a video that was removed from the platform meanwhile is worth keeping even
 * in part. Removed when nothing usable was written (no chunk, or not a WebM start). The partial capture has
 * `recording.partial: true`, `endedBy: 'interrupted'`, no poster frame and an unknown duration; its 'capture'
 * audit entry says `partial: true`, and the manager, the report and the bundle show it.
 */
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';
import { ChunkError, chunkRange, readChunks } from './chunks';
import type { StoreCore } from './core';
import type { PendingRecordingRecord, StoredFileRecord } from './db';
import { commitRecording, liveRecordings, recordingRecord, removePending, VIDEO_MIME, videoMeta } from './recordings';
import { LockedError, unseal } from './sealing';

/** The first bytes of every WebM (EBML) file. */
const EBML_MAGIC = [0x1a, 0x45, 0xdf, 0xa3] as const;

export interface RecoveryOutcome {
  /** Capture ids kept as partial recordings. */
  kept: string[];
  /** Capture ids removed (nothing usable written). */
  removed: string[];
  /** Pending recordings left for later: sealed while the evidence is locked (run again after unlocking). */
  waiting: number;
}

export async function recoverInterruptedRecordings(core: StoreCore): Promise<RecoveryOutcome> {
  const outcome: RecoveryOutcome = { kept: [], removed: [], waiting: 0 };
  const stored = await core.read(() => core.db.getAll('recordings'));
  const key = await core.cipher.key();
  for (const raw of stored) {
    if (liveRecordings.has(raw.id)) continue;
    let pending: PendingRecordingRecord;
    try {
      pending = await unseal('recordings', key, raw);
    } catch (error) {
      if (error instanceof LockedError) {
        outcome.waiting++;
        continue;
      }
      throw error;
    }
    const prefix = await readablePrefix(core, pending);
    if (prefix === 'locked') outcome.waiting++;
    else if (prefix.count > 0 && prefix.webm) {
      await keepPartial(core, pending, prefix);
      outcome.kept.push(pending.id);
    } else {
      await removePending(core, pending.id, pending.fileId);
      outcome.removed.push(pending.id);
    }
  }
  return outcome;
}

interface Prefix {
  count: number;
  size: number;
  sha256: string;
  webm: boolean;
}

/** The chunks from 0 on that are there and intact (read, decrypted, hashed one at a time). */
async function readablePrefix(core: StoreCore, pending: PendingRecordingRecord): Promise<Prefix | 'locked'> {
  const stored = await core.read(() => core.db.count('chunks', chunkRange(pending.fileId)));
  const hash = sha256.create();
  let count = 0;
  let size = 0;
  let webm = false;
  try {
    for await (const chunk of readChunks(core, pending.fileId, { count: stored, chunkSize: pending.chunkSize, partial: true })) {
      if (count === 0) webm = EBML_MAGIC.every((byte, index) => chunk[index] === byte);
      hash.update(chunk);
      size += chunk.length;
      count++;
    }
  } catch (error) {
    if (error instanceof LockedError || (error instanceof Error && error.cause instanceof LockedError)) return 'locked';
    // A hole or a damaged chunk: keep what comes before it.
    if (!(error instanceof ChunkError)) throw error;
  }
  return { count, size, sha256: bytesToHex(hash.digest()), webm };
}

async function keepPartial(core: StoreCore, pending: PendingRecordingRecord, prefix: Prefix): Promise<void> {
  // Chunks after a hole are not part of the partial file.
  await core.write(['chunks'], async (tx) => {
    await tx.objectStore('chunks').delete(IDBKeyRange.bound([pending.fileId, prefix.count], [pending.fileId, Infinity]));
  });
  const video = videoMeta(pending, prefix.size, prefix.sha256, null);
  const record = recordingRecord(
    pending,
    {
      method: pending.start.method,
      mimeType: pending.start.mimeType,
      durationMs: null,
      endedBy: 'interrupted',
      audio: pending.start.audio,
      frameRate: pending.start.frameRate,
      partial: true,
    },
    [video],
    null,
  );
  const file: StoredFileRecord = {
    ...video,
    blob: new Blob([], { type: VIDEO_MIME }),
    chunks: { count: prefix.count, chunkSize: pending.chunkSize, partial: true },
  };
  await commitRecording(core, pending, record, [file], null);
}
