/**
 * End-to-end tests load a copy of the build whose manifest adds `<all_urls>` host permission. It stands in
 * for the user's click on the toolbar button (activeTab), which no test can perform: the code is the same,
 * and the shipped manifest keeps least privilege.
 */
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..');

export function prepareTestBuild(target: 'chrome-mv3' | 'firefox-mv2'): string {
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
  };
  if (manifest.manifest_version === 3) {
    manifest.host_permissions = [...(manifest.host_permissions ?? []), '<all_urls>'];
  } else {
    manifest.permissions = [...(manifest.permissions ?? []), '<all_urls>'];
  }
  // Likewise `downloads`, optional in the shipped manifest, stands granted here as after the person's "Allow".
  manifest.permissions = [...(manifest.permissions ?? []), 'downloads'];
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  return copy;
}
