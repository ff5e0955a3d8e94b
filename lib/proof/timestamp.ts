/**
 * RFC 3161 trusted timestamps: the request we send (a TimeStampReq holding only a SHA-256, a random nonce and
 * certReq) and the checks of the answer (a TimeStampResp), with pkijs doing all ASN.1 and CMS work.
 *
 * A response is accepted only when, in this order:
 * 1. it parses, and its status is granted (or granted with modifications)      else 'malformed' / 'not-granted'
 * 2. the token is CMS SignedData holding a TSTInfo, with one signer             else 'malformed'
 * 3. the TSTInfo stamps exactly our SHA-256                                     else 'wrong-hash'
 * 4. and carries our nonce                                                      else 'wrong-nonce'
 * 5. the signer's certificate is in the token, and the signature over the signed attributes verifies, whose
 *    message digest is that of the TSTInfo and whose content type is TSTInfo    else 'bad-signature'
 * 6. that certificate is a timestamping certificate (extended key usage), valid at the token's time, and chains
 *    to one of the trusted certificates                                         else 'expired' / 'untrusted'
 *
 * The certificate's validity is checked at the token's own time (genTime), as RFC 3161 verifiers do: a token
 * stays valid after its authority's certificate expires; a token made by an already expired certificate is not.
 */
import { Integer, OctetString, Null } from 'asn1js';
import {
  AlgorithmIdentifier,
  Certificate,
  CertificateChainValidationEngine,
  ContentInfo,
  ExtKeyUsage,
  getCrypto,
  IssuerAndSerialNumber,
  MessageImprint,
  SignedData,
  TimeStampReq,
  TimeStampResp,
  TSTInfo,
  id_ContentType_SignedData,
  id_eContentType_TSTInfo,
  id_ExtKeyUsage,
  id_sha256,
  type SignerInfo,
} from 'pkijs';
import { ownBytes, randomBytes } from '../crypto/bytes';

export type TimestampFailure =
  | 'malformed'
  | 'not-granted'
  | 'wrong-hash'
  | 'wrong-nonce'
  | 'bad-signature'
  | 'expired'
  | 'untrusted';

export class TimestampError extends Error {
  override readonly name = 'TimestampError';
  constructor(
    readonly code: TimestampFailure,
    message: string,
  ) {
    super(message);
  }
}

export interface TimestampRequest {
  /** The DER TimeStampReq, to POST as `application/timestamp-query`. */
  der: Uint8Array<ArrayBuffer>;
  /** The nonce, lowercase hex without leading zeros: keep it to check the answer. */
  nonce: string;
}

export interface VerifiedTimestamp {
  /** When the authority says it saw the hash (TSTInfo genTime). */
  genTime: Date;
  /** The token's serial number, lowercase hex. */
  serial: string;
  /** The TSA policy OID the authority stamped under. */
  policy: string;
  /** Who signed: the signing certificate's subject (CN, O). */
  authority: string;
  /** The certificates the token carries (DER), signer first: exported beside the token. */
  certificates: Uint8Array<ArrayBuffer>[];
}

const ID_KP_TIME_STAMPING = '1.3.6.1.5.5.7.3.8';
const ATTR_CONTENT_TYPE = '1.2.840.113549.1.9.3';
const ATTR_MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const SHA256_BYTES = 32;
const NONCE_BYTES = 8;

/** A TimeStampReq (version 1) for a SHA-256, with a fresh 64-bit nonce and certReq true. */
export function buildTimestampRequest(sha256: Uint8Array, nonce: Uint8Array = randomNonce()): TimestampRequest {
  if (sha256.length !== SHA256_BYTES) throw new RangeError('A SHA-256 is 32 bytes.');
  const nonceInteger = new Integer({ valueHex: ownBytes(nonce) });
  const request = new TimeStampReq({
    version: 1,
    messageImprint: new MessageImprint({
      hashAlgorithm: new AlgorithmIdentifier({ algorithmId: id_sha256, algorithmParams: new Null() }),
      hashedMessage: new OctetString({ valueHex: ownBytes(sha256) }),
    }),
    nonce: nonceInteger,
    certReq: true,
  });
  return { der: new Uint8Array(request.toSchema().toBER()), nonce: integerHex(nonceInteger) };
}

