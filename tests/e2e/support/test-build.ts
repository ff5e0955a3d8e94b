/**
 * End-to-end tests load a copy of the build whose manifest adds `<all_urls>` host permission. It stands in
 * for the user's click on the toolbar button (activeTab), which no test can perform: the code is the same,
 * and the shipped manifest keeps least privilege. The Chromium copy also gets a fixed id (TEST_EXTENSION_ID).
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..');

/**
 * A fixed public key (made for these tests; no private key is needed for an unpacked extension) gives the test
 * build a fixed id, which Chromium's `--allowlisted-extension-id` names so that tab capture needs no click.
 */
const TEST_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAwSBle3omMCcK3u9LYy2OK+NNL199B/VY9d+8f7cHESWoiIzKo75hBw806U76XtDXczmyfRI3mjpBuqwGxVzMcq3BX/iU8MrsF37Uy+73Bba7BhSPqVApV5wWhr+2uDSxA403Ls49yjGU6TWLtImQCkK4l+vJItaleN2lDTIYgw+oRwtjr/NFmaMmgmLYBS1kX8cdw5/1DfwjjApZEgOAcUhdG++r0vLbVAAvjKW2+CZfG0nE1QP1npJO7qX0Bl0r8eZa9eSDp9UFrdRANzxTyeDsYwUq/wtnApg2/yIf6cQGyLZOx6FyDczJyCRh+mSLDucfbi68MS24lfBN+btxmQIDAQAB';

/** Chrome's id of an extension with this key: the first 32 hex digits of its SHA-256, written with a to p. */
export const TEST_EXTENSION_ID = [...createHash('sha256').update(Buffer.from(TEST_KEY, 'base64')).digest('hex').slice(0, 32)]
  .map((digit) => String.fromCharCode(97 + parseInt(digit, 16)))
  .join('');

/** `patch`, when given, edits the copy after it is made (e.g. the timestamps test points an authority at its own). */
export function prepareTestBuild(target: 'chrome-mv3' | 'firefox-mv2', patch?: (dir: string) => void): string {
  const source = path.join(repoRoot, '.output', target);
  if (!existsSync(path.join(source, 'manifest.json'))) {
    throw new Error(`No build in ${source}: run \`npm run build\` first.`);
  }
  const copy = path.join(repoRoot, '.e2e', 'builds', target);
  rmSync(copy, { recursive: true, force: true });
  cpSync(source, copy, { recursive: true });
  const manifestPath = path.join(copy, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    manifest_version: number;
    host_permissions?: string[];
    permissions?: string[];
    key?: string;
  };
  if (manifest.manifest_version === 3) {
    manifest.key = TEST_KEY;
    manifest.host_permissions = [...(manifest.host_permissions ?? []), '<all_urls>'];
  } else {
    manifest.permissions = [...(manifest.permissions ?? []), '<all_urls>'];
  }
  // Likewise `downloads`, optional in the shipped manifest, stands granted here as after the person's "Allow".
  manifest.permissions = [...(manifest.permissions ?? []), 'downloads'];
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  patch?.(copy);
  return copy;
}

/**
 * A `patch` that gives the copy back the shipped manifest's permissions (no `<all_urls>`, no `downloads`): for
 * tests of what the person meets when the browser has granted nothing beyond the manifest.
 */
export function shippedPermissions(dir: string): void {
  const shipped = JSON.parse(readFileSync(path.join(repoRoot, '.output', path.basename(dir), 'manifest.json'), 'utf8')) as {
    permissions?: string[];
    host_permissions?: string[];
  };
  const manifestPath = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as typeof shipped;
  manifest.permissions = shipped.permissions;
  manifest.host_permissions = shipped.host_permissions;
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
}
