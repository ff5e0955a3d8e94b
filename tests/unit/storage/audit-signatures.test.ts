/**
 * The signed audit trail: each new entry's hash signed with the installation key right after its write, checked
 * by Verify with the chain; missing and wrong signatures named by entry; entries a crash left unsigned signed on
 * the next open; nothing signed while locked; imported entries marked as such.
 */
import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '../../../lib/crypto/bytes';
import { generateInstallationKey, signBytes, verifySignature } from '../../../lib/proof/signing-key';
import { nextEntry } from '../../../lib/storage/audit';
import { signedText } from '../../../lib/storage/audit-signatures';
import type { AuditSignatureRecord } from '../../../lib/storage/db';
import { enableEncryption } from '../../../lib/storage/encryption-conversion';
import { EvidenceStore } from '../../../lib/storage/evidence-store';
import { keyCipher } from '../../../lib/storage/sealing';
import { TEST_KDF } from './encryption-helpers';
import { makeCapture, openTestStore, tickingClock } from './helpers';

async function caseWithCapture() {
  const opened = await openTestStore();
  const caseRecord = await opened.store.createCase({ title: 'Signed', capturerRole: 'victim' });
  const { record, files } = await makeCapture(caseRecord.id);
  await opened.store.saveCapture(record, files, 'victim');
  expect(await opened.store.verifyCase(caseRecord.id)).toEqual([]); // every entry signed
  return { ...opened, caseId: caseRecord.id };
}

describe('audit signatures', () => {
  it('signs every new entry right after its write, with a signature the public key checks', async () => {
    const { db, store, caseId } = await caseWithCapture();
    const trail = await store.auditTrail(caseId);
    expect(trail.length).toBeGreaterThanOrEqual(2);
    const key = await store.installationKey();
    for (const entry of trail) {
      const record = (await db.get('auditSignatures', [caseId, entry.seq]))!;
      expect(record).toMatchObject({ hash: entry.hash, status: 'signed', fingerprint: key.fingerprint });
      expect(await verifySignature(key.spki, signedText(entry.hash), fromBase64(record.signature!))).toBe(true);
    }
    expect(await store.verifyCase(caseId)).toEqual([]);
    expect(await store.auditSignatureSummary(caseId)).toEqual({ signed: trail.length, beforeSigning: 0, imported: 0 });
  });

  it('reports a changed signature as wrong, naming the entry', async () => {
    const { db, store, caseId } = await caseWithCapture();
    const record = (await db.get('auditSignatures', [caseId, 1]))!;
    const der = fromBase64(record.signature!);
    der[der.length - 1]! ^= 0x01;
    await db.put('auditSignatures', { ...record, signature: toBase64(der) });
    expect(await store.verifyCase(caseId)).toEqual([{ kind: 'audit-signature', seq: 1, reason: 'wrong' }]);
  });

  it('reports a valid signature by another key as wrong', async () => {
    const { db, store, caseId } = await caseWithCapture();
    const record = (await db.get('auditSignatures', [caseId, 0]))!;
    const stranger = await generateInstallationKey();
    const signature = await signBytes(stranger.key.privateKey, signedText(record.hash));
    await db.put('auditSignatures', { ...record, signature: toBase64(signature), fingerprint: stranger.key.fingerprint });
    expect(await store.verifyCase(caseId)).toEqual([{ kind: 'audit-signature', seq: 0, reason: 'wrong' }]);
  });

  it('reports a removed signature as missing, and does not sign that entry again', async () => {
    const { db, store, caseId } = await caseWithCapture();
    await db.delete('auditSignatures', [caseId, 0]);
    expect(await store.signPendingAudit()).toBe(0);
    expect(await store.verifyCase(caseId)).toEqual([{ kind: 'audit-signature', seq: 0, reason: 'missing' }]);
  });

  it('accepts "made before signing" only before the first signed entry', async () => {
    const { db, store, caseId } = await caseWithCapture();
    const last = (await db.get('auditSignatures', [caseId, 1]))!;
    const unsigned: AuditSignatureRecord = { ...last, status: 'before-signing', signature: null, fingerprint: null };
    await db.put('auditSignatures', unsigned);
    expect(await store.verifyCase(caseId)).toEqual([{ kind: 'audit-signature', seq: 1, reason: 'missing' }]);
  });

  it('reports an entry changed after it was signed: the chain breaks and the signature no longer matches', async () => {
    const { db, store, caseId } = await caseWithCapture();
    const entry = (await db.get('audit', [caseId, 1]))!;
    await db.put('audit', nextEntry(await db.get('audit', [caseId, 0]), { ...entry, actorRole: 'helper' }));
    expect(await store.verifyCase(caseId)).toEqual(
      expect.arrayContaining([{ kind: 'audit-signature', seq: 1, reason: 'wrong' }]),
    );
  });

  it('signs on open the entries a crash left unsigned between the write and its signature', async () => {
    const { db, store, caseId } = await caseWithCapture();
    const last = (await store.auditTrail(caseId)).at(-1)!;
    // The write committed, the browser was killed before the follow-up transaction: an entry without a signature.
    const crashed = nextEntry(last, { caseId, at: '2026-11-30T10:00:00.000Z', action: 'note', actorRole: 'victim', details: {} });
    await db.add('audit', crashed);
    expect(await db.get('auditSignatures', [caseId, crashed.seq])).toBeUndefined();

    const reopened = new EvidenceStore(db, { now: tickingClock() });
    expect(await reopened.signPendingAudit()).toBe(1);
    expect(await db.get('auditSignatures', [caseId, crashed.seq])).toMatchObject({ hash: crashed.hash, status: 'signed' });
    expect(await reopened.verifyCase(caseId)).toEqual([]);
  });

  it('Verify signs pending entries itself before checking', async () => {
    const { db, store, caseId } = await caseWithCapture();
    const last = (await store.auditTrail(caseId)).at(-1)!;
    await db.add('audit', nextEntry(last, { caseId, at: '2026-11-30T10:00:00.000Z', action: 'note', actorRole: 'victim', details: {} }));
    expect(await store.verifyCase(caseId)).toEqual([]);
  });

  it('leaves entries pending while locked, and signs them once unlocked', async () => {
    const { db, store, caseId } = await caseWithCapture();
    const { dataKey } = await enableEncryption(db, 'pass phrase', TEST_KDF);
    const last = (await db.get('audit', [caseId, (await db.count('audit')) - 1]))!;
    await db.add('audit', nextEntry(last, { caseId, at: '2026-11-30T10:00:00.000Z', action: 'note', actorRole: 'victim', details: {} }));

    expect(await store.signPendingAudit()).toBe(0); // no data key: the private key is sealed
    expect(await db.get('auditSignatures', [caseId, last.seq + 1])).toBeUndefined();
    const unlocked = new EvidenceStore(db, { cipher: keyCipher(dataKey) });
    expect(await unlocked.signPendingAudit()).toBe(1);
    expect(await unlocked.verifyCase(caseId)).toEqual([]);
  });
});
