/**
 * Setting, changing and removing the passphrase, and converting the stored evidence between clear and sealed
 * (lib/storage/sealing.ts) safely.
 *
 * How a conversion survives being interrupted (tab closed, browser crash, error):
 * - The target is recorded first, in one write of the settings key 'encryption' (mode 'encrypting' or
 *   'decrypting', with the keyring). From then on, every NEW write of EvidenceStore is already in the target form
 *   (its transaction re-checks the mode), so the set of records left to convert only shrinks.
 * - Records are converted in small batches, each batch in its own transaction that re-reads every record and
 *   replaces it only if it is unchanged since it was read (otherwise it is left for the next pass). A batch is
 *   all or nothing; a record is never deleted, only replaced by its other form.
 * - Records are self-describing (`$sealed`), so at every moment the database is readable with the key: clear
 *   records pass through, sealed ones are decrypted. Nothing is lost at any interruption point.
 * - The mode becomes 'on' (or the keyring is deleted, for 'off') only in a transaction that scans every store and
 *   finds no record left in the other form.
 * - Interrupted, it resumes with `resumeConversion` (after unlocking: the key is needed both ways), or rolls
 *   back with `reverseConversion` (encrypting <-> decrypting, then converts to the other side).
 * A wrong passphrase throws WrongPassphraseError before anything is written.
 */
import type { StoreNames } from 'idb';
import {
  createKeyring,
  rewrap,
  unlockRaw,
  importDataKey,
  type KeyOptions,
  type KeyringRecord,
} from '../crypto/keys';
import type { EvidenceDb, EvidenceDbSchema } from './db';
import {
  ENCRYPTION_SETTING,
  SEALABLE_STORES,
  isSealed,
  parseEncryptionState,
  sameStored,
  seal,
  stateToken,
  unseal,
  type EncryptionState,
  type SealableStore,
} from './sealing';

export class EncryptionStateError extends Error {
  override readonly name = 'EncryptionStateError';
}

export interface Unlocked {
  /** Non-extractable, for this context's store. */
  dataKey: CryptoKey;
  /** Raw bytes for the session store (lib/crypto/session.ts); zero them once stored. */
  rawKey: Uint8Array<ArrayBuffer>;
  /** The keyring's keyId (KeySession.start). */
  keyId: string;
}

export interface ConversionProgress {
  store: SealableStore;
  /** Records converted so far in this run, all stores together. */
  converted: number;
}

export interface ConversionOptions {
  /** Records per transaction (files: always one, they can be large). */
  batchSize?: number;
  onProgress?: (progress: ConversionProgress) => void;
  /** Test hook: called after each committed batch; throwing here simulates an interruption. */
  afterBatch?: (batchesDone: number) => void;
}

export async function readEncryptionState(db: EvidenceDb): Promise<EncryptionState> {
  return parseEncryptionState((await db.get('settings', ENCRYPTION_SETTING))?.value);
}

/**
 * Sets a passphrase on a database that has none: stores the new keyring (mode 'encrypting'), then seals every
 * record. Returns the data key (also when the conversion itself fails: the keyring is stored by then, and
 * `resumeConversion` finishes the job).
 */
export async function enableEncryption(
  db: EvidenceDb,
  passphrase: string,
  options: KeyOptions &
    ConversionOptions & {
      /**
       * Called once the keyring is stored, before the conversion: put the key in the session here
       * (lib/crypto/session.ts), so that other contexts' writes, now sealed, can proceed.
       */
      onKey?: (unlocked: Unlocked) => Promise<void> | void;
    } = {},
): Promise<Unlocked> {
  if ((await readEncryptionState(db)).mode !== 'off') throw new EncryptionStateError('A passphrase is already set.');
  const { record, dataKey, rawKey } = await createKeyring(passphrase, { ...options, exportRaw: true });
  await replaceState(db, 'off', { mode: 'encrypting', keyring: record });
  const unlocked = { dataKey, rawKey: rawKey!, keyId: record.keyId };
  await options.onKey?.(unlocked);
  await resumeConversion(db, dataKey, options);
  return unlocked;
}

