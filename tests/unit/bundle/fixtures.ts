import { unzipSync, Zip, ZipPassThrough } from 'fflate';
import { sha256Hex } from '../../../lib/evidence/hash';
import type { AuditEntry, CaptureRecord, CaseRecord, FileMeta, StoredFile } from '../../../lib/evidence/types';
import { nextEntry } from '../../../lib/storage/audit';
import { writeBundle, type BundleInput } from '../../../lib/bundle/export';
import type { TimestampsToExport } from '../../../lib/bundle/timestamps';
import { toBase64 } from '../../../lib/crypto/bytes';
import { buildTimestampRequest, checkTimestampToken } from '../../../lib/proof/timestamp';
import { auditHeadText } from '../../../lib/proof/timestamping';
import type { TimestampRecord } from '../../../lib/proof/timestamp-record';
import { installationSigner } from '../../../lib/bundle/signature';
import { generateInstallationKey, type InstallationKey } from '../../../lib/proof/signing-key';

export const CASE_ID = '6f1c1c52-2f0e-4a57-9b55-0d8f0b7c0a11';

export interface FileSpec {
  role: FileMeta['role'];
  name: string;
  mime: string;
  data: Uint8Array;
  /** A screenshot in parts: its index (from 1) and the count. */
  part?: number;
  partCount?: number;
}

export function bytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** Deterministic pseudo-random bytes (not compressible, like PNG data). */
export function noise(length: number, seed = 1): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

export async function makeCapture(
  id: string,
  capturedAt: string,
  specs: FileSpec[],
  overrides: Partial<CaptureRecord> = {},
): Promise<{ record: CaptureRecord; files: StoredFile[] }> {
  const files: StoredFile[] = [];
  for (const spec of specs) {
    const blob = new Blob([spec.data as Uint8Array<ArrayBuffer>], { type: spec.mime });
    files.push({
      id: `${id}/${spec.name}`,
      captureId: id,
      role: spec.role,
      name: spec.name,
      mime: spec.mime,
      size: blob.size,
      sha256: await sha256Hex(spec.data),
      ...(spec.part !== undefined ? { part: spec.part, partCount: spec.partCount } : {}),
      blob,
    });
  }
  const record: CaptureRecord = {
    id,
    caseId: CASE_ID,
    requestedUrl: 'https://discord.com/channels/1/2/3',
    finalUrl: 'https://discord.com/channels/1/2/3',
    title: 'A channel',
    platform: 'discord',
    parsed: { platform: 'discord', kind: 'server-message', ids: { serverId: '1', channelId: '2', messageId: '3' }, url: 'https://discord.com/channels/1/2/3' },
    identifiers: [
      { key: 'serverId', value: '1' },
      { key: 'messageId', value: '3' },
    ],
    selectedItems: [{ key: '3', kind: 'message', fields: [{ key: 'authorName', value: 'someone' }], excerpt: 'hello' }],
    mode: 'full',
    capturedAt,
    timeZone: 'Europe/Brussels',
    localTime: '2026-11-28T16:02:11+01:00',
    viewport: { width: 1280, height: 800 },
    page: { width: 1280, height: 2400 },
    devicePixelRatio: 1,
    scale: 1,
    scroller: 'document',
    browser: { name: 'Chrome', version: '140' },
    extension: { name: 'Capture & Report', version: '0.1.0' },
    files: files.map(({ blob: _blob, ...meta }) => meta),
    notes: '',
    ...overrides,
  };
  return { record, files };
}

export interface Fixture {
  caseRecord: CaseRecord;
  captures: CaptureRecord[];
  files: StoredFile[];
  audit: AuditEntry[];
  input: BundleInput;
}

