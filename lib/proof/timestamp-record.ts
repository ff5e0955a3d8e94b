/**
 * An RFC 3161 timestamp of one evidence file or of a case's audit-chain head, as the evidence database keeps it
 * (store `timestamps`: lib/storage/timestamps.ts, SCHEMA.md). In clear: it holds a hash already stored in clear,
 * the authority's answer and when to try again, nothing of the evidence. `pending` until an authority's answer
 * verified; then `stamped`, never changed again.
 */
export interface TimestampRecord {
  /** `file:<file id>` or `audit:<case id>:<seq>`. */
  id: string;
  subject: 'file' | 'audit-head';
  /** The file's capture and id (subject `file`), else null. */
  captureId: string | null;
  fileId: string | null;
  /** The case and entry whose hash is stamped (subject `audit-head`), else null. */
  caseId: string | null;
  seq: number | null;
  /** SHA-256 (hex) of what is stamped: the file's bytes, or the audit head's text (timestamping.ts). */
  sha256: string;
  state: 'pending' | 'stamped';
  queuedAt: string;
  attempts: number;
  /** When the next attempt is due (pending); every pending one is also tried at start-up and when the manager opens. */
  nextAttemptAt: string;
  /** Why the last attempt failed (pending), e.g. `network`, `http`, `wrong-nonce`. */
  lastError: { code: string; message: string; at: string } | null;
  /** Once stamped: the authority's URL, its whole answer (base64 DER TimeStampResp), its time, name and serial. */
  authorityUrl: string | null;
  response: string | null;
  genTime: string | null;
  authority: string | null;
  serial: string | null;
  /** The certificates the answer carried (base64 DER), signer first. */
  chain: string[];
}
