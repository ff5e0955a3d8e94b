/* eslint-disable @typescript-eslint/no-explicit-any -- the tests edit parsed manifest JSON freely */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BundleError, type BundleErrorCode } from '../../../lib/bundle/errors';
import { defaultBundleFileName, writeBundle } from '../../../lib/bundle/export';
import { readBundle } from '../../../lib/bundle/import';
import { BUNDLE_FORMAT_VERSION } from '../../../lib/bundle/manifest';
import { planImport } from '../../../lib/bundle/import-plan';
import { sha256Hex } from '../../../lib/evidence/hash';
import { hashEntry, verifyChain } from '../../../lib/storage/audit';
import { bytes, entriesOf, exportToBytes, makeFixture, noise, repack } from './fixtures';

async function refusal(promise: Promise<unknown>): Promise<BundleError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(BundleError);
  return error as BundleError;
}

async function sumsLine(data: Uint8Array, path: string) {
  return `${await sha256Hex(data)}  ${path}\n`;
}

/** Files SHA256SUMS lists: all but itself and the signatures (which sign it). */
const summed = (name: string) => name !== 'SHA256SUMS' && !name.endsWith('.sig');

/** Rewrites manifest.json with `change`, and SHA256SUMS to match: a tamperer who knows the format (not the key). */
async function tamperManifest(zip: Uint8Array, change: (manifest: any) => void): Promise<Uint8Array> {
  const entries = entriesOf(zip);
  const manifest = JSON.parse(new TextDecoder().decode(entries.find(([name]) => name === 'manifest.json')![1]));
  change(manifest);
  const newManifest = bytes(JSON.stringify(manifest));
  const replaced = entries.map(([name, data]): [string, Uint8Array] => [name, name === 'manifest.json' ? newManifest : data]);
  let sums = '';
  for (const [name, data] of replaced) if (summed(name)) sums += await sumsLine(data, name);
  return repack(replaced.map(([name, data]) => [name, name === 'SHA256SUMS' ? bytes(sums) : data]));
}

