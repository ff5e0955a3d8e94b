/**
 * The whole import the manager runs (lib/browser/bundle.ts importBundle: read, plan, store), fed random mutations
 * of a real bundle (issue 24, part 5): it refuses with a BundleError whose code has a message, or imports exactly
 * what the bundle says; it never throws anything else, and a refusal leaves every store of the database as it was.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importBundle } from '../../../lib/browser/bundle';
import { BundleError } from '../../../lib/bundle/errors';
import { en } from '../../../lib/i18n/en';
import { generateInstallationKey } from '../../../lib/proof/signing-key';
import { installationSigner } from '../../../lib/bundle/signature';
import { sha256Hex } from '../../../lib/evidence/hash';
import type { EvidenceDb } from '../../../lib/storage/db';
import { openTestStore } from '../storage/helpers';
import { bytes, entriesOf, exportToBytes, makeFixture, noise, repack } from './fixtures';

/** Codes the manager has words for: any other failure would reach the person as a raw error. */
const KNOWN = new Set(Object.keys(en).filter((key) => key.startsWith('bundle.error.')).map((key) => key.slice('bundle.error.'.length)));

async function counts(db: EvidenceDb): Promise<Record<string, number>> {
  const names = [...db.objectStoreNames];
  const all = await Promise.all(names.map((name) => db.count(name)));
  return Object.fromEntries(names.map((name, i) => [name, all[i]!]));
}

/** What a case stored from a bundle looks like, without what differs between two imports (time, file name). */
async function storedCase(store: Awaited<ReturnType<typeof openTestStore>>['store'], caseId: string) {
  const caseRecord = await store.getCase(caseId);
  const captures = await store.listCaptures(caseId);
  const audit = await store.auditTrail(caseId);
  return {
    caseRecord: caseRecord && { ...caseRecord, imported: { ...caseRecord.imported, importedAt: '' } },
    captures,
    files: await Promise.all(captures.flatMap((capture) => capture.files.map(async (meta) => [meta.id, await sha256Hex(new Uint8Array(await ((await store.getFileData(meta.id)) as Blob).arrayBuffer()))]))),
    audit: audit.slice(0, -1),
    reports: await store.listReports(caseId),
  };
}

type Mutation = (zip: Uint8Array) => Uint8Array | Promise<Uint8Array>;

const byteFlip = fc.record({ at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }).map(({ at, bit }): Mutation => (zip) => {
  const copy = zip.slice();
  copy[at % copy.length]! ^= 1 << bit;
  return copy;
});
const truncation = fc.nat().map((length): Mutation => (zip) => zip.slice(0, length % zip.length));
const insertion = fc.record({ at: fc.nat(), inserted: fc.uint8Array({ minLength: 1, maxLength: 64 }) }).map(({ at, inserted }): Mutation => (zip) => {
  const where = at % zip.length;
  return new Uint8Array([...zip.subarray(0, where), ...inserted, ...zip.subarray(where)]);
});
const removal = fc.record({ at: fc.nat(), length: fc.integer({ min: 1, max: 64 }) }).map(({ at, length }): Mutation => (zip) => {
  const where = at % zip.length;
  return new Uint8Array([...zip.subarray(0, where), ...zip.subarray(where + length)]);
});
const swap = fc.record({ a: fc.nat(), b: fc.nat(), length: fc.integer({ min: 1, max: 256 }) }).map(({ a, b, length }): Mutation => (zip) => {
  const copy = zip.slice();
  const from = a % Math.max(1, zip.length - length);
  const to = b % Math.max(1, zip.length - length);
  copy.set(zip.subarray(from, from + length), to);
  copy.set(zip.subarray(to, to + length), from);
  return copy;
});

/** A value for a manifest field: plausible, hostile or of the wrong type. */
const fieldValue = fc.oneof(
  fc.string(),
  fc.constantFrom('', '\u202Eexe.png', 'x'.repeat(70_000), '../../etc/passwd', '2026-11-28T15:02:10.123Z', 'a'.repeat(64), 'screenshot'),
  fc.integer(),
  fc.constantFrom(null, true, -1, 1e300, 0),
  fc.constant([]),
  fc.constant({}),
);

/** Every path to a value in the manifest (objects and arrays walked), as keys. */
function leafPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [path];
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [path, ...keys.flatMap((key) => leafPaths((value as Record<string | number, unknown>)[key], [...path, key]))];
}

