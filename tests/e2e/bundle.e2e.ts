/**
 * The hand-off, as people do it: capture two pages, export the case from the manager, verify the download with
 * `sha256sum -c` (no special software), import it into a fresh browser profile with the same hashes, and see a
 * bundle with one changed byte refused with the file named.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BROWSERS, launch } from './support/browsers';
import { clickButton } from './support/driver';
import { captureVisibleArea, exportFromManager, UNENCRYPTED, storedCaptures } from './support/evidence';
import { startFixtureServer } from './support/server';

const PAGES = [
  'https://discord.com/channels/81384788765712384/81384788765712385/175928847299117063',
  'https://x.com/fixtureuser/status/1445078208190291968',
];

function extract(zip: Uint8Array): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cr-bundle-'));
  for (const [name, data] of Object.entries(unzipSync(zip))) {
    const target = path.join(dir, name);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, data);
  }
  return dir;
}

/** Index of the first byte of `needle` inside `haystack` (evidence files are stored, not compressed). */
function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  return Buffer.from(haystack).indexOf(Buffer.from(needle));
}

describe.each(BROWSERS)('evidence bundle in %s', (browserName) => {
  it('exports a case, verifies anywhere, imports elsewhere with the same hashes, refuses a changed byte', async () => {
    const server = await startFixtureServer();
    let zip: Uint8Array;
    let exportedHashes: string[];
    const helper = await launch(browserName, server);
    try {
      for (const url of PAGES) await captureVisibleArea(helper, url);
      const stored = await storedCaptures(helper);
      expect(stored).toHaveLength(2);
      exportedHashes = stored.flatMap((capture) => capture.files.map((file) => file.sha256)).sort();

      const manager = await helper.openExtensionPage('manager.html');
      const exported = await exportFromManager(helper, manager, UNENCRYPTED, /^evidence-\d{4}-\d{2}-\d{2}.*\.zip$/);
      // Neutral name: nothing about the case or the platforms.
      expect(exported.name).toMatch(/^evidence-\d{4}-\d{2}-\d{2}(?: \(\d+\))?\.zip$/);
      zip = exported.bytes;
    } finally {
      await helper.close();
    }

    // Anyone can verify it with coreutils.
    const dir = extract(zip);
    const check = execFileSync('sha256sum', ['-c', '--strict', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8' });
    expect(check.trim().split('\n').every((line) => line.endsWith(': OK'))).toBe(true);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as {
      captures: Array<{ id: string; files: Array<{ sha256: string }> }>;
      files: Array<{ path: string; sha256: string }>;
    };
    expect(manifest.captures).toHaveLength(2);
    expect(manifest.captures.flatMap((capture) => capture.files.map((f) => f.sha256)).sort()).toEqual(exportedHashes);
    expect(readFileSync(path.join(dir, 'report.html'), 'utf8')).toContain('https://x.com/fixtureuser/status/1445078208190291968');

    const bundlePath = path.join(dir, '..', `${path.basename(dir)}-evidence.zip`);
    writeFileSync(bundlePath, zip);
    // One byte changed inside the first screenshot.
    const screenshot = manifest.files.find((entry) => entry.path.endsWith('.png'))!;
    const screenshotBytes = new Uint8Array(readFileSync(path.join(dir, screenshot.path)));
    const tampered = zip.slice();
    const at = indexOf(tampered, screenshotBytes.subarray(0, 64)) + 100;
    tampered[at] = tampered[at]! ^ 0xff;
    const tamperedPath = path.join(dir, '..', `${path.basename(dir)}-tampered.zip`);
    writeFileSync(tamperedPath, tampered);

    const institute = await launch(browserName, server);
    try {
      const manager = await institute.openExtensionPage('manager.html');
      await manager.waitFor(() => document.querySelector('[data-testid="import"]'), null);

      await manager.setInputFile('[data-testid="import"]', tamperedPath);
      const refusal = await manager.waitFor(() => document.querySelector('[role="alert"][data-testid="bundle-message"]')?.textContent, null);
      expect(refusal).toContain(screenshot.path);
      expect(refusal).toContain('Nothing was imported');
      expect(await storedCaptures(institute)).toEqual([]);

      await manager.setInputFile('[data-testid="import"]', bundlePath);
      await manager.waitFor(() => document.querySelector('[role="status"][data-testid="bundle-message"]'), null);
      const imported = await storedCaptures(institute);
      expect(imported.flatMap((capture) => capture.files.map((f) => f.sha256)).sort()).toEqual(exportedHashes);
      await clickButton(manager, 'Verify the evidence');
      const verified = await manager.waitFor(() => document.querySelector('[data-testid="verify-result"]')?.textContent, null);
      expect(verified).toContain('Everything matches');
    } finally {
      await institute.close();
      await server.close();
    }
  });
});
