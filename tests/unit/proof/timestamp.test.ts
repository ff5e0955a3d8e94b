import { createHash } from 'node:crypto';
import { ContentInfo, SignedData, TimeStampResp } from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTimestampRequest, checkTimestampToken, TimestampError, tokenTrust, verifyTimestampResponse, type TimestampFailure } from '../../../lib/proof/timestamp';
import type { TrustRoot } from '../../../lib/proof/timestamp-trust';
import { TestTsa } from './test-tsa';

const sha256 = (text: string) => new Uint8Array(createHash('sha256').update(text).digest());

let tsa: TestTsa;
let root: TrustRoot;
beforeAll(() => {
  tsa = new TestTsa();
  root = tsa.trustRoot();
});
afterAll(() => tsa.remove());

async function failure(promise: Promise<unknown>): Promise<{ code: TimestampFailure; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TimestampError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('The response was accepted.');
}

/** The position of `part` in `whole`. */
function indexOf(whole: Uint8Array, part: Uint8Array): number {
  return Buffer.from(whole).indexOf(Buffer.from(part));
}

/** A copy with one bit of one byte changed. */
function flipByte(bytes: Uint8Array, index: number): Uint8Array {
  const copy = bytes.slice();
  copy[index] = copy[index]! ^ 0x01;
  return copy;
}

