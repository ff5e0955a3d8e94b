/**
 * Whether a timestamp was made by a real authority: the token's signing certificate is a timestamping certificate,
 * valid at the token's time, and chains (pkijs) to one of the root certificates this version ships
 * (trust-roots-data.ts) and to nothing else. The chain the token carries is only material to build the path from:
 * a token whose chain ends in a root of its own, however it is named, is "by an unknown authority".
 *
 * A timestamp is shown under the name of the listed authority whose root its chain reaches (authorities.ts),
 * never under the name its certificate gives itself.
 */
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';
import { Certificate, CertificateChainValidationEngine, ExtKeyUsage, id_ExtKeyUsage } from 'pkijs';
import { fromBase64 } from '../crypto/bytes';
import { SHIPPED_ROOTS } from './trust-roots-data';

export interface TrustRoot {
  /** The listed authority whose timestamps end here (authorities.ts `id`). */
  authorityId: string;
  name: string;
  /** SHA-256 of the DER certificate, lowercase hex. */
  sha256: string;
  der: Uint8Array<ArrayBuffer>;
}

export type UnverifiedReason =
  /** The chain does not reach a shipped root (a self-made authority, or a root this version does not ship). */
  | 'unknown-authority'
  /** A certificate of the chain was not valid at the token's time. */
  | 'expired'
  /** The signing certificate is not a timestamping certificate. */
  | 'not-timestamping';

export type TimestampTrust =
  | { kind: 'trusted'; authorityId: string; rootName: string; rootSha256: string }
  | { kind: 'unverified'; reason: UnverifiedReason };

const ID_KP_TIME_STAMPING = '1.3.6.1.5.5.7.3.8';

/**
 * A test root that only the end-to-end tests' copy of the build knows. `wxt build` leaves this text as it is (it is
 * no certificate, so nothing is added); tests/e2e/support/local-tsa.ts writes `<authority id>:<base64 DER>` of a
 * test CA made at test time in its place, in a copy of the build. A check there refuses a shipped build whose text
 * is not this one.
 */
const TEST_ROOT_SLOT = 'CR-TEST-TSA-ROOT-SLOT';

let roots: readonly TrustRoot[] | undefined;

/** The roots this build trusts: the shipped ones (and, in the e2e test build only, its test root). */
export function trustRoots(): readonly TrustRoot[] {
  roots ??= [...SHIPPED_ROOTS.map((root) => trustRoot(fromBase64(root.base64.replace(/\s+/g, '')), root.authorityId, root.name)), ...testRoot()];
  return roots;
}

function testRoot(): TrustRoot[] {
  const match = /^([a-z]+):([A-Za-z0-9+/]+=*)$/.exec(TEST_ROOT_SLOT);
  return match ? [trustRoot(fromBase64(match[2]!), match[1]!, 'test root (end-to-end test build only)')] : [];
}

export function trustRoot(der: Uint8Array<ArrayBuffer>, authorityId: string, name: string): TrustRoot {
  return { authorityId, name, sha256: bytesToHex(sha256(der)), der };
}

/** Chains already checked, by the certificates' and roots' hashes (a page checks many tokens of one authority). */
const chainCache = new Map<string, Promise<ChainResult>>();

type ChainResult =
  | { ok: true; root: TrustRoot; validFrom: number; validTo: number }
  | { ok: false; reason: 'unknown-authority' | 'expired' };

/**
 * The trust of a token whose signature was checked against `signer` (one of `carried`, the certificates the token
 * holds), made at `genTime`, against `candidates` (the build's roots, or the one root an authority is pinned to).
 */
export async function chainTrust(
  signer: Certificate,
  carried: readonly Certificate[],
  genTime: Date,
  candidates: readonly TrustRoot[] = trustRoots(),
): Promise<TimestampTrust> {
  if (!hasTimeStampingUsage(signer)) return { kind: 'unverified', reason: 'not-timestamping' };
  if (!validAt(signer, genTime)) return { kind: 'unverified', reason: 'expired' };
  if (candidates.length === 0) return { kind: 'unverified', reason: 'unknown-authority' };
  const chain = await checkedChain(signer, carried, genTime, candidates);
  if (!chain.ok) return { kind: 'unverified', reason: chain.reason };
  const time = genTime.getTime();
  if (time < chain.validFrom || time > chain.validTo) return { kind: 'unverified', reason: 'expired' };
  return { kind: 'trusted', authorityId: chain.root.authorityId, rootName: chain.root.name, rootSha256: chain.root.sha256 };
}

