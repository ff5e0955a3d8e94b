/**
 * Large files in fixed-size chunks (the `chunks` store, SCHEMA.md version 6): writing one chunk, reading a file
 * back chunk by chunk with every tampering named, and deleting a file's chunks. Memory stays at about one chunk:
 * nothing here ever holds a whole file.
 *
 * With a passphrase set, each chunk is sealed on its own (sealing.ts: AES-GCM, fresh IV, additional data
 * `chunks/<fileId>/<index>/<last|more>`), so a chunk moved to another place or file, dropped, or a file cut short
 * (its final chunk gone) is detected and named, not only seen as a wrong hash at the end.
 */
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';
import { decryptBlob, DecryptError } from '../crypto/cipher';
import type { StoreCore } from './core';
import type { ChunkRecord, ChunkedFileInfo } from './db';
import { chunkAad, isSealed, LockedError, seal, unseal } from './sealing';

/** What is wrong with a stored chunked file, at which chunk (0-based). */
export type ChunkFault =
  /** A chunk in the middle is gone. */
  | 'missing'
  /** The chunk holds another place's chunk (moved or swapped; sealed files only). */
  | 'moved'
  /** The chunk's bytes were changed (sealed files only: clear chunks show as a wrong SHA-256 of the file). */
  | 'changed'
  /** The file ends too early: its final chunks are gone, or the chunk marked final is not the last. */
  | 'truncated'
  /** More chunks are stored than the file has. */
  | 'extra';

export class ChunkError extends Error {
  override readonly name = 'ChunkError';
  constructor(
    readonly fault: ChunkFault,
    readonly index: number,
    detail: string,
  ) {
    super(`Chunk ${index}: ${detail}`);
  }
}

/**
 * Writes one chunk in its own transaction, sealed when writes are sealed (StoreCore.sealedWrite re-checks the
 * encryption state inside the transaction). `add`: a chunk is never overwritten.
 */
export async function writeChunk(core: StoreCore, chunk: ChunkRecord): Promise<void> {
  await core.sealedWrite(
    ['chunks', 'settings'],
    async (key) => (key ? seal('chunks', key, chunk) : chunk),
    async (tx, stored) => {
      await tx.objectStore('chunks').add(stored);
    },
  );
}

export function chunkRange(fileId: string): IDBKeyRange {
  return IDBKeyRange.bound([fileId, 0], [fileId, Infinity]);
}

/** How many chunks are stored for the file, and whether the last one stored is marked final. */
export async function storedChunkCount(core: StoreCore, fileId: string): Promise<number> {
  return core.read(() => core.db.count('chunks', chunkRange(fileId)));
}

/**
 * The file's bytes, chunk by chunk, in order; throws ChunkError naming the first fault. The last chunk must be
 * marked final, except in a partial recording (which has none).
 */
export async function* readChunks(
  core: StoreCore,
  fileId: string,
  info: ChunkedFileInfo,
): AsyncGenerator<Uint8Array<ArrayBuffer>> {
  const expectFinal = !info.partial;
  const key = await core.cipher.key();
  for (let index = 0; index < info.count; index++) {
    const stored = await core.read(() => core.db.get('chunks', [fileId, index]));
    if (!stored) throw await absentChunk(core, fileId, index, info.count);
    const isLast = index === info.count - 1;
    const plain = await openChunk(key, stored, info.count);
    if (plain.last && !isLast) throw new ChunkError('truncated', index, `marked final, but the file has ${info.count} chunks.`);
    if (isLast && expectFinal && !plain.last) throw new ChunkError('truncated', index, 'the final chunk is missing.');
    yield new Uint8Array(await plain.data.arrayBuffer());
  }
  const extra = await core.read(() => core.db.count('chunks', IDBKeyRange.bound([fileId, info.count], [fileId, Infinity])));
  if (extra > 0) throw new ChunkError('extra', info.count, `${extra} more chunks are stored than the file has.`);
}

/** SHA-256 (hex) and size of a chunked file, read chunk by chunk. */
export async function hashChunks(
  core: StoreCore,
  fileId: string,
  info: ChunkedFileInfo,
): Promise<{ sha256: string; size: number }> {
  const hash = sha256.create();
  let size = 0;
  for await (const chunk of readChunks(core, fileId, info)) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { sha256: bytesToHex(hash.digest()), size };
}

/**
 * The file as one Blob, for playback. Clear chunks are joined by reference (browsers keep stored blobs on disk);
 * sealed ones are decrypted one at a time, and the parts joined into a Blob every few chunks so that the page
 * heap holds at most those few (browsers move Blob data out of the page, to disk when large).
 */
