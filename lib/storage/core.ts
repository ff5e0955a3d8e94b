/**
 * The store's core, shared by the aggregate modules (cases.ts, captures.ts, reports.ts, audit-trail.ts,
 * case-import.ts): reads that decrypt, one-transaction writes, and the sealed-write protocol. The database itself
 * (open, migrations) is db.ts; which fields are sealed is sealing.ts.
 *
 * Rules that make the stored evidence trustworthy:
 * - Every write that changes evidence appends an audit entry in the SAME transaction: both happen or neither.
 * - Evidence is written with `add`, never `put`: an existing capture or file is never silently overwritten.
 * - File hashes are checked (WebCrypto) before the transaction; audit hashes are computed synchronously inside
 *   it, because awaiting anything other than an IndexedDB request would let the transaction commit early.
 * - Every failure reaches the caller as a StorageError with a `code` the interface can explain (errors.ts).
 */
import type { IDBPObjectStore, IDBPTransaction, StoreNames } from 'idb';
import type { EncryptedValue } from '../crypto/cipher';
import type { AuditFields } from './audit';
import type { EvidenceDb, EvidenceDbSchema } from './db';
import { Conflict, StorageError, toStorageError } from './errors';
import {
  ENCRYPTION_SETTING,
  LockedError,
  NO_CIPHER,
  parseEncryptionState,
  seal,
  sealAuditDetails,
  sealsWrites,
  stateToken,
  unseal,
  unsealAll,
  type EncryptionState,
  type EvidenceCipher,
  type SealableStore,
} from './sealing';

export interface EvidenceStoreOptions {
  /** Clock and id source, replaceable for tests. */
  now?: () => Date;
  newId?: () => string;
  /**
   * Where the data key comes from when a passphrase is set (lib/crypto/session.ts). Without one (NO_CIPHER) the
   * store works on databases without a passphrase and reports 'locked' on others.
   */
  cipher?: EvidenceCipher;
}

export type Stores = StoreNames<EvidenceDbSchema>;
export type WriteTx<S extends Stores[]> = IDBPTransaction<EvidenceDbSchema, S, 'readwrite'>;
/** One object store of a readwrite transaction, whatever the transaction's other stores. */
export type WriteStore<N extends Stores> = IDBPObjectStore<EvidenceDbSchema, ArrayLike<Stores>, N, 'readwrite'>;

export class StoreCore {
  readonly now: () => Date;
  readonly newId: () => string;
  readonly cipher: EvidenceCipher;
  /** The core whose installation key signs audit entries after a commit: this one, or the one it was made from. */
  private signer: StoreCore = this;

  constructor(
    readonly db: EvidenceDb,
    options: EvidenceStoreOptions = {},
    /**
     * Runs after a write that appended audit entries has committed: signing them (audit-signatures.ts, handed in by
     * evidence-store.ts, so that the core stays below what it serves).
     */
    private readonly afterAuditCommit: (signer: StoreCore) => Promise<unknown> = async () => undefined,
  ) {
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? (() => crypto.randomUUID());
    this.cipher = options.cipher ?? NO_CIPHER;
  }

  /**
   * The same database with another key source (recordings.ts: a writer keeps the key it started with). Audit
   * entries are still signed by this core, with its own key source: after a lock they wait for the next unlock.
   */
  withCipher(cipher: EvidenceCipher): StoreCore {
    const core = new StoreCore(this.db, { now: this.now, newId: this.newId, cipher }, this.afterAuditCommit);
    core.signer = this.signer;
    return core;
  }

  nowIso(): string {
    return this.now().toISOString();
  }

  /** Whether a passphrase is set, and whether a conversion is under way (see sealing.ts). */
  async encryptionState(): Promise<EncryptionState> {
    const setting = await this.read(() => this.db.get('settings', ENCRYPTION_SETTING));
    return parseEncryptionState(setting?.value);
  }

  // --- Reads -------------------------------------------------------------------------------------------------------

  async read<T>(query: () => Promise<T>): Promise<T> {
    try {
      return await query();
    } catch (error) {
      throw toStorageError(error);
    }
  }

