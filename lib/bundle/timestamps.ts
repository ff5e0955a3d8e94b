/**
 * Trusted timestamps in a bundle (format version 4, FORMAT.md "Timestamps"): beside each stamped evidence file,
 * `<file>.tsr` (the authority's whole answer, DER TimeStampResp, as `openssl ts -verify -in` reads it) and, when
 * the answer carried certificates, `<file>.tsa.pem` (them, PEM, signer first); at the top, `audit-head.txt` (the
 * text whose SHA-256 was stamped for the case's audit-chain head: the last entry of the manifest's trail) with its
 * `.tsr` and `.tsa.pem`. The manifest's `timestamps` list describes each token; the same check runs at export
 * and at import (`checkBundleTimestamps`).
 */
import * as v from 'valibot';
import { fromBase64, toBase64 } from '../crypto/bytes';
import { sha256Hex } from '../evidence/hash';
import { freeText, identifier, nonEmptyIdentifier, record, sha256, utcTime } from '../evidence/fields';
import { TEXT_LIMITS } from '../evidence/text';
import { pemDecodeAll, pemEncode } from '../proof/pem';
import { checkTimestampToken, TimestampError, tokenTrust } from '../proof/timestamp';
import { trustRoots, type TimestampTrust, type TrustRoot } from '../proof/timestamp-trust';
import { auditHeadText } from '../proof/timestamping';
import type { TimestampRecord } from '../proof/timestamp-record';
import { BundleError } from './errors';

export const AUDIT_HEAD_PATH = 'audit-head.txt';
export const TOKEN_SUFFIX = '.tsr';
export const CHAIN_SUFFIX = '.tsa.pem';

/** One token in the manifest's `timestamps` list. */
export const BundleTimestampSchema = record({
  /** The stamped file: an evidence file's path, or `audit-head.txt`. */
  stamps: nonEmptyIdentifier(TEXT_LIMITS.fileName * 4),
  /** The token: `<stamps>.tsr`. */
  path: nonEmptyIdentifier(TEXT_LIMITS.fileName * 4),
  /** The certificates the answer carried: `<stamps>.tsa.pem`; absent when it carried none. */
  chainPath: v.optional(nonEmptyIdentifier(TEXT_LIMITS.fileName * 4)),
  /** SHA-256 of the stamped file, which the token stamps. */
  sha256,
  /** Where the request was sent. */
  authorityUrl: identifier(TEXT_LIMITS.identifier),
  /** The signer named in its certificate (CN, O). */
  authority: freeText(TEXT_LIMITS.identifier),
  /** The authority's time (TSTInfo genTime), UTC. */
  genTime: utcTime,
  /** The token's serial number, lowercase hex. */
  serial: nonEmptyIdentifier(TEXT_LIMITS.label),
});

export type BundleTimestamp = v.InferOutput<typeof BundleTimestampSchema>;

/** The stamped records to export: those of the exported files (by file id), and the audit head's. */
export interface TimestampsToExport {
  files: readonly TimestampRecord[];
  auditHead: TimestampRecord | null;
}

/** The manifest entries and the ZIP files the exported tokens make. */
export interface ExportedTimestamps {
  entries: BundleTimestamp[];
  /** In the order written: for each token, (audit-head.txt,) the token, then its chain. */
  zipEntries: { path: string; bytes: Uint8Array }[];
}

