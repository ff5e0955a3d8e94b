/**
 * Signed bundles, as a recipient checks them: the manager shows this installation's key fingerprint; the exported
 * bundle's manifest.json and SHA256SUMS verify with `openssl dgst -sha256 -verify public-key.pem` ("Verified OK"),
 * and the fingerprint of public-key.pem is the one shown and printed in report.html. One byte of the manifest
 * changed: openssl refuses it, and so does import, naming manifest.json, even when SHA256SUMS was recomputed to
 * match (what only the signature can catch). The intact bundle imports and names its signer.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { entriesOf, repack } from '../unit/bundle/fixtures';
import { OpensslDir } from '../unit/proof/openssl';
import { BROWSERS, launch } from './support/browsers';
import { captureVisibleArea, exportFromManager, UNENCRYPTED, storedCaptures } from './support/evidence';
import { openManager, showView } from './support/manager';
import { startFixtureServer } from './support/server';

const PAGE = 'https://x.com/fixtureuser/status/1445078208190291968';

/** The manifest with one byte changed (tool name "...Report" -> "...Repors") and SHA256SUMS recomputed to match. */
function consistentlyChanged(zip: Uint8Array): Uint8Array {
  const files = new Map(entriesOf(zip));
  const manifest = files.get('manifest.json')!.slice();
  const at = Buffer.from(manifest).indexOf('"name": "Capture & Report"') + '"name": "Capture & Repor'.length;
  expect(String.fromCharCode(manifest[at]!)).toBe('t');
  manifest[at] = 's'.charCodeAt(0);
  files.set('manifest.json', manifest);
  let sums = '';
  for (const [name, data] of files) {
    if (name !== 'SHA256SUMS' && !name.endsWith('.sig')) sums += `${createHash('sha256').update(data).digest('hex')}  ${name}\n`;
  }
  files.set('SHA256SUMS', new TextEncoder().encode(sums));
  return repack([...files]);
}

describe.each(BROWSERS)('signed bundle in %s', (browserName) => {
  it('verifies with openssl, shows its fingerprint, and a changed manifest is refused by openssl and import', async () => {
    const server = await startFixtureServer();
    const openssl = new OpensslDir();
    let zip: Uint8Array;
    let shownFingerprint: string;
    const helper = await launch(browserName, server);
    try {
      await captureVisibleArea(helper, PAGE);
      // Read where a person finds it (Settings, Proof), then exported from the case.
      const manager = await openManager(helper, 'settings');
      shownFingerprint = await manager.waitFor(() => document.querySelector('[data-testid="signing-fingerprint"]')?.textContent ?? null, null);
      expect(shownFingerprint).toMatch(/^([0-9A-F]{4} ){15}[0-9A-F]{4}$/);
      await showView(manager, 'cases');
      zip = (await exportFromManager(helper, manager, UNENCRYPTED)).bytes;
    } finally {
      await helper.close();
    }

    try {
      // Unzipped, the signatures verify with openssl, and public-key.pem has the fingerprint the manager showed.
      for (const [name, data] of entriesOf(zip)) if (!name.includes('/')) openssl.write(name, data);
      for (const name of ['manifest.json', 'SHA256SUMS']) {
        const check = openssl.run('dgst', '-sha256', '-verify', 'public-key.pem', '-signature', `${name}.sig`, name);
        expect(check.output.trim(), name).toBe('Verified OK');
      }
      openssl.ok('pkey', '-pubin', '-in', 'public-key.pem', '-outform', 'DER', '-out', 'public-key.der');
      const digest = createHash('sha256').update(openssl.read('public-key.der')).digest('hex').toUpperCase();
      expect(shownFingerprint.replace(/ /g, '')).toBe(digest);
      expect(readFileSync(openssl.path('report.html'), 'utf8')).toContain(shownFingerprint);

      // One byte of the manifest changed: openssl refuses it.
      const manifest = openssl.read('manifest.json');
      const changed = manifest.slice();
      changed[20] = changed[20]! ^ 0x01;
      openssl.write('manifest.json', changed);
      const refused = openssl.run('dgst', '-sha256', '-verify', 'public-key.pem', '-signature', 'manifest.json.sig', 'manifest.json');
      expect(refused.output).toContain('Verification failure');
      expect(refused.status).toBe(1);

      const tamperedPath = openssl.write('tampered.zip', consistentlyChanged(zip));
      const bundlePath = openssl.write('bundle.zip', zip);
      const institute = await launch(browserName, server);
      try {
        const manager = await institute.openExtensionPage('manager.html');
        await manager.waitFor(() => document.querySelector('[data-testid="import"]'), null);
        await manager.setInputFile('[data-testid="import"]', tamperedPath);
        const refusal = await manager.waitFor(() => document.querySelector('[role="alert"][data-testid="bundle-message"]')?.textContent, null);
        expect(refusal).toBe('The signature of manifest.json does not match: the file was changed after it was signed, or it was signed by someone else. Nothing was imported.');
        expect(await storedCaptures(institute)).toEqual([]);

        await manager.setInputFile('[data-testid="import"]', bundlePath);
        const imported = await manager.waitFor(() => document.querySelector('[role="status"][data-testid="bundle-message"]')?.textContent, null);
        // A valid signature, by a key this installation has not confirmed: said as such, with its fingerprint.
        expect(imported).toContain(`Signed by an installation you have not confirmed (fingerprint ${shownFingerprint}). Check it with the sender before relying on it.`);
        expect(await storedCaptures(institute)).toHaveLength(1);
        // The receiving installation has a key of its own.
        await showView(manager, 'settings');
        const own = await manager.waitFor(() => document.querySelector('[data-testid="signing-fingerprint"]')?.textContent ?? null, null);
        expect(own).not.toBe(shownFingerprint);
      } finally {
        await institute.close();
      }
    } finally {
      openssl.remove();
      await server.close();
    }
    // Two browser profiles, one after the other (Firefox alone takes about a minute of it on a busy machine).
  }, 150_000);
});
