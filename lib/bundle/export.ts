/**
 * Writes an evidence bundle: a ZIP streamed chunk by chunk into a sink, so that a large case is never held in
 * memory twice. Format: lib/bundle/FORMAT.md.
 *
 * Every entry is STORED (not deflated). Screenshots are PNG and page sources mostly MHTML with base64 parts, so
 * deflate would gain little; and a stored ZIP has no slack: every byte is either a header field that the reader
 * cross-checks or file content covered by CRC-32 and SHA-256, so that a single changed byte anywhere is refused
 * by readBundle (deflate streams have padding bits whose change alters nothing and cannot be detected).
 */
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { Zip, ZipPassThrough } from 'fflate';
import type {
  AuditEntry,
  CaptureRecord,
  CapturerRole,
  CaseRecord,
  FileMeta,
  ReportTracking,
} from '../evidence/types';
import type { Lang } from '../i18n';
import { mediaTypeExtension } from '../evidence/schema';
import { verifyChain } from '../storage/audit';
import type { FileChunks, FileData } from '../storage/evidence-store';
import { BundleError } from './errors';
import { MAX_BUNDLE_ENTRIES, MAX_MANIFEST_BYTES } from './limits';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  MANIFEST_PATH,
  README_PATH,
  REPORT_PATH,
  SUMS_PATH,
  safeSegment,
  validateManifest,
  type BundleFile,
  type BundleManifest,
} from './manifest';
import { renderReadme, renderReport } from './report';
import { MANIFEST_SIGNATURE_PATH, PUBLIC_KEY_PATH, publicKeyFile, SUMS_SIGNATURE_PATH, type BundleSigner } from './signature';
import { checkBundleTimestamps, exportTimestamps, type TimestampsToExport } from './timestamps';
import type { TrustRoot } from '../proof/timestamp-trust';
import type { SignerStatus } from './origin';

/**
 * Receives the ZIP in order; `final` is true on the last call only. Awaited: a slow sink slows the writer.
 * When a chunk is a verbatim piece of an evidence file, `origin` is that piece as a Blob (a slice of the stored
 * file): a sink that builds a Blob can keep the reference instead of the bytes, so the stored files are never
 * copied into memory (they were already hashed on the way).
 */
export type BundleSink = (chunk: Uint8Array, final: boolean, origin?: Blob) => void | Promise<void>;

export interface BundleInput {
  caseRecord: CaseRecord;
  /** The captures to export (the whole case or a selection), in any order; written oldest first. */
  captures: readonly CaptureRecord[];
  /** The case's whole audit trail, by seq. */
  audit: readonly AuditEntry[];
  /** Where the reports to platforms stand (store.listReports). Default: none. */
  reports?: readonly ReportTracking[];
  /**
   * The stored data of a file (`store.getFileData(meta.id)`): a Blob, or a chunk stream for a chunked file (a
   * recording); undefined when it is gone.
   */
  getFileData: (meta: FileMeta) => Promise<FileData | undefined>;
  /** Language of report.html and README.txt. */
  lang: Lang;
  /** This extension: name and version (from the browser's manifest). */
  tool: { name: string; version: string };
  exportedBy: { role: CapturerRole; name?: string };
  /** Signs manifest.json and SHA256SUMS (the installation's key: signature.ts, installationSigner). */
  signer: BundleSigner;
  /** Trusted timestamps kept for the exported files and the audit head (lib/storage/timestamps.ts). Default: none. */
  timestamps?: TimestampsToExport;
  /** The roots a timestamp may chain to, for report.html's "verified" (default: those this build ships). */
  roots?: readonly TrustRoot[];
  /** For a case imported from a bundle: who signed that bundle, as far as the person confirmed it (origin.ts). */
  origin?: SignerStatus;
  /** 'selection' when only some of the case's captures are exported. Default: 'case'. */
  scope?: 'case' | 'selection';
  /** Replaceable for tests. */
  now?: () => Date;
  /** Bytes read from a file at a time. Default 1 MiB. */
  chunkSize?: number;
}

export interface BundleWriteResult {
  manifest: BundleManifest;
  /** Size of the ZIP and its SHA-256 (hex): what the 'export' audit entry should record. */
  bytes: number;
  sha256: string;
  /** The most bytes the writer held at once, waiting for the sink (for tests and the benchmark). */
  maxPendingBytes: number;
}