describe('export then import', () => {
  it('round-trips: same manifest, same file bytes and hashes, and the import plan keeps the chain', async () => {
    const fixture = await makeFixture();
    const { zip, result, finals } = await exportToBytes(fixture.input);
    expect(finals).toBe(1);
    expect(result.bytes).toBe(zip.length);
    expect(result.sha256).toBe(await sha256Hex(zip));

    const bundle = await readBundle(zip);
    expect(bundle.bundleSha256).toBe(result.sha256);
    expect(bundle.manifest).toEqual(result.manifest);
    expect(bundle.manifest.captures).toEqual(fixture.captures);
    expect(bundle.manifest.audit).toEqual(fixture.audit);
    for (const file of fixture.files) {
      const entry = bundle.manifest.files.find((listed) => listed.fileId === file.id)!;
      expect(entry.path).toBe(`evidence/${file.captureId}/${file.name}`);
      const data = new Uint8Array(await bundle.files.get(entry.path)!.arrayBuffer());
      expect(await sha256Hex(data)).toBe(file.sha256);
      expect(data).toEqual(new Uint8Array(await file.blob.arrayBuffer()));
    }
    expect([...bundle.files.keys()].sort()).toEqual(
      ['README.txt', 'SHA256SUMS', 'manifest.json', 'report.html', 'public-key.pem', 'manifest.json.sig', 'SHA256SUMS.sig', ...bundle.manifest.files.map((f) => f.path)].sort(),
    );
    expect(bundle.signer).toEqual({ fingerprint: fixture.input.signer.fingerprint });

    const plan = planImport(bundle, { bundleName: 'evidence-2026-11-30.zip', importedAt: new Date('2026-12-01T08:00:00.000Z'), actorRole: 'staff' });
    expect(plan.caseRecord).toEqual({
      ...fixture.caseRecord,
      imported: { bundleSha256: result.sha256, importedAt: '2026-12-01T08:00:00.000Z', bundleName: 'evidence-2026-11-30.zip' },
    });
    expect(plan.captures).toEqual(fixture.captures);
    expect(plan.reports).toHaveLength(1);
    expect(verifyChain(plan.audit, fixture.caseRecord.id)).toEqual([]);
    expect(plan.audit.slice(0, -1)).toEqual(fixture.audit);
    expect(plan.audit.at(-1)).toMatchObject({ action: 'import', actorRole: 'staff', seq: fixture.audit.length, details: { bundleSha256: result.sha256 } });
    for (const file of plan.files) {
      const original = fixture.files.find((f) => f.id === file.id)!;
      const { blob: _a, ...meta } = file;
      const { blob: _b, ...originalMeta } = original;
      expect(meta).toEqual(originalMeta);
      expect(await sha256Hex(file.blob)).toBe(original.sha256);
      expect(file.blob.type).toBe(original.mime);
    }
  });

  it('writes SHA256SUMS in exact coreutils format, covering every file but itself and the two signatures', async () => {
    const { zip } = await exportToBytes((await makeFixture()).input);
    const files = unzipSync(zip);
    const text = new TextDecoder().decode(files.SHA256SUMS);
    const lines = text.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(Object.keys(files).length - 3);
    for (const line of lines) {
      const match = /^([0-9a-f]{64}) {2}(\S+)$/.exec(line)!;
      expect(match, line).not.toBeNull();
      expect(await sha256Hex(files[match[2]!]!)).toBe(match[1]);
    }
    expect(lines.map((line) => line.slice(66))).toEqual(
      expect.arrayContaining(['README.txt', 'manifest.json', 'report.html', 'public-key.pem']),
    );
  });

  it.runIf(existsSync('/usr/bin/sha256sum'))('verifies with `sha256sum -c SHA256SUMS` after extraction', async () => {
    const { zip } = await exportToBytes((await makeFixture()).input);
    const dir = mkdtempSync(join(tmpdir(), 'bundle-'));
    try {
      for (const [name, data] of Object.entries(unzipSync(zip))) {
        mkdirSync(dirname(join(dir, name)), { recursive: true });
        writeFileSync(join(dir, name), data);
      }
      const output = execFileSync('sha256sum', ['-c', '--strict', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8' });
      expect(output.trim().split('\n').every((line) => line.endsWith(': OK'))).toBe(true);
      expect(output.split('\n').filter(Boolean)).toHaveLength(10);

      writeFileSync(join(dir, 'report.html'), 'changed');
      expect(() => execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir, stdio: 'pipe' })).toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stores every entry (no deflate) and stamps them with the export time in UTC', async () => {
    const { zip } = await exportToBytes((await makeFixture()).input);
    const view = new DataView(zip.buffer, zip.byteOffset);
    expect(view.getUint16(8, true)).toBe(0); // first local header: method stored
    const dosTime = view.getUint32(10, true);
    expect({ hour: (dosTime >>> 11) & 31, minute: (dosTime >>> 5) & 63, day: (dosTime >>> 16) & 31 }).toEqual({ hour: 9, minute: 30, day: 30 });
  });

  it('gives a neutral default file name', () => {
    expect(defaultBundleFileName(new Date(2026, 10, 28, 23, 0))).toBe('evidence-2026-11-28.zip');
  });
});

describe('export refuses changed or missing evidence', () => {
  it('throws file-changed naming the file when stored bytes no longer match, and never sends a final chunk', async () => {
    const fixture = await makeFixture();
    const target = fixture.captures[1]!.files[0]!;
    const changed = noise(target.size, 99);
    fixture.input.getFileData = async (meta) =>
      meta.id === target.id ? new Blob([changed as Uint8Array<ArrayBuffer>]) : fixture.files.find((f) => f.id === meta.id)!.blob;
    let final = false;
    const error = await refusal(writeBundle(fixture.input, (_chunk, last) => void (final ||= last)));
    expect(error.code).toBe('file-changed');
    expect(error.path).toBe(`evidence/${target.captureId}/${target.name}`);
    expect(final).toBe(false);
  });

  it('throws file-missing, and audit-broken before writing anything', async () => {
    const fixture = await makeFixture();
    fixture.input.getFileData = async () => undefined;
    expect((await refusal(writeBundle(fixture.input, () => undefined))).code).toBe('file-missing');

    const broken = await makeFixture();
    broken.input.audit = [broken.audit[0]!, { ...broken.audit[1]!, at: '2020-01-01T00:00:00.000Z' }, broken.audit[2]!];
    let calls = 0;
    const error = await refusal(writeBundle(broken.input, () => void calls++));
    expect(error).toMatchObject({ code: 'audit-broken', path: 'audit[1]' });
    expect(calls).toBe(0);
  });
});

describe('streaming', () => {
  it('holds at most about one chunk at a time, whatever the case size', async () => {
    const chunkSize = 64 * 1024;
    const mb = 1024 * 1024;
    const fixture = await makeFixture({
      chunkSize,
      specs: [0, 1, 2, 3].map((i) => [
        { role: 'screenshot' as const, name: 'screenshot.png', mime: 'image/png', data: noise(2 * mb + i, i + 1) },
        { role: 'source' as const, name: 'page.mhtml', mime: 'multipart/related', data: noise(mb, i + 50) },
      ]),
    });
    let total = 0;
    let largest = 0;
    const result = await writeBundle(fixture.input, async (chunk) => {
      total += chunk.length;
      largest = Math.max(largest, chunk.length);
      await new Promise((resolve) => setTimeout(resolve, 0)); // a slow sink
    });
    expect(total).toBeGreaterThan(12 * mb);
    expect(result.bytes).toBe(total);
    expect(result.maxPendingBytes).toBeLessThanOrEqual(chunkSize + 1024);
    // The one exception to "a chunk at a time" is generated text (manifest, report), and the central directory.
    expect(largest).toBeLessThan(Math.max(chunkSize, 200 * 1024));
  });
});

describe('import refuses what is not an intact bundle', () => {
  it('not a zip, empty, truncated', async () => {
    expect((await refusal(readBundle(new Uint8Array(0)))).code).toBe('not-a-zip');
    expect((await refusal(readBundle(bytes('%PDF-1.7 not a zip')))).code).toBe('not-a-zip');
    const { zip } = await exportToBytes((await makeFixture()).input);
    for (const length of [10, 1000, zip.length - 100, zip.length - 1]) {
      const error = await refusal(readBundle(zip.subarray(0, length)));
      expect(error.code, `cut at ${length}`).toBe('truncated');
    }
  });

  it('a zip without manifest.json is not a bundle', async () => {
    const error = await refusal(readBundle(repack([['photo.png', noise(100)]])));
    expect(error).toMatchObject({ code: 'not-a-bundle', path: 'manifest.json' });
  });

  it('a changed byte in an evidence file names that file', async () => {
    const fixture = await makeFixture();
    const { zip } = await exportToBytes(fixture.input);
    const target = fixture.files[0]!;
    const data = new Uint8Array(await target.blob.arrayBuffer());
    const at = indexOf(zip, data) + 1234;
    const copy = zip.slice();
    copy[at]! ^= 0x20;
    const error = await refusal(readBundle(copy));
    expect(error).toMatchObject({ code: 'file-changed', path: `evidence/${target.captureId}/${target.name}` });
  });

  it('a changed evidence file with a recomputed CRC is still caught by its SHA-256', async () => {
    const fixture = await makeFixture();
    const { zip } = await exportToBytes(fixture.input);
    const path = `evidence/${fixture.files[0]!.captureId}/${fixture.files[0]!.name}`;
    const tampered = repack(entriesOf(zip).map(([name, data]) => [name, name === path ? noise(data.length, 5) : data]));
    expect(await refusal(readBundle(tampered))).toMatchObject({ code: 'file-changed', path });
  });

  it('an extra file, a missing file, SHA256SUMS disagreeing', async () => {
    const { zip } = await exportToBytes((await makeFixture()).input);
    const entries = entriesOf(zip);
    expect(await refusal(readBundle(repack([...entries, ['evidence/x/extra.png', noise(10)]])))).toMatchObject({
      code: 'unexpected-file',
      path: 'evidence/x/extra.png',
    });
    const missing = entries.find(([name]) => name.startsWith('evidence/'))![0];
    expect(await refusal(readBundle(repack(entries.filter(([name]) => name !== missing))))).toMatchObject({
      code: 'file-missing',
      path: missing,
    });
    const sums = entries.map(([name, data]): [string, Uint8Array] =>
      name === 'SHA256SUMS' ? [name, bytes(new TextDecoder().decode(data).split('\n').slice(1).join('\n'))] : [name, data],
    );
    expect((await refusal(readBundle(repack(sums)))).code).toBe('sums-mismatch');
  });

  it('a manifest edited consistently (SHA256SUMS recomputed) is caught by the audit chain or the schema', async () => {
    const { zip } = await exportToBytes((await makeFixture()).input);
    const retimed = await tamperManifest(zip, (m) => (m.audit[1].at = '2026-11-27T10:00:00.000Z'));
    expect(await refusal(readBundle(retimed))).toMatchObject({ code: 'audit-broken', path: 'audit[1]' });

    const removed = await tamperManifest(zip, (m) => m.audit.splice(1, 1));
    expect(await refusal(readBundle(removed))).toMatchObject({ code: 'audit-broken', path: 'audit[1]' });

    const rehashed = await tamperManifest(zip, (m) => {
      // A forger who rebuilds the chain still cannot make the trail record other file hashes than the files have.
      m.captures[0].files[0].sha256 = 'a'.repeat(64);
      m.files[0].sha256 = 'a'.repeat(64);
    });
    expect((await refusal(readBundle(rehashed))).code).toBe('file-changed');

    const extraField = await tamperManifest(zip, (m) => (m.captures[1].deviceId = 'abc'));
    expect(await refusal(readBundle(extraField))).toMatchObject({ code: 'invalid-manifest', path: 'captures[1].deviceId' });

    const newer = await tamperManifest(zip, (m) => (m.formatVersion = BUNDLE_FORMAT_VERSION + 1));
    expect(await refusal(readBundle(newer))).toMatchObject({ code: 'unsupported-version', path: 'formatVersion' });
  });

  it('a forged capture whose hashes were never audited is refused', async () => {
    const { zip } = await exportToBytes((await makeFixture()).input);
    const entries = entriesOf(zip);
    const manifest = JSON.parse(new TextDecoder().decode(entries.find(([n]) => n === 'manifest.json')![1]));
    // Swap an evidence file for another one, updating manifest and SHA256SUMS, and re-hash the whole chain.
    const path: string = manifest.files[0].path;
    const forged = noise(manifest.files[0].size, 77);
    const forgedHash = await sha256Hex(forged);
    manifest.files[0].sha256 = forgedHash;
    manifest.captures[0].files[0].sha256 = forgedHash;
    let prev = '0'.repeat(64);
    for (const entry of manifest.audit) {
      entry.prevHash = prev;
      entry.hash = hashEntry(entry);
      prev = entry.hash;
    }
    const replaced = entries.map(([name, data]): [string, Uint8Array] => [
      name,
      name === path ? forged : name === 'manifest.json' ? bytes(JSON.stringify(manifest)) : data,
    ]);
    let sums = '';
    for (const [name, data] of replaced) if (summed(name)) sums += await sumsLine(data, name);
    const error = await refusal(readBundle(repack(replaced.map(([n, d]) => [n, n === 'SHA256SUMS' ? bytes(sums) : d]))));
    expect(error).toMatchObject({ code: 'not-audited', path: 'captures[0].files[0]' });
  });

  it('a flipped byte ANYWHERE in the ZIP is refused with a precise reason (property)', async () => {
    const fixture = await makeFixture({
      specs: [[{ role: 'screenshot', name: 'screenshot.png', mime: 'image/png', data: noise(400, 3) }]],
    });
    const { zip } = await exportToBytes(fixture.input);
    const codes = new Set<BundleErrorCode>();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: zip.length - 1 }), fc.integer({ min: 0, max: 7 }), async (at, bit) => {
        const copy = zip.slice();
        copy[at]! ^= 1 << bit;
        const error = await refusal(readBundle(copy));
        expect(error.detail.length).toBeGreaterThan(5);
        codes.add(error.code);
      }),
      { numRuns: 400 },
    );
    expect(codes.has('file-changed')).toBe(true);
    expect(codes.has('damaged')).toBe(true);
  });

  it('every single byte of a small bundle, flipped, is refused', async () => {
    const fixture = await makeFixture({
      specs: [[{ role: 'screenshot', name: 's.png', mime: 'image/png', data: noise(16, 3) }]],
    });
    const { zip } = await exportToBytes(fixture.input);
    // Every byte: headers, data descriptors, table of contents, generated files and the evidence file.
    for (let at = 0; at < zip.length; at++) {
      const copy = zip.slice();
      copy[at]! ^= 0x01;
      await refusal(readBundle(copy));
    }
  }, 180_000); // a few thousand full reads (each checks hashes and the signature): slow on a loaded 2-core machine
});

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  throw new Error('not found');
}
