/**
 * RFC 3161 trusted timestamps: the request we send (a TimeStampReq holding only a SHA-256, a random nonce and
 * certReq) and the checks of the answer (a TimeStampResp), with pkijs doing all ASN.1 and CMS work.
 *
 * A token is intact (`checkTimestampToken`) when, in this order:
 * 1. it parses, and its status is granted (or granted with modifications)      else 'malformed' / 'not-granted'
 * 2. the token is CMS SignedData holding a TSTInfo, with one signer             else 'malformed'
 * 3. the TSTInfo stamps exactly the expected SHA-256                            else 'wrong-hash'
 * 4. and carries our nonce (when we asked)                                      else 'wrong-nonce'
 * 5. the signer's certificate is in the token, and the signature over the signed attributes verifies, whose
 *    message digest is that of the TSTInfo and whose content type is TSTInfo    else 'bad-signature'
 * It is by a real authority (`verifyTimestampResponse`, timestamp-trust.ts) when moreover:
 * 6. that certificate is a timestamping certificate (extended key usage), valid at the token's time, and chains
 *    to one of the roots this version ships (or the one an authority is pinned to)   else 'expired' / 'untrusted'
 *
 * The certificate's validity is checked at the token's own time (genTime), as RFC 3161 verifiers do: a token
 * stays valid after its authority's certificate expires; a token made by an already expired certificate is not.
 */
import { Integer, OctetString, Null } from 'asn1js';
import {
  AlgorithmIdentifier,
  Certificate,
  ContentInfo,
  getCrypto,
  IssuerAndSerialNumber,
  MessageImprint,
  SignedData,
  TimeStampReq,
  TimeStampResp,
  TSTInfo,
  id_ContentType_SignedData,
  id_eContentType_TSTInfo,
  id_sha256,
  type SignerInfo,
} from 'pkijs';
import { ownBytes, randomBytes } from '../crypto/bytes';
import { chainTrust, trustRoots, type TimestampTrust, type TrustRoot } from './timestamp-trust';

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

/** A token whose content and signature were checked (steps 1 to 5), whoever made it. */
export interface CheckedToken {
  /** When the authority says it saw the hash (TSTInfo genTime). */
  genTime: Date;
  /** The token's serial number, lowercase hex. */
  serial: string;
  /** The TSA policy OID the authority stamped under. */
  policy: string;
  /** The signing certificate's subject (CN, O), as it names itself: data, never shown as who stamped. */
  authority: string;
  /** The certificates the token carries (DER), signer first: exported beside the token. */
  certificates: Uint8Array<ArrayBuffer>[];
  signer: Certificate;
  carried: Certificate[];
}

/** A token of a real authority (steps 1 to 6): its chain reaches `root`. */
export interface VerifiedTimestamp extends CheckedToken {
  trust: Extract<TimestampTrust, { kind: 'trusted' }>;
}
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
 * again), whoever signed it (steps 1 to 5). Throws a TimestampError naming the first check that fails.
 */
export async function checkTimestampToken(response: Uint8Array, expected: { sha256: Uint8Array; nonce?: string }): Promise<CheckedToken> {
  const signedData = tokenOf(parseResponse(response));
  const tstInfo = parseTstInfo(signedData);
  checkImprint(tstInfo, expected.sha256);
  // No nonce to compare when a stored token is checked again (an import): the nonce guarded the exchange only.
  if (expected.nonce !== undefined && (!tstInfo.nonce || integerHex(tstInfo.nonce) !== expected.nonce.toLowerCase())) {
    throw new TimestampError('wrong-nonce', 'The answer does not carry the nonce of our request.');
  }
  const signerInfo = signedData.signerInfos[0]!;
  const carried = (signedData.certificates ?? []).filter((item): item is Certificate => item instanceof Certificate);
  const signer = await findSigner(signerInfo, carried);
  await checkSignature(signedData, signerInfo, signer);
  const ordered = [signer, ...carried.filter((certificate) => certificate !== signer)];
  return {
    genTime: tstInfo.genTime,
    serial: integerHex(tstInfo.serialNumber),
    policy: tstInfo.policy,
    authority: subjectName(signer),
    certificates: ordered.map((certificate) => new Uint8Array(certificate.toSchema().toBER())),
    signer,
    carried,
  };
}

/** Whether a checked token was made by a real authority (step 6, timestamp-trust.ts). */
export function tokenTrust(token: CheckedToken, roots: readonly TrustRoot[] = trustRoots()): Promise<TimestampTrust> {
  return chainTrust(token.signer, token.carried, token.genTime, roots);
}

/**
 * Steps 1 to 6: the token is intact and its chain reaches one of `roots` (default: the roots this build ships).
 * Throws a TimestampError ('expired' or 'untrusted' for step 6) otherwise.
 */
export async function verifyTimestampResponse(
  response: Uint8Array,
  expected: { sha256: Uint8Array; nonce?: string; roots?: readonly TrustRoot[] },
): Promise<VerifiedTimestamp> {
  const token = await checkTimestampToken(response, expected);
  const trust = await tokenTrust(token, expected.roots);
  if (trust.kind === 'trusted') return { ...token, trust };
  const messages = {
    'unknown-authority': "The signing certificate does not chain to the root of a listed timestamp authority.",
    expired: `A certificate of the chain was not valid at ${token.genTime.toISOString()}.`,
    'not-timestamping': 'The signing certificate is not a timestamping certificate.',
  };
  throw new TimestampError(trust.reason === 'expired' ? 'expired' : 'untrusted', messages[trust.reason]);
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