const DEFAULT_CHUNK = 1 << 20;
/** A plain ZIP (no ZIP64, which fflate's streaming writer does not write) holds at most this. */
const ZIP_LIMIT = 0xffff_ffff - (1 << 20);

/**
 * Streams the bundle into `sink`. Every evidence file is re-hashed while it is written and compared with its
 * recorded SHA-256 and size; on any mismatch, missing file or broken audit chain it throws a BundleError and
 * never calls the sink with `final` = true: the caller must then discard what it received. Checks that need no
 * file data (manifest, audit chain, sizes) run before the first byte is written.
 */
export async function writeBundle(input: BundleInput, sink: BundleSink): Promise<BundleWriteResult> {
  const exportedAt = (input.now ?? (() => new Date()))();
  const manifest = buildManifest(input, exportedAt);
  const chunkSize = Math.max(1024, input.chunkSize ?? DEFAULT_CHUNK);

  const signedBy = { fingerprint: input.signer.fingerprint };
  // The trusted timestamps, each checked again against its file, and whether a real authority made it (timestamps.ts).
  const stamped = exportTimestamps(manifest.files, input.timestamps, manifest.audit.at(-1));
  const stampedBytes = new Map(stamped.zipEntries.map((entry) => [entry.path, entry.bytes]));
  const hashOf = new Map(manifest.files.map((file) => [file.path, file.sha256]));
  const timestampTrust = await checkBundleTimestamps(manifest.timestamps ?? [], stampedBytes, (path) => hashOf.get(path), manifest.audit.at(-1), input.roots);
  const manifestBytes = utf8ToBytes(`${JSON.stringify(manifest, null, 2)}\n`);
  const generated = [
    { path: README_PATH, bytes: utf8ToBytes(renderReadme(manifest, input.lang, signedBy)) },
    { path: MANIFEST_PATH, bytes: manifestBytes },
    { path: REPORT_PATH, bytes: utf8ToBytes(renderReport(manifest, input.lang, signedBy, undefined, { timestampTrust, origin: input.origin })) },
    { path: PUBLIC_KEY_PATH, bytes: utf8ToBytes(publicKeyFile(input.signer)) },
  ];
  const manifestSignature = await input.signer.sign(manifestBytes);
  const total =
    generated.reduce((sum, entry) => sum + entry.bytes.length, 0) +
    manifest.files.reduce((sum, file) => sum + file.size + 200, 0);
  const entryCount = manifest.files.length + generated.length + 3 + stamped.zipEntries.length;
  if (total > ZIP_LIMIT || entryCount > MAX_BUNDLE_ENTRIES || manifestBytes.length > MAX_MANIFEST_BYTES) {
    throw new BundleError('too-large', `Over 4 GiB, ${MAX_BUNDLE_ENTRIES} files or a ${MAX_MANIFEST_BYTES}-byte manifest (limits.ts): export fewer captures at a time.`);
  }

  const writer = new ZipWriter(sink, zipTime(exportedAt));
  const sums: string[] = [];
  for (const entry of generated) {
    await writer.entry(entry.path, [entry.bytes]);
    sums.push(sumLine(bytesToHex(sha256(entry.bytes)), entry.path));
  }
  const metas = new Map(input.captures.flatMap((capture) => capture.files.map((meta) => [meta.id, meta] as const)));
  for (const file of manifest.files) {
    const meta = metas.get(file.fileId);
    const data = meta ? await input.getFileData(meta) : undefined;
    if (!data) throw new BundleError('file-missing', `File ${file.fileId} is no longer stored.`, file.path);
    if (data.size !== file.size) {
      throw new BundleError('file-changed', `${data.size} bytes stored, ${file.size} recorded.`, file.path);
    }
    const hash = sha256.create();
    let written = 0;
    const onChunk = (chunk: Uint8Array, origin?: Blob) => {
      hash.update(chunk);
      written += chunk.length;
      if (origin) writer.origins.set(chunk, origin);
    };
    const chunks = data instanceof Blob ? readChunks(data, chunkSize, onChunk) : passChunks(data, onChunk, file.path);
    await writer.entry(file.path, chunks, () => {
      const actual = bytesToHex(hash.digest());
      if (written !== file.size || actual !== file.sha256) {
        throw new BundleError('file-changed', `SHA-256 is ${actual} (${written} bytes), ${file.sha256} was recorded.`, file.path);
      }
    });
    sums.push(sumLine(file.sha256, file.path));
  }
  for (const entry of stamped.zipEntries) {
    await writer.entry(entry.path, [entry.bytes]);
    sums.push(sumLine(bytesToHex(sha256(entry.bytes)), entry.path));
  }
  const sumsBytes = utf8ToBytes(sums.join(''));
  await writer.entry(SUMS_PATH, [sumsBytes]);
  // Signed last: SHA256SUMS covers every file but the two signatures, and the signatures cover it and the manifest.
  await writer.entry(MANIFEST_SIGNATURE_PATH, [manifestSignature]);
  await writer.entry(SUMS_SIGNATURE_PATH, [await input.signer.sign(sumsBytes)]);
  const { bytes, sha256: bundleSha256, maxPendingBytes } = await writer.end();
  return { manifest, bytes, sha256: bundleSha256, maxPendingBytes };
}

