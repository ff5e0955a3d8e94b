/**
 * The import's audit check (checkAudit in lib/bundle/import.ts, over lib/storage/verify.ts): each problem the
 * shared verification finds becomes a BundleError with a clear detail and the manifest path concerned. Runs on a
 * manifest as readBundle returns it, changed in memory, so every case reaches the audit check directly.
 */
import { describe, expect, it } from 'vitest';
import { BundleError } from '../../../lib/bundle/errors';
import { checkAudit, readBundle } from '../../../lib/bundle/import';
import type { BundleManifest } from '../../../lib/bundle/manifest';
import { hashEntry, GENESIS_HASH } from '../../../lib/storage/audit';
import { exportToBytes, makeFixture } from './fixtures';

async function verifiedManifest(): Promise<BundleManifest> {
  const { zip } = await exportToBytes((await makeFixture()).input);
  return (await readBundle(zip)).manifest;
}

function refusalOf(manifest: BundleManifest): BundleError {
  try {
    checkAudit(manifest);
  } catch (error) {
    expect(error).toBeInstanceOf(BundleError);
    return error as BundleError;
  }
  throw new Error('checkAudit accepted the manifest');
}

/** Recomputes every link and hash: a forger who knows the chain format. */
function rechain(manifest: BundleManifest): void {
  let prev = GENESIS_HASH;
  manifest.audit.forEach((entry, seq) => {
    Object.assign(entry, { seq, prevHash: prev });
    entry.hash = hashEntry(entry);
    prev = entry.hash;
  });
}

describe('the import checks the trail with the shared verification', () => {
  it('accepts the trail of an intact bundle and changes nothing', async () => {
    const manifest = await verifiedManifest();
    const before = structuredClone(manifest);
    expect(() => checkAudit(manifest)).not.toThrow();
    expect(manifest).toEqual(before);
  });

  it('a broken chain: names the entry by seq and its place in the trail', async () => {
    const manifest = await verifiedManifest();
    manifest.audit[2]!.prevHash = 'e'.repeat(64);
    manifest.audit[2]!.hash = hashEntry(manifest.audit[2]!);
    const error = refusalOf(manifest);
    expect(error).toMatchObject({ code: 'audit-broken', path: 'audit[2]', detail: 'Entry 2: prev-hash-mismatch.' });
  });

  it('a capture without its audit entry: names the capture', async () => {
    const manifest = await verifiedManifest();
    const second = manifest.captures[1]!.id;
    manifest.audit.splice(2, 1);
    rechain(manifest);
    expect(refusalOf(manifest)).toMatchObject({
      code: 'not-audited',
      path: 'captures[1]',
      detail: `No audit entry records capture ${second}.`,
    });
  });

  it('a file hash other than the audited one: names the file, both hashes and the entry', async () => {
    const manifest = await verifiedManifest();
    const meta = manifest.captures[0]!.files[1]!;
    const audited = meta.sha256;
    meta.sha256 = 'a'.repeat(64);
    expect(refusalOf(manifest)).toMatchObject({
      code: 'not-audited',
      path: 'captures[0].files[1]',
      detail: `File ${meta.name}: SHA-256 ${'a'.repeat(64)}, audit entry 1 records ${audited}.`,
    });
  });

  it('a file the trail never named: says the entry records nothing for it', async () => {
    const manifest = await verifiedManifest();
    const meta = manifest.captures[1]!.files[2]!;
    meta.name = 'added-later.html';
    expect(refusalOf(manifest)).toMatchObject({
      code: 'not-audited',
      path: 'captures[1].files[2]',
      detail: `File added-later.html: SHA-256 ${meta.sha256}, audit entry 2 records nothing.`,
    });
  });
});
