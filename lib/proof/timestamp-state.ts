/** What the person is told about a capture's trusted timestamps, from its files' records (pure). */
import type { TimestampRecord } from './timestamp-record';
import { authorityByUrl } from './authorities';

export type CaptureTimestampState =
  | { kind: 'none' }
  | { kind: 'stamped'; authority: string; genTime: string }
  | { kind: 'pending'; stamped: number; total: number; lastError: { code: string; message: string } | null };

/** The reason keys of lib/i18n for a failure code (lib/proof/timestamping.ts, timestamp.ts). */
const REASONS = ['network', 'timeout', 'http', 'wrong-hash', 'wrong-nonce', 'bad-signature', 'expired', 'untrusted'] as const;
export type TimestampReason = (typeof REASONS)[number] | 'other';

export function timestampReason(code: string): TimestampReason {
  return (REASONS as readonly string[]).includes(code) ? (code as TimestampReason) : 'other';
}

/** The authority's name as the list gives it, else the signer named in its certificate. */
export function authorityName(record: Pick<TimestampRecord, 'authorityUrl' | 'authority'>): string {
  return (record.authorityUrl ? authorityByUrl(record.authorityUrl)?.name : undefined) ?? record.authority ?? '?';
}

export function captureTimestampState(records: readonly TimestampRecord[]): CaptureTimestampState {
  if (records.length === 0) return { kind: 'none' };
  const stamped = records.filter((record) => record.state === 'stamped');
  if (stamped.length === records.length) {
    // One time for the capture: the latest of its files' (each file's own time is in its token).
    const latest = stamped.reduce((a, b) => ((a.genTime ?? '') >= (b.genTime ?? '') ? a : b));
    return { kind: 'stamped', authority: authorityName(latest), genTime: latest.genTime ?? '' };
  }
  const failed = records.filter((record) => record.state === 'pending' && record.lastError);
  const lastError = failed.sort((a, b) => (a.lastError!.at < b.lastError!.at ? 1 : -1))[0]?.lastError ?? null;
  return { kind: 'pending', stamped: stamped.length, total: records.length, lastError: lastError && { code: lastError.code, message: lastError.message } };
}