describe('TimeStampReq', () => {
  it('asks for a SHA-256 with a nonce and the certificate, as openssl reads it', () => {
    const hash = sha256('screenshot.png');
    const request = buildTimestampRequest(hash);
    tsa.openssl.write('ours.tsq', request.der);
    const text = tsa.openssl.ok('ts', '-query', '-in', 'ours.tsq', '-text');
    expect(text).toMatch(/Hash Algorithm: sha256/);
    expect(text).toMatch(/Certificate required: yes/);
    expect(BigInt(/Nonce: (0x[0-9A-F]+)/.exec(text)?.[1] ?? '0')).toBe(BigInt(`0x${request.nonce}`));
    // openssl's hex dump of the imprint starts "0000 - b1 b2 ... b8-b9 ...".
    const dump = (from: number, to: number) => Array.from(hash.subarray(from, to), (byte) => byte.toString(16).padStart(2, '0')).join(' ');
    expect(text).toContain(`0000 - ${dump(0, 8)}-${dump(8, 16)}`);
    expect(text).toMatch(/Policy OID: unspecified/);
  });

  it('uses a fresh positive nonce every time, and refuses anything but a SHA-256', () => {
    const nonces = new Set(Array.from({ length: 50 }, () => buildTimestampRequest(sha256('x')).nonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) {
      // 64 bits, positive, first byte not zero: between 2^56 and 2^63.
      expect(nonce).toMatch(/^[0-9a-f]+$/);
      expect(BigInt(`0x${nonce}`) >= 2n ** 56n && BigInt(`0x${nonce}`) < 2n ** 63n).toBe(true);
    }
    expect(() => buildTimestampRequest(new Uint8Array(20))).toThrow(RangeError);
  });
});

describe('TimeStampResp', () => {
  it('accepts a token of the trusted authority for our hash and nonce, and openssl ts -verify agrees', async () => {
    const data = 'the evidence file';
    const request = buildTimestampRequest(sha256(data));
    const before = Date.now();
    const response = tsa.reply(request.der);
    const verified = await verifyTimestampResponse(response, { sha256: sha256(data), nonce: request.nonce, roots: [root] });
    expect(verified.authority).toBe('CN=Test TSA, O=Capture and Report tests');
    expect(verified.policy).toBe('1.2.3.4.1');
    expect(verified.serial).toMatch(/^[0-9a-f]+$/);
    expect(verified.genTime.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(verified.genTime.getTime()).toBeLessThanOrEqual(Date.now());
    expect(verified.certificates).toHaveLength(1);
    expect(verified.trust).toEqual({ kind: 'trusted', authorityId: 'freetsa', rootName: 'ca (test)', rootSha256: root.sha256 });

    tsa.openssl.write('evidence.bin', data);
    tsa.openssl.write('evidence.bin.tsr', response);
    const check = tsa.openssl.run('ts', '-verify', '-data', 'evidence.bin', '-in', 'evidence.bin.tsr', '-CAfile', 'ca.pem');
    expect(check.output).toContain('Verification: OK');
  });

  it('refuses a token for another hash (wrong-hash)', async () => {
    const request = buildTimestampRequest(sha256('asked'));
    const response = tsa.reply(request.der);
    const refused = await failure(verifyTimestampResponse(response, { sha256: sha256('other'), nonce: request.nonce, roots: [root] }));
    expect(refused).toEqual({ code: 'wrong-hash', message: 'The token stamps another SHA-256 than the one asked for.' });
  });

  it('refuses a token with another nonce (wrong-nonce), e.g. a replayed answer', async () => {
    const first = buildTimestampRequest(sha256('same file'));
    const replayed = tsa.reply(first.der);
    const second = buildTimestampRequest(sha256('same file'));
    const refused = await failure(verifyTimestampResponse(replayed, { sha256: sha256('same file'), nonce: second.nonce, roots: [root] }));
    expect(refused).toEqual({ code: 'wrong-nonce', message: 'The answer does not carry the nonce of our request.' });
  });

  it("refuses a token whose signature was changed, or whose stamped content was (bad-signature)", async () => {
    const request = buildTimestampRequest(sha256('file'));
    const response = tsa.reply(request.der);
    const expected = { sha256: sha256('file'), nonce: request.nonce, roots: [root] };
    const token = new SignedData({ schema: TimeStampResp.fromBER(response.slice().buffer).timeStampToken!.content });

    const signature = new Uint8Array(token.signerInfos[0]!.signature.valueBlock.valueHexView);
    const badSignature = flipByte(response, indexOf(response, signature) + signature.length - 1);
    expect(await failure(verifyTimestampResponse(badSignature, expected))).toEqual({
      code: 'bad-signature',
      message: "The authority's signature does not verify.",
    });

    const tstInfo = new Uint8Array(token.encapContentInfo.eContent!.getValue());
    const changedContent = flipByte(response, indexOf(response, tstInfo) + tstInfo.length - 1);
    expect(await failure(verifyTimestampResponse(changedContent, expected))).toEqual({
      code: 'bad-signature',
      message: 'The signed message digest is not that of the TSTInfo.',
    });
  });

  it('refuses a token signed by a certificate that had expired at its time (expired)', async () => {
    const request = buildTimestampRequest(sha256('late'));
    const response = tsa.reply(request.der, 'expired');
    const refused = await failure(verifyTimestampResponse(response, { sha256: sha256('late'), nonce: request.nonce, roots: [root] }));
    expect(refused.code).toBe('expired');
    expect(refused.message).toMatch(/^A certificate of the chain was not valid at 20\d\d-/);
  });

  it('refuses a token of an authority that does not chain to a trusted certificate (untrusted)', async () => {
    const request = buildTimestampRequest(sha256('who'));
    const response = tsa.reply(request.der, 'other-ca');
    const refused = await failure(verifyTimestampResponse(response, { sha256: sha256('who'), nonce: request.nonce, roots: [root] }));
    expect(refused).toEqual({ code: 'untrusted', message: 'The signing certificate does not chain to the root of a listed timestamp authority.' });
    // The same token's content and signature are intact: only its authority is unknown.
    const intact = await checkTimestampToken(response, { sha256: sha256('who'), nonce: request.nonce });
    expect(await tokenTrust(intact, [root])).toEqual({ kind: 'unverified', reason: 'unknown-authority' });
    expect(await tokenTrust(intact, [root, tsa.trustRoot('other-root', 'digicert')])).toMatchObject({ kind: 'trusted', authorityId: 'digicert' });
    const noRoots = await failure(verifyTimestampResponse(tsa.reply(request.der), { sha256: sha256('who'), nonce: request.nonce, roots: [] }));
    expect(noRoots.code).toBe('untrusted');
  });

  it('refuses an answer that is not a granted timestamp (not-granted), or not one at all (malformed)', async () => {
    tsa.openssl.write('file.txt', 'file');
    tsa.openssl.ok('ts', '-query', '-data', 'file.txt', '-sha1', '-cert', '-out', 'sha1.tsq');
    const rejection = tsa.reply(tsa.openssl.read('sha1.tsq'));
    const refused = await failure(verifyTimestampResponse(rejection, { sha256: sha256('file'), nonce: '1', roots: [root] }));
    expect(refused.code).toBe('not-granted');
    expect(refused.message).toMatch(/^The authority did not grant a timestamp \(status 2: .*not supported/);

    expect((await failure(verifyTimestampResponse(new Uint8Array([1, 2, 3]), { sha256: sha256('file'), nonce: '1', roots: [root] }))).code).toBe('malformed');
    const plainContent = new ContentInfo({ contentType: '1.2.840.113549.1.7.1', content: new SignedData().toSchema() });
    const notAToken = new TimeStampResp({ status: TimeStampResp.fromBER(rejection.slice().buffer).status, timeStampToken: plainContent });
    notAToken.status.status = 0;
    expect(await failure(verifyTimestampResponse(new Uint8Array(notAToken.toSchema().toBER()), { sha256: sha256('file'), nonce: '1', roots: [root] }))).toEqual({
      code: 'malformed',
      message: 'The answer holds no signed timestamp token.',
    });
  });
});
