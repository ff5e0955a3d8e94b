import { generateKeyPairSync, sign, verify } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { derToRaw, rawToDer, SignatureEncodingError } from '../../../lib/proof/ecdsa-der';
import { OpensslDir } from './openssl';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const bytes = (text: string) => new Uint8Array(Buffer.from(text.replace(/\s+/g, ''), 'hex'));
const repeat = (byte: string, count: number) => byte.repeat(count);

describe('raw r||s to DER', () => {
  it('writes two minimal INTEGERs in a SEQUENCE', () => {
    const raw = bytes(repeat('11', 32) + repeat('22', 32));
    expect(hex(rawToDer(raw))).toBe(`3044022011${repeat('11', 31)}022022${repeat('22', 31)}`);
  });

  it('puts a 0x00 in front of an integer whose top bit is set (DER integers are signed)', () => {
    const raw = bytes(repeat('ff', 32) + '80' + repeat('00', 31));
    expect(hex(rawToDer(raw))).toBe(`3046022100${repeat('ff', 32)}02210080${repeat('00', 31)}`);
  });

  it('drops leading zero bytes, keeping one byte for zero and the 0x00 a high bit needs', () => {
    const r = '0000' + '7f' + repeat('01', 29); // two leading zeros, then a byte without the top bit
    const s = '00' + '80' + repeat('02', 30); // one leading zero, then a byte WITH the top bit
    expect(hex(rawToDer(bytes(r + s)))).toBe(`3042021e7f${repeat('01', 29)}02200080${repeat('02', 30)}`);
    expect(hex(rawToDer(bytes(repeat('00', 31) + '05' + repeat('00', 32))))).toBe('3006020105020100');
  });

  it('refuses a raw signature of the wrong length', () => {
    expect(() => rawToDer(new Uint8Array(63))).toThrow(SignatureEncodingError);
  });
});

describe('DER to raw r||s', () => {
  it('left-pads each integer to 32 bytes and removes the sign byte', () => {
    const raw = derToRaw(bytes(`3042021e7f${repeat('01', 29)}02200080${repeat('02', 30)}`));
    expect(hex(raw)).toBe('0000' + '7f' + repeat('01', 29) + '00' + '80' + repeat('02', 30));
  });

  it('is the inverse of rawToDer for any 64 bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 64, maxLength: 64 }), (raw) => {
        expect(hex(derToRaw(rawToDer(raw)))).toBe(hex(raw));
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['not a SEQUENCE', '3144020100020100'],
    ['a negative r', `3025022080${repeat('00', 31)}020101`],
    ['a needless leading zero (BER, not DER)', `300702020001020101`],
    ['an integer over 32 bytes', `3027022201${repeat('00', 32)}020101`],
    ['bytes after the signature', '300602010102010100'],
    ['a third integer', '3009020101020101020101'],
    ['a cut short sequence', '3008020101020101'],
    ['a non-minimal length', '308106020101020101'],
    ['an empty integer', '30050200020101'],
    ['empty input', ''],
  ])('refuses %s', (_name, der) => {
    expect(() => derToRaw(bytes(der))).toThrow(SignatureEncodingError);
  });
});

describe('against real signatures', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });

  it('converts both ways signatures Node made in either form, including r or s with leading zeros and high bits', () => {
    const data = Buffer.from('manifest.json bytes');
    const seen = { shortInteger: false, highBit: false };
    for (let i = 0; (i < 200 || !(seen.shortInteger && seen.highBit)) && i < 20_000; i++) {
      const der = new Uint8Array(sign('sha256', data, { key: privateKey, dsaEncoding: 'der' }));
      const raw = derToRaw(der);
      expect(verify('sha256', data, { key: publicKey, dsaEncoding: 'ieee-p1363' }, raw)).toBe(true);
      expect(hex(rawToDer(raw))).toBe(hex(der));

      const p1363 = new Uint8Array(sign('sha256', data, { key: privateKey, dsaEncoding: 'ieee-p1363' }));
      expect(verify('sha256', data, { key: publicKey, dsaEncoding: 'der' }, rawToDer(p1363))).toBe(true);

      seen.shortInteger ||= raw[0] === 0 || raw[32] === 0;
      seen.highBit ||= raw[0]! >= 0x80 || raw[32]! >= 0x80;
    }
    expect(seen).toEqual({ shortInteger: true, highBit: true });
  });

  describe('with the openssl command line', () => {
    const openssl = new OpensslDir();
    afterAll(() => openssl.remove());

    it('reads signatures openssl dgst -sign writes, and openssl verifies the ones we convert', () => {
      openssl.ok('ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', 'key.pem');
      openssl.ok('pkey', '-in', 'key.pem', '-pubout', '-out', 'pub.pem');
      openssl.write('data.bin', 'SHA256SUMS content\n');
      for (let i = 0; i < 5; i++) {
        openssl.ok('dgst', '-sha256', '-sign', 'key.pem', '-out', 'openssl.sig', 'data.bin');
        const raw = derToRaw(openssl.read('openssl.sig'));
        openssl.write('ours.sig', rawToDer(raw));
        const result = openssl.run('dgst', '-sha256', '-verify', 'pub.pem', '-signature', 'ours.sig', 'data.bin');
        expect(result.output).toContain('Verified OK');
        expect(result.status).toBe(0);
      }
    });
  });
});
