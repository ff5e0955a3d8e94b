/**
 * Stores one recording with a passphrase set, through the real EvidenceStore and recording writer (sealed chunk
 * by chunk), from bytes handed over a piece at a time. Bundled by playback.bench.ts and run inside an extension
 * page; the bench then unlocks the manager with the passphrase, as a person does.
 */
import { openEvidenceDb } from '../../../lib/storage/db';
import { enableEncryption } from '../../../lib/storage/encryption-conversion';
import { EvidenceStore } from '../../../lib/storage/evidence-store';
import type { RecordingWriter } from '../../../lib/storage/recordings';
import { keyCipher } from '../../../lib/storage/sealing';

let writer: RecordingWriter | null = null;

export async function begin(passphrase: string): Promise<void> {
  const db = await openEvidenceDb();
  const { dataKey } = await enableEncryption(db, passphrase);
  const store = new EvidenceStore(db, { cipher: keyCipher(dataKey) });
  const caseRecord = await store.ensureDefaultCase();
  writer = await store.startRecording(
    {
      caseId: caseRecord.id,
      tabUrl: 'https://www.youtube.com/watch?v=playback-bench',
      title: 'Playback bench',
      platform: 'youtube',
      startedAt: new Date().toISOString(),
      mimeType: 'video/webm;codecs=vp8',
      method: 'tab-capture',
      audio: false,
      frameRate: 30,
    },
    { actorRole: 'victim', browser: { name: 'Chrome', version: '0' }, extension: { name: 'Capture & Report', version: '0' } },
  );
}

export async function append(base64: string): Promise<void> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  await writer!.append(bytes);
}

export async function end(durationMs: number): Promise<{ size: number }> {
  const canvas = new OffscreenCanvas(320, 180);
  canvas.getContext('2d')!.fillRect(0, 0, 320, 180);
  const poster = await canvas.convertToBlob({ type: 'image/png' });
  await writer!.finish({ durationMs, endedBy: 'stop', poster, width: 1280, height: 720 });
  return { size: writer!.size };
}
