/**
 * Verification of a case's evidence, pure (no storage): the manager's Verify (EvidenceStore.verifyCase, on what
 * the database holds) and the bundle import (lib/bundle/import.ts, on a bundle's manifest) both check the audit
 * trail here, so the two can never disagree on what an intact trail is.
 *
 * A case is intact when its trail's hash chain is intact (audit.ts), every capture's files are the ones the trail
 * recorded for it (the latest entry that lists the capture's file hashes), and, for stored files, every file's
 * bytes still hash to what its capture record says.
 */
import { sha256Hex } from '../evidence/hash';
import type { AuditEntry, StoredFile } from '../evidence/types';
import { verifyChain, type AuditProblem } from './audit';
import type { AuditSignatureProblem } from './audit-signatures';
import type { ChunkFault } from './chunks';

/** What the audit trail alone can show: a broken chain, or a capture's files that it does not account for. */
export type TrailProblem =
  | AuditProblem
  /** No entry of the case's trail records this capture's file hashes. */
  | { kind: 'capture-not-audited'; captureId: string }
  /** The record's hash for a file differs from the one the audit trail recorded (null: not in the trail). */
  | { kind: 'file-audit-mismatch'; captureId: string; fileName: string; audited: string | null; recorded: string };

export type VerifyProblem =
  | TrailProblem
  /** An audit entry's signature is missing or wrong (audit-signatures.ts). */
  | AuditSignatureProblem
  | { kind: 'file-missing'; captureId: string; fileId: string; fileName: string }
  | {
      kind: 'file-hash-mismatch';
      captureId: string;
      fileId: string;
      fileName: string;
      expected: string;
      actual: string;
    }
  /** A stored file of the capture that its record does not list. */
  | { kind: 'file-unlisted'; captureId: string; fileId: string; fileName: string }
  /** A chunked file (a recording) whose chunk `chunk` is missing, moved, changed, cut off or extra (chunks.ts). */
  | { kind: 'file-chunk'; captureId: string; fileId: string; fileName: string; chunk: number; fault: ChunkFault };

/** A file's SHA-256 (hex), or the problem that stopped reading it (chunked files). */
export type FileHasher = (file: StoredFile) => Promise<string | { chunk: number; fault: ChunkFault }>;

const hashBlob: FileHasher = (file) => sha256Hex(file.blob);

/** What verification needs of a capture: a stored record or a bundle manifest's capture. */
export interface CaptureToVerify {
  id: string;
  files: readonly { id: string; name: string; sha256: string }[];
}

/** A case's content as read from the store: its trail (by seq), captures, and each capture's stored files. */
export interface StoredCase {
  caseId: string;
  trail: readonly AuditEntry[];
  captures: readonly CaptureToVerify[];
  files: ReadonlyMap<string, readonly StoredFile[]>;
  /** How to hash a stored file; default: its blob with WebCrypto. */
  hashFile?: FileHasher;
}

/**
 * Everything the manager's Verify checks: the chain, then per capture its stored files (re-hashed) and their
 * hashes against the trail. Empty when intact; otherwise one precise problem per faulty file or entry.
 */
export async function storedCaseProblems(stored: StoredCase): Promise<VerifyProblem[]> {
  const problems: VerifyProblem[] = verifyChain(stored.trail, stored.caseId);
  for (const capture of stored.captures) {
    problems.push(...(await storedFileProblems(capture, stored.files.get(capture.id) ?? [], stored.hashFile)));
    problems.push(...captureAuditProblems(capture, stored.trail));
  }
  return problems;
}

/**
 * The trail alone, against the captures it must account for (what a bundle can prove without its files' bytes,
 * which the import checks against the manifest): the chain, then each capture's file hashes, in order.
 */
export function trailProblems(
  caseId: string,
  trail: readonly AuditEntry[],
  captures: readonly CaptureToVerify[],
): TrailProblem[] {
  const problems: TrailProblem[] = verifyChain(trail, caseId);
  for (const capture of captures) problems.push(...captureAuditProblems(capture, trail));
  return problems;
}

/** The latest entry of the trail that recorded the capture's file hashes, and those hashes by file name. */
export function latestAuditOf(
  captureId: string,
  trail: readonly AuditEntry[],
): { entry: AuditEntry; hashes: Map<string, string | null> } | undefined {
  const entry = trail.findLast(
    (candidate) => candidate.details.captureId === captureId && Array.isArray(candidate.details.fileSha256s),
  );
  if (!entry) return undefined;
  const names = asStrings(entry.details.fileNames);
  const hashes = asStrings(entry.details.fileSha256s);
  return { entry, hashes: new Map(names.map((name, index) => [name, hashes[index] ?? null])) };
}

/** Compares the capture's file hashes with the latest trail entry that recorded them. */
export function captureAuditProblems(capture: CaptureToVerify, trail: readonly AuditEntry[]): TrailProblem[] {
  const audit = latestAuditOf(capture.id, trail);
  if (!audit) return [{ kind: 'capture-not-audited', captureId: capture.id }];
  return capture.files
    .filter((meta) => audit.hashes.get(meta.name) !== meta.sha256)
    .map((meta) => ({
      kind: 'file-audit-mismatch' as const,
      captureId: capture.id,
      fileName: meta.name,
      audited: audit.hashes.get(meta.name) ?? null,
      recorded: meta.sha256,
    }));
}

/** Re-hashes the capture's stored files against its record; names missing and unlisted files. */
export async function storedFileProblems(
  capture: CaptureToVerify,
  storedFiles: readonly StoredFile[],
  hashFile: FileHasher = hashBlob,
): Promise<VerifyProblem[]> {
  const stored = new Map(storedFiles.map((file) => [file.id, file]));
  const problems: VerifyProblem[] = [];
  for (const meta of capture.files) {
    const where = { captureId: capture.id, fileId: meta.id, fileName: meta.name };
    const file = stored.get(meta.id);
    stored.delete(meta.id);
    if (!file) {
      problems.push({ kind: 'file-missing', ...where });
      continue;
    }
    const actual = await hashFile(file);
    if (typeof actual !== 'string') problems.push({ kind: 'file-chunk', ...where, ...actual });
    else if (actual !== meta.sha256) problems.push({ kind: 'file-hash-mismatch', ...where, expected: meta.sha256, actual });
  }
  for (const extra of stored.values()) {
    problems.push({ kind: 'file-unlisted', captureId: capture.id, fileId: extra.id, fileName: extra.name });
  }
  return problems;
}

function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
