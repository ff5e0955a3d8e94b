/**
 * A synthetic recording fed through the real storage path (EvidenceStore on fake-indexeddb): written chunk by
 * chunk, exported with writeBundle into a BlobCollector, read back with readBundle from that Blob, imported into
 * a fresh database. Shared by tests/unit/storage/recording-bundle.test.ts and tests/bench/chunked-storage.bench.ts.
 */
import 'fake-indexeddb/auto';
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';
import { BlobCollector } from '../../lib/bundle/blob-collector';
import { writeBundle } from '../../lib/bundle/export';
import { readBundle } from '../../lib/bundle/import';
import { planImport } from '../../lib/bundle/import-plan';
import { openEvidenceDb, type EvidenceDb } from '../../lib/storage/db';
import { enableEncryption } from '../../lib/storage/encryption-conversion';
import { EvidenceStore } from '../../lib/storage/evidence-store';
import { keyCipher } from '../../lib/storage/sealing';
import { storedCaseInput } from './stored-case-input';

export const PASSPHRASE = 'a passphrase for the recording test';
const WEBM_MAGIC = [0x1a, 0x45, 0xdf, 0xa3];

export async function freshStore(options: { passphrase?: boolean } = {}): Promise<{ db: EvidenceDb; store: EvidenceStore }> {
  const db = await openEvidenceDb(`recording-${crypto.randomUUID()}`);
  if (!options.passphrase) return { db, store: new EvidenceStore(db) };
  const { dataKey } = await enableEncryption(db, PASSPHRASE, { iterations: 1_000 });
  return { db, store: new EvidenceStore(db, { cipher: keyCipher(dataKey) }) };
}

/** Deterministic bytes that start like WebM, produced a piece at a time (the recorder's timeslices). */
export function* syntheticRecording(totalBytes: number, pieceBytes: number): Generator<Uint8Array> {
  let state = 0x12345678;
  for (let offset = 0; offset < totalBytes; offset += pieceBytes) {
    const piece = new Uint8Array(Math.min(pieceBytes, totalBytes - offset));
    const words = new Uint32Array(piece.buffer, 0, piece.length >> 2);
    for (let i = 0; i < words.length; i++) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      words[i] = state >>> 0;
    }
    if (offset === 0) piece.set(WEBM_MAGIC, 0);
    yield piece;
  }
}

export async function recordSynthetic(
  store: EvidenceStore,
  options: { totalBytes: number; pieceBytes?: number; chunkSize: number; onPiece?: () => void },
): Promise<{ captureId: string; fileId: string; sha256: string; caseId: string }> {
  const caseRecord = await store.ensureDefaultCase();
  const writer = await store.startRecording(
    {
      caseId: caseRecord.id,
      tabUrl: 'https://www.youtube.com/watch?v=synthetic',
      title: 'A synthetic recording',
      platform: 'youtube',
      startedAt: '2026-11-30T12:00:00.000Z',
      mimeType: 'video/webm;codecs=vp9,opus',
      method: 'tab-capture',
      audio: true,
      frameRate: 30,
    },
    {
      actorRole: 'victim',
      browser: { name: 'Chrome', version: '140' },
      extension: { name: 'Capture & Report', version: '0.1.0' },
      timeZone: 'Europe/Brussels',
      chunkSize: options.chunkSize,
    },
  );
  const hash = sha256.create();
  for (const piece of syntheticRecording(options.totalBytes, options.pieceBytes ?? 256 * 1024)) {
    hash.update(piece);
    await writer.append(piece);
    options.onPiece?.();
  }
  const poster = new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])], { type: 'image/png' });
  await writer.finish({ durationMs: 60_000, endedBy: 'stop', poster, width: 1280, height: 800 });
  return { captureId: writer.captureId, fileId: writer.fileId, sha256: bytesToHex(hash.digest()), caseId: caseRecord.id };
}

/** The case exported as a bundle Blob, the way the manager does it (lib/browser/bundle.ts). */
export async function exportCaseToBlob(
  store: EvidenceStore,
  caseId: string,
  onChunk?: (collector: BlobCollector) => void,
): Promise<{ zip: Blob; sha256: string }> {
  const collector = new BlobCollector();
  const result = await writeBundle(
    await storedCaseInput(store, caseId, 'victim'),
    (chunk, _final, origin) => {
      collector.add(chunk, origin);
      onChunk?.(collector);
    },
  );
  return { zip: collector.blob('application/zip'), sha256: result.sha256 };
}

export async function importBlob(store: EvidenceStore, zip: Blob): Promise<void> {
  const bundle = await readBundle(zip);
  await store.importCase(planImport(bundle, { bundleName: 'evidence.zip', importedAt: new Date(), actorRole: 'staff' }));
}

/** SHA-256 of a stored file, read chunk by chunk. */
export async function storedSha256(store: EvidenceStore, fileId: string): Promise<{ sha256: string; size: number }> {
  const hash = sha256.create();
  let size = 0;
  for await (const chunk of store.readFileChunks(fileId)) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { sha256: bytesToHex(hash.digest()), size };
}
