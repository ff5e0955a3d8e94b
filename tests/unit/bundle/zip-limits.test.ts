/**
 * Limits before work (issue 24, part 3): a ZIP that cannot be a bundle is refused from its end record and table of
 * contents, before its entries are read or hashed; the import reports progress and stops when cancelled.
 */
import { describe, expect, it } from 'vitest';
import { BundleError } from '../../../lib/bundle/errors';
import { readBundle } from '../../../lib/bundle/import';
import { MAX_BUNDLE_ENTRIES, MAX_ENTRY_NAME, MAX_MANIFEST_BYTES } from '../../../lib/bundle/limits';
import { isCancelled } from '../../../lib/pacer';
import { entriesOf, exportToBytes, makeFixture, noise, repack } from './fixtures';

/** A Blob that counts the bytes of the slices read from it (what the reader actually fetched). */
class CountingBlob extends Blob {
  sliced = 0;
  override slice(start?: number, end?: number, type?: string): Blob {
    const part = super.slice(start, end, type);
    this.sliced += part.size;
    return part;
  }
}

function counting(zip: Uint8Array): CountingBlob {
  return new CountingBlob([zip as Uint8Array<ArrayBuffer>]);
}

async function refusal(promise: Promise<unknown>): Promise<BundleError> {
  const error = await promise.then(() => undefined, (reason: unknown) => reason);
  expect(error).toBeInstanceOf(BundleError);
  return error as BundleError;
}

/** A real bundle's entries followed by empty ones, `total` in all (issue 24's 7 MB file has 65,535). */
function padded(zip: Uint8Array, total: number): Uint8Array {
  const entries = entriesOf(zip);
  for (let i = entries.length; i < total; i++) entries.push([`padding/${i}`, new Uint8Array(0)]);
  return repack(entries);
}

/** A fixture whose one screenshot is `size` bytes (a large evidence file). */
async function bundleWithScreenshot(size: number): Promise<Uint8Array> {
  const fixture = await makeFixture({ specs: [[{ role: 'screenshot', name: 'screenshot.png', mime: 'image/png', data: noise(size, 5) }]] });
  return (await exportToBytes(fixture.input)).zip;
}

describe('limits decided before work', () => {
  it('65,535 entries: refused from the end record alone, without reading the table of contents', async () => {
    const blob = counting(padded((await exportToBytes((await makeFixture()).input)).zip, 65_535));
    expect(blob.size).toBeGreaterThan(4_000_000);
    const error = await refusal(readBundle(blob));
    expect(error).toMatchObject({ code: 'too-many-files', path: 'end of ZIP' });
    expect(error.detail).toContain(`${MAX_BUNDLE_ENTRIES}`);
    // The first bytes and the end record: 44 bytes of a file of megabytes.
    expect(blob.sliced).toBeLessThan(100);
  });

  it('just under the ceiling, entries the manifest does not allow are refused before anything is hashed', async () => {
    const zip = await bundleWithScreenshot(8_000_000);
    const blob = counting(padded(zip, 3_000));
    expect(await refusal(readBundle(blob))).toMatchObject({ code: 'unexpected-file', path: expect.stringMatching(/^padding\//) as unknown as string });
    // The headers (a few hundred kilobytes) and manifest.json, never the 8 MB screenshot.
    expect(blob.sliced).toBeLessThan(blob.size / 4);
  });

  it('a name longer than the exporter ever writes is refused from the table of contents', async () => {
    const zip = await bundleWithScreenshot(100);
    const long = `evidence/${'a'.repeat(MAX_ENTRY_NAME)}`;
    const error = await refusal(readBundle(repack([...entriesOf(zip), [long, noise(10)]])));
    expect(error.code).toBe('damaged');
    expect(error.detail).toContain(`at most ${MAX_ENTRY_NAME}`);
  });

  it('sizes beyond the file (a 4 GB entry in a small file) are refused from the table of contents', async () => {
    const zip = (await bundleWithScreenshot(2_000_000)).slice();
    const view = new DataView(zip.buffer);
    const cdOffset = view.getUint32(zip.length - 22 + 16, true);
    // The first entry's sizes in the table of contents, both set to 4 GB - 1.
    view.setUint32(cdOffset + 20, 0xffff_ffff, true);
    view.setUint32(cdOffset + 24, 0xffff_ffff, true);
    const blob = counting(zip);
    const error = await refusal(readBundle(blob));
    expect(error.code).toBe('damaged');
    expect(error.detail).toMatch(/runs past/);
    expect(blob.sliced).toBeLessThan(10_000);
  });

  it('a manifest.json larger than a bundle’s is refused from the table of contents, never read', async () => {
    const zip = await bundleWithScreenshot(100);
    const entries = entriesOf(zip).map(([name, data]): [string, Uint8Array] => [name, name === 'manifest.json' ? new Uint8Array(MAX_MANIFEST_BYTES + 1) : data]);
    const blob = counting(repack(entries));
    expect(await refusal(readBundle(blob))).toMatchObject({ code: 'invalid-manifest', path: 'manifest.json' });
    // The headers (and the small files between them, read with them): kilobytes of a 32 MB file.
    expect(blob.sliced).toBeLessThan(100_000);
  });

  it('the exporter and the reader share the ceiling: a name the exporter writes fits', () => {
    expect(`evidence/${'c'.repeat(200)}/${'f'.repeat(200)}.tsa.pem`.length).toBe(MAX_ENTRY_NAME);
    expect(MAX_BUNDLE_ENTRIES).toBeLessThan(65_535);
  });
});

describe('progress and cancel', () => {
  it('reports the bytes checked up to the whole file, and the result is the same', async () => {
    const zip = await bundleWithScreenshot(3_500_000);
    const seen: [number, number][] = [];
    const bundle = await readBundle(zip, {}, { onProgress: (done, total) => seen.push([done, total]) });
    expect(bundle.manifest.files).toHaveLength(1);
    expect(seen.length).toBeGreaterThanOrEqual(4);
    expect(seen.every(([, total]) => total === zip.length)).toBe(true);
    expect(seen.map(([done]) => done)).toEqual([...seen.map(([done]) => done)].sort((a, b) => a - b));
    expect(seen.at(-1)).toEqual([zip.length, zip.length]);
  });

  it('cancelled once progress shows: stops with the signal’s AbortError, never a BundleError', async () => {
    const zip = await bundleWithScreenshot(6_000_000);
    const cancel = new AbortController();
    let reports = 0;
    const error = await readBundle(zip, {}, {
      signal: cancel.signal,
      onProgress: () => {
        reports++;
        cancel.abort();
      },
    }).then(() => undefined, (reason: unknown) => reason);
    expect(isCancelled(error)).toBe(true);
    expect(reports).toBe(1);
  });
});
