/**
 * Who signed the bundle an imported case came from, and whether the person confirmed that signer: from the case's
 * own trail, whose last `import` entry this installation wrote at import (import-plan.ts: the fingerprint of the
 * key whose signature was checked, absent for an unsigned bundle), and the confirmed senders
 * (lib/storage/senders.ts). Pure: the manager, the import message and report.html say the same from it.
 *
 * A valid signature proves which key signed, not whose it is: only the person's own check with the sender (by
 * phone, in person) ties a key to a name, so an unconfirmed signer is said to be unconfirmed, and an unsigned
 * bundle proves no origin at all.
 */
import type { AuditEntry } from '../evidence/types';
import { translate, type Lang } from '../i18n';
import { isolate } from '../evidence/text';

export type SignerStatus =
  | { kind: 'confirmed'; fingerprint: string; name: string; confirmedAt: string }
  | { kind: 'unconfirmed'; fingerprint: string }
  | { kind: 'unsigned' };

/** The signer fingerprint of the bundle a case was imported from; null for an unsigned bundle; undefined if not imported. */
export function importedSigner(trail: readonly AuditEntry[]): string | null | undefined {
  const entry = trail.findLast((item) => item.action === 'import');
  if (!entry) return undefined;
  const fingerprint = entry.details.signerFingerprint;
  return typeof fingerprint === 'string' ? fingerprint : null;
}

/** What is known of a signer, given the person's confirmation of that fingerprint, if any. */
export function signerStatus(fingerprint: string | null, confirmation?: { name: string; confirmedAt: string }): SignerStatus {
  if (fingerprint === null) return { kind: 'unsigned' };
  return confirmation ? { kind: 'confirmed', fingerprint, name: confirmation.name, confirmedAt: confirmation.confirmedAt } : { kind: 'unconfirmed', fingerprint };
}

/** The date of a confirmation as shown (its UTC day): the day is what a person remembers of a phone call. */
export function confirmationDay(confirmedAt: string): string {
  return confirmedAt.slice(0, 10);
}

/** The sentence the manager and the import message show for a signer (the person's language). */
export function signerSentence(status: SignerStatus, lang: Lang): string {
  switch (status.kind) {
    case 'confirmed':
      return translate(lang, 'origin.confirmed', { name: isolate(status.name), date: confirmationDay(status.confirmedAt) });
    case 'unconfirmed':
      return translate(lang, 'origin.unconfirmed', { fingerprint: status.fingerprint });
    case 'unsigned':
      return translate(lang, 'origin.unsigned');
  }
}