/** The tokens of the exported files (matched by file id and hash) and of the audit head, ready to write. */
export function exportTimestamps(
  files: readonly { fileId: string; path: string; sha256: string }[],
  stamped: TimestampsToExport | undefined,
  auditHead: { caseId: string; seq: number; hash: string } | undefined,
): ExportedTimestamps {
  const result: ExportedTimestamps = { entries: [], zipEntries: [] };
  if (!stamped) return result;
  const byFileId = new Map(stamped.files.filter(isStamped).map((item) => [item.fileId, item]));
  const add = (stamps: string, token: TimestampRecord) => {
    const entry = entryFor(stamps, token);
    result.entries.push(entry);
    result.zipEntries.push({ path: entry.path, bytes: fromBase64(token.response!) });
    if (entry.chainPath) {
      const pem = token.chain.map((der) => pemEncode('CERTIFICATE', fromBase64(der))).join('');
      result.zipEntries.push({ path: entry.chainPath, bytes: new TextEncoder().encode(pem) });
    }
  };
  for (const file of files) {
    const token = byFileId.get(file.fileId);
    // A token kept for a file must stamp that file's hash; anything else is not exported.
    if (token && token.sha256 === file.sha256) add(file.path, token);
  }
  const head = stamped.auditHead;
  if (head && auditHead && isStamped(head) && head.caseId === auditHead.caseId && head.seq === auditHead.seq) {
    result.zipEntries.push({ path: AUDIT_HEAD_PATH, bytes: new TextEncoder().encode(auditHeadText(auditHead)) });
    add(AUDIT_HEAD_PATH, head);
  }
  return result;
}

function entryFor(stamps: string, token: TimestampRecord): BundleTimestamp {
  return {
    stamps,
    path: `${stamps}${TOKEN_SUFFIX}`,
    ...(token.chain.length > 0 ? { chainPath: `${stamps}${CHAIN_SUFFIX}` } : {}),
    sha256: token.sha256,
    authorityUrl: token.authorityUrl ?? '',
    authority: token.authority ?? '',
    genTime: token.genTime!,
    serial: token.serial!,
  };
}

function isStamped(token: TimestampRecord): boolean {
  return token.state === 'stamped' && token.response !== null && token.genTime !== null && token.serial !== null;
}

/** Every path the tokens add to a bundle (tokens, chains, audit-head.txt). */
export function timestampPaths(entries: readonly BundleTimestamp[]): string[] {
  return entries.flatMap((entry) => [...(entry.stamps === AUDIT_HEAD_PATH ? [AUDIT_HEAD_PATH] : []), entry.path, ...(entry.chainPath ? [entry.chainPath] : [])]);
}

/** A token of a bundle that was checked against its file, and whether a real authority made it. */
export interface CheckedBundleTimestamp {
  /** The token's path (`<stamps>.tsr`). */
  path: string;
  trust: TimestampTrust;
}

/**
 * Checks each token against the file it stamps: it is a granted timestamp of exactly that file's SHA-256, its
 * signature verifies with the certificate it carries, and it says what the manifest says (time, serial); else
 * BundleError 'bad-timestamp' naming the token. Then, for each, whether its chain reaches a root this version
 * ships (timestamp-trust.ts): a token that does not is kept, and shown as by an unknown authority, not verified.
 */
export async function checkBundleTimestamps(
  entries: readonly BundleTimestamp[],
  files: ReadonlyMap<string, Uint8Array>,
  stampedHash: (path: string) => string | undefined,
  auditHead: { caseId: string; seq: number; hash: string } | undefined,
  roots: readonly TrustRoot[] = trustRoots(),
): Promise<CheckedBundleTimestamp[]> {
  const checked: CheckedBundleTimestamp[] = [];
  for (const entry of entries) {
    if (entry.path !== `${entry.stamps}${TOKEN_SUFFIX}` || (entry.chainPath !== undefined && entry.chainPath !== `${entry.stamps}${CHAIN_SUFFIX}`)) {
      throw new BundleError('invalid-manifest', 'A token is named after the file it stamps.', entry.path);
    }
    const token = files.get(entry.path);
    if (!token) throw new BundleError('file-missing', 'Listed in manifest.json but not in the ZIP.', entry.path);
    if (entry.chainPath && !files.has(entry.chainPath)) throw new BundleError('file-missing', 'Listed in manifest.json but not in the ZIP.', entry.chainPath);
    const expected = await expectedHash(entry, files, stampedHash, auditHead);
    if (expected !== entry.sha256) throw new BundleError('bad-timestamp', `The manifest says it stamps ${entry.sha256}, the file's SHA-256 is ${expected}.`, entry.path);
    try {
      const intact = await checkTimestampToken(token, { sha256: hexBytes(expected) });
      if (intact.genTime.toISOString() !== entry.genTime || intact.serial !== entry.serial) {
        throw new BundleError('bad-timestamp', `The token says ${intact.genTime.toISOString()} (serial ${intact.serial}), the manifest ${entry.genTime} (serial ${entry.serial}).`, entry.path);
      }
      checked.push({ path: entry.path, trust: await tokenTrust(intact, roots) });
    } catch (error) {
      if (error instanceof TimestampError) throw new BundleError('bad-timestamp', `${error.code}: ${error.message}`, entry.path);
      throw error;
    }
  }
  return checked;
}