/**
 * Checks a TimeStampResp against the SHA-256 and nonce that were asked for (no nonce: a stored token checked
 * again), and the certificates (DER) trusted as roots for this authority. Throws a TimestampError naming the first check that fails.
 */
export async function verifyTimestampResponse(
  response: Uint8Array,
  expected: { sha256: Uint8Array; nonce?: string; trusted: readonly Uint8Array[] },
): Promise<VerifiedTimestamp> {
  const signedData = tokenOf(parseResponse(response));
  const tstInfo = parseTstInfo(signedData);
  checkImprint(tstInfo, expected.sha256);
  // No nonce to compare when a stored token is checked again (an import): the nonce guarded the exchange only.
  if (expected.nonce !== undefined && (!tstInfo.nonce || integerHex(tstInfo.nonce) !== expected.nonce.toLowerCase())) {
    throw new TimestampError('wrong-nonce', 'The answer does not carry the nonce of our request.');
  }
  const signerInfo = signedData.signerInfos[0]!;
  const certificates = (signedData.certificates ?? []).filter((item): item is Certificate => item instanceof Certificate);
  const signer = await findSigner(signerInfo, certificates);
  await checkSignature(signedData, signerInfo, signer);
  await checkCertificate(signer, certificates, expected.trusted, tstInfo.genTime);
  const ordered = [signer, ...certificates.filter((certificate) => certificate !== signer)];
  return {
    genTime: tstInfo.genTime,
    serial: integerHex(tstInfo.serialNumber),
    policy: tstInfo.policy,
    authority: subjectName(signer),
    certificates: ordered.map((certificate) => new Uint8Array(certificate.toSchema().toBER())),
  };
}

/**
 * The certificate at the top of the chain a response carries (DER): a self-signed one if carried, else the one
 * whose issuer is not among the carried certificates. Null when the response carries none or is not a token.
 * Used to pin an authority on first use (lib/proof/timestamping.ts).
 */
export function carriedChainTop(response: Uint8Array): Uint8Array<ArrayBuffer> | null {
  let certificates: Certificate[];
  try {
    const signedData = tokenOf(parseResponse(response));
    certificates = (signedData.certificates ?? []).filter((item): item is Certificate => item instanceof Certificate);
  } catch {
    return null;
  }
  const issuedHere = (certificate: Certificate) =>
    certificates.some((other) => other !== certificate && certificate.issuer.isEqual(other.subject));
  const top =
    certificates.find((certificate) => certificate.issuer.isEqual(certificate.subject)) ??
    certificates.find((certificate) => !issuedHere(certificate));
  return top ? new Uint8Array(top.toSchema().toBER()) : null;
}

function randomNonce(): Uint8Array<ArrayBuffer> {
  const nonce = randomBytes(NONCE_BYTES);
  // Positive and minimally encoded: top bit clear (not negative), first byte not zero (no padding byte).
  nonce[0] = (nonce[0]! & 0x7f) | 0x01;
  return nonce;
}

function parseResponse(response: Uint8Array): TimeStampResp {
  let parsed: TimeStampResp;
  try {
    parsed = TimeStampResp.fromBER(ownBytes(response));
  } catch (error) {
    throw new TimestampError('malformed', `Not a timestamp response (${errorText(error)}).`);
  }
  // PKIStatus: 0 granted, 1 grantedWithMods; 2 rejection, 3 waiting, 4 revocationWarning, 5 revocationNotification.
  if (parsed.status.status !== 0 && parsed.status.status !== 1) {
    const said = parsed.status.statusStrings?.map((text) => text.valueBlock.value).join('; ');
    throw new TimestampError(
      'not-granted',
      `The authority did not grant a timestamp (status ${parsed.status.status}${said ? `: ${said}` : ''}).`,
    );
  }
  return parsed;
}