export async function chunkedBlob(core: StoreCore, fileId: string, info: ChunkedFileInfo, type: string): Promise<Blob> {
  let joined = new Blob([], { type });
  let parts: BlobPart[] = [];
  for await (const chunk of readChunks(core, fileId, info)) {
    parts.push(chunk);
    if (parts.length >= 8) {
      joined = new Blob([joined, ...parts], { type });
      parts = [];
    }
  }
  return new Blob([joined, ...parts], { type });
}

/**
 * Stores a whole Blob (an imported recording) as chunks, read a slice at a time and hashed on the way; the last
 * chunk is marked final. The caller makes the file evidence afterwards (its `files` record, one transaction) or
 * deletes the chunks (`deleteChunks`). Returns the description for the file record and the SHA-256.
 */
export async function writeBlobAsChunks(
  core: StoreCore,
  fileId: string,
  blob: Blob,
  chunkSize: number,
): Promise<{ info: ChunkedFileInfo; sha256: string }> {
  const hash = sha256.create();
  const count = Math.max(1, Math.ceil(blob.size / chunkSize));
  for (let index = 0; index < count; index++) {
    const bytes = new Uint8Array(await blob.slice(index * chunkSize, (index + 1) * chunkSize).arrayBuffer());
    hash.update(bytes);
    await writeChunk(core, { fileId, index, last: index === count - 1, data: new Blob([bytes]) });
  }
  return { info: { count, chunkSize }, sha256: bytesToHex(hash.digest()) };
}

export async function deleteChunks(core: StoreCore, fileId: string): Promise<void> {
  await core.write(['chunks'], async (tx) => deleteChunksIn(tx.objectStore('chunks'), fileId));
}

/** Deletes every chunk of the file, inside the caller's transaction. */
export async function deleteChunksIn(store: { delete(range: IDBKeyRange): Promise<void> }, fileId: string): Promise<void> {
  await store.delete(chunkRange(fileId));
}

/** The chunk's plaintext: decrypted when sealed; the fault named when it does not decrypt where it is. */
async function openChunk(key: CryptoKey | null, stored: ChunkRecord, count: number): Promise<ChunkRecord> {
  if (!isSealed(stored)) return stored;
  if (!key) throw new LockedError();
  try {
    return await unseal('chunks', key, stored);
  } catch (error) {
    if (!(error instanceof DecryptError)) throw error;
    throw await diagnose(key, stored, count);
  }
}

/**
 * Why a sealed chunk does not decrypt at its place: it decrypts at another index (moved), or at its own with the
 * other final marker (the marker was changed: a cut file), or nowhere (its bytes changed). Runs only on failure.
 */
async function diagnose(key: CryptoKey, stored: ChunkRecord, count: number): Promise<ChunkError> {
  const at = stored.index;
  if (await decryptsAs(key, stored, stored.fileId, at, !stored.last)) {
    return new ChunkError('truncated', at, 'its final-chunk marker was changed.');
  }
  for (let other = 0; other < count; other++) {
    if (other === at) continue;
    for (const last of [false, true]) {
      if (await decryptsAs(key, stored, stored.fileId, other, last)) {
        return new ChunkError('moved', at, `it holds chunk ${other} of this file.`);
      }
    }
  }
  return new ChunkError('changed', at, 'its content was changed (it does not decrypt).');
}

/** Whether the chunk's bytes were sealed for another place (only the bytes: they are what would be moved). */
async function decryptsAs(key: CryptoKey, stored: ChunkRecord, fileId: string, index: number, last: boolean): Promise<boolean> {
  if (chunkAad(fileId, index, last) === chunkAad(stored.fileId, stored.index, stored.last)) return false;
  try {
    await decryptBlob(key, stored.data, chunkAad(fileId, index, last));
    return true;
  } catch {
    return false;
  }
}

/** A chunk is absent: a hole (missing) or the end cut off (truncated: no chunk stored from here on). */
async function absentChunk(core: StoreCore, fileId: string, index: number, count: number): Promise<ChunkError> {
  const after = await core.read(() => core.db.count('chunks', IDBKeyRange.bound([fileId, index], [fileId, Infinity])));
  return after === 0
    ? new ChunkError('truncated', index, `the file ends here; ${count - index} of its ${count} chunks are gone.`)
    : new ChunkError('missing', index, 'this chunk is gone.');
}
