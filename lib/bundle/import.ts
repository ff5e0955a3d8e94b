/**
 * Reading an evidence bundle back (the helper-to-institute hand-off): everything is verified before anything can
 * be written, and the first problem is thrown as a BundleError with its precise reason. Order of checks:
 *
 * 1. the ZIP's structure (zip-reader.ts): its limits (entry count, names, sizes), every header field;
 * 2. manifest.json present ('not-a-bundle'), its CRC-32, JSON, valid and of a supported version;
 * 3. the set of files: every listed file present, nothing else, sizes as in the manifest; only then one pass
 *    hashing the whole file: CRC-32 of every entry, SHA-256 as in the manifest;
 * 4. SHA256SUMS: exactly one line per other file, coreutils format, with the same hashes;
 * 5. the audit trail: hash chain intact, and every capture's file hashes recorded in it;
 * 6. version 2: the signatures of manifest.json and SHA256SUMS by public-key.pem (signature.ts). Last, so that
 *    the checks above name the precise file or field; what only a signature catches is a bundle edited
 *    consistently (manifest, sums and hash chain recomputed) by someone without the key.
 *
 * Then import-plan.ts turns the verified bundle into records to store.
 */
import { SHA256_HEX } from '../evidence/hash';
import { latestAuditOf, trailProblems, type TrailProblem } from '../storage/verify';
import { BundleError } from './errors';
import {
  MANIFEST_PATH,
  README_PATH,
  REPORT_PATH,
  SUMS_PATH,
  validateManifest,
  type BundleFormatVersion,
  type BundleManifest,
} from './manifest';
import { checkSignatures, PUBLIC_KEY_PATH, SIGNATURE_PATHS } from './signature';
import type { TrustRoot } from '../proof/timestamp-trust';
import { checkBundleTimestamps, timestampPaths, type BundleTimestamp, type CheckedBundleTimestamp } from './timestamps';
import { MAX_MANIFEST_BYTES } from './limits';
import type { WorkControl } from '../pacer';
import { hashZip, openZip, readEntry, type OpenedZip } from './zip-reader';

export interface VerifiedBundle {
  manifest: BundleManifest;
  /**
   * Every file of the ZIP by path (evidence files, manifest.json, report.html, README.txt, SHA256SUMS): slices of
   * the ZIP file, read only when stored (a 500 MB video is never held in memory).
   */
  files: Map<string, Blob>;
  /** SHA-256 (hex) of the whole ZIP file. */
  bundleSha256: string;
  /** Who signed (version 2): the fingerprint of public-key.pem. Null for an unsigned version 1 bundle. */
  signer: { fingerprint: string } | null;
  /** The trusted timestamps (version 4), each verified against the file it stamps. */
  timestamps: BundleTimestamp[];
  /** For each of them (by token path), whether its chain reaches a shipped root: only those are by a real authority. */
  timestampTrust: CheckedBundleTimestamp[];
}

export interface ReadOptions {
  /** The roots a timestamp may chain to (default: those this build ships). */
  roots?: readonly TrustRoot[];
}

/** The files besides the evidence that a bundle of each version holds, and those SHA256SUMS lists. */
const SIGNED_FILES = [MANIFEST_PATH, REPORT_PATH, README_PATH, SUMS_PATH, PUBLIC_KEY_PATH, ...SIGNATURE_PATHS];
const FIXED_FILES: Readonly<Record<BundleFormatVersion, readonly string[]>> = {
  1: [MANIFEST_PATH, REPORT_PATH, README_PATH, SUMS_PATH],
  2: SIGNED_FILES,
  3: SIGNED_FILES,
  4: SIGNED_FILES,
  5: SIGNED_FILES,
  6: SIGNED_FILES,
};
const UNSUMMED: readonly string[] = [SUMS_PATH, ...SIGNATURE_PATHS];

