/**
 * A timestamp authority for tests, made with the openssl command line in a temporary directory: a test root CA,
 * timestamping certificates (valid, expired, issued by another CA) and `openssl ts -reply` configurations for each.
 */
import { trustRoot, type TrustRoot } from '../../../lib/proof/timestamp-trust';
import { OpensslDir } from './openssl';

export type TsaSigner = 'valid' | 'expired' | 'other-ca';

const EC_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];

const CA_EXTENSIONS = ['-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'];

/** RFC 3161 2.3: the TSA's certificate has exactly one extended key usage, timeStamping, marked critical. */
const TSA_EXTENSIONS = `basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature
extendedKeyUsage = critical,timeStamping
`;

export class TestTsa {
  readonly openssl = new OpensslDir();

  constructor() {
    this.makeRoot('ca', 'Test Root CA');
    this.makeRoot('other-root', 'Other Root CA');
    this.openssl.write('tsa.ext', TSA_EXTENSIONS);
    this.openssl.ok('req', '-new', ...EC_KEY, '-keyout', 'tsa.key', '-out', 'tsa.csr', '-subj', '/CN=Test TSA/O=Capture and Report tests');
    this.issue('valid', 'ca', ['-days', '30']);
    this.issue('other-ca', 'other-root', ['-days', '30']);
    this.issueExpired();
    for (const signer of ['valid', 'expired', 'other-ca'] as const) this.openssl.write(`${signer}.cnf`, this.tsaConfig(signer));
  }

  /** The test root CA's certificate, DER: the one to trust. */
  rootDer(): Uint8Array {
    this.openssl.ok('x509', '-in', 'ca.pem', '-outform', 'DER', '-out', 'ca.der');
    return this.openssl.read('ca.der');
  }

  /** A root to trust: the test root CA ('ca'), or the other one (which signs 'other-ca'), as `authorityId`'s. */
  trustRoot(ca: 'ca' | 'other-root' = 'ca', authorityId = 'freetsa'): TrustRoot {
    this.openssl.ok('x509', '-in', `${ca}.pem`, '-outform', 'DER', '-out', `${ca}.der`);
    return trustRoot(this.openssl.read(`${ca}.der`) as Uint8Array<ArrayBuffer>, authorityId, `${ca} (test)`);
  }

  /** `openssl ts -reply` to a DER TimeStampReq, signed by the given certificate. */
  reply(query: Uint8Array, signer: TsaSigner = 'valid'): Uint8Array {
    this.openssl.write('query.tsq', query);
    this.openssl.ok('ts', '-reply', '-config', `${signer}.cnf`, '-queryfile', 'query.tsq', '-out', 'reply.tsr');
    return this.openssl.read('reply.tsr');
  }

  remove(): void {
    this.openssl.remove();
  }

  private makeRoot(name: string, commonName: string): void {
    this.openssl.ok('req', '-x509', ...EC_KEY, '-keyout', `${name}.key`, '-out', `${name}.pem`, '-days', '30', '-subj', `/CN=${commonName}`, ...CA_EXTENSIONS);
  }

  private issue(signer: TsaSigner, ca: string, validity: string[]): void {
    this.openssl.ok('x509', '-req', '-in', 'tsa.csr', '-CA', `${ca}.pem`, '-CAkey', `${ca}.key`, '-set_serial', String(Date.now()), '-out', `${signer}.pem`, '-extfile', 'tsa.ext', ...validity);
  }

  /** Valid in 2020 only: `openssl ca` is the one command of OpenSSL 3.0 that sets both dates. */
  private issueExpired(): void {
    const db = this.openssl.path('ca-db');
    this.openssl.write('ca-db.index', '');
    this.openssl.write('ca-db.serial', '1000\n');
    this.openssl.write(
      'ca.cnf',
      `[ ca ]
default_ca = test_ca
[ test_ca ]
database = ${db}.index
serial = ${db}.serial
new_certs_dir = ${this.openssl.dir}
certificate = ${this.openssl.path('ca.pem')}
private_key = ${this.openssl.path('ca.key')}
default_md = sha256
policy = any
unique_subject = no
x509_extensions = tsa_ext
[ any ]
commonName = supplied
organizationName = optional
[ tsa_ext ]
${TSA_EXTENSIONS}`,
    );
    this.openssl.ok('ca', '-batch', '-config', 'ca.cnf', '-in', 'tsa.csr', '-out', 'expired.pem', '-notext', '-startdate', '20200101000000Z', '-enddate', '20210101000000Z');
  }

  /** openssl ts needs a configuration file for -reply: the TSA's key, certificate, policy and accepted digests. */
  private tsaConfig(signer: TsaSigner): string {
    return `[ tsa ]
default_tsa = tsa_config
[ tsa_config ]
serial = ${this.openssl.path(`${signer}.tsaserial`)}
crypto_device = builtin
signer_cert = ${this.openssl.path(`${signer}.pem`)}
signer_key = ${this.openssl.path('tsa.key')}
signer_digest = sha256
default_policy = 1.2.3.4.1
other_policies = 1.2.3.4.2
digests = sha256
accuracy = secs:1
ordering = no
tsa_name = yes
ess_cert_id_chain = no
ess_cert_id_alg = sha256
`;
  }
}