/**
 * A file name that says nothing about the case or the platforms: download lists can be seen by others. `.age` for
 * an encrypted bundle (FORMAT.md, "Encrypted bundles"), `.zip` otherwise.
 */
export function defaultBundleFileName(now: Date = new Date(), extension: 'zip' | 'age' = 'zip'): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `evidence-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.${extension}`;
}

/** The manifest for an export, validated: a record the reader would refuse is refused before writing. */
export function buildManifest(input: BundleInput, exportedAt: Date): BundleManifest {
  const captures = [...input.captures].sort(
    (a, b) => compare(a.capturedAt, b.capturedAt) || compare(a.id, b.id),
  );
  const files: BundleFile[] = [];
  for (const capture of captures) {
    const folder = `evidence/${safeSegment(capture.id)}`;
    const used = new Set<string>();
    for (const meta of capture.files) {
      files.push({
        path: `${folder}/${uniqueName(exportedName(meta), used)}`,
        fileId: meta.id,
        captureId: capture.id,
        role: meta.role,
        name: meta.name,
        mime: meta.mime,
        size: meta.size,
        sha256: meta.sha256,
      });
    }
  }
  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    tool: { name: input.tool.name, version: input.tool.version },
    exportedAt: exportedAt.toISOString(),
    exportedBy: {
      role: input.exportedBy.role,
      ...(input.exportedBy.name ? { name: input.exportedBy.name } : {}),
    },
    language: input.lang,
    scope: input.scope ?? 'case',
    case: input.caseRecord,
    captures,
    files,
    reports: [...(input.reports ?? [])],
    audit: [...input.audit],
    timestamps: exportTimestamps(files, input.timestamps, input.audit.at(-1)).entries,
  };
  // Through JSON and back: exactly what a reader will see (drops undefined fields, proxies, Blobs).
  const check = validateManifest(JSON.parse(JSON.stringify(manifest)));
  if (!check.ok) throw new BundleError(check.code, check.detail, `manifest: ${check.path}`);
  const broken = verifyChain(check.manifest.audit, check.manifest.case.id)[0];
  if (broken) {
    throw new BundleError(
      'audit-broken',
      `The case's audit trail is broken at entry ${broken.seq} (${broken.reason}). Run "Verify" on the case.`,
      `audit[${check.manifest.audit.findIndex((entry) => entry.seq === broken.seq)}]`,
    );
  }
  return check.manifest;
}

// ---------------------------------------------------------------------------------------------------------------
// Streaming ZIP writer

/**
 * fflate's streaming Zip calls back synchronously on every push; the chunks are queued here and handed to the
 * (asynchronous) sink before the next chunk is read, so at most about one chunk plus headers is pending.
 */
class ZipWriter {
  private readonly zip: Zip;
  private readonly queue: Uint8Array[] = [];
  /** Chunks read from stored files, with the Blob slice each came from (fflate passes them through unchanged). */
  readonly origins = new WeakMap<Uint8Array, Blob>();
  private readonly hash = sha256.create();
  private pending = 0;
  private maxPending = 0;
  private bytes = 0;
  private finished = false;
  private error: Error | null = null;