function tokenOf(response: TimeStampResp): SignedData {
  const token: ContentInfo | undefined = response.timeStampToken;
  if (!token || token.contentType !== id_ContentType_SignedData) {
    throw new TimestampError('malformed', 'The answer holds no signed timestamp token.');
  }
  let signedData: SignedData;
  try {
    signedData = new SignedData({ schema: token.content });
  } catch (error) {
    throw new TimestampError('malformed', `The token is not CMS SignedData (${errorText(error)}).`);
  }
  if (signedData.signerInfos.length !== 1) {
    throw new TimestampError('malformed', `The token has ${signedData.signerInfos.length} signers, not one.`);
  }
  return signedData;
}

function parseTstInfo(signedData: SignedData): TSTInfo {
  const content = signedData.encapContentInfo;
  if (content.eContentType !== id_eContentType_TSTInfo || !content.eContent) {
    throw new TimestampError('malformed', 'The token does not hold a TSTInfo.');
  }
  try {
    return TSTInfo.fromBER(eContentBytes(signedData));
  } catch (error) {
    throw new TimestampError('malformed', `The TSTInfo does not parse (${errorText(error)}).`);
  }
}

/** The TSTInfo's DER: the octets of eContent (which BER may split into pieces; getValue joins them). */
function eContentBytes(signedData: SignedData): ArrayBuffer {
  return signedData.encapContentInfo.eContent!.getValue();
}

function checkImprint(tstInfo: TSTInfo, sha256: Uint8Array): void {
  const imprint = tstInfo.messageImprint;
  if (imprint.hashAlgorithm.algorithmId !== id_sha256) {
    throw new TimestampError('wrong-hash', `The token stamps a hash of another kind (${imprint.hashAlgorithm.algorithmId}).`);
  }
  if (!sameBytes(new Uint8Array(imprint.hashedMessage.getValue()), sha256)) {
    throw new TimestampError('wrong-hash', 'The token stamps another SHA-256 than the one asked for.');
  }
}

async function findSigner(signerInfo: SignerInfo, certificates: Certificate[]): Promise<Certificate> {
  const sid: unknown = signerInfo.sid;
  for (const certificate of certificates) {
    if (sid instanceof IssuerAndSerialNumber) {
      if (certificate.issuer.isEqual(sid.issuer) && certificate.serialNumber.isEqual(sid.serialNumber)) return certificate;
    } else if (await matchesKeyIdentifier(certificate, sid)) {
      return certificate;
    }
  }
  throw new TimestampError('bad-signature', "The token does not carry its signer's certificate.");
}

/** SubjectKeyIdentifier sid: SHA-1 of the certificate's public key bits (RFC 5280 method 1), as pkijs does. */
async function matchesKeyIdentifier(certificate: Certificate, sid: unknown): Promise<boolean> {
  const block = sid as { idBlock?: { isConstructed: boolean }; valueBlock?: { valueHex?: ArrayBuffer; value?: { valueBlock: { valueHex: ArrayBuffer } }[] } };
  const keyId = block.idBlock?.isConstructed ? block.valueBlock?.value?.[0]?.valueBlock.valueHex : block.valueBlock?.valueHex;
  if (!keyId) return false;
  const digest = await crypto.subtle.digest('SHA-1', certificate.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView.slice());
  return sameBytes(new Uint8Array(digest), new Uint8Array(keyId));
}