/**
 * Reads and verifies a bundle: the file as picked (a Blob, read in slices), or its bytes. Work is done in order of
 * cost, so that a file that cannot be a bundle is refused before its gigabytes are hashed: the ZIP's structure
 * (limits first), then manifest.json and the set of files it allows, then one pass hashing everything.
 * `control` paces the work for the page and carries the Cancel button's signal (pacer.ts).
 */
export async function readBundle(zip: Blob | Uint8Array, options: ReadOptions = {}, control: WorkControl = {}): Promise<VerifiedBundle> {
  const source = zip instanceof Blob ? zip : new Blob([zip as Uint8Array<ArrayBuffer>]);
  const opened = await openZip(source, control);
  const manifest = await readManifest(opened, control);
  const fixed: readonly string[] = [...FIXED_FILES[manifest.formatVersion], ...timestampPaths(manifest.timestamps ?? [])];
  checkFileSet(manifest, fixed, new Map(opened.entries.map((entry) => [entry.name, entry.size])));

  const { entries, sha256: bundleSha256 } = await hashZip(opened, control);
  const files = new Map(entries.map((entry) => [entry.name, entry.data]));
  const entryHashes = new Map(entries.map((entry) => [entry.name, entry.sha256]));
  const hashes = new Map<string, string>();
  for (const file of manifest.files) {
    const actual = entryHashes.get(file.path)!;
    if (actual !== file.sha256) {
      throw new BundleError('file-changed', `SHA-256 is ${actual}, the manifest records ${file.sha256}.`, file.path);
    }
    hashes.set(file.path, actual);
  }
  for (const path of fixed) if (!UNSUMMED.includes(path)) hashes.set(path, entryHashes.get(path)!);

  // The bundle's own small files, as bytes (the evidence files stay slices of the ZIP).
  const fixedBytes = new Map<string, Uint8Array>();
  for (const path of fixed) fixedBytes.set(path, new Uint8Array(await files.get(path)!.arrayBuffer()));
  checkSums(fixedBytes.get(SUMS_PATH)!, hashes);
  control.signal?.throwIfAborted();
  checkAudit(manifest);
  const timestamps = manifest.timestamps ?? [];
  const evidenceHash = new Map(manifest.files.map((file) => [file.path, file.sha256]));
  const timestampTrust = await checkBundleTimestamps(timestamps, fixedBytes, (path) => evidenceHash.get(path), manifest.audit.at(-1), options.roots);
  const signer = manifest.formatVersion >= 2 ? await checkSignatures(fixedBytes) : null;
  control.signal?.throwIfAborted();
  return { manifest, files, bundleSha256, signer, timestamps, timestampTrust };
}

/** manifest.json, its CRC-32 checked, parsed and validated: what the rest of the bundle may be. */
async function readManifest(zip: OpenedZip, control: WorkControl): Promise<BundleManifest> {
  const entry = zip.entries.find((candidate) => candidate.name === MANIFEST_PATH);
  if (!entry) throw new BundleError('not-a-bundle', 'The ZIP has no manifest.json.', MANIFEST_PATH);
  if (entry.size > MAX_MANIFEST_BYTES) {
    throw new BundleError('invalid-manifest', `${entry.size} bytes; a bundle's is at most ${MAX_MANIFEST_BYTES}.`, MANIFEST_PATH);
  }
  const bytes = await readEntry(zip, entry, control);
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    throw new BundleError('invalid-manifest', `manifest.json is not valid JSON (${String(error)}).`, MANIFEST_PATH);
  }
  const check = validateManifest(parsed);
  if (!check.ok) throw new BundleError(check.code, check.detail, check.path);
  return check.manifest;
}

/**
 * The ZIP holds exactly the files the manifest allows (version 4: with the trusted timestamps' tokens, chains and
 * audit-head.txt), evidence files of the recorded sizes: decided from the table of contents, before any hashing.
 */
