/**
 * The roots timestamps are checked against (lib/proof/trust-roots-data.ts): each certificate is what its entry and
 * docs/timestamps-and-import.md say; real tokens of DigiCert, Sectigo and GlobalSign chain to their authority's root
 * and to no other; a self-made authority named like DigiCert chains to none. The real tokens
 * (tests/unit/proof/fixtures/) were issued by those authorities' public timestamping services and published with
 * software signed in 2024 and 2025; see fixtures/README.md.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Certificate, SignedData, TimeStampResp, TSTInfo } from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTimestampRequest, checkTimestampToken, tokenTrust } from '../../../lib/proof/timestamp';
import { chainTrust, trustRoots } from '../../../lib/proof/timestamp-trust';
import { SHIPPED_ROOTS } from '../../../lib/proof/trust-roots-data';
import { LookalikeTsa } from './lookalike-tsa';

const here = import.meta.dirname;

function parse(name: string) {
  const bytes = new Uint8Array(readFileSync(path.join(here, 'fixtures', name)));
  const signedData = new SignedData({ schema: TimeStampResp.fromBER(bytes.slice().buffer).timeStampToken!.content });
  const tstInfo = TSTInfo.fromBER(signedData.encapContentInfo.eContent!.getValue());
  const carried = (signedData.certificates ?? []).filter((item): item is Certificate => item instanceof Certificate);
  const signerSerial = (signedData.signerInfos[0]!.sid as { serialNumber: { isEqual(other: unknown): boolean } }).serialNumber;
  const signer = carried.find((certificate) => signerSerial.isEqual(certificate.serialNumber))!;
  return { bytes, tstInfo, carried, signer, imprint: new Uint8Array(tstInfo.messageImprint.hashedMessage.getValue()) };
}

const REAL_TOKENS = [
  { file: 'digicert-2025-03-24.tsr', authorityId: 'digicert', genTime: '2025-03-24T11:17:47.000Z', sha256Imprint: false },
  { file: 'sectigo-2025-07-01.tsr', authorityId: 'sectigo', genTime: '2025-07-01T00:14:30.000Z', sha256Imprint: true },
  { file: 'globalsign-2024-07-10.tsr', authorityId: 'globalsign', genTime: '2024-07-10T16:11:28.000Z', sha256Imprint: true },
];

describe('the shipped roots', () => {
  it('are the certificates their entries name, self-signed CAs valid today, each fingerprint in the docs', () => {
    const docs = readFileSync(path.join(here, '../../../docs/timestamps-and-import.md'), 'utf8');
    expect(SHIPPED_ROOTS.map((root) => root.authorityId)).toEqual(['freetsa', 'digicert', 'sectigo', 'globalsign']);
    for (const root of SHIPPED_ROOTS) {
      const der = Buffer.from(root.base64.replace(/\s+/g, ''), 'base64');
      expect(createHash('sha256').update(der).digest('hex'), root.name).toBe(root.sha256);
      const certificate = Certificate.fromBER(new Uint8Array(der).buffer);
      expect(certificate.subject.isEqual(certificate.issuer), root.name).toBe(true);
      expect(certificate.notBefore.value < new Date('2026-12-06') && certificate.notAfter.value > new Date('2034-01-01'), root.name).toBe(true);
      const colons = root.sha256.toUpperCase().match(/../g)!.join(':');
      expect(docs, `${root.name} in the docs`).toContain(colons);
    }
  });

  it('are all this build trusts: no test root outside the end-to-end test build', () => {
    expect(trustRoots().map((root) => root.sha256)).toEqual(SHIPPED_ROOTS.map((root) => root.sha256));
  });
});

describe('real tokens of the listed authorities', () => {
  it.each(REAL_TOKENS)('$file chains to its authority root, at its time, and to no other', async ({ file, authorityId, genTime }) => {
    const token = parse(file);
    expect(token.tstInfo.genTime.toISOString()).toBe(genTime);
    const trust = await chainTrust(token.signer, token.carried, token.tstInfo.genTime);
    expect(trust).toMatchObject({ kind: 'trusted', authorityId });
    const others = trustRoots().filter((root) => root.authorityId !== authorityId);
    expect(await chainTrust(token.signer, token.carried, token.tstInfo.genTime, others)).toEqual({ kind: 'unverified', reason: 'unknown-authority' });
  });

  it('DigiCert: the token carries "DigiCert Trusted Root G4" cross-signed by an older root; the shipped G4 is still reached', () => {
    const token = parse('digicert-2025-03-24.tsr');
    const names = token.carried.map((certificate) => certificate.issuer.typesAndValues.map((item) => String(item.value.valueBlock.value)).join(', '));
    expect(names.some((name) => name.includes('DigiCert Assured ID Root CA'))).toBe(true);
  });

  it.each(REAL_TOKENS.filter((token) => token.sha256Imprint))('$file: its content and signature check out with our own code', async ({ file, authorityId }) => {
    const token = parse(file);
    const checked = await checkTimestampToken(token.bytes, { sha256: token.imprint });
    expect(checked.genTime.toISOString()).toBe(token.tstInfo.genTime.toISOString());
    expect(await tokenTrust(checked)).toMatchObject({ kind: 'trusted', authorityId });
    const changed = token.imprint.slice();
    changed[0] = changed[0]! ^ 1;
    await expect(checkTimestampToken(token.bytes, { sha256: changed })).rejects.toMatchObject({ code: 'wrong-hash' });
  });
});

describe('a self-made authority named like a listed one', () => {
  let lookalike: LookalikeTsa;
  beforeAll(() => {
    lookalike = new LookalikeTsa();
  });
  afterAll(() => lookalike.remove());

  it('makes intact tokens that chain to no shipped root: by an unknown authority, not verified', async () => {
    const sha256 = new Uint8Array(createHash('sha256').update('evidence').digest());
    const request = buildTimestampRequest(sha256);
    const token = await checkTimestampToken(lookalike.reply(request.der), { sha256, nonce: request.nonce });
    expect(token.authority).toBe('C=US, O=DigiCert, Inc., CN=DigiCert Timestamp 2023');
    expect(token.certificates).toHaveLength(3);
    expect(await tokenTrust(token)).toEqual({ kind: 'unverified', reason: 'unknown-authority' });
  });
});