async function checkSignature(signedData: SignedData, signerInfo: SignerInfo, signer: Certificate): Promise<void> {
  const engine = getCrypto(true);
  const attributes = signerInfo.signedAttrs?.attributes ?? [];
  const contentType = attributes.find((attribute) => attribute.type === ATTR_CONTENT_TYPE);
  const messageDigest = attributes.find((attribute) => attribute.type === ATTR_MESSAGE_DIGEST);
  if (!signerInfo.signedAttrs || !contentType || !messageDigest) {
    throw new TimestampError('bad-signature', 'The signature does not cover a content type and message digest.');
  }
  const typeValue = contentType.values[0] as { valueBlock?: { toString(): string } } | undefined;
  if (typeValue?.valueBlock?.toString() !== id_eContentType_TSTInfo) {
    throw new TimestampError('bad-signature', 'The signed content type is not TSTInfo.');
  }
  const hashAlgorithm = engine.getAlgorithmByOID<Algorithm>(signerInfo.digestAlgorithm.algorithmId, false, 'hashAlgorithm');
  if (!('name' in hashAlgorithm)) {
    throw new TimestampError('bad-signature', `Unsupported digest algorithm ${signerInfo.digestAlgorithm.algorithmId}.`);
  }
  const digest = new Uint8Array(await engine.digest(hashAlgorithm, eContentBytes(signedData)));
  const signedDigest = (messageDigest.values[0] as OctetString | undefined)?.valueBlock?.valueHexView;
  if (!signedDigest || !sameBytes(digest, signedDigest)) {
    throw new TimestampError('bad-signature', 'The signed message digest is not that of the TSTInfo.');
  }
  let valid: boolean;
  try {
    valid = await engine.verifyWithPublicKey(
      signerInfo.signedAttrs.encodedValue,
      signerInfo.signature,
      signer.subjectPublicKeyInfo,
      signerInfo.signatureAlgorithm,
      hashAlgorithm.name,
    );
  } catch (error) {
    throw new TimestampError('bad-signature', `The signature could not be checked (${errorText(error)}).`);
  }
  if (!valid) throw new TimestampError('bad-signature', "The authority's signature does not verify.");
}

async function checkCertificate(
  signer: Certificate,
  carried: Certificate[],
  trusted: readonly Uint8Array[],
  genTime: Date,
): Promise<void> {
  if (!hasTimeStampingUsage(signer)) {
    throw new TimestampError('untrusted', 'The signing certificate is not a timestamping certificate.');
  }
  if (signer.notBefore.value > genTime || signer.notAfter.value < genTime) {
    throw new TimestampError(
      'expired',
      `The signing certificate is valid from ${signer.notBefore.value.toISOString()} to ${signer.notAfter.value.toISOString()}, not at ${genTime.toISOString()}.`,
    );
  }
  // A certificate pinned as trusted is trusted as itself (an authority pinned on first use whose answers carry
  // only its signing certificate: pkijs would look for a self-signed root above it).
  const signerDer = new Uint8Array(signer.toSchema().toBER());
  if (trusted.some((der) => sameBytes(der, signerDer))) return;
  let roots: Certificate[];
  try {
    roots = trusted.map((der) => Certificate.fromBER(ownBytes(der)));
  } catch (error) {
    throw new TimestampError('untrusted', `A trusted certificate does not parse (${errorText(error)}).`);
  }
  const engine = new CertificateChainValidationEngine({
    trustedCerts: roots,
    certs: [...carried.filter((certificate) => certificate !== signer), signer],
    checkDate: genTime,
  });
  const result = await engine.verify();
  if (result.result) return;
  // 8: "The certificate is either not yet valid or expired" (a CA certificate of the chain, at genTime).
  throw new TimestampError(result.resultCode === 8 ? 'expired' : 'untrusted', `The chain does not verify: ${result.resultMessage}.`);
}

function hasTimeStampingUsage(certificate: Certificate): boolean {
  const extension = certificate.extensions?.find((item) => item.extnID === id_ExtKeyUsage);
  const usage = extension?.parsedValue as ExtKeyUsage | undefined;
  return usage?.keyPurposes.includes(ID_KP_TIME_STAMPING) ?? false;
}

/** "CN=..., O=..." of a certificate's subject (what a person recognises), else its whole subject. */
function subjectName(certificate: Certificate): string {
  const names = { '2.5.4.3': 'CN', '2.5.4.10': 'O', '2.5.4.6': 'C' } as Record<string, string>;
  const parts = certificate.subject.typesAndValues
    .filter((item) => names[item.type])
    .map((item) => `${names[item.type]}=${String(item.value.valueBlock.value)}`);
  return parts.join(', ') || certificate.subject.typesAndValues.map((item) => String(item.value.valueBlock.value)).join(', ');
}

/** An INTEGER's value as lowercase hex without leading zeros (so equal numbers compare equal however encoded). */
function integerHex(value: Integer): string {
  return value.toBigInt().toString(16);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