/** A case with two captures and a consistent audit trail, ready to export. */
export async function makeFixture(
  options: {
    title?: string;
    specs?: FileSpec[][];
    chunkSize?: number;
    captureOverrides?: Partial<CaptureRecord>;
    /** Another case (and capture ids starting with it), e.g. to import two bundles into one browser. */
    caseId?: string;
    /** The installation key that signs (default: a new one). */
    signerKey?: InstallationKey;
  } = {},
): Promise<Fixture> {
  const caseId = options.caseId ?? CASE_ID;
  const caseRecord: CaseRecord = {
    id: caseId,
    title: options.title ?? 'Case A',
    createdAt: '2026-11-28T14:00:00.000Z',
    capturerRole: 'helper',
    capturerName: 'Sam',
    notes: 'first notes',
  };
  const specs = options.specs ?? [
    [
      { role: 'screenshot', name: 'screenshot.png', mime: 'image/png', data: noise(3000, 7) },
      { role: 'source', name: 'page.mhtml', mime: 'multipart/related', data: bytes('MIME-Version: 1.0\r\n\r\n<html>one</html>') },
      { role: 'thumbnail', name: 'thumbnail.png', mime: 'image/png', data: noise(300, 9) },
    ],
    [
      { role: 'screenshot', name: 'screenshot-part1.png', mime: 'image/png', data: noise(2000, 11), part: 1, partCount: 2 },
      { role: 'screenshot', name: 'screenshot-part2.png', mime: 'image/png', data: noise(1500, 13), part: 2, partCount: 2 },
      { role: 'source', name: 'page.html', mime: 'text/html', data: bytes('<html><body>two</body></html>') },
    ],
  ];
  const captures: CaptureRecord[] = [];
  const files: StoredFile[] = [];
  let audit = [
    nextEntry(undefined, { caseId, at: '2026-11-28T14:00:00.000Z', action: 'case-create', actorRole: 'helper', details: { caseId } }),
  ];
  for (const [index, list] of specs.entries()) {
    const id = `${options.caseId ? `${caseId.slice(-12)}-` : ''}cap-20261128-15021${index}123-0000000${index}`;
    const { record, files: captureFiles } = await makeCapture(id, `2026-11-28T15:02:1${index}.123Z`, list, { caseId, ...options.captureOverrides });
    captures.push(record);
    files.push(...captureFiles);
    audit = [
      ...audit,
      nextEntry(audit.at(-1), {
        caseId,
        at: `2026-11-28T15:02:1${index}.500Z`,
        action: 'capture',
        actorRole: 'helper',
        details: {
          captureId: id,
          url: record.finalUrl,
          capturedAt: record.capturedAt,
          fileNames: record.files.map((meta) => meta.name),
          fileSha256s: record.files.map((meta) => meta.sha256),
        },
      }),
    ];
  }
  const blobs = new Map(files.map((file) => [file.id, file.blob]));
  const input: BundleInput = {
    caseRecord,
    captures,
    audit,
    reports: [{ caseId, platform: 'discord', status: 'reported', reportedOn: '2026-11-29', reference: 'T-1', updatedAt: '2026-11-29T10:00:00.000Z' }],
    getFileData: async (meta) => blobs.get(meta.id),
    lang: 'en',
    tool: { name: 'Capture & Report', version: '0.1.0' },
    exportedBy: { role: 'helper', name: 'Sam' },
    signer: installationSigner(options.signerKey ?? (await generateInstallationKey()).key),
    now: () => new Date('2026-11-30T09:30:00.000Z'),
    ...(options.chunkSize ? { chunkSize: options.chunkSize } : {}),
  };
  return { caseRecord, captures, files, audit, input };
}

/** Runs writeBundle into memory. */
export async function exportToBytes(input: BundleInput) {
  const chunks: Uint8Array[] = [];
  let finals = 0;
  const result = await writeBundle(input, (chunk, final) => {
    chunks.push(chunk.slice());
    if (final) finals++;
  });
  const zip = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    zip.set(chunk, at);
    at += chunk.length;
  }
  return { zip, result, finals, chunks: chunks.length };
}

/** Same ZIP conventions as writeBundle (stored entries, data descriptors, one mtime), for consistent tampering. */
export function repack(entries: [string, Uint8Array][]): Uint8Array {
  const out: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    out.push(chunk);
  });
  for (const [name, data] of entries) {
    const entry = new ZipPassThrough(name);
    entry.mtime = new Date(2026, 10, 30, 9, 30, 0);
    zip.add(entry);
    entry.push(data, true);
  }
  zip.end();
  const all = new Uint8Array(out.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of out) {
    all.set(chunk, at);
    at += chunk.length;
  }
  return all;
}

export function entriesOf(zip: Uint8Array): [string, Uint8Array][] {
  return Object.entries(unzipSync(zip));
}

/** An authority's answer to a DER TimeStampReq (a test authority's `reply`). */
export type TimestampReply = (query: Uint8Array) => Uint8Array;

const hexBytes = (hex: string) => Uint8Array.from(hex.match(/../g)!, (pair) => parseInt(pair, 16));

/** A stamped record for a SHA-256 as lib/proof/timestamping.ts keeps it, with `reply`'s token, whoever made it. */
export async function stampedRecord(
  fields: Pick<TimestampRecord, 'id' | 'subject' | 'captureId' | 'fileId' | 'caseId' | 'seq' | 'sha256'>,
  reply: TimestampReply,
  authorityUrl: string,
): Promise<TimestampRecord> {
  const request = buildTimestampRequest(hexBytes(fields.sha256));
  const response = reply(request.der);
  const token = await checkTimestampToken(response, { sha256: hexBytes(fields.sha256), nonce: request.nonce });
  return {
    ...fields,
    state: 'stamped',
    queuedAt: '2026-11-30T09:00:00.000Z',
    attempts: 1,
    nextAttemptAt: '2026-11-30T09:00:00.000Z',
    lastError: null,
    authorityUrl,
    response: toBase64(response),
    genTime: token.genTime.toISOString(),
    authority: token.authority,
    serial: token.serial,
    chain: token.certificates.map((der) => toBase64(der)),
  };
}

/** Every file of the fixture and its audit head stamped by `reply` (all but the file at index `skip`). */
export async function stampAll(fixture: Fixture, reply: TimestampReply, authorityUrl: string, options: { skip?: number } = {}): Promise<TimestampsToExport> {
  const files: TimestampRecord[] = [];
  for (const [index, file] of fixture.files.entries()) {
    if (index === options.skip) continue;
    files.push(await stampedRecord({ id: `file:${file.id}`, subject: 'file', captureId: file.captureId, fileId: file.id, caseId: null, seq: null, sha256: file.sha256 }, reply, authorityUrl));
  }
  const head = fixture.audit.at(-1)!;
  const headSha = await sha256Hex(new TextEncoder().encode(auditHeadText(head)));
  const auditHead = await stampedRecord({ id: `audit:${head.caseId}:${head.seq}`, subject: 'audit-head', captureId: null, fileId: null, caseId: head.caseId, seq: head.seq, sha256: headSha }, reply, authorityUrl);
  return { files, auditHead };
}
