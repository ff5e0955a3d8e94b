/**
 * This installation's receiving key for encrypted bundles (store `keys`, id 'receiving'): an age X25519 key pair,
 * made at first use. Senders encrypt to its public key (`age1…`, shown in the manager to copy); the private key is
 * stored exactly like the signing key's (signing-keys.ts): sealed with the data key when a passphrase is set,
 * never put in a bundle or a message, and used only in the manager to open a bundle, or saved to a file for the
 * age tool when the person asks.
 */
import type { AgeIdentity } from '../crypto/age-keys';
import type { StoreCore } from './core';
import type { ReceivingKeyRecord } from './db';
import { seal } from './sealing';
import { addKeyOnce } from './signing-keys';

export const RECEIVING_KEY_ID = 'receiving';

export interface ReceivingKey extends AgeIdentity {
  createdAt: string;
}

/**
 * The receiving key pair; made by `make` and stored the first time it is asked for. Needs the data key when
 * locked. The caller hands the maker in (lib/crypto/age-keys.ts `generateAgeIdentity`), so that the age library
 * reaches only the page that makes keys, not every context that opens the store (the background).
 */
export async function receivingKey(core: StoreCore, make: () => Promise<AgeIdentity>): Promise<ReceivingKey> {
  const stored = await storedKey(core);
  if (stored) return usable(stored);
  return usable(await addKeyOnce(core, record(await make(), core.nowIso())));
}

/** The public key, or null before one was made (readable while locked: it is in clear). */
export async function receivingRecipient(core: StoreCore): Promise<string | null> {
  const stored = await core.read(() => core.db.get('keys', RECEIVING_KEY_ID));
  return stored && 'recipient' in stored ? stored.recipient : null;
}

/**
 * Makes `key` (read back from a key file) this installation's receiving key, in place of the one it had. Files
 * made for the replaced key no longer open here: the page says so, and offers to save it first.
 */
export async function replaceReceivingKey(core: StoreCore, key: AgeIdentity): Promise<ReceivingKey> {
  const replacement = record(key, core.nowIso());
  await core.sealedWrite(
    ['keys', 'settings'],
    async (dataKey) => (dataKey ? seal('keys', dataKey, replacement) : replacement),
    async (tx, toStore) => {
      await tx.objectStore('keys').put(toStore);
    },
  );
  return usable(replacement);
}

function record(key: AgeIdentity, createdAt: string): ReceivingKeyRecord {
  return { id: RECEIVING_KEY_ID, algorithm: 'age-X25519', recipient: key.recipient, createdAt, identity: key.identity };
}

async function storedKey(core: StoreCore): Promise<ReceivingKeyRecord | undefined> {
  return (await core.readOne('keys', () => core.db.get('keys', RECEIVING_KEY_ID))) as ReceivingKeyRecord | undefined;
}

function usable(stored: ReceivingKeyRecord): ReceivingKey {
  return { identity: stored.identity, recipient: stored.recipient, createdAt: stored.createdAt };
}