async function expectedHash(
  entry: BundleTimestamp,
  files: ReadonlyMap<string, Uint8Array>,
  stampedHash: (path: string) => string | undefined,
  auditHead: { caseId: string; seq: number; hash: string } | undefined,
): Promise<string> {
  if (entry.stamps !== AUDIT_HEAD_PATH) {
    const hash = stampedHash(entry.stamps);
    if (hash === undefined) throw new BundleError('invalid-manifest', `${entry.stamps} is not an evidence file of the bundle.`, entry.path);
    return hash;
  }
  const text = files.get(AUDIT_HEAD_PATH);
  if (!text) throw new BundleError('file-missing', 'Listed in manifest.json but not in the ZIP.', AUDIT_HEAD_PATH);
  if (!auditHead || new TextDecoder().decode(text) !== auditHeadText(auditHead)) {
    throw new BundleError('bad-timestamp', "audit-head.txt is not the head of the manifest's audit trail.", AUDIT_HEAD_PATH);
  }
  return sha256Hex(text);
}

function hexBytes(hex: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(hex.match(/../g) ?? [], (pair) => parseInt(pair, 16));
}

/**
 * The stored form of a verified bundle's tokens (checkBundleTimestamps ran), so that the imported case shows them
 * and a later export carries them. File ids are the bundle's (an import keeps them).
 */
export async function importedTimestampRecords(
  entries: readonly BundleTimestamp[],
  manifestFiles: readonly { fileId: string; captureId: string; path: string }[],
  files: ReadonlyMap<string, Blob>,
  auditHead: { caseId: string; seq: number } | undefined,
  importedAt: string,
): Promise<TimestampRecord[]> {
  const byPath = new Map(manifestFiles.map((file) => [file.path, file]));
  const records: TimestampRecord[] = [];
  for (const entry of entries) {
    const file = byPath.get(entry.stamps);
    const subject =
      entry.stamps === AUDIT_HEAD_PATH && auditHead
        ? { id: `audit:${auditHead.caseId}:${auditHead.seq}`, subject: 'audit-head' as const, captureId: null, fileId: null, caseId: auditHead.caseId, seq: auditHead.seq }
        : file
          ? { id: `file:${file.fileId}`, subject: 'file' as const, captureId: file.captureId, fileId: file.fileId, caseId: null, seq: null }
          : null;
    const tokenFile = files.get(entry.path);
    if (!subject || !tokenFile) continue;
    const token = new Uint8Array(await tokenFile.arrayBuffer());
    const chainFile = entry.chainPath ? files.get(entry.chainPath) : undefined;
    const chainText = chainFile ? await chainFile.text() : '';
    records.push({
      ...subject,
      sha256: entry.sha256,
      state: 'stamped',
      queuedAt: importedAt,
      attempts: 0,
      nextAttemptAt: importedAt,
      lastError: null,
      authorityUrl: entry.authorityUrl,
      response: toBase64(token),
      genTime: entry.genTime,
      authority: entry.authority,
      serial: entry.serial,
      chain: pemDecodeAll(chainText, 'CERTIFICATE').map((der) => toBase64(der)),
    });
  }
  return records;
}
