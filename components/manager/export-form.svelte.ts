/**
 * The export form's choices: who can open the file (a passphrase, the holders of public keys, or anyone), and
 * whether what was typed can be used. The rules are lib's (export-passphrase.ts, age-keys.ts); this only holds
 * what the person typed and says which message to show.
 */
import { checkRecipientLines } from '../../lib/crypto/age-keys';
import { exportPassphraseProblem, generatePassphrase, MIN_EXPORT_PASSPHRASE } from '../../lib/crypto/export-passphrase';
import type { ExportProtection } from '../../lib/bundle/encrypted';
import type { MessageKey } from '../../lib/i18n';

export type ProtectionKind = ExportProtection['kind'];
export const PROTECTION_KINDS: readonly ProtectionKind[] = ['passphrase', 'recipients', 'none'];

export type FormCheck =
  | { ok: true; protection: ExportProtection }
  | { ok: false; message: MessageKey; params?: Record<string, string | number>; field: string };

export class ExportForm {
  kind = $state<ProtectionKind>('passphrase');
  passphrase = $state('');
  again = $state('');
  /** Shown in clear (after "make one for me", or when the person asks). */
  showPassphrase = $state(false);
  /** The words just made, to write down. */
  generated = $state<string | null>(null);
  recipientsText = $state('');
  noneConfirmed = $state(false);

  /** Each typed recipient line with its problem, as typed. */
  recipientCheck = $derived(checkRecipientLines(this.recipientsText));

  generate(): void {
    const words = generatePassphrase();
    this.passphrase = words;
    this.again = words;
    this.generated = words;
    this.showPassphrase = true;
  }

  check(): FormCheck {
    switch (this.kind) {
      case 'passphrase': {
        const problem = exportPassphraseProblem(this.passphrase, this.again);
        if (!problem) return { ok: true, protection: { kind: 'passphrase', passphrase: this.passphrase } };
        return {
          ok: false,
          message: `export.passphrase.${problem}`,
          params: { min: MIN_EXPORT_PASSPHRASE },
          field: problem === 'mismatch' ? 'export-passphrase-again' : 'export-passphrase',
        };
      }
      case 'recipients': {
        const { lines, recipients } = this.recipientCheck;
        if (lines.some((line) => line.problem)) return { ok: false, message: 'export.recipients.fix', field: 'export-recipients' };
        if (recipients.length === 0) return { ok: false, message: 'export.recipients.empty', field: 'export-recipients' };
        return { ok: true, protection: { kind: 'recipients', recipients } };
      }
      case 'none':
        return this.noneConfirmed
          ? { ok: true, protection: { kind: 'none' } }
          : { ok: false, message: 'export.none.unconfirmed', field: 'export-none-confirm' };
    }
  }

  /** After an export: the passphrase typed is not kept on screen longer than needed, the words made stay shown. */
  clearTyped(): void {
    if (this.generated) return;
    this.passphrase = '';
    this.again = '';
  }
}
