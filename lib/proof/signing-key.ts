/**
 * The installation's signing key: ECDSA P-256 with SHA-256, through WebCrypto.
 *
 * Made once per installation. The private key is used only as a NON-extractable CryptoKey; its PKCS #8 bytes
 * exist only to be kept in the extension's own database (sealed with the data key when a passphrase is set, like
 * every other secret) and are never put in a bundle, a message or a page. The public key travels as SPKI: PEM in
 * a bundle, and its SHA-256 in short groups as the fingerprint a recipient can read back to the sender by phone.
 *
 * Signatures are handed out in DER (what `openssl dgst -sha256 -verify key.pem -signature file.sig file` accepts);
 * WebCrypto's raw r||s form stays inside this module (see ecdsa-der.ts).
 */
import { ownBytes } from '../crypto/bytes';
import { derToRaw, rawToDer, SignatureEncodingError } from './ecdsa-der';
import { pemDecode, pemEncode } from './pem';

const KEY_ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN_ALGORITHM = { name: 'ECDSA', hash: 'SHA-256' } as const;

export interface InstallationKey {
  /** Non-extractable: can sign, cannot be exported from this copy. */
  privateKey: CryptoKey;
  /** DER SubjectPublicKeyInfo of the public key. */
  spki: Uint8Array<ArrayBuffer>;
  /** SHA-256 of `spki`, uppercase hex in groups of four (see formatFingerprint). */
  fingerprint: string;
}

export interface NewInstallationKey {
  key: InstallationKey;
  /** The private key's PKCS #8 bytes, to be stored by the caller (sealed when a passphrase is set) and nowhere else. */
  pkcs8: Uint8Array<ArrayBuffer>;
}

/** A new key pair. */
export async function generateInstallationKey(): Promise<NewInstallationKey> {
  // Extractable only for the one export of its PKCS #8 form to storage; the copy in use is imported again below
  // as non-extractable.
  const pair = await crypto.subtle.generateKey(KEY_ALGORITHM, true, ['sign', 'verify']);
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
  return { key: await importInstallationKey(pkcs8, spki), pkcs8 };
}

/** The usable key from its stored forms. Refuses a private key that does not belong to `spki`. */
export async function importInstallationKey(
  pkcs8: Uint8Array,
  spki: Uint8Array,
): Promise<InstallationKey> {
  const privateKey = await crypto.subtle.importKey('pkcs8', ownBytes(pkcs8), KEY_ALGORITHM, false, ['sign']);
  const publicSpki = ownBytes(spki);
  const probe = new Uint8Array([0x70, 0x72, 0x6f, 0x62, 0x65]);
  if (!(await verifySignature(publicSpki, probe, await signBytes(privateKey, probe)))) {
    throw new Error('The stored private key does not belong to the stored public key.');
  }
  return { privateKey, spki: publicSpki, fingerprint: await fingerprintOf(publicSpki) };
}

/** A DER signature of `data` (ECDSA P-256, SHA-256). */
export async function signBytes(privateKey: CryptoKey, data: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  const raw = new Uint8Array(await crypto.subtle.sign(SIGN_ALGORITHM, privateKey, ownBytes(data)));
  return rawToDer(raw);
}

/** Whether `der` is a valid signature of `data` by the key `spki`. False for anything malformed. */
export async function verifySignature(spki: Uint8Array, data: Uint8Array, der: Uint8Array): Promise<boolean> {
  let raw: Uint8Array<ArrayBuffer>;
  try {
    raw = derToRaw(der);
  } catch (error) {
    if (error instanceof SignatureEncodingError) return false;
    throw error;
  }
  let publicKey: CryptoKey;
  try {
    publicKey = await crypto.subtle.importKey('spki', ownBytes(spki), KEY_ALGORITHM, false, ['verify']);
  } catch {
    return false;
  }
  return crypto.subtle.verify(SIGN_ALGORITHM, publicKey, raw, ownBytes(data));
}

/** SHA-256 of the SPKI, uppercase hex, in 16 groups of 4 characters separated by spaces. */
export async function fingerprintOf(spki: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', ownBytes(spki)));
  return formatFingerprint(Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join(''));
}

/** `ab12cd34...` (64 hex digits) as `AB12 CD34 ...`: short groups, easy to read aloud and compare. */
export function formatFingerprint(hex: string): string {
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new RangeError('A SHA-256 fingerprint is 64 hex digits.');
  return hex.toUpperCase().match(/.{4}/g)!.join(' ');
}

/** The SPKI as a PEM "PUBLIC KEY" block, as `openssl pkey -pubout` writes it. */
export function publicKeyPem(spki: Uint8Array): string {
  return pemEncode('PUBLIC KEY', spki);
}

/** The SPKI bytes of a PEM "PUBLIC KEY" block. Throws a RangeError when the text is not exactly one. */
export function spkiFromPem(pem: string): Uint8Array<ArrayBuffer> {
  return pemDecode(pem, 'PUBLIC KEY');
}