  constructor(
    private readonly sink: BundleSink,
    private readonly mtime: Date,
  ) {
    this.zip = new Zip((error, chunk, final) => {
      if (error) {
        this.error = error;
        return;
      }
      this.queue.push(chunk);
      this.pending += chunk.length;
      this.maxPending = Math.max(this.maxPending, this.pending);
      if (final) this.finished = true;
    });
  }

  /** Adds one stored entry; `beforeEnd` may throw to stop before the entry is completed. */
  async entry(
    path: string,
    chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
    beforeEnd?: () => void,
  ): Promise<void> {
    const entry = new ZipPassThrough(path);
    entry.mtime = this.mtime;
    this.zip.add(entry);
    for await (const chunk of chunks) {
      entry.push(chunk, false);
      await this.flush();
    }
    beforeEnd?.();
    entry.push(new Uint8Array(0), true);
    await this.flush();
  }

  async end(): Promise<{ bytes: number; sha256: string; maxPendingBytes: number }> {
    this.zip.end();
    await this.flush();
    if (!this.finished) throw new Error('The ZIP writer did not finish.');
    return { bytes: this.bytes, sha256: bytesToHex(this.hash.digest()), maxPendingBytes: this.maxPending };
  }

  private async flush(): Promise<void> {
    if (this.error) throw this.error;
    while (this.queue.length > 0) {
      const chunk = this.queue.shift()!;
      this.pending -= chunk.length;
      const last = this.finished && this.queue.length === 0;
      if (chunk.length === 0 && !last) continue;
      this.hash.update(chunk);
      this.bytes += chunk.length;
      await this.sink(chunk, last, this.origins.get(chunk));
    }
  }
}

async function* readChunks(
  blob: Blob,
  chunkSize: number,
  onChunk: (chunk: Uint8Array, origin: Blob) => void,
): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < blob.size; offset += chunkSize) {
    const origin = blob.slice(offset, offset + chunkSize);
    const chunk = new Uint8Array(await origin.arrayBuffer());
    onChunk(chunk, origin);
    yield chunk;
  }
}

/** A chunked file's chunks, counted and hashed on the way; a read failure (a damaged chunk) names the file. */
async function* passChunks(
  data: FileChunks,
  onChunk: (chunk: Uint8Array) => void,
  path: string,
): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of data.chunks()) {
      onChunk(chunk);
      yield chunk;
    }
  } catch (error) {
    if (error instanceof BundleError) throw error;
    throw new BundleError('file-changed', `It could not be read: ${error instanceof Error ? error.message : String(error)}`, path);
  }
}

/**
 * The export time as the ZIP's DOS timestamp. DOS times have no time zone and fflate writes local time; giving
 * it the UTC fields as if they were local makes every entry show the export time in UTC, wherever it was made.
 */
function zipTime(at: Date): Date {
  return new Date(
    at.getUTCFullYear(),
    at.getUTCMonth(),
    at.getUTCDate(),
    at.getUTCHours(),
    at.getUTCMinutes(),
    at.getUTCSeconds(),
  );
}

/** coreutils `sha256sum` text format: hash, two spaces, path, newline. */
function sumLine(hex: string, path: string): string {
  return `${hex}  ${path}\n`;
}

/** What a file is called in a bundle, given it by the exporter: its role (and part), an extension from its media type. */
const ROLE_NAMES: Record<FileMeta['role'], string> = { screenshot: 'screenshot', source: 'page', thumbnail: 'thumbnail', video: 'recording', poster: 'poster' };

function exportedName(meta: FileMeta): string {
  const part = meta.role === 'screenshot' && meta.partCount !== undefined && meta.partCount > 1 ? `-part${meta.part ?? 1}` : '';
  return `${ROLE_NAMES[meta.role]}${part}.${mediaTypeExtension(meta.mime)}`;
}

function uniqueName(name: string, used: Set<string>): string {
  let candidate = name;
  for (let n = 2; used.has(candidate.toLowerCase()); n++) {
    const dot = name.lastIndexOf('.');
    candidate = dot > 0 ? `${name.slice(0, dot)}-${n}${name.slice(dot)}` : `${name}-${n}`;
  }
  used.add(candidate.toLowerCase());
  return candidate;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
