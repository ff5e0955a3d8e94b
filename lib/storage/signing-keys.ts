/**
 * The installation's signing key as stored (store `keys`, one record): made at first use, then read back. The
 * private key is sealed with the data key when a passphrase is set (sealing.ts), so it is as locked as the
 * evidence it signs; without the data key it cannot be read, and nothing can be signed. Keys: lib/proof.
 */
import { fromBase64, toBase64 } from '../crypto/bytes';
import { generateInstallationKey, importInstallationKey, type InstallationKey } from '../proof/signing-key';
import type { StoreCore } from './core';
import type { SigningKeyRecord } from './db';
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
  try {
    await core.sealedWrite(
      ['keys', 'settings'],
      async (key) => (key ? seal('keys', key, record) : record),
      async (tx, toStore) => {
        await tx.objectStore('keys').add(toStore);
      },
    );
  } catch (error) {
    // Another extension page made the key at the same moment (add refused the second one): use that one.
    const theirs = error instanceof StorageError && error.code === 'invalid' ? await storedKey(core) : undefined;
    if (theirs) return usable(theirs);
    throw error;
  }
  return made.key;
}

/** The installation key's fingerprint when one was made, without making one (readable while locked). */
export async function installationFingerprint(core: StoreCore): Promise<string | null> {
  const record = await core.read(() => core.db.get('keys', INSTALLATION_KEY_ID));
  return record?.fingerprint ?? null;
}

function storedKey(core: StoreCore): Promise<SigningKeyRecord | undefined> {
  return core.readOne('keys', () => core.db.get('keys', INSTALLATION_KEY_ID));
}

function usable(record: SigningKeyRecord): Promise<InstallationKey> {
  return importInstallationKey(fromBase64(record.pkcs8), fromBase64(record.spki));
}