function checkedChain(signer: Certificate, carried: readonly Certificate[], genTime: Date, candidates: readonly TrustRoot[]): Promise<ChainResult> {
  const others = carried.filter((certificate) => certificate !== signer);
  const key = [signer, ...others].map((certificate) => bytesToHex(sha256(derOf(certificate)))).join(',') + '|' + candidates.map((root) => root.sha256).join(',');
  const cached = chainCache.get(key);
  if (cached) return cached;
  const result = buildChain(signer, others, genTime, candidates);
  chainCache.set(key, result);
  // A path invalid at this token's time may be valid at another's: only that outcome is not kept.
  void result.then((outcome) => {
    if (!outcome.ok && outcome.reason === 'expired') chainCache.delete(key);
  });
  return result;
}

async function buildChain(signer: Certificate, others: Certificate[], genTime: Date, candidates: readonly TrustRoot[]): Promise<ChainResult> {
  const trusted = candidates.map((root) => ({ root, certificate: Certificate.fromBER(root.der) }));
  const engine = new CertificateChainValidationEngine({
    trustedCerts: trusted.map((entry) => entry.certificate),
    // pkijs takes the last certificate as the one to validate.
    certs: [...others, signer],
    checkDate: genTime,
    findIssuer: preferTrustedIssuers,
  });
  let path: Certificate[];
  try {
    const result = await engine.verify();
    // 8: "The certificate is either not yet valid or expired" (a certificate of the path, at the token's time).
    if (!result.result) return { ok: false, reason: result.resultCode === 8 ? 'expired' : 'unknown-authority' };
    path = engine.certs;
  } catch {
    return { ok: false, reason: 'unknown-authority' };
  }
  const top = derOf(path.at(-1)!);
  const root = trusted.find((entry) => sameBytes(derOf(entry.certificate), top))?.root;
  if (!root) return { ok: false, reason: 'unknown-authority' };
  // The window in which every certificate of the path is valid: later tokens with the same chain are checked against it.
  return {
    ok: true,
    root,
    validFrom: Math.max(...path.map((certificate) => certificate.notBefore.value.getTime())),
    validTo: Math.min(...path.map((certificate) => certificate.notAfter.value.getTime())),
  };
}

/**
 * pkijs' issuer search, preferring a trusted root over a carried certificate of the same name and key. A token may
 * carry a cross-signed copy of a root (DigiCert's answers carry "DigiCert Trusted Root G4" issued by DigiCert's
 * older root): pkijs would follow that copy to an issuer it does not have and give up on the whole path.
 */
async function preferTrustedIssuers(
  certificate: Certificate,
  engine: CertificateChainValidationEngine,
  crypto?: Parameters<CertificateChainValidationEngine['defaultFindIssuer']>[2],
): Promise<Certificate[]> {
  const issuers = await engine.defaultFindIssuer(certificate, engine, crypto);
  const trusted = issuers.filter((issuer) => engine.trustedCerts.includes(issuer));
  return trusted.length > 0 ? trusted : issuers;
}

function hasTimeStampingUsage(certificate: Certificate): boolean {
  const extension = certificate.extensions?.find((item) => item.extnID === id_ExtKeyUsage);
  const usage = extension?.parsedValue as ExtKeyUsage | undefined;
  return usage?.keyPurposes.includes(ID_KP_TIME_STAMPING) ?? false;
}

function validAt(certificate: Certificate, time: Date): boolean {
  return certificate.notBefore.value <= time && certificate.notAfter.value >= time;
}

function derOf(certificate: Certificate): Uint8Array {
  return new Uint8Array(certificate.toSchema().toBER());
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}