/**
 * manifest.json with one field set to `value` (or removed), SHA256SUMS made again, and both signed again with the
 * bundle's own key: what the sender's installation itself could make. Only the checks past the signature stand.
 */
function manifestEdit(sign: (data: Uint8Array) => Promise<Uint8Array>) {
  return fc.record({ pick: fc.nat(), value: fieldValue, remove: fc.boolean() }).map(({ pick, value, remove }): Mutation => async (zip) => {
    const files = new Map(entriesOf(zip));
    const manifest = JSON.parse(new TextDecoder().decode(files.get('manifest.json'))) as Record<string, unknown>;
    const paths = leafPaths(manifest).filter((path) => path.length > 0);
    const path = paths[pick % paths.length]!;
    let parent: Record<string | number, unknown> = manifest;
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
    const last = path.at(-1)!;
    if (remove && !Array.isArray(parent)) delete parent[last];
    else parent[last] = value;
    const manifestBytes = bytes(`${JSON.stringify(manifest, null, 2)}\n`);
    files.set('manifest.json', manifestBytes);
    let sums = '';
    for (const [name, data] of files) if (name !== 'SHA256SUMS' && !name.endsWith('.sig')) sums += `${await sha256Hex(data)}  ${name}\n`;
    files.set('SHA256SUMS', bytes(sums));
    files.set('manifest.json.sig', await sign(manifestBytes));
    files.set('SHA256SUMS.sig', await sign(bytes(sums)));
    return repack([...files]);
  });
}

describe('every mutation of a real bundle, through the whole import', () => {
  it('is refused with a known code and nothing written, or imports exactly what the bundle says', async () => {
    const key = (await generateInstallationKey()).key;
    const fixture = await makeFixture({
      signerKey: key,
      specs: [
        [
          { role: 'screenshot', name: 'screenshot.png', mime: 'image/png', data: noise(600, 3) },
          { role: 'source', name: 'page.html', mime: 'text/html', data: bytes('<html><body>one</body></html>') },
        ],
      ],
    });
    const { zip } = await exportToBytes(fixture.input);
    const caseId = fixture.caseRecord.id;
    const clean = await openTestStore();
    await importBundle(clean.store, new File([zip as Uint8Array<ArrayBuffer>], 'evidence.zip'), 'staff');
    const cleanCase = await storedCase(clean.store, caseId);
    const signer = installationSigner(key);
    const codes = new Map<string, number>();

    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          { arbitrary: byteFlip, weight: 3 },
          { arbitrary: truncation, weight: 1 },
          { arbitrary: insertion, weight: 1 },
          { arbitrary: removal, weight: 1 },
          { arbitrary: swap, weight: 1 },
          { arbitrary: manifestEdit((data) => signer.sign(data)), weight: 3 },
        ),
        async (mutate) => {
          const mutated = await mutate(zip);
          const { db, store } = await openTestStore();
          const before = await counts(db);
          let outcome: unknown = null;
          try {
            await importBundle(store, new File([mutated as Uint8Array<ArrayBuffer>], 'evidence.zip'), 'staff');
          } catch (error) {
            outcome = error;
          }
          if (outcome === null) {
            const stored = await storedCase(store, caseId);
            if (mutated.length === zip.length && mutated.every((byte, i) => byte === zip[i])) {
              expect(stored).toEqual(cleanCase);
            } else {
              // Changed and still valid: only the sender's own key could make it; what is stored is what it says.
              const manifest = JSON.parse(new TextDecoder().decode(new Map(entriesOf(mutated)).get('manifest.json'))) as { case: object; captures: object[]; audit: object[] };
              expect(stored.caseRecord).toMatchObject(manifest.case);
              expect(stored.captures).toEqual(manifest.captures);
              expect(stored.audit).toEqual(manifest.audit);
            }
            return;
          }
          expect(outcome, String(outcome)).toBeInstanceOf(BundleError);
          const code = (outcome as BundleError).code;
          expect(KNOWN, code).toContain(code);
          codes.set(code, (codes.get(code) ?? 0) + 1);
          expect(await counts(db)).toEqual(before);
        },
      ),
      { numRuns: 300 },
    );
    // The mutations reached deep: past the ZIP, into the manifest's own checks.
    expect([...codes.keys()]).toEqual(expect.arrayContaining(['damaged', 'invalid-manifest']));
  }, 120_000);
});
