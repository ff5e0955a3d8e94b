/**
 * The passphrase lock, for the interface (popup, side panel, manager, background). What each does is in
 * lib/storage/encryption-conversion.ts (conversion) and lib/crypto/session.ts (where the key lives).
 *
 * At startup, a page calls `lockStatus()`:
 * - passphrase 'none': use the store as usual;
 * - 'set' and not unlocked: show the unlock form (no evidence can be read or written; store calls throw
 *   StorageError 'locked'); on submit, `unlock(passphrase)`;
 * - 'set', unlocked and `converting`: call `resumeConversion()` (shows progress) - an earlier set or remove of
 *   the passphrase was interrupted; `unlock` also resumes it.
 * Pages call `touch()` on user activity (throttled inside), `lock()` on the lock button and on quick exit.
 * The background calls `keySession().startAutoLock()` once.
 */
import { storage } from 'wxt/utils/storage';
import { WrongPassphraseError } from '../crypto/keys';
import { SESSION_KEY } from '../crypto/session';
import {
  changePassphrase as rewrapPassphrase,
  conversionPending,
  disableEncryption,
  enableEncryption,
  readEncryptionState,
  resumeConversion as resumeStoredConversion,
  unlockEvidence,
  type ConversionProgress,
} from '../storage/encryption-conversion';
import { keySession, openDb, openStore } from './evidence';
import { loadSettings, saveSettings } from './settings';

export { WrongPassphraseError };
export type { ConversionProgress };

export type LockStatus =
  | { passphrase: 'none' }
  | { passphrase: 'set'; unlocked: boolean; converting: 'encrypting' | 'decrypting' | null };

export async function lockStatus(): Promise<LockStatus> {
  const state = await readEncryptionState(await openDb());
  if (state.mode === 'off') return { passphrase: 'none' };
  const keyId = await keySession().keyId();
  return {
    passphrase: 'set',
    // A key of another keyring (passphrase removed and set again in another window) does not count.
    unlocked: keyId === state.keyring.keyId,
    converting: state.mode === 'encrypting' || state.mode === 'decrypting' ? state.mode : null,
  };
}

/** Sets a passphrase and encrypts everything stored (unlocked afterwards). */
export async function setPassphrase(
  passphrase: string,
  onProgress?: (progress: ConversionProgress) => void,
): Promise<void> {
  await applyAutoLockDelay();
  await enableEncryption(await openDb(), passphrase, {
    onKey: ({ rawKey, keyId }) => keySession().start(rawKey, keyId),
    ...(onProgress ? { onProgress } : {}),
  });
}

/** Unlocks (WrongPassphraseError: nothing changes), then finishes an interrupted conversion if there is one. */
export async function unlock(passphrase: string, onProgress?: (progress: ConversionProgress) => void): Promise<void> {
  const db = await openDb();
  const { rawKey, dataKey, keyId, state } = await unlockEvidence(db, passphrase);
  await applyAutoLockDelay();
  await keySession().start(rawKey, keyId);
  if (conversionPending(state)) await resumeStoredConversion(db, dataKey, onProgress ? { onProgress } : {});
  // Audit entries left unsigned while the private key was locked are signed now.
  await (await openStore()).signPendingAudit().catch(() => 0);
}

/** Finishes an interrupted conversion (needs the evidence unlocked). Returns false when locked. */
export async function resumeConversion(onProgress?: (progress: ConversionProgress) => void): Promise<boolean> {
  const key = await keySession().key();
  if (!key) return false;
  await resumeStoredConversion(await openDb(), key, onProgress ? { onProgress } : {});
  return true;
}

/** Locks every extension page and the background: the key is forgotten. */
export async function lock(): Promise<void> {
  await keySession().lock();
}

/** Re-wraps the data key under the new passphrase (fast; nothing else is rewritten). */
export async function changePassphrase(oldPassphrase: string, newPassphrase: string): Promise<void> {
  await rewrapPassphrase(await openDb(), oldPassphrase, newPassphrase);
}

/** Removes the passphrase: everything is stored in clear again, then the key is forgotten. */
export async function removePassphrase(
  passphrase: string,
  onProgress?: (progress: ConversionProgress) => void,
): Promise<void> {
  await disableEncryption(await openDb(), passphrase, onProgress ? { onProgress } : {});
  await keySession().lock();
}

/** Calls `onChange` whenever any context locks or unlocks (the key enters or leaves session storage). */
export function watchLock(onChange: () => void): () => void {
  return storage.watch(`session:${SESSION_KEY}`, onChange);
}

/** Call on user activity (clicks, keys): postpones auto-lock. */
export function touch(): void {
  void keySession().touch().catch(() => undefined);
}

/** The auto-lock delay of the settings, for the key session started next (and the current one). */
async function applyAutoLockDelay(): Promise<void> {
  const { autoLockSeconds } = await loadSettings();
  await keySession().setIdleMs(autoLockSeconds * 1000);
}

/** Saves the auto-lock delay and applies it at once to the unlocked session, if there is one. */
export async function setAutoLockDelay(seconds: number): Promise<number> {
  const { autoLockSeconds } = await saveSettings({ autoLockSeconds: seconds });
  await keySession().setIdleMs(autoLockSeconds * 1000);
  return autoLockSeconds;
}
