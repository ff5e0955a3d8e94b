/** Shared by the recording storage tests: a recording's start, its bytes fed as MediaRecorder does, a sealed store. */
import { enableEncryption } from '../../../lib/storage/encryption-conversion';
import { EvidenceStore } from '../../../lib/storage/evidence-store';
import type { EvidenceDb, RecordingStart } from '../../../lib/storage/db';
import { keyCipher } from '../../../lib/storage/sealing';
import { TEST_KDF } from './encryption-helpers';
import { tickingClock } from './helpers';

export const CHUNK = 1024;
export const CONTEXT = {
  actorRole: 'victim' as const,
  browser: { name: 'Chrome', version: '140' },
  extension: { name: 'Capture & Report', version: '0.1.0' },
  timeZone: 'Europe/Brussels',
  chunkSize: CHUNK,
};
export const PASS = 'correct horse battery staple';
/** The EBML magic of every WebM file, then a recognisable pattern. */
export const WEBM_START = [0x1a, 0x45, 0xdf, 0xa3];

export function start(caseId: string): RecordingStart {
  return {
    caseId,
    tabUrl: 'https://www.tiktok.com/@someone/video/7300000000000000000',
    title: 'A video',
    platform: 'tiktok',
    startedAt: '2026-11-30T10:00:00.000Z',
    mimeType: 'video/webm;codecs=vp9,opus',
    method: 'tab-capture',
    audio: true,
    frameRate: 30,
  };
}

/** `size` bytes that start like WebM and differ from chunk to chunk. */
export function videoBytes(size: number, seed = 7): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 31 + seed + (i >> 10)) & 0xff;
  bytes.set(WEBM_START, 0);
  return bytes;
}

export const poster = () => new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])], { type: 'image/png' });
export const finish = { durationMs: 4200, endedBy: 'stop' as const, poster: poster(), width: 1280, height: 800 };

/** Feeds `bytes` in uneven pieces, as MediaRecorder does. */
export async function feed(writer: { append(chunk: Uint8Array): Promise<void> }, bytes: Uint8Array): Promise<void> {
  const sizes = [100, 700, 1500, 3000, 13];
  for (let offset = 0, i = 0; offset < bytes.length; i++) {
    const end = Math.min(bytes.length, offset + sizes[i % sizes.length]!);
    await writer.append(bytes.subarray(offset, end));
    offset = end;
  }
}

export async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return new Uint8Array(Buffer.concat(parts));
}

export async function encryptedStore(db: EvidenceDb): Promise<EvidenceStore> {
  const { dataKey } = await enableEncryption(db, PASS, TEST_KDF);
  return new EvidenceStore(db, { now: tickingClock(), cipher: keyCipher(dataKey) });
}
