/**
 * Trusted timestamps in a bundle (format version 4): each stamped file's token beside it with the authority's
 * certificates, the audit head's, in the manifest and SHA256SUMS; openssl ts -verify accepts each exported token
 * with the test CA; import verifies them and refuses one that does not stamp its file, naming it; report.html
 * names the authority, its time and "verified".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BundleError } from '../../../lib/bundle/errors';
import { readBundle } from '../../../lib/bundle/import';
import { exportTimestamps, importedTimestampRecords, type TimestampsToExport } from '../../../lib/bundle/timestamps';
import { BUNDLE_FORMAT_VERSION } from '../../../lib/bundle/manifest';
import { toBase64 } from '../../../lib/crypto/bytes';
import { sha256Hex } from '../../../lib/evidence/hash';
import { buildTimestampRequest, verifyTimestampResponse } from '../../../lib/proof/timestamp';
import { auditHeadText } from '../../../lib/proof/timestamping';
import type { TimestampRecord } from '../../../lib/proof/timestamp-record';
import { TestTsa } from '../proof/test-tsa';
import { bytes, entriesOf, exportToBytes, makeFixture, repack } from './fixtures';

const AUTHORITY = 'https://tsa.test.example/tsr';
let tsa: TestTsa;
beforeAll(() => {
  tsa = new TestTsa();
});
afterAll(() => tsa.remove());

const hexBytes = (hex: string) => Uint8Array.from(hex.match(/../g)!, (pair) => parseInt(pair, 16));

/** A stamped record for a SHA-256, as lib/proof/timestamping.ts keeps it. */
async function stampedRecord(fields: Pick<TimestampRecord, 'id' | 'subject' | 'captureId' | 'fileId' | 'caseId' | 'seq' | 'sha256'>): Promise<TimestampRecord> {
  const request = buildTimestampRequest(hexBytes(fields.sha256));
  const response = tsa.reply(request.der);
  const verified = await verifyTimestampResponse(response, { sha256: hexBytes(fields.sha256), nonce: request.nonce, trusted: [tsa.rootDer()] });
  return {
    ...fields,
    state: 'stamped',
    queuedAt: '2026-11-30T09:00:00.000Z',
    attempts: 1,
    nextAttemptAt: '2026-11-30T09:00:00.000Z',
    lastError: null,
    authorityUrl: AUTHORITY,
    response: toBase64(response),
    genTime: verified.genTime.toISOString(),
    authority: verified.authority,
    serial: verified.serial,
    chain: verified.certificates.map((der) => toBase64(der)),
  };
}

async function stampedFixture(options: { skip?: number } = {}) {
  const fixture = await makeFixture();
  const files: TimestampRecord[] = [];
  for (const [index, file] of fixture.files.entries()) {
    if (index === options.skip) continue;
    files.push(await stampedRecord({ id: `file:${file.id}`, subject: 'file', captureId: file.captureId, fileId: file.id, caseId: null, seq: null, sha256: file.sha256 }));
  }
  const head = fixture.audit.at(-1)!;
  const headSha = await sha256Hex(new TextEncoder().encode(auditHeadText(head)));
  const auditHead = await stampedRecord({ id: `audit:${head.caseId}:${head.seq}`, subject: 'audit-head', captureId: null, fileId: null, caseId: head.caseId, seq: head.seq, sha256: headSha });
  const timestamps: TimestampsToExport = { files, auditHead };
  return { fixture, timestamps, input: { ...fixture.input, timestamps } };
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

    // Import verifies them and reports them; report.html names the authority, its time and "verified".
    const bundle = await readBundle(zip);
    expect(bundle.timestamps).toHaveLength(stamped.length + 1);
    const report = new TextDecoder().decode(files.get('report.html'));
    expect(report).toContain('Trusted timestamp');
    expect(report).toContain(`CN=Test TSA, O=Capture and Report tests (${AUTHORITY}), ${result.manifest.timestamps![0]!.genTime.replace('T', ' ').replace('Z', ' UTC')} · verified`);
    expect(report).toContain('openssl ts -verify -data');
    expect(new TextDecoder().decode(files.get('README.txt'))).toContain('TRUSTED TIMESTAMPS');
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
