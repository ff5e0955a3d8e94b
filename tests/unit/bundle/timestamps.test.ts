/**
 * Trusted timestamps in a bundle (format version 4): each stamped file's token beside it with the authority's
 * certificates, the audit head's, in the manifest and SHA256SUMS; openssl ts -verify accepts each exported token
 * with the test CA; import verifies them and refuses one that does not stamp its file, naming it; report.html
 * names the authority, its time and "verified".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BundleError } from '../../../lib/bundle/errors';
import { readBundle } from '../../../lib/bundle/import';
import { exportTimestamps, importedTimestampRecords } from '../../../lib/bundle/timestamps';
import { BUNDLE_FORMAT_VERSION } from '../../../lib/bundle/manifest';
import { sha256Hex } from '../../../lib/evidence/hash';
import { auditHeadText } from '../../../lib/proof/timestamping';
import { TestTsa } from '../proof/test-tsa';
import { bytes, entriesOf, exportToBytes, makeFixture, repack, stampAll } from './fixtures';

const AUTHORITY = 'https://tsa.test.example/tsr';
let tsa: TestTsa;
beforeAll(() => {
  tsa = new TestTsa();
});
afterAll(() => tsa.remove());

async function stampedFixture(options: { skip?: number } = {}) {
  const fixture = await makeFixture();
  const timestamps = await stampAll(fixture, (query) => tsa.reply(query), AUTHORITY, options);
  return { fixture, timestamps, input: { ...fixture.input, timestamps, roots: [tsa.trustRoot()] } };
}

describe('a bundle with trusted timestamps', () => {
  it('puts each token beside its file with the certificates, lists them, and openssl verifies each', async () => {
    const { input, fixture } = await stampedFixture();
    const { zip, result } = await exportToBytes(input);
    expect(result.manifest.formatVersion).toBe(BUNDLE_FORMAT_VERSION); // 4 brought timestamps; written as the current version
    const files = new Map(entriesOf(zip));
    const stamped = result.manifest.files.map((file) => file.path);
    expect(result.manifest.timestamps!.map((entry) => entry.stamps)).toEqual([...stamped, 'audit-head.txt']);
    for (const entry of result.manifest.timestamps!) {
      expect(entry).toMatchObject({ path: `${entry.stamps}.tsr`, chainPath: `${entry.stamps}.tsa.pem`, authorityUrl: AUTHORITY, authority: 'CN=Test TSA, O=Capture and Report tests' });
      expect(files.has(entry.path) && files.has(entry.chainPath!)).toBe(true);
    }
    expect(new TextDecoder().decode(files.get('audit-head.txt'))).toBe(auditHeadText(fixture.audit.at(-1)!));
    // SHA256SUMS lists the tokens, chains and audit-head.txt.
    const sums = new TextDecoder().decode(files.get('SHA256SUMS'));
    for (const path of ['audit-head.txt', 'audit-head.txt.tsr', `${stamped[0]}.tsr`, `${stamped[0]}.tsa.pem`]) expect(sums).toContain(`  ${path}\n`);

    // Extracted, the ordinary tool accepts every token for its file with the authority's CA.
    for (const [name, data] of files) tsa.openssl.write(`x-${name.replaceAll('/', '_')}`, data);
    for (const entry of result.manifest.timestamps!) {
      const file = `x-${entry.stamps.replaceAll('/', '_')}`;
      const check = tsa.openssl.run('ts', '-verify', '-data', file, '-in', `${file}.tsr`, '-CAfile', 'ca.pem', '-untrusted', `${file}.tsa.pem`);
      expect(check.output, entry.stamps).toContain('Verification: OK');
    }
    // A changed byte of a stamped file: openssl refuses.
    const first = `x-${stamped[0]!.replaceAll('/', '_')}`;
    const changed = files.get(stamped[0]!)!.slice();
    changed[10] = changed[10]! ^ 1;
    tsa.openssl.write(first, changed);
    expect(tsa.openssl.run('ts', '-verify', '-data', first, '-in', `${first}.tsr`, '-CAfile', 'ca.pem').output).toMatch(/Verification: FAILED/);

    // Import verifies them and reports them; report.html names the listed authority whose root the chain reaches
    // (here the test root, standing for FreeTSA's), its time and "verified", never the certificate's own name.
    const bundle = await readBundle(zip, { roots: [tsa.trustRoot()] });
    expect(bundle.timestamps).toHaveLength(stamped.length + 1);
    expect(bundle.timestampTrust.every((entry) => entry.trust.kind === 'trusted')).toBe(true);
    const report = new TextDecoder().decode(files.get('report.html'));
    expect(report).toContain('Trusted timestamp');
    expect(report).toContain(`FreeTSA (freetsa.org), ${result.manifest.timestamps![0]!.genTime.replace('T', ' ').replace('Z', ' UTC')} · verified (its certificates lead to ca (test))`);
    expect(report).not.toContain('CN=Test TSA');
    expect(report).toContain('openssl ts -verify -data');
    expect(new TextDecoder().decode(files.get('README.txt'))).toContain('TRUSTED TIMESTAMPS');
  });

  it('tokens whose chain reaches no shipped root are kept, not verified, and said so in a later report', async () => {
    const { input } = await stampedFixture();
    const { zip } = await exportToBytes(input);
    // The build's own roots (FreeTSA, DigiCert, Sectigo, GlobalSign): the test CA is none of them.
    const bundle = await readBundle(zip);
    expect(bundle.timestamps.length).toBeGreaterThan(0);
    expect(bundle.timestampTrust.map((entry) => entry.trust)).toEqual(bundle.timestamps.map(() => ({ kind: 'unverified', reason: 'unknown-authority' })));
    const again = await exportToBytes({ ...input, roots: undefined });
    const report = new TextDecoder().decode(new Map(entriesOf(again.zip)).get('report.html'));
    expect(report).toContain('Timestamp by an unknown authority: not verified');
    expect(report).not.toContain('FreeTSA');
  });

  it('imported, the tokens become stamped records that a later export writes the same', async () => {
    const { input } = await stampedFixture();
    const { zip } = await exportToBytes(input);
    const bundle = await readBundle(zip);
    const head = bundle.manifest.audit.at(-1)!;
    const records = await importedTimestampRecords(bundle.timestamps, bundle.manifest.files, bundle.files, head, '2026-12-01T10:00:00.000Z');
    expect(records).toHaveLength(bundle.timestamps.length);
    expect(records.every((record) => record.state === 'stamped' && record.chain.length === 1)).toBe(true);
    expect(records.at(-1)).toMatchObject({ id: `audit:${head.caseId}:${head.seq}`, subject: 'audit-head' });
    const again = exportTimestamps(bundle.manifest.files, { files: records.filter((record) => record.fileId), auditHead: records.at(-1)! }, head);
    expect(again.entries).toEqual(bundle.timestamps);
    for (const entry of again.zipEntries) expect(entry.bytes, entry.path).toEqual(new Uint8Array(await bundle.files.get(entry.path)!.arrayBuffer()));
  });

  it('exports only stamped files: one still pending has no token, and the manifest says so by its absence', async () => {
    const { input } = await stampedFixture({ skip: 1 });
    const { zip, result } = await exportToBytes(input);
    expect(result.manifest.timestamps!.map((entry) => entry.stamps)).not.toContain(result.manifest.files[1]!.path);
    expect(entriesOf(zip).some(([name]) => name === `${result.manifest.files[1]!.path}.tsr`)).toBe(false);
    expect((await readBundle(zip)).timestamps).toHaveLength(result.manifest.files.length);
  });

  it('without timestamps: version 3 with an empty list, nothing added', async () => {
    const { input } = await makeFixture();
    const { zip, result } = await exportToBytes(input);
    expect(result.manifest.timestamps).toEqual([]);
    expect(entriesOf(zip).some(([name]) => name.endsWith('.tsr'))).toBe(false);
  });

  it('import refuses a token swapped for another file, or changed, naming it (bad-timestamp)', async () => {
    const { input } = await stampedFixture();
    const { zip, result } = await exportToBytes(input);
    const [a, b] = result.manifest.timestamps!;
    const swap = async (change: (files: Map<string, Uint8Array>) => void) => {
      const files = new Map(entriesOf(zip));
      change(files);
      let sums = '';
      for (const [name, data] of files) if (name !== 'SHA256SUMS' && !name.endsWith('.sig')) sums += `${await sha256Hex(data)}  ${name}\n`;
      files.set('SHA256SUMS', bytes(sums));
      return repack([...files]);
    };
    const swapped = await swap((files) => files.set(a!.path, files.get(b!.path)!));
    const refused = await readBundle(swapped).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(BundleError);
    expect(refused).toMatchObject({ code: 'bad-timestamp', path: a!.path });
    expect((refused as BundleError).detail).toMatch(/^wrong-hash: /);

    const flipped = await swap((files) => {
      const token = files.get(a!.path)!.slice();
      token[token.length - 3] = token[token.length - 3]! ^ 1;
      files.set(a!.path, token);
    });
    expect(await readBundle(flipped).catch((error: unknown) => error)).toMatchObject({ code: 'bad-timestamp', path: a!.path });
  });
});