function checkFileSet(manifest: BundleManifest, fixed: readonly string[], sizes: ReadonlyMap<string, number>): void {
  for (const path of fixed) {
    if (!sizes.has(path)) throw new BundleError('file-missing', 'A bundle always has this file.', path);
  }
  const listed = new Set<string>(fixed);
  for (const file of manifest.files) {
    const size = sizes.get(file.path);
    if (size === undefined) throw new BundleError('file-missing', 'Listed in manifest.json but not in the ZIP.', file.path);
    if (size !== file.size) {
      throw new BundleError('file-changed', `${size} bytes, ${file.size} recorded in the manifest.`, file.path);
    }
    listed.add(file.path);
  }
  for (const name of sizes.keys()) {
    if (!listed.has(name)) throw new BundleError('unexpected-file', 'In the ZIP but not listed in manifest.json.', name);
  }
}

/** SHA256SUMS must list exactly `hashes` (every file but itself), one `<hex>  <path>` line each. */
function checkSums(bytes: Uint8Array, hashes: Map<string, string>): void {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new BundleError('sums-mismatch', 'SHA256SUMS is not UTF-8 text.', SUMS_PATH);
  }
  if (!text.endsWith('\n')) throw new BundleError('sums-mismatch', 'The last line has no line end.', SUMS_PATH);
  const seen = new Set<string>();
  text
    .slice(0, -1)
    .split('\n')
    .forEach((line, index) => {
      const where = `${SUMS_PATH} line ${index + 1}`;
      const hash = line.slice(0, 64);
      const path = line.slice(66);
      if (!SHA256_HEX.test(hash) || line.slice(64, 66) !== '  ' || path === '') {
        throw new BundleError('sums-mismatch', `Not "<sha256>  <path>": ${JSON.stringify(line.slice(0, 120))}.`, where);
      }
      const expected = hashes.get(path);
      if (expected === undefined) throw new BundleError('sums-mismatch', `${path} is not a file of the bundle.`, where);
      if (seen.has(path)) throw new BundleError('sums-mismatch', `${path} is listed twice.`, where);
      if (hash !== expected) {
        throw new BundleError('file-changed', `SHA-256 is ${expected}, SHA256SUMS records ${hash}.`, path);
      }
      seen.add(path);
    });
  for (const path of hashes.keys()) {
    if (!seen.has(path)) throw new BundleError('sums-mismatch', `${path} is not listed.`, SUMS_PATH);
  }
}

/**
 * The chain is intact, and each capture's files are the ones the trail recorded for it (lib/storage/verify.ts,
 * the same check as the manager's Verify); the first problem is thrown with its place in the manifest.
 */
export function checkAudit(manifest: BundleManifest): void {
  const problem = trailProblems(manifest.case.id, manifest.audit, manifest.captures)[0];
  if (problem) throw auditError(problem, manifest);
}

function auditError(problem: TrailProblem, manifest: BundleManifest): BundleError {
  const { audit: trail, captures } = manifest;
  switch (problem.kind) {
    case 'audit-broken': {
      const index = trail.findIndex((entry) => entry.seq === problem.seq);
      return new BundleError('audit-broken', `Entry ${problem.seq}: ${problem.reason}.`, `audit[${index}]`);
    }
    case 'capture-not-audited': {
      const c = captures.findIndex((capture) => capture.id === problem.captureId);
      return new BundleError('not-audited', `No audit entry records capture ${problem.captureId}.`, `captures[${c}]`);
    }
    case 'file-audit-mismatch': {
      const c = captures.findIndex((capture) => capture.id === problem.captureId);
      const f = captures[c]!.files.findIndex((meta) => meta.name === problem.fileName && meta.sha256 === problem.recorded);
      const seq = latestAuditOf(problem.captureId, trail)?.entry.seq;
      return new BundleError(
        'not-audited',
        `File ${problem.fileName}: SHA-256 ${problem.recorded}, audit entry ${seq} records ${problem.audited ?? 'nothing'}.`,
        `captures[${c}].files[${f}]`,
      );
    }
  }
}
