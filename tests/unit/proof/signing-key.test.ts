import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import {
  fingerprintOf,
  formatFingerprint,
  generateInstallationKey,
  importInstallationKey,
  publicKeyPem,
  signBytes,
  spkiFromPem,
  verifySignature,
} from '../../../lib/proof/signing-key';
import { OpensslDir } from './openssl';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('installation key', () => {
  it('is ECDSA P-256, and the copy in use cannot be exported', async () => {
    const { key, pkcs8 } = await generateInstallationKey();
    expect(key.privateKey.extractable).toBe(false);
    expect(key.privateKey.usages).toEqual(['sign']);
    expect(key.privateKey.algorithm).toMatchObject({ name: 'ECDSA', namedCurve: 'P-256' });
    await expect(crypto.subtle.exportKey('pkcs8', key.privateKey)).rejects.toThrow();
    expect(pkcs8.length).toBeGreaterThan(100);
  });

  it('imports again from its stored forms and signs as before', async () => {
    const { key, pkcs8 } = await generateInstallationKey();
    const again = await importInstallationKey(pkcs8, key.spki);
    expect(again.fingerprint).toBe(key.fingerprint);
    expect(await verifySignature(key.spki, utf8('x'), await signBytes(again.privateKey, utf8('x')))).toBe(true);
  });

  it('refuses a private key stored beside another public key', async () => {
    const a = await generateInstallationKey();
    const b = await generateInstallationKey();
    await expect(importInstallationKey(a.pkcs8, b.key.spki)).rejects.toThrow(/does not belong/);
  });

  it('verifies its own signatures, and nothing else', async () => {
    const { key } = await generateInstallationKey();
    const other = await generateInstallationKey();
    const data = utf8('manifest');
    const signature = await signBytes(key.privateKey, data);
    expect(await verifySignature(key.spki, data, signature)).toBe(true);
    expect(await verifySignature(key.spki, utf8('manifesT'), signature)).toBe(false);
    expect(await verifySignature(other.key.spki, data, signature)).toBe(false);
    expect(await verifySignature(key.spki, data, signature.subarray(1))).toBe(false);
    expect(await verifySignature(utf8('not a key'), data, signature)).toBe(false);
  });
});

describe('fingerprint', () => {
  it('is the SHA-256 of the public key, in 16 groups of 4 upper-case hex digits', async () => {
    const { key } = await generateInstallationKey();
    const expected = createHash('sha256').update(key.spki).digest('hex').toUpperCase();
    expect(key.fingerprint).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);
    expect(key.fingerprint.replace(/ /g, '')).toBe(expected);
    expect(await fingerprintOf(key.spki)).toBe(key.fingerprint);
  });

  it('refuses anything but 64 hex digits', () => {
    expect(formatFingerprint('ab'.repeat(32))).toBe(`${'ABAB '.repeat(15)}ABAB`);
    expect(() => formatFingerprint('ab'.repeat(31))).toThrow(RangeError);
    expect(() => formatFingerprint('zz'.repeat(32))).toThrow(RangeError);
  });
});

describe('PEM public key', () => {
  it('reads back what it writes, and refuses other blocks', async () => {
    const { key } = await generateInstallationKey();
    const pem = publicKeyPem(key.spki);
    expect(pem).toMatch(/^-----BEGIN PUBLIC KEY-----\n([A-Za-z0-9+/=]{1,64}\n)+-----END PUBLIC KEY-----\n$/);
    expect(spkiFromPem(pem)).toEqual(key.spki);
    expect(spkiFromPem(pem.replace(/\n/g, '\r\n'))).toEqual(key.spki);
    expect(() => spkiFromPem(pem.replace(/PUBLIC KEY/g, 'CERTIFICATE'))).toThrow(RangeError);
    expect(() => spkiFromPem(pem + pem)).toThrow(RangeError);
  });
});

describe('with the openssl command line', () => {
  const openssl = new OpensslDir();
  afterAll(() => openssl.remove());

  it('openssl dgst -sha256 -verify says "Verified OK" for our signature, and refuses one changed byte', async () => {
    const { key } = await generateInstallationKey();
    const manifest = utf8('{\n  "format": "capture-and-report-bundle"\n}\n');
    openssl.write('key.pem', publicKeyPem(key.spki));
    openssl.write('manifest.json', manifest);
    openssl.write('manifest.json.sig', await signBytes(key.privateKey, manifest));

    const good = openssl.run('dgst', '-sha256', '-verify', 'key.pem', '-signature', 'manifest.json.sig', 'manifest.json');
    expect(good.output.trim()).toBe('Verified OK');
    expect(good.status).toBe(0);

    const changed = manifest.slice();
    changed[5] = changed[5]! ^ 0x01;
    openssl.write('manifest.json', changed);
    const bad = openssl.run('dgst', '-sha256', '-verify', 'key.pem', '-signature', 'manifest.json.sig', 'manifest.json');
    expect(bad.output).toContain('Verification failure');
    expect(bad.status).toBe(1);
  });

  it('the fingerprint is what openssl and sha256sum give for the PEM key', async () => {
    const { key } = await generateInstallationKey();
    openssl.write('pub.pem', publicKeyPem(key.spki));
    openssl.ok('pkey', '-pubin', '-in', 'pub.pem', '-outform', 'DER', '-out', 'pub.der');
    const hex = createHash('sha256').update(openssl.read('pub.der')).digest('hex');
    expect(key.fingerprint).toBe(formatFingerprint(hex));
    expect(openssl.ok('pkey', '-pubin', '-in', 'pub.pem', '-noout', '-text')).toMatch(/prime256v1|P-256/);
  });
});
