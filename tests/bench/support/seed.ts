/**
 * Fills the extension's evidence store with synthetic captures, through the real EvidenceStore (so records, files,
 * hashes and the audit chain are exactly what captures produce). Bundled by manager.bench.ts and run inside an
 * extension page.
 */
import type { CaptureRecord, StoredFile } from '../../../lib/evidence/types';
import { sha256Hex } from '../../../lib/evidence/hash';
import { openEvidenceDb } from '../../../lib/storage/db';
import { EvidenceStore } from '../../../lib/storage/evidence-store';

async function thumbnail(index: number): Promise<Blob> {
  const canvas = new OffscreenCanvas(320, 240);
  const context = canvas.getContext('2d')!;
  context.fillStyle = `hsl(${(index * 37) % 360} 60% 60%)`;
  context.fillRect(0, 0, 320, 240);
  return canvas.convertToBlob({ type: 'image/png' });
}

function randomBytes(size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  for (let offset = 0; offset < size; offset += 65_536) crypto.getRandomValues(bytes.subarray(offset, Math.min(size, offset + 65_536)));
  return bytes;
}

async function file(captureId: string, role: StoredFile['role'], name: string, mime: string, blob: Blob): Promise<StoredFile> {
  return { id: `${captureId}/${name}`, captureId, role, name, mime, size: blob.size, sha256: await sha256Hex(blob), blob };
}

/** Adds `count` captures to a new case; each screenshot is `screenshotBytes` of random data. */
export async function seed(count: number, screenshotBytes: number): Promise<{ caseId: string; bytes: number }> {
  const store = new EvidenceStore(await openEvidenceDb());
  const caseRecord = await store.createCase({ title: `Benchmark case (${count})`, capturerRole: 'staff' });
  let bytes = 0;
  for (let index = 0; index < count; index += 1) {
    const id = `bench-${index.toString().padStart(5, '0')}-${crypto.randomUUID().slice(0, 8)}`;
    const at = new Date(Date.UTC(2026, 10, 1) + index * 60_000);
    const files = [
      await file(id, 'screenshot', 'screenshot.png', 'image/png', new Blob([randomBytes(screenshotBytes)], { type: 'image/png' })),
      await file(id, 'source', 'page.html', 'text/html', new Blob([`<html><body>page ${index}</body></html>`], { type: 'text/html' })),
      await file(id, 'thumbnail', 'thumbnail.png', 'image/png', await thumbnail(index)),
    ];
    bytes += files.reduce((sum, entry) => sum + entry.size, 0);
    const url = `https://x.com/fixtureuser/status/${1445078208190291968n + BigInt(index)}`;
    const record: CaptureRecord = {
      id,
      caseId: caseRecord.id,
      requestedUrl: url,
      finalUrl: url,
      title: `Post ${index}`,
      platform: 'x',
      parsed: null,
      identifiers: [{ key: 'postUrl', value: url }],
      selectedItems: [],
      mode: 'visible',
      capturedAt: at.toISOString(),
      timeZone: 'UTC',
      localTime: at.toISOString().replace('.000Z', '+00:00'),
      viewport: { width: 1280, height: 800 },
      page: { width: 1280, height: 800 },
      devicePixelRatio: 1,
      scale: 1,
      scroller: 'none',
      browser: { name: 'Chromium', version: 'bench' },
      extension: { name: 'Capture & Report', version: 'bench' },
      files: files.map(({ blob: _blob, ...meta }) => meta),
      notes: '',
    };
    await store.saveCapture(record, files, 'staff');
  }
  return { caseId: caseRecord.id, bytes };
}
