/**
 * Bundles made in Node for the import tests, as another installation (or someone with a ZIP tool) would make them:
 * written by the real writeBundle (lib/bundle/export.ts) from a made-up case, then re-signed, rewritten or padded.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sha256Hex } from '../../../lib/evidence/hash';
import { bytes, entriesOf, exportToBytes, makeFixture, repack } from '../../unit/bundle/fixtures';

const dir = mkdtempSync(path.join(os.tmpdir(), 'cr-hostile-'));

/** Writes `zip` to a file named `name` (what the file dialog picks), returning its path. */
export function bundleFile(name: string, zip: Uint8Array): string {
  const file = path.join(dir, name);
  writeFileSync(file, zip);
  return file;
}

export type FixtureOptions = Parameters<typeof makeFixture>[0];
export type FixtureInput = Awaited<ReturnType<typeof makeFixture>>['input'];

/** A signed bundle of a made-up case, optionally changed before it is written. */
export async function signedBundle(options: FixtureOptions = {}, change: (input: FixtureInput, fixture: Awaited<ReturnType<typeof makeFixture>>) => FixtureInput | Promise<FixtureInput> = (input) => input): Promise<Uint8Array> {
  const fixture = await makeFixture(options);
  return (await exportToBytes(await change(fixture.input, fixture))).zip;
}

/** The same case as a format-1 bundle: no signature files, no format 4 fields, SHA256SUMS made again. */
export async function asFormat1(zip: Uint8Array): Promise<Uint8Array> {
  const files = new Map(entriesOf(zip));
  const manifest = JSON.parse(new TextDecoder().decode(files.get('manifest.json'))) as Record<string, unknown>;
  manifest.formatVersion = 1;
  delete manifest.timestamps;
  files.set('manifest.json', bytes(`${JSON.stringify(manifest, null, 2)}\n`));
  for (const name of ['public-key.pem', 'manifest.json.sig', 'SHA256SUMS.sig']) files.delete(name);
  let sums = '';
  for (const [name, data] of files) if (name !== 'SHA256SUMS') sums += `${await sha256Hex(data)}  ${name}\n`;
  files.set('SHA256SUMS', bytes(sums));
  return repack([...files]);
}

/** A real bundle's entries followed by empty ones, up to `total` entries in all. */
export function padded(zip: Uint8Array, total: number): Uint8Array {
  const entries = entriesOf(zip);
  const empty = new Uint8Array(0);
  for (let i = entries.length; i < total; i++) entries.push([`padding/${i}`, empty]);
  return repack(entries);
}

/** The bundle with its manifest.json edited by `change`, as someone with a text editor would (nothing re-signed). */
export function withEditedManifest(zip: Uint8Array, change: (manifest: Record<string, unknown>) => void): Uint8Array {
  const files = new Map(entriesOf(zip));
  const manifest = JSON.parse(new TextDecoder().decode(files.get('manifest.json'))) as Record<string, unknown>;
  change(manifest);
  files.set('manifest.json', bytes(JSON.stringify(manifest, null, 2)));
  return repack([...files]);
}
