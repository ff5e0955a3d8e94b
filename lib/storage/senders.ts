/**
 * Senders the person has confirmed (store `senders`, database version 8): the fingerprint of another installation's
 * signing key, which the person checked with the sender (by phone, in person), and the name they gave it. An
 * imported bundle signed with that key is then "Signed by <name> (fingerprint confirmed on <date>)"; any other
 * signer is unconfirmed (lib/bundle/origin.ts). The name and date are sealed when a passphrase is set.
 *
 * Confirming is the person's statement, not a check the extension can make: it is recorded as they made it, with
 * its time, and can be withdrawn.
 */
import type { StoreCore } from './core';
import type { ConfirmedSenderRecord } from './db';
import { invalid } from './errors';
import { seal } from './sealing';

/** A signing-key fingerprint as shown and stored: 16 groups of 4 upper-case hex digits (lib/proof/signing-key.ts). */
const FINGERPRINT = /^[0-9A-F]{4}( [0-9A-F]{4}){15}$/;
/** Like a case title or a name typed elsewhere (lib/evidence/schema.ts). */
const MAX_NAME = 200;

/** A fingerprint as typed or pasted (any case, spaces, colons or none) in its stored form; null if it is not one. */
export function normalizeFingerprint(text: string): string | null {
  const hex = text.replace(/[\s:]/g, '').toUpperCase();
  if (!/^[0-9A-F]{64}$/.test(hex)) return null;
  return hex.match(/.{4}/g)!.join(' ');
}

/** Records (or renames, with a new date) a confirmed sender. */
export async function confirmSender(core: StoreCore, input: { fingerprint: string; name: string }): Promise<ConfirmedSenderRecord> {
  const id = normalizeFingerprint(input.fingerprint);
  const name = input.name.trim();
  if (!id || !FINGERPRINT.test(id)) throw invalid('Not a signing-key fingerprint (64 hexadecimal digits).');
  if (name === '' || name.length > MAX_NAME || /\p{Cc}|\p{Cf}/u.test(name)) {
    throw invalid(`A sender's name has 1 to ${MAX_NAME} characters, without control characters.`);
  }
  const record: ConfirmedSenderRecord = { id, name, confirmedAt: core.nowIso() };
  await core.sealedWrite(
    ['senders', 'settings'],
    async (key) => (key ? seal('senders', key, record) : record),
    async (tx, toStore) => {
      await tx.objectStore('senders').put(toStore);
    },
  );
  return record;
}

/** Withdraws a confirmation: later imports signed with that key are unconfirmed again. */
export async function forgetSender(core: StoreCore, fingerprint: string): Promise<void> {
  await core.write(['senders'], async (tx) => {
    await tx.objectStore('senders').delete(fingerprint);
  });
}

/** Every confirmed sender, by name. */
export async function listSenders(core: StoreCore): Promise<ConfirmedSenderRecord[]> {
  const senders = await core.readAll('senders', () => core.db.getAll('senders'));
  return senders.sort((a, b) => a.name.localeCompare(b.name));
}

/** The confirmation of one fingerprint, if the person made one. */
export async function confirmedSender(core: StoreCore, fingerprint: string): Promise<ConfirmedSenderRecord | undefined> {
  return core.readOne('senders', () => core.db.get('senders', fingerprint));
}
