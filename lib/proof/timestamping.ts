/**
 * Stamping the pending timestamps: for each, one RFC 3161 request over the SHA-256 it holds, POSTed to the chosen
 * authority, and the answer checked (lib/proof/timestamp.ts) before it is kept. What leaves the computer is that
 * request only: a SHA-256, a random nonce and "send your certificate", no address, title, file or name.
 *
 * What is stamped: each evidence file on its own (its SHA-256, the one the capture recorded), so that
 * `openssl ts -verify -data <file> -in <file>.tsr -CAfile <ca>` checks an exported file with its token; and at an
 * export, the case's audit-chain head as the text `auditHeadText` gives (exported as `audit-head.txt`).
 *
 * Trust: an answer is kept only when its chain reaches one of the roots this version ships (timestamp-trust.ts).
 * The root an authority's first kept answer reached is then pinned for that authority (trust on first use, but only
 * ever of a shipped root): every later answer must reach that same root. A failure of any kind leaves the record
 * pending, retried with a growing delay (1 minute, doubling, at most 6 hours), and at every start-up and opening
 * of the manager.
 */
import { toBase64 } from '../crypto/bytes';
import type { TimestampRecord } from './timestamp-record';
import { buildTimestampRequest, TimestampError, verifyTimestampResponse } from './timestamp';
import { trustRoots, type TrustRoot } from './timestamp-trust';

/** Where the stamping reads and writes (EvidenceStore in the extension, a fake in tests). */
export interface TimestampLedger {
  pendingTimestamps(now: Date, all: boolean): Promise<TimestampRecord[]>;
  /** Whether the file a record stamps still exists (records of deleted captures are dropped). */
  timestampSubjectExists(record: TimestampRecord): Promise<boolean>;
  dropTimestamp(id: string): Promise<void>;
  recordStamp(id: string, result: Pick<TimestampRecord, 'authorityUrl' | 'response' | 'genTime' | 'authority' | 'serial' | 'chain'>): Promise<void>;
  recordAttemptFailure(id: string, error: { code: string; message: string }, nextAttemptAt: Date): Promise<void>;
  /** The SHA-256 of the root an authority is pinned to, or null. */
  timestampPin(authorityUrl: string): Promise<string | null>;
  /** Pins an authority to a root, unless another pin than `replacing` was set meanwhile (first use wins). */
  pinTimestampAuthority(authorityUrl: string, rootSha256: string, replacing: string | null): Promise<void>;
}

/** The one network call: POST the DER request, resolve to the answer's bytes (lib/proof/tsa-client.ts). */
export type PostTimestampQuery = (url: string, request: Uint8Array<ArrayBuffer>) => Promise<Uint8Array>;

/** Why an attempt failed, besides the answer checks of timestamp.ts. */
export class TimestampTransportError extends Error {
  override readonly name = 'TimestampTransportError';
  constructor(
    readonly code: 'network' | 'timeout' | 'http' | 'too-large' | 'no-permission',
    message: string,
  ) {
    super(message);
  }
}

export interface StampingOutcome {
  stamped: number;
  failed: number;
}

const MINUTE_MS = 60_000;
const MAX_DELAY_MS = 6 * 60 * MINUTE_MS;

/** The delay before attempt `attempts + 1` after `attempts` failed ones: 1, 2, 4... minutes, at most 6 hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(MAX_DELAY_MS, MINUTE_MS * 2 ** Math.max(0, attempts - 1));
}

/**
 * Stamps the pending records (those due, or `all` of them) with the authority at `authorityUrl`, one at a time,
 * oldest first. Never throws for one record's failure: it is recorded and retried later.
 */
export async function stampPending(
  ledger: TimestampLedger,
  post: PostTimestampQuery,
  authorityUrl: string,
  options: { now?: () => Date; all?: boolean; roots?: readonly TrustRoot[] } = {},
): Promise<StampingOutcome> {
  const now = options.now ?? (() => new Date());
  const outcome: StampingOutcome = { stamped: 0, failed: 0 };
  for (const record of await ledger.pendingTimestamps(now(), options.all ?? false)) {
    if (!(await ledger.timestampSubjectExists(record))) {
      await ledger.dropTimestamp(record.id);
      continue;
    }
    try {
      await ledger.recordStamp(record.id, await stampOne(ledger, post, authorityUrl, record.sha256, options.roots));
      outcome.stamped++;
    } catch (error) {
      const failure = describeFailure(error);
      await ledger.recordAttemptFailure(record.id, failure, new Date(now().getTime() + retryDelayMs(record.attempts + 1)));
      outcome.failed++;
    }
  }
  return outcome;
}

/**
 * One request and its checked answer, for a SHA-256 (hex). The answer must reach the root the authority is pinned
 * to, or before the first kept answer (or once this version no longer ships that root) any shipped root.
 */
export async function stampOne(
  ledger: Pick<TimestampLedger, 'timestampPin' | 'pinTimestampAuthority'>,
  post: PostTimestampQuery,
  authorityUrl: string,
  sha256Hex: string,
  roots: readonly TrustRoot[] = trustRoots(),
): Promise<Pick<TimestampRecord, 'authorityUrl' | 'response' | 'genTime' | 'authority' | 'serial' | 'chain'>> {
  const sha256 = hexBytes(sha256Hex);
  const request = buildTimestampRequest(sha256);
  const response = await post(authorityUrl, request.der);
  const pinned = await ledger.timestampPin(authorityUrl);
  const pinnedRoot = roots.find((root) => root.sha256 === pinned);
  const verified = await verifyTimestampResponse(response, { sha256, nonce: request.nonce, roots: pinnedRoot ? [pinnedRoot] : roots });
  if (!pinnedRoot) await ledger.pinTimestampAuthority(authorityUrl, verified.trust.rootSha256, pinned);
  return {
    authorityUrl,
    response: toBase64(response),
    genTime: verified.genTime.toISOString(),
    authority: verified.authority,
    serial: verified.serial,
    chain: verified.certificates.map((der) => toBase64(der)),
  };
}

/** The text whose SHA-256 is stamped for a case's audit-chain head (exported as audit-head.txt). */
export function auditHeadText(head: { caseId: string; seq: number; hash: string }): string {
  return `Capture & Report audit trail head\ncase ${head.caseId}\nseq ${head.seq}\nhash ${head.hash}\n`;
}

export function describeFailure(error: unknown): { code: string; message: string } {
  if (error instanceof TimestampError || error instanceof TimestampTransportError) return { code: error.code, message: error.message };
  return { code: 'failed', message: error instanceof Error ? error.message : String(error) };
}

function hexBytes(hex: string): Uint8Array<ArrayBuffer> {
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new RangeError('A SHA-256 is 64 lowercase hex digits.');
  return Uint8Array.from(hex.match(/../g)!, (pair) => parseInt(pair, 16));
}
