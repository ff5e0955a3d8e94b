/**
 * Who signed the bundle an imported case came from (lib/bundle/origin.ts): read from the case's own last import
 * entry, said as the person confirmed it, in the manager's words and in a re-exported report.html.
 */
import { describe, expect, it } from 'vitest';
import { importedSigner, signerSentence, signerStatus } from '../../../lib/bundle/origin';
import { renderReport } from '../../../lib/bundle/report';
import { nextEntry } from '../../../lib/storage/audit';
import { buildManifest } from '../../../lib/bundle/export';
import { makeFixture } from './fixtures';

const FINGERPRINT = 'AB12 '.repeat(16).trim();

function trail(...imports: (Record<string, string> | null)[]) {
  let entries = [nextEntry(undefined, { caseId: 'c', at: '2026-12-01T10:00:00.000Z', action: 'case-create', actorRole: 'staff', details: {} })];
  for (const details of imports) {
    entries = [...entries, nextEntry(entries.at(-1), { caseId: 'c', at: '2026-12-02T10:00:00.000Z', action: details ? 'import' : 'note', actorRole: 'staff', details: details ?? {} })];
  }
  return entries;
}

describe('the signer of an imported case', () => {
  it('is read from the last import entry: a fingerprint, unsigned, or not imported at all', () => {
    expect(importedSigner(trail())).toBeUndefined();
    expect(importedSigner(trail(null))).toBeUndefined();
    expect(importedSigner(trail({ format: 'capture-and-report-bundle 1' }))).toBeNull();
    expect(importedSigner(trail({ signerFingerprint: 'OLD' }, { signerFingerprint: FINGERPRINT }, null))).toBe(FINGERPRINT);
  });

  it('says exactly what is known: confirmed with its name and day, unconfirmed with its fingerprint, or no origin at all', () => {
    expect(signerSentence(signerStatus(FINGERPRINT, { name: 'Marie, IEFH', confirmedAt: '2026-12-03T15:04:05.000Z' }), 'en')).toBe('Signed by \u2068Marie, IEFH\u2069 (fingerprint confirmed on 2026-12-03).');
    expect(signerSentence(signerStatus(FINGERPRINT), 'en')).toBe(`Signed by an installation you have not confirmed (fingerprint ${FINGERPRINT}). Check it with the sender before relying on it.`);
    expect(signerSentence(signerStatus(null), 'en')).toBe('This bundle is not signed: it cannot prove who made it, or that it was not changed before it reached you.');
    expect(signerSentence(signerStatus(null), 'nl')).toMatch(/^Deze bundel is niet ondertekend/);
    expect(signerSentence(signerStatus(FINGERPRINT), 'fr')).toMatch(/^Signé par une installation que vous n'avez pas confirmée/);
  });

  it('is printed in a re-exported report.html, escaped', async () => {
    const { input } = await makeFixture();
    const manifest = buildManifest(input, new Date('2026-12-04T10:00:00.000Z'));
    const confirmed = renderReport(manifest, 'en', undefined, undefined, { origin: signerStatus(FINGERPRINT, { name: '<b>Marie</b>', confirmedAt: '2026-12-03T15:04:05.000Z' }) });
    expect(confirmed).toContain(`\u2068&lt;b&gt;Marie&lt;/b&gt;\u2069: the person who imported this case confirmed the signing key&#39;s fingerprint (${FINGERPRINT}) with the sender on 2026-12-03.`);
    expect(renderReport(manifest, 'en', undefined, undefined, { origin: signerStatus(FINGERPRINT) })).toContain(`An installation whose signing key (fingerprint ${FINGERPRINT}) the person who imported this case has not confirmed with the sender.`);
    expect(renderReport(manifest, 'en', undefined, undefined, { origin: signerStatus(null) })).toContain('Nobody: the bundle this case was imported from was not signed');
    expect(renderReport(manifest, 'en')).not.toContain('Signed by');
  });
});
