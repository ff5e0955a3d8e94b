/**
 * Signed bundles (format version 2): openssl accepts the signatures as they are; import verifies them, names the
 * signer by fingerprint, and refuses a bundle whose signature does not match, naming the file. Version 1 bundles
 * (unsigned) still import.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { BundleError } from '../../../lib/bundle/errors';
import { readBundle } from '../../../lib/bundle/import';
import { installationSigner, publicKeyFile } from '../../../lib/bundle/signature';
import { sha256Hex } from '../../../lib/evidence/hash';
import { generateInstallationKey } from '../../../lib/proof/signing-key';
import { OpensslDir } from '../proof/openssl';
import { bytes, entriesOf, exportToBytes, makeFixture, repack } from './fixtures';

const text = (data: Uint8Array) => new TextDecoder().decode(data);

async function refusal(promise: Promise<unknown>): Promise<BundleError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(BundleError);
  return error as BundleError;
}

/** A consistent edit by someone who knows the format but not the key: SHA256SUMS recomputed, signatures kept. */
async function rewrite(zip: Uint8Array, change: (files: Map<string, Uint8Array>) => void): Promise<Uint8Array> {
  const files = new Map(entriesOf(zip));
  change(files);
  let sums = '';
  for (const [name, data] of files) {
    if (name !== 'SHA256SUMS' && !name.endsWith('.sig')) sums += `${await sha256Hex(data)}  ${name}\n`;
  }
  files.set('SHA256SUMS', bytes(sums));
  return repack([...files]);
}

function editManifest(files: Map<string, Uint8Array>, edit: (manifest: Record<string, unknown>) => void): void {
  const manifest = JSON.parse(text(files.get('manifest.json')!)) as Record<string, unknown>;
  edit(manifest);
  files.set('manifest.json', bytes(`${JSON.stringify(manifest, null, 2)}\n`));
}

describe('signed bundle', () => {
  const openssl = new OpensslDir();
  afterAll(() => openssl.remove());

  it('openssl dgst -verify says "Verified OK" for manifest.json and SHA256SUMS with public-key.pem', async () => {
    const { zip } = await exportToBytes((await makeFixture()).input);
    const files = new Map(entriesOf(zip));
    for (const name of ['public-key.pem', 'manifest.json', 'manifest.json.sig', 'SHA256SUMS', 'SHA256SUMS.sig']) {
      openssl.write(name, files.get(name)!);
    }
    for (const name of ['manifest.json', 'SHA256SUMS']) {
      const result = openssl.run('dgst', '-sha256', '-verify', 'public-key.pem', '-signature', `${name}.sig`, name);
      expect(result.output.trim(), name).toBe('Verified OK');
    }
    const changed = files.get('manifest.json')!.slice();
    changed[10] = changed[10]! ^ 0x01;
    openssl.write('manifest.json', changed);
    const refused = openssl.run('dgst', '-sha256', '-verify', 'public-key.pem', '-signature', 'manifest.json.sig', 'manifest.json');
    expect(refused.output).toContain('Verification failure');
    expect(refused.status).toBe(1);
  });

  it('prints the fingerprint and the openssl commands in report.html and README.txt', async () => {
    const fixture = await makeFixture();
    const { zip } = await exportToBytes(fixture.input);
    const files = new Map(entriesOf(zip));
    const fingerprint = fixture.input.signer.fingerprint;
    expect(text(files.get('report.html')!)).toContain(`<span class="fingerprint">${fingerprint}</span>`);
    expect(text(files.get('report.html')!)).toContain('openssl dgst -sha256 -verify public-key.pem -signature manifest.json.sig manifest.json');
    const readme = text(files.get('README.txt')!);
    expect(readme).toContain(`    ${fingerprint}\r\n`);
    expect(readme).toContain('openssl dgst -sha256 -verify public-key.pem -signature SHA256SUMS.sig SHA256SUMS');
    expect(readme).toContain('It does not prove who was using the computer.');
  });

  it('import names the signer, and refuses a manifest changed consistently by someone without the key', async () => {
    const fixture = await makeFixture();
    const { zip } = await exportToBytes(fixture.input);
    expect((await readBundle(zip)).signer).toEqual({ fingerprint: fixture.input.signer.fingerprint });

    // Every other check passes (hashes, sums, chain): only the signature shows the change.
    const renamed = await rewrite(zip, (files) => editManifest(files, (m) => ((m.exportedBy as { name: string }).name = 'Someone else')));
    const error = await refusal(readBundle(renamed));
    expect(error).toMatchObject({ code: 'bad-signature', path: 'manifest.json' });
  });

  it('refuses SHA256SUMS whose signature does not match, naming it', async () => {
    const { zip } = await exportToBytes((await makeFixture()).input);
    const other = installationSigner((await generateInstallationKey()).key);
    const files = new Map(entriesOf(zip));
    files.set('SHA256SUMS.sig', await other.sign(files.get('SHA256SUMS')!));
    expect(await refusal(readBundle(repack([...files])))).toMatchObject({ code: 'bad-signature', path: 'SHA256SUMS' });
  });

  it('re-signed with another key, the bundle verifies but names the OTHER fingerprint (hence: confirm it by phone)', async () => {
    const fixture = await makeFixture();
    const { zip } = await exportToBytes(fixture.input);
    const forger = installationSigner((await generateInstallationKey()).key);
    const files = new Map(entriesOf(zip));
    files.set('public-key.pem', bytes(publicKeyFile(forger)));
    const resummed = await rewrite(repack([...files]), () => undefined);
    const again = new Map(entriesOf(resummed));
    again.set('manifest.json.sig', await forger.sign(again.get('manifest.json')!));
    again.set('SHA256SUMS.sig', await forger.sign(again.get('SHA256SUMS')!));
    const bundle = await readBundle(repack([...again]));
    expect(bundle.signer).toEqual({ fingerprint: forger.fingerprint });
    expect(bundle.signer?.fingerprint).not.toBe(fixture.input.signer.fingerprint);
  });

  it('refuses a version 2 bundle without its signatures or public key, naming the file', async () => {
    const { zip } = await exportToBytes((await makeFixture()).input);
    for (const name of ['manifest.json.sig', 'SHA256SUMS.sig', 'public-key.pem']) {
      const without = await rewrite(zip, (files) => files.delete(name));
      expect(await refusal(readBundle(without)), name).toMatchObject({ code: 'file-missing', path: name });
    }
    const garbled = await rewrite(zip, (files) => files.set('public-key.pem', bytes('not a key')));
    expect(await refusal(readBundle(garbled))).toMatchObject({ code: 'bad-signature', path: 'public-key.pem' });
  });

  it('still imports a version 1 bundle (unsigned), and says it is unsigned; refuses signature files in it', async () => {
    const { zip } = await exportToBytes((await makeFixture()).input);
    const v1 = await rewrite(zip, (files) => {
      for (const name of ['public-key.pem', 'manifest.json.sig', 'SHA256SUMS.sig']) files.delete(name);
      editManifest(files, (m) => {
        m.formatVersion = 1;
        delete m.timestamps; // version 3's field (empty here: nothing was stamped)
      });
    });
    const bundle = await readBundle(v1);
    expect(bundle.manifest.formatVersion).toBe(1);
    expect(bundle.signer).toBeNull();

    const v1WithSignature = repack([...entriesOf(v1), ['manifest.json.sig', bytes('x')]]);
    expect(await refusal(readBundle(v1WithSignature))).toMatchObject({ code: 'unexpected-file', path: 'manifest.json.sig' });
  });
});