/**
 * Checks the passphrase and gives the data key. Throws WrongPassphraseError (nothing changes) or
 * EncryptionStateError when no passphrase is set. Does not convert: call `resumeConversion` when
 * `conversionPending(state)`.
 */
export async function unlockEvidence(db: EvidenceDb, passphrase: string): Promise<Unlocked & { state: EncryptionState }> {
  const state = await readEncryptionState(db);
  if (state.mode === 'off') throw new EncryptionStateError('No passphrase is set.');
  const rawKey = await unlockRaw(state.keyring, passphrase);
  return { dataKey: await importDataKey(rawKey), rawKey, keyId: state.keyring.keyId, state };
}

/** Changes the passphrase: re-wraps the same data key, one write. Wrong old passphrase: nothing changes. */
export async function changePassphrase(
  db: EvidenceDb,
  oldPassphrase: string,
  newPassphrase: string,
  options: KeyOptions = {},
): Promise<KeyringRecord> {
  const state = await readEncryptionState(db);
  if (state.mode === 'off') throw new EncryptionStateError('No passphrase is set.');
  const keyring = await rewrap(state.keyring, oldPassphrase, newPassphrase, options);
  const tx = db.transaction('settings', 'readwrite');
  const current = parseEncryptionState((await tx.store.get(ENCRYPTION_SETTING))?.value);
  if (current.mode === 'off' || current.keyring.wrappedKey !== state.keyring.wrappedKey) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new EncryptionStateError('The passphrase was changed or removed meanwhile; nothing was changed.');
  }
  await tx.store.put({ key: ENCRYPTION_SETTING, value: { mode: current.mode, keyring } });
  await tx.done;
  return keyring;
}

/**
 * Removes the passphrase: checks it (WrongPassphraseError: nothing changes), switches to 'decrypting', then
 * turns every record back into clear and deletes the keyring.
 */
export async function disableEncryption(
  db: EvidenceDb,
  passphrase: string,
  options: ConversionOptions = {},
): Promise<void> {
  const { dataKey, rawKey, state } = await unlockEvidence(db, passphrase);
  rawKey.fill(0);
  if (state.mode !== 'off') await replaceState(db, stateToken(state), { mode: 'decrypting', keyring: state.keyring });
  await resumeConversion(db, dataKey, options);
}

export function conversionPending(state: EncryptionState): boolean {
  return state.mode === 'encrypting' || state.mode === 'decrypting';
}

/**
 * Rolls an interrupted conversion back: 'encrypting' becomes 'decrypting' and the reverse, then converts to that
 * side. Needs the data key (unlock first).
 */
export async function reverseConversion(db: EvidenceDb, key: CryptoKey, options: ConversionOptions = {}): Promise<void> {
  const state = await readEncryptionState(db);
  if (state.mode !== 'encrypting' && state.mode !== 'decrypting') return;
  const mode = state.mode === 'encrypting' ? 'decrypting' : 'encrypting';
  await replaceState(db, stateToken(state), { mode, keyring: state.keyring });
  await resumeConversion(db, key, options);
}

/**
 * Finishes whatever conversion the state asks for (nothing when 'on' or 'off'). Safe to run twice at once (two
 * extension pages): each record is replaced only if unchanged since read.
 */
export async function resumeConversion(db: EvidenceDb, key: CryptoKey, options: ConversionOptions = {}): Promise<EncryptionState> {
  let converted = 0;
  let batches = 0;
  for (let pass = 0; pass < 10; pass++) {
    const state = await readEncryptionState(db);
    if (state.mode !== 'encrypting' && state.mode !== 'decrypting') return state;
    const toSealed = state.mode === 'encrypting';
    const token = stateToken(state);
    let stateChanged = false;
    for (const store of SEALABLE_STORES) {
      const result = await convertStore(db, store, key, toSealed, token, options, converted, batches);
      converted = result.converted;
      batches = result.batches;
      if (result.stateChanged) {
        stateChanged = true;
        break;
      }
    }
    if (stateChanged) continue;
    if (await finish(db, state, toSealed)) return readEncryptionState(db);
  }
  throw new EncryptionStateError('The conversion did not settle; try again.');
}

// ---------------------------------------------------------------------------------------------------------------