  /** Reads records and decrypts those that are sealed. */
  async readAll<T extends object>(store: SealableStore, query: () => Promise<T[]>): Promise<T[]> {
    return this.read(async () => unsealAll(store, await this.cipher.key(), await query()));
  }

  async readOne<T extends object>(store: SealableStore, query: () => Promise<T | undefined>): Promise<T | undefined> {
    return this.read(async () => {
      const stored = await query();
      return stored === undefined ? undefined : unseal(store, await this.cipher.key(), stored);
    });
  }

  // --- Writes ------------------------------------------------------------------------------------------------------

  /** Runs `body` in one readwrite transaction; on any failure the transaction is aborted and nothing is kept. */
  async write<const S extends Stores[], T>(stores: S, body: (tx: WriteTx<S>) => Promise<T>): Promise<T> {
    let tx: WriteTx<S>;
    try {
      tx = this.db.transaction(stores, 'readwrite');
    } catch (error) {
      throw toStorageError(error);
    }
    try {
      const result = await body(tx);
      await tx.done;
      if (stores.includes('audit')) await this.signAfterCommit();
      return result;
    } catch (error) {
      abortQuietly(tx);
      await tx.done.catch(() => undefined);
      throw toStorageError(error, tx.error);
    }
  }

  /**
   * Signs the audit entries the committed write appended (afterAuditCommit). The write itself succeeded: a failure
   * here only leaves the entries pending, signed at the next open, unlock, Verify or export.
   */
  private async signAfterCommit(): Promise<void> {
    await this.afterAuditCommit(this.signer).catch(() => 0);
  }

  /**
   * A write whose records may be sealed. `prepare` runs BEFORE the transaction (reads, decryption, encryption:
   * anything that awaits WebCrypto), given the data key when writes are sealed, null when they are in clear.
   * `body` runs inside the transaction, which must include 'settings': it re-reads the encryption state and starts
   * over (at most 3 times) if it changed meanwhile, so that no write lands in clear once a passphrase is set, nor
   * sealed after it was removed. `body` throws Conflict when a record it was prepared from changed meanwhile.
   */
  async sealedWrite<const S extends Stores[], P, T>(
    stores: S,
    prepare: (key: CryptoKey | null) => Promise<P>,
    body: (tx: WriteTx<S>, prepared: P) => Promise<T>,
  ): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      let state: EncryptionState;
      let prepared: P;
      try {
        state = await this.encryptionState();
        const key = sealsWrites(state) ? await this.cipher.key() : null;
        if (sealsWrites(state) && !key) throw new LockedError();
        prepared = await prepare(key);
      } catch (error) {
        throw toStorageError(error);
      }
      try {
        return await this.write(stores, async (tx) => {
          const settings = (tx as unknown as WriteTx<['settings']>).objectStore('settings');
          const current = parseEncryptionState((await settings.get(ENCRYPTION_SETTING))?.value);
          if (stateToken(current) !== stateToken(state)) throw new Conflict();
          return body(tx, prepared);
        });
      } catch (error) {
        if (!(error instanceof StorageError && error.cause instanceof Conflict) || attempt >= 3) throw error;
      }
    }
  }

  /** The stored form of a record (sealed when `key` is given) and the sealed details of its audit entry. */
  async sealFor<T extends object>(
    key: CryptoKey | null,
    store: SealableStore,
    record: T,
    auditCaseId: string,
    details: AuditFields['details'],
  ): Promise<{ toStore: T; auditSeal: EncryptedValue | null }> {
    if (!key) return { toStore: record, auditSeal: null };
    return { toStore: await seal(store, key, record), auditSeal: await sealAuditDetails(key, auditCaseId, details) };
  }
}

function abortQuietly(tx: { abort(): void }): void {
  try {
    tx.abort();
  } catch {
    // Already finished or already aborted (a failed request aborts it): nothing left to undo.
  }
}

/**
 * All of a case's keys in a store or index whose keys start with the case id: the audit store ([caseId, seq]) and
 * the captures' byCaseTime index ([caseId, capturedAt]). [caseId] sorts before every such key of the case, and
 * [caseId, []] after all of them (arrays sort above strings and numbers).
 */
export function caseKeyRange(caseId: string): IDBKeyRange {
  return IDBKeyRange.bound([caseId], [caseId, []]);
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
