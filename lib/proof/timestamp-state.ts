/**
 * What the person is told about a capture's trusted timestamps, from its files' records and whether each stamped
 * one was made by a real authority (timestamp-trust.ts). A stamped timestamp is named after the listed authority
 * whose shipped root its chain reaches, never after the name its certificate or a bundle's manifest gives it.
 */
import { fromBase64 } from '../crypto/bytes';
import type { TimestampRecord } from './timestamp-record';
import { authorityById } from './authorities';
import { checkTimestampToken, tokenTrust } from './timestamp';
import type { TimestampTrust, TrustRoot, UnverifiedReason } from './timestamp-trust';

export type CaptureTimestampState =
  | { kind: 'none' }
  | { kind: 'stamped'; authority: string; genTime: string }
  | { kind: 'unverified'; reason: UnverifiedReason; genTime: string }
  | { kind: 'pending'; stamped: number; total: number; lastError: { code: string; message: string } | null };

/** The reason keys of lib/i18n for a failure code (lib/proof/timestamping.ts, timestamp.ts). */
const REASONS = ['network', 'timeout', 'http', 'wrong-hash', 'wrong-nonce', 'bad-signature', 'expired', 'untrusted'] as const;
export type TimestampReason = (typeof REASONS)[number] | 'other';

export function timestampReason(code: string): TimestampReason {
  return (REASONS as readonly string[]).includes(code) ? (code as TimestampReason) : 'other';
}

/** The listed authority's name for a trusted timestamp (the root's own name when the list has none). */
export function trustedAuthorityName(trust: Extract<TimestampTrust, { kind: 'trusted' }>): string {
  return authorityById(trust.authorityId)?.name ?? trust.rootName;
}

/**
 * Whether a stored stamped record's token was made by a real authority: checked again against the file's hash
 * and the roots (a damaged token is not verified either).
 */
export async function storedTimestampTrust(record: TimestampRecord, roots?: readonly TrustRoot[]): Promise<TimestampTrust> {
  if (record.state !== 'stamped' || !record.response) return { kind: 'unverified', reason: 'unknown-authority' };
  try {
    const token = await checkTimestampToken(fromBase64(record.response), { sha256: hexBytes(record.sha256) });
    return await tokenTrust(token, roots);
  } catch {
    return { kind: 'unverified', reason: 'unknown-authority' };
  }
}

/** No stamped record checked yet. */
export const NO_TRUST: ReadonlyMap<string, TimestampTrust> = new Map();

/** What a page found of the tokens it checked, by record id and serial: a stamped record never changes. */
export type CheckedTokens = Map<string, TimestampTrust>;

export function checkedTokens(): CheckedTokens {
  return new Map();
}

/** The trust of every stamped record among `records`, by record id; each token is checked once per `known`. */
export async function trustOfRecords(
  records: readonly TimestampRecord[],
  known: CheckedTokens,
  roots?: readonly TrustRoot[],
): Promise<ReadonlyMap<string, TimestampTrust>> {
  const byId = new Map<string, TimestampTrust>();
  for (const record of records) {
    if (record.state !== 'stamped') continue;
    const key = `${record.id}|${record.serial ?? ''}`;
    let trust = known.get(key);
    if (!trust) {
      trust = await storedTimestampTrust(record, roots);
      known.set(key, trust);
    }
    byId.set(record.id, trust);
  }
  return byId;
}

/**
 * One capture's state. `trust` holds, by record id, the trust of its stamped records; a stamped record without
 * one counts as not verified.
 */
export function captureTimestampState(records: readonly TimestampRecord[], trust: ReadonlyMap<string, TimestampTrust>): CaptureTimestampState {
  if (records.length === 0) return { kind: 'none' };
  const stamped = records.filter((record) => record.state === 'stamped');
  if (stamped.length === records.length) {
    // One time for the capture: the latest of its files' (each file's own time is in its token).
    const latest = stamped.reduce((a, b) => ((a.genTime ?? '') >= (b.genTime ?? '') ? a : b));
    const verdicts = stamped.map((record) => trust.get(record.id) ?? ({ kind: 'unverified', reason: 'unknown-authority' } as const));
    const unverified = verdicts.find((verdict) => verdict.kind === 'unverified');
    if (unverified) return { kind: 'unverified', reason: unverified.reason, genTime: latest.genTime ?? '' };
    const latestTrust = trust.get(latest.id) as Extract<TimestampTrust, { kind: 'trusted' }>;
    return { kind: 'stamped', authority: trustedAuthorityName(latestTrust), genTime: latest.genTime ?? '' };
  }
  const failed = records.filter((record) => record.state === 'pending' && record.lastError);
  const lastError = failed.sort((a, b) => (a.lastError!.at < b.lastError!.at ? 1 : -1))[0]?.lastError ?? null;
  return { kind: 'pending', stamped: stamped.length, total: records.length, lastError: lastError && { code: lastError.code, message: lastError.message } };
}

function hexBytes(hex: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(hex.match(/../g) ?? [], (pair) => parseInt(pair, 16));
}
