/**
 * A self-made timestamp authority that names itself like a listed one: a root CA called "DigiCert Trusted Root G4",
 * an intermediate and a signer named as DigiCert's, made here with openssl. Its tokens carry the whole chain, root
 * included, as an attacker's would; their content and signatures are intact. None of it is DigiCert's.
 */
import { OpensslDir } from './openssl';

const EC_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];

export const LOOKALIKE_NAMES = {
  root: '/C=US/O=DigiCert Inc/OU=www.digicert.com/CN=DigiCert Trusted Root G4',
  intermediate: '/C=US/O=DigiCert, Inc./CN=DigiCert Trusted G4 RSA4096 SHA256 TimeStamping CA',
  signer: '/C=US/O=DigiCert, Inc./CN=DigiCert Timestamp 2023',
};

export class LookalikeTsa {
  readonly openssl = new OpensslDir();

  constructor() {
    const o = this.openssl;
    o.write('ca.ext', 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n');
    o.write('tsa.ext', 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=critical,timeStamping\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n');
    o.ok('req', '-x509', ...EC_KEY, '-keyout', 'root.key', '-out', 'root.pem', '-days', '30', '-subj', LOOKALIKE_NAMES.root, '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
    o.ok('req', '-new', ...EC_KEY, '-keyout', 'int.key', '-out', 'int.csr', '-subj', LOOKALIKE_NAMES.intermediate);
    o.ok('x509', '-req', '-in', 'int.csr', '-CA', 'root.pem', '-CAkey', 'root.key', '-set_serial', '2', '-days', '30', '-extfile', 'ca.ext', '-out', 'int.pem');
    o.ok('req', '-new', ...EC_KEY, '-keyout', 'tsa.key', '-out', 'tsa.csr', '-subj', LOOKALIKE_NAMES.signer);
    o.ok('x509', '-req', '-in', 'tsa.csr', '-CA', 'int.pem', '-CAkey', 'int.key', '-set_serial', '3', '-days', '30', '-extfile', 'tsa.ext', '-out', 'tsa.pem');
    o.write('chain.pem', `${new TextDecoder().decode(o.read('int.pem'))}${new TextDecoder().decode(o.read('root.pem'))}`);
    o.write('tsa.cnf', `[ tsa ]
default_tsa = tsa_config
[ tsa_config ]
serial = ${o.path('tsaserial')}
crypto_device = builtin
signer_cert = ${o.path('tsa.pem')}
certs = ${o.path('chain.pem')}
signer_key = ${o.path('tsa.key')}
signer_digest = sha256
default_policy = 2.16.840.1.114412.7.1
digests = sha256
accuracy = secs:1
ordering = no
tsa_name = yes
ess_cert_id_chain = yes
ess_cert_id_alg = sha256
`);
  }

  /** `openssl ts -reply` to a DER TimeStampReq: a token carrying the signer, the intermediate and the root. */
  reply(query: Uint8Array): Uint8Array {
    this.openssl.write('query.tsq', query);
    this.openssl.ok('ts', '-reply', '-config', 'tsa.cnf', '-queryfile', 'query.tsq', '-out', 'reply.tsr');
    return this.openssl.read('reply.tsr');
  }

  remove(): void {
    this.openssl.remove();
  }
}
