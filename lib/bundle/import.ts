/**
 * Reading an evidence bundle back (the helper-to-institute hand-off): everything is verified before anything can
 * be written, and the first problem is thrown as a BundleError with its precise reason. Order of checks:
 *
 * 1. the ZIP itself (zip-reader.ts): structure, every header field, CRC-32 of every entry;
 * 2. manifest.json present ('not-a-bundle'), JSON, valid and of a supported version;
 * 3. the set of files: every listed file present, nothing else; sizes and SHA-256 as in the manifest;
 * 4. SHA256SUMS: exactly one line per other file, coreutils format, with the same hashes;
 * 5. the audit trail: hash chain intact, and every capture's file hashes recorded in it.
 *
 * Then import-plan.ts turns the verified bundle into records to store.
 */
import { sha256Hex } from '../evidence/hash';
import { verifyChain } from '../storage/audit';
import { BundleError } from './errors';
import {
  MANIFEST_PATH,
  README_PATH,
  REPORT_PATH,
  SHA256_HEX,
  SUMS_PATH,
  validateManifest,
  type BundleManifest,
} from './manifest';
import { readZip } from './zip-reader';

export interface VerifiedBundle {
  manifest: BundleManifest;
  /** Every file of the ZIP by path (evidence files, manifest.json, report.html, README.txt, SHA256SUMS). */
  files: Map<string, Uint8Array>;
  /** SHA-256 (hex) of the whole ZIP file. */
  bundleSha256: string;
}

const FIXED_FILES = [MANIFEST_PATH, REPORT_PATH, README_PATH, SUMS_PATH];

export async function readBundle(zipBytes: Uint8Array): Promise<VerifiedBundle> {
  const entries = readZip(zipBytes);
  const files = new Map(entries.map((entry) => [entry.name, entry.data]));

  const manifestBytes = files.get(MANIFEST_PATH);
  if (!manifestBytes) throw new BundleError('not-a-bundle', 'The ZIP has no manifest.json.', MANIFEST_PATH);
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(manifestBytes));
  } catch (error) {
    throw new BundleError('invalid-manifest', `manifest.json is not valid JSON (${String(error)}).`, MANIFEST_PATH);
  }
  const check = validateManifest(parsed);
  if (!check.ok) throw new BundleError(check.code, check.detail, check.path);
  const manifest = check.manifest;

  // The set of files.
  for (const path of FIXED_FILES) {
    if (!files.has(path)) throw new BundleError('file-missing', 'A bundle always has this file.', path);
  }
  const hashes = new Map<string, string>();
  for (const file of manifest.files) {
    const data = files.get(file.path);
    if (!data) throw new BundleError('file-missing', 'Listed in manifest.json but not in the ZIP.', file.path);
    if (data.length !== file.size) {
      throw new BundleError('file-changed', `${data.length} bytes, ${file.size} recorded in the manifest.`, file.path);
    }
    const actual = await sha256Hex(data);
    if (actual !== file.sha256) {
      throw new BundleError('file-changed', `SHA-256 is ${actual}, the manifest records ${file.sha256}.`, file.path);
    }
    hashes.set(file.path, actual);
  }
  for (const name of files.keys()) {
    if (!hashes.has(name) && !FIXED_FILES.includes(name)) {
      throw new BundleError('unexpected-file', 'In the ZIP but not listed in manifest.json.', name);
    }
  }
  for (const path of [MANIFEST_PATH, REPORT_PATH, README_PATH]) hashes.set(path, await sha256Hex(files.get(path)!));

  checkSums(files.get(SUMS_PATH)!, hashes);
  checkAudit(manifest);
  return { manifest, files, bundleSha256: await sha256Hex(zipBytes) };
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

/** The chain is intact, and each capture's files are the ones the trail recorded for it. */
function checkAudit(manifest: BundleManifest): void {
  const trail = manifest.audit;
  const broken = verifyChain(trail, manifest.case.id)[0];
  if (broken) {
    const index = trail.findIndex((entry) => entry.seq === broken.seq);
    throw new BundleError('audit-broken', `Entry ${broken.seq}: ${broken.reason}.`, `audit[${index}]`);
  }
  manifest.captures.forEach((capture, c) => {
    const entry = trail.findLast(
      (candidate) => candidate.details.captureId === capture.id && Array.isArray(candidate.details.fileSha256s),
    );
    if (!entry) {
      throw new BundleError('not-audited', `No audit entry records capture ${capture.id}.`, `captures[${c}]`);
    }
    const names = strings(entry.details.fileNames);
    const hashes = strings(entry.details.fileSha256s);
    const audited = new Map(names.map((name, i) => [name, hashes[i]]));
    capture.files.forEach((meta, f) => {
      if (audited.get(meta.name) !== meta.sha256) {
        throw new BundleError(
          'not-audited',
          `File ${meta.name}: SHA-256 ${meta.sha256}, audit entry ${entry.seq} records ${audited.get(meta.name) ?? 'nothing'}.`,
          `captures[${c}].files[${f}]`,
        );
      }
    });
  });
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
