/**
 * The installation's signing key as stored (store `keys`, one record): made at first use, then read back. The
 * private key is sealed with the data key when a passphrase is set (sealing.ts), so it is as locked as the
 * evidence it signs; without the data key it cannot be read, and nothing can be signed. Keys: lib/proof.
 */
import { fromBase64, toBase64 } from '../crypto/bytes';
import { generateInstallationKey, importInstallationKey, type InstallationKey } from '../proof/signing-key';
import type { StoreCore } from './core';
import type { KeyRecord, SigningKeyRecord } from './db';
import { StorageError } from './errors';
import { seal } from './sealing';

export const INSTALLATION_KEY_ID = 'installation';

/** The installation's key; made and stored the first time it is asked for. */
export async function installationKey(core: StoreCore): Promise<InstallationKey> {
  const stored = await storedKey(core);
  if (stored) return usable(stored);
  const made = await generateInstallationKey();
  const record: SigningKeyRecord = {
    id: INSTALLATION_KEY_ID,
    algorithm: 'ECDSA-P256-SHA256',
    spki: toBase64(made.key.spki),
    fingerprint: made.key.fingerprint,
    createdAt: core.nowIso(),
    pkcs8: toBase64(made.pkcs8),
  };
  made.pkcs8.fill(0);
  const kept = await addKeyOnce(core, record);
  return kept === record ? made.key : usable(kept);
}

/**
 * Stores a key made at first use, sealed when a passphrase is set; resolves with the record that is stored: this
 * one, or the one another extension page made at the same moment (`add` refuses a second record of the same id).
 */
export async function addKeyOnce<R extends KeyRecord>(core: StoreCore, record: R): Promise<R> {
  try {
    await core.sealedWrite(
      ['keys', 'settings'],
      async (key) => (key ? seal('keys', key, record) : record),
      async (tx, toStore) => {
        await tx.objectStore('keys').add(toStore);
      },
    );
    return record;
  } catch (error) {
    const theirs =
      error instanceof StorageError && error.code === 'invalid'
        ? await core.readOne('keys', () => core.db.get('keys', record.id))
        : undefined;
    if (theirs) return theirs as R;
    throw error;
  }
}

/** The installation key's fingerprint when one was made, without making one (readable while locked). */
export async function installationFingerprint(core: StoreCore): Promise<string | null> {
  const record = await core.read(() => core.db.get('keys', INSTALLATION_KEY_ID));
  return record && 'fingerprint' in record ? record.fingerprint : null;
}

async function storedKey(core: StoreCore): Promise<SigningKeyRecord | undefined> {
  return (await core.readOne('keys', () => core.db.get('keys', INSTALLATION_KEY_ID))) as SigningKeyRecord | undefined;
}

function usable(record: SigningKeyRecord): Promise<InstallationKey> {
  return importInstallationKey(fromBase64(record.pkcs8), fromBase64(record.spki));
}
