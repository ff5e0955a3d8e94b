/**
 * How the evidence store fails: every failure reaches the caller as a StorageError with a `code` the interface
 * can explain.
 */
import { LockedError } from './sealing';

export type StorageErrorCode =
  /** The browser refused to store more: free space, or export and delete old captures. */
  | 'quota'
  /** The data was refused before or while writing (inconsistent capture, unknown case, duplicate id). */
  | 'invalid'
  /** The write was interrupted (transaction aborted, database closed by a newer version): try again. */
  | 'aborted'
  /** A passphrase is set and the evidence is locked: unlock, then try again. */
  | 'locked'
  | 'unknown';

export class StorageError extends Error {
  override readonly name = 'StorageError';
  readonly code: StorageErrorCode;
  /** For 'invalid': what exactly was wrong (English, for logs and bug reports, not for the interface). */
  readonly problems: readonly string[];

  constructor(code: StorageErrorCode, message: string, options: { cause?: unknown; problems?: string[] } = {}) {
    super(message, { cause: options.cause });
    this.code = code;
    this.problems = options.problems ?? [];
  }
}

/** A record a write was prepared from, or the encryption state, changed before the write's transaction. */
export class Conflict extends Error {
  override readonly name = 'Conflict';
  constructor() {
    super('The data changed while the write was prepared; try again.');
  }
}

export function invalid(message: string, problems: string[] = []): StorageError {
  return new StorageError('invalid', message, { problems });
}

/** Firefox before 2021 used its own name for the quota error. */
const QUOTA_ERROR_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);
const INVALID_ERROR_NAMES = new Set(['ConstraintError', 'DataError', 'DataCloneError']);
const ABORT_ERROR_NAMES = new Set(['AbortError', 'TransactionInactiveError', 'InvalidStateError']);

/**
 * Maps anything thrown by IndexedDB to a StorageError. `txError` is the transaction's own error: in browsers a
 * quota failure often shows on the transaction (tx.error) while the pending requests only report AbortError.
 */
export function toStorageError(error: unknown, txError?: unknown): StorageError {
  if (error instanceof StorageError) return error;
  const cause = error;
  if (error instanceof LockedError) return new StorageError('locked', error.message, { cause });
  if (error instanceof Conflict) return new StorageError('aborted', error.message, { cause });
  const name = errorName(error);
  if (QUOTA_ERROR_NAMES.has(name) || QUOTA_ERROR_NAMES.has(errorName(txError))) {
    return new StorageError('quota', 'The browser has no more storage space for this extension.', { cause });
  }
  if (INVALID_ERROR_NAMES.has(name)) {
    return new StorageError('invalid', `The database refused the data (${name}).`, { cause });
  }
  if (ABORT_ERROR_NAMES.has(name)) {
    return new StorageError('aborted', `The write was interrupted (${name}).`, { cause });
  }
  return new StorageError('unknown', `Storage failed: ${describe(error)}`, { cause });
}

function errorName(error: unknown): string {
  return typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string'
    ? error.name
    : '';
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