const STORE_TX: readonly StoreNames<EvidenceDbSchema>[] = [...SEALABLE_STORES, 'settings'];

async function convertStore(
  db: EvidenceDb,
  store: SealableStore,
  key: CryptoKey,
  toSealed: boolean,
  token: string,
  options: ConversionOptions,
  convertedBefore: number,
  batchesBefore: number,
): Promise<{ converted: number; batches: number; stateChanged: boolean }> {
  // Files and chunks one per transaction: a long screenshot can be tens of megabytes, held twice (clear and
  // encrypted); a recording is converted chunk by chunk, never whole.
  const size = store === 'files' || store === 'chunks' ? 1 : Math.max(1, options.batchSize ?? 20);
  let converted = convertedBefore;
  let batches = batchesBefore;
  let after: IDBValidKey | undefined;
  for (;;) {
    const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
    const read = db.transaction(store, 'readonly');
    const [keys, values] = await Promise.all([
      read.store.getAllKeys(range, size) as Promise<IDBValidKey[]>,
      read.store.getAll(range, size) as Promise<object[]>,
    ]);
    await read.done;
    if (keys.length === 0) return { converted, batches, stateChanged: false };
    after = keys.at(-1);

    // Prepared outside the write transaction (WebCrypto would let it commit early).
    const todo: { key: IDBValidKey; original: object; next: object }[] = [];
    for (const [index, original] of values.entries()) {
      if (isSealed(original) === toSealed) continue;
      const next = toSealed ? await seal(store, key, original) : await unseal(store, key, original);
      todo.push({ key: keys[index]!, original, next });
    }
    if (todo.length === 0) continue;

    const write = db.transaction([store, 'settings'], 'readwrite');
    const objects = write.objectStore(store) as unknown as {
      get(key: IDBValidKey): Promise<unknown>;
      put(value: object): Promise<IDBValidKey>;
    };
    const current = parseEncryptionState((await write.objectStore('settings').get(ENCRYPTION_SETTING))?.value);
    if (stateToken(current) !== token) {
      write.abort();
      await write.done.catch(() => undefined);
      return { converted, batches, stateChanged: true };
    }
    for (const item of todo) {
      // Changed or deleted since read: leave it (a later pass, or the final check, sees it).
      if (sameStored(await objects.get(item.key), item.original)) {
        await objects.put(item.next);
        converted++;
      }
    }
    await write.done;
    batches++;
    options.onProgress?.({ store, converted });
    options.afterBatch?.(batches);
  }
}

/** Commits the final state if, inside one transaction, no record is left in the other form. */
async function finish(db: EvidenceDb, state: EncryptionState, toSealed: boolean): Promise<boolean> {
  if (state.mode === 'off') return true;
  const tx = db.transaction([...STORE_TX], 'readwrite');
  const settings = tx.objectStore('settings');
  const current = parseEncryptionState((await settings.get(ENCRYPTION_SETTING))?.value);
  let clean = stateToken(current) === stateToken(state);
  for (const store of SEALABLE_STORES) {
    if (!clean) break;
    let cursor = await tx.objectStore(store).openCursor();
    while (cursor) {
      if (isSealed(cursor.value) !== toSealed) {
        clean = false;
        break;
      }
      cursor = await cursor.continue();
    }
  }
  if (!clean) {
    tx.abort();
    await tx.done.catch(() => undefined);
    return false;
  }
  if (toSealed) await settings.put({ key: ENCRYPTION_SETTING, value: { mode: 'on', keyring: state.keyring } });
  else await settings.delete(ENCRYPTION_SETTING);
  await tx.done;
  return true;
}

/** Replaces the encryption state if it is still `expectedToken`; EncryptionStateError otherwise. */
async function replaceState(db: EvidenceDb, expectedToken: string, next: EncryptionState): Promise<void> {
  const tx = db.transaction('settings', 'readwrite');
  const current = parseEncryptionState((await tx.store.get(ENCRYPTION_SETTING))?.value);
  if (stateToken(current) !== expectedToken) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new EncryptionStateError('The passphrase settings changed meanwhile; nothing was changed.');
  }
  await tx.store.put({ key: ENCRYPTION_SETTING, value: next });
  await tx.done;
}
