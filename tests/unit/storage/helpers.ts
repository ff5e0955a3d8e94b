import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import { sha256Hex } from '../../../lib/evidence/hash';
import type { CaptureRecord, FileRole, StoredFile } from '../../../lib/evidence/types';
import { openEvidenceDb, type EvidenceDb } from '../../../lib/storage/db';
import { EvidenceStore } from '../../../lib/storage/evidence-store';

const openDbs: EvidenceDb[] = [];

afterEach(() => {
  for (const db of openDbs.splice(0)) db.close();
});

/** A fresh database per test (fake-indexeddb keeps databases for the whole file), with a ticking clock. */
export async function openTestStore(): Promise<{ db: EvidenceDb; store: EvidenceStore; name: string }> {
  const name = uniqueDbName();
  const db = await openEvidenceDb(name);
  openDbs.push(db);
  return { db, store: new EvidenceStore(db, { now: tickingClock() }), name };
}

export function uniqueDbName(): string {
  return `test-${crypto.randomUUID()}`;
}

/** Each call one millisecond later, so that ordering by time is deterministic. */
export function tickingClock(start = Date.UTC(2026, 10, 28, 15, 0, 0)): () => Date {
  let ms = start;
  return () => new Date(ms++);
}

export interface FileSpec {
  role: FileRole;
  text: string;
  mime?: string;
}

const DEFAULT_FILES: FileSpec[] = [
  { role: 'screenshot', text: 'PNG pixels of the page', mime: 'image/png' },
  { role: 'source', text: '<html><body>the page</body></html>', mime: 'text/html' },
  { role: 'thumbnail', text: 'small PNG', mime: 'image/png' },
];

/** A consistent capture (record + files with correct sizes and hashes). */
export async function makeCapture(
  caseId: string,
  options: { id?: string; capturedAt?: string; files?: FileSpec[] } = {},
): Promise<{ record: CaptureRecord; files: StoredFile[] }> {
  const id = options.id ?? crypto.randomUUID();
  const files = await Promise.all((options.files ?? DEFAULT_FILES).map((spec, index) => makeFile(id, spec, index)));
  const record: CaptureRecord = {
    id,
    caseId,
    requestedUrl: 'https://x.com/someone/status/1',
    finalUrl: 'https://x.com/someone/status/1',
    title: 'A post',
    platform: 'x',
    parsed: null,
    identifiers: [],
    selectedItems: [],
    mode: 'visible',
    capturedAt: options.capturedAt ?? '2026-11-28T15:02:11.123Z',
    timeZone: 'Europe/Brussels',
    localTime: '2026-11-28T16:02:11+01:00',
    viewport: { width: 1280, height: 800 },
    page: { width: 1280, height: 800 },
    devicePixelRatio: 1,
    scale: 1,
    scroller: 'document',
    browser: { name: 'Chrome', version: '140' },
    extension: { name: 'Capture & Report', version: '0.1.0' },
    files: files.map(({ blob: _blob, ...meta }) => meta),
    notes: '',
  };
  return { record, files };
}

async function makeFile(captureId: string, spec: FileSpec, index: number): Promise<StoredFile> {
  const blob = new Blob([spec.text], { type: spec.mime ?? 'application/octet-stream' });
  const extension = spec.role === 'source' ? 'html' : 'png';
  return {
    id: `${captureId}-f${index}`,
    captureId,
    role: spec.role,
    name: `${captureId}/${spec.role}-${index + 1}.${extension}`,
    mime: blob.type,
    size: blob.size,
    sha256: await sha256Hex(blob),
    blob,
  };
}

/** The same bytes with one byte changed. */
export async function flipOneByte(blob: Blob, at = 0): Promise<Blob> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  bytes[at] = (bytes[at] ?? 0) ^ 0x01;
  return new Blob([bytes], { type: blob.type });
}
