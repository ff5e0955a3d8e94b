/**
 * Signatures of a bundle (format version 2): the installation's public key as `public-key.pem`, and detached DER
 * ECDSA P-256 / SHA-256 signatures of `manifest.json` and of `SHA256SUMS`, which anyone can check with
 *     openssl dgst -sha256 -verify public-key.pem -signature manifest.json.sig manifest.json
 * The key is lib/proof/signing-key.ts; the format is lib/bundle/FORMAT.md.
 *
 * What a valid signature shows: the bundle was made by the installation that holds this key (its fingerprint is
 * printed in report.html and shown in that installation's manager) and was not changed since. Not who sat at the
 * keyboard.
 */
import { spkiFromPem, publicKeyPem, fingerprintOf, verifySignature, signBytes, type InstallationKey } from '../proof/signing-key';
import { BundleError } from './errors';
import { MANIFEST_PATH, SUMS_PATH } from './manifest';

export const PUBLIC_KEY_PATH = 'public-key.pem';
export const MANIFEST_SIGNATURE_PATH = 'manifest.json.sig';
export const SUMS_SIGNATURE_PATH = 'SHA256SUMS.sig';

/** The files of a signed bundle that SHA256SUMS does not list (they sign it). */
export const SIGNATURE_PATHS = [MANIFEST_SIGNATURE_PATH, SUMS_SIGNATURE_PATH] as const;

/** What writeBundle needs to sign: the public key and a signing function (DER signatures). */
export interface BundleSigner {
  spki: Uint8Array;
  fingerprint: string;
  sign(data: Uint8Array): Promise<Uint8Array>;
}

export function installationSigner(key: InstallationKey): BundleSigner {
  return { spki: key.spki, fingerprint: key.fingerprint, sign: (data) => signBytes(key.privateKey, data) };
}

export function publicKeyFile(signer: BundleSigner): string {
  return publicKeyPem(signer.spki);
}

/**
 * Checks a version 2 bundle's signatures: public-key.pem parses, and each signed file's signature verifies with
 * it. Returns the signer's fingerprint; throws BundleError naming the file whose signature does not match.
 */
export async function checkSignatures(files: ReadonlyMap<string, Uint8Array>): Promise<{ fingerprint: string }> {
  const pem = required(files, PUBLIC_KEY_PATH);
  let spki: Uint8Array;
  try {
    spki = spkiFromPem(new TextDecoder('utf-8', { fatal: true }).decode(pem));
  } catch (error) {
    throw new BundleError('bad-signature', `Not a PEM public key (${String(error)}).`, PUBLIC_KEY_PATH);
  }
  for (const [path, signaturePath] of [
    [MANIFEST_PATH, MANIFEST_SIGNATURE_PATH],
    [SUMS_PATH, SUMS_SIGNATURE_PATH],
  ] as const) {
    if (!(await verifySignature(spki, required(files, path), required(files, signaturePath)))) {
      throw new BundleError('bad-signature', `${signaturePath} is not a signature of ${path} by ${PUBLIC_KEY_PATH}.`, path);
    }
  }
  return { fingerprint: await fingerprintOf(spki) };
}

function required(files: ReadonlyMap<string, Uint8Array>, path: string): Uint8Array {
  const data = files.get(path);
  if (!data) throw new BundleError('file-missing', 'A signed bundle always has this file.', path);
  return data;
}
