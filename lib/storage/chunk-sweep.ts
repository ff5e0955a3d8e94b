/**
 * Chunks that belong to nothing: an import of a big recording writes the video's chunks BEFORE its one
 * transaction (bundles.ts), so a crash or a closed page in between leaves chunks with no `files` record. They are
 * invisible (nothing lists them) but take space, and would collide with a later import of the same case. The
 * background sweeps them at startup, after recoverInterruptedRecordings.
 *
 * Never a live writer's: a recording under way has its pending record (written before its first chunk, removed in
 * the transaction that adds its file record); an import under way holds a Web Lock per chunked file
 * (`holdChunkWrites`), from before its first chunk until after its transaction, in whichever extension context
 * (the manager page imports; the background sweeps). A context that dies releases its locks: its chunks become
 * orphans. Where Web Locks are missing (Node tests) the locks are this context's only (`localChunkWrites`).
 *
 * Order (no window for a live import): 1. candidates = chunked files with neither a file record nor a pending
 * recording, read in one transaction; 2. those whose lock is held now are dropped; 3. each is deleted in a
 * transaction that checks again that it has no file record nor pending recording (an import that committed
 * between 1 and 2 released its lock, but its file record is there by 3).
 */
import type { StoreCore } from './core';
import { deleteChunksIn } from './chunks';

const LOCK_PREFIX = 'capture-and-report/chunks:';

/** Chunked files being written in this context when Web Locks are missing (tests delete one to "crash"). */
export const localChunkWrites = new Set<string>();

interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
  query(): Promise<{ held?: Array<{ name?: string }> }>;
}

function webLocks(): LockManagerLike | null {
  return (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks ?? null;
}

/** Runs `write` holding a lock for each file id: the sweep of any context leaves their chunks alone. */
export async function holdChunkWrites<T>(fileIds: readonly string[], write: () => Promise<T>): Promise<T> {
  const [first, ...rest] = fileIds;
  if (first === undefined) return write();
  const locks = webLocks();
  if (locks) return locks.request(LOCK_PREFIX + first, () => holdChunkWrites(rest, write));
  localChunkWrites.add(first);
  try {
    return await holdChunkWrites(rest, write);
  } finally {
    localChunkWrites.delete(first);
  }
}

async function heldChunkWrites(): Promise<Set<string>> {
  const held = new Set(localChunkWrites);
  const locks = webLocks();
  if (!locks) return held;
  for (const lock of (await locks.query()).held ?? []) {
    if (lock.name?.startsWith(LOCK_PREFIX)) held.add(lock.name.slice(LOCK_PREFIX.length));
  }
  return held;
}

/** Removes the chunks of files that are neither evidence nor being written; returns their file ids. */
export async function sweepOrphanChunks(core: StoreCore): Promise<string[]> {
  const candidates = await core.read(async () => {
    const tx = core.db.transaction(['chunks', 'files', 'recordings']);
    const chunked = new Set((await tx.objectStore('chunks').getAllKeys()).map(([fileId]) => fileId));
    const orphans: string[] = [];
    for (const fileId of chunked) if (!(await isOwned(tx, fileId))) orphans.push(fileId);
    await tx.done;
    return orphans;
  });
  if (candidates.length === 0) return [];
  const held = await heldChunkWrites();
  const removed: string[] = [];
  for (const fileId of candidates.filter((id) => !held.has(id))) {
    const gone = await core.write(['chunks', 'files', 'recordings'], async (tx) => {
      if (await isOwned(tx, fileId)) return false;
      await deleteChunksIn(tx.objectStore('chunks'), fileId);
      return true;
    });
    if (gone) removed.push(fileId);
  }
  return removed;
}

interface OwnerStores {
  objectStore(name: 'files'): { count(key: string): Promise<number> };
  objectStore(name: 'recordings'): { getAll(): Promise<Array<{ fileId: string }>> };
}

/** Whether the file is evidence (its file record) or a recording under way (a pending record names it; in clear). */
async function isOwned(tx: OwnerStores, fileId: string): Promise<boolean> {
  if ((await tx.objectStore('files').count(fileId)) > 0) return true;
  return (await tx.objectStore('recordings').getAll()).some((pending) => pending.fileId === fileId);
}
