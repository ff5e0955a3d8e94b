/**
 * The audit trail's hash chain: pure functions, no storage.
 *
 * Each case has its own trail: entries numbered 0, 1, 2... (`seq`), each holding the hash of the previous one
 * (`prevHash`, 64 zeros for the first) and its own hash over every other field. Changing, inserting or removing an
 * entry in the middle breaks the chain and `verifyChain` says where.
 *
 * The hash is synchronous (@noble/hashes) because it is computed inside the IndexedDB transaction that appends
 * the entry, right after reading the previous entry: awaiting WebCrypto there would let the transaction commit
 * before the entry is written, and two writers could then fork the chain.
 */
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import type { AuditEntry } from '../evidence/types';

/** prevHash of the first entry of a trail. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields a caller chooses; the chain fields (seq, prevHash, hash) are derived. */
export type AuditFields = Pick<AuditEntry, 'caseId' | 'at' | 'action' | 'actorRole' | 'details'>;

export type AuditBrokenReason =
  /** One or more entries before this one are missing (seq jumps). */
  | 'missing-before'
  /** The sequence starts above 0, goes backwards or repeats. */
  | 'bad-seq'
  /** prevHash is not the hash of the previous entry. */
  | 'prev-hash-mismatch'
  /** The stored hash is not the hash of the entry's content: the entry was changed. */
  | 'hash-mismatch'
  /** The entry belongs to another case. */
  | 'wrong-case';

export interface AuditProblem {
  kind: 'audit-broken';
  seq: number;
  reason: AuditBrokenReason;
}

/**
 * JSON with object keys sorted (by UTF-16 code units, as in RFC 8785), no whitespace, `undefined` properties
 * left out. Same value, same text, whatever the key order, so the hash does not depend on how the entry was
 * built or how IndexedDB cloned it.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} has no JSON form`);
      return JSON.stringify(value);
    case 'object':
      return Array.isArray(value) ? canonicalArray(value) : canonicalObject(value as Record<string, unknown>);
    default:
      throw new TypeError(`canonicalJson: a ${typeof value} has no JSON form`);
  }
}

function canonicalArray(items: unknown[]): string {
  // An undefined array slot would silently become null in JSON: refuse it rather than hash something else.
  return `[${items.map((item) => canonicalJson(item)).join(',')}]`;
}

function canonicalObject(object: Record<string, unknown>): string {
  const keys = Object.keys(object)
    .filter((key) => object[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key])}`).join(',')}}`;
}

/** SHA-256 (hex) of the canonical JSON of every field except `hash` itself. */
export function hashEntry(entry: Omit<AuditEntry, 'hash'> & { hash?: string }): string {
  const { hash: _ignored, ...content } = entry;
  return sha256OfText(canonicalJson(content));
}

/** The entry that follows `prev` (or starts the trail when there is none). */
export function nextEntry(prev: AuditEntry | undefined, fields: AuditFields): AuditEntry {
  if (prev && prev.caseId !== fields.caseId) {
    throw new Error(`nextEntry: previous entry is from case ${prev.caseId}, not ${fields.caseId}`);
  }
  const content: Omit<AuditEntry, 'hash'> = {
    caseId: fields.caseId,
    seq: prev ? prev.seq + 1 : 0,
    at: fields.at,
    action: fields.action,
    actorRole: fields.actorRole,
    details: fields.details,
    prevHash: prev ? prev.hash : GENESIS_HASH,
  };
  return { ...content, hash: hashEntry(content) };
}

/**
 * Checks a case's trail, given in seq order. Empty when intact. One problem per faulty entry, the first that
 * applies. Removing the last entries cannot be seen from the trail alone (nothing follows them): only a copy of
 * the last hash kept elsewhere (an export, a printout) shows that.
 */
export function verifyChain(entries: readonly AuditEntry[], caseId = entries[0]?.caseId): AuditProblem[] {
  const problems: AuditProblem[] = [];
  let previous: AuditEntry | undefined;
  for (const entry of entries) {
    const reason = entryProblem(entry, previous, caseId);
    if (reason) problems.push({ kind: 'audit-broken', seq: entry.seq, reason });
    previous = entry;
  }
  return problems;
}

function entryProblem(
  entry: AuditEntry,
  previous: AuditEntry | undefined,
  caseId: string | undefined,
): AuditBrokenReason | undefined {
  if (entry.caseId !== caseId) return 'wrong-case';
  if (hashEntry(entry) !== entry.hash) return 'hash-mismatch';
  const expectedSeq = previous ? previous.seq + 1 : 0;
  if (entry.seq > expectedSeq) return 'missing-before';
  if (entry.seq < expectedSeq) return 'bad-seq';
  const expectedPrev = previous ? previous.hash : GENESIS_HASH;
  if (entry.prevHash !== expectedPrev) return 'prev-hash-mismatch';
  return undefined;
}

/** SHA-256 (hex) of a text's UTF-8 bytes, synchronously: usable inside a transaction. */
export function sha256OfText(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}
