/**
 * The same rules on import as on creation (issue 24, part 4): every text a bundle carries has the limits of the
 * field a person types it in or of what a page can give; identifiers and file names hold no control or bidi
 * character, free text may but is isolated where shown; a bundle's file names are made by the exporter.
 */
import { describe, expect, it } from 'vitest';
import { BundleError } from '../../../lib/bundle/errors';
import { readBundle } from '../../../lib/bundle/import';
import { renderReport } from '../../../lib/bundle/report';
import { fitCaptureRecord } from '../../../lib/evidence/fit-capture';
import { TEXT_LIMITS } from '../../../lib/evidence/text';
import { openTestStore } from '../storage/helpers';
import { makeCapture as makeStoredCapture } from '../storage/helpers';
import { bytes, entriesOf, exportToBytes, makeFixture, repack } from './fixtures';

const RLO = '\u202E';

/** The manifest as raw JSON, edited field by field as someone with a text editor would. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any field, at any depth
type RawManifest = Record<string, any>;

/** The bundle with its manifest changed by `change` (the rest as written: the manifest is checked first). */
async function withManifest(change: (manifest: RawManifest) => void): Promise<Uint8Array> {
  const { zip } = await exportToBytes((await makeFixture()).input);
  const files = new Map(entriesOf(zip));
  const manifest = JSON.parse(new TextDecoder().decode(files.get('manifest.json'))) as RawManifest;
  change(manifest);
  files.set('manifest.json', bytes(JSON.stringify(manifest)));
  return repack([...files]);
}

async function refusal(zip: Uint8Array): Promise<BundleError> {
  const error = await readBundle(zip).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(BundleError);
  return error as BundleError;
}

describe('reading texts from a bundle', () => {
  it('refuses a 5 MB case title at once, naming the field (typed titles have at most 200 characters)', async () => {
    const zip = await withManifest((manifest) => (manifest.case.title = 'x'.repeat(5_000_000)));
    const started = performance.now();
    const error = await refusal(zip);
    expect(error).toMatchObject({ code: 'invalid-manifest', path: 'case.title', detail: 'must be at most 200 characters' });
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it.each([
    ['a capture note', (m: RawManifest) => (m.captures[0].notes = 'n'.repeat(TEXT_LIMITS.captureNotes + 1)), 'captures[0].notes'],
    ['a page address', (m: RawManifest) => (m.captures[0].finalUrl = `https://x.com/${'a'.repeat(TEXT_LIMITS.long)}`), 'captures[0].finalUrl'],
    ['a report reference', (m: RawManifest) => (m.reports[0].reference = 'r'.repeat(201)), 'reports[0].reference'],
    ['the exporter name', (m: RawManifest) => (m.exportedBy.name = 'e'.repeat(201)), 'exportedBy.name'],
    ['an audit detail', (m: RawManifest) => (m.audit[0].details.caseId = 'd'.repeat(TEXT_LIMITS.long + 1)), 'audit[0].details.caseId'],
    ['a title of two lines', (m: RawManifest) => (m.case.title = 'one\ntwo'), 'case.title'],
    ['a control character in notes', (m: RawManifest) => (m.case.notes = 'bell\u0007'), 'case.notes'],
  ])('refuses %s beyond its limit or rules', async (_what, change, path) => {
    expect(await refusal(await withManifest(change))).toMatchObject({ code: 'invalid-manifest', path });
  });

  it('refuses a bidi control in a file name or an identifier, naming the field', async () => {
    const name = `invoice${RLO}gnp.exe`;
    const inName = await refusal(await withManifest((manifest) => (manifest.captures[0].files[0].name = name)));
    expect(inName).toMatchObject({ code: 'invalid-manifest', path: 'captures[0].files[0].name', detail: 'must not hold control, format or bidi characters' });
    const inIdentifier = await refusal(await withManifest((manifest) => (manifest.captures[0].identifiers[0].value = `1${RLO}2`)));
    expect(inIdentifier).toMatchObject({ code: 'invalid-manifest', path: 'captures[0].identifiers[0].value' });
    const inUrl = await refusal(await withManifest((manifest) => (manifest.captures[0].requestedUrl = `https://x.com/${RLO}`)));
    expect(inUrl).toMatchObject({ code: 'invalid-manifest', path: 'captures[0].requestedUrl' });
  });

  it('refuses a media type its role does not have (a "screenshot" that is HTML)', async () => {
    const error = await refusal(
      await withManifest((manifest) => {
        manifest.captures[0].files[0].mime = 'text/html';
        manifest.files[0].mime = 'text/html';
      }),
    );
    expect(error).toMatchObject({ code: 'invalid-manifest', path: 'captures[0].files[0].mime', detail: 'must be image/png for a file of role screenshot' });
  });

  it('takes a bidi control in free text (a title, a name as a page shows it), and report.html isolates it', async () => {
    const title = `Case ${RLO}gnp.exe`;
    const fixture = await makeFixture({ title });
    const record = fixture.input.captures[0]!;
    const captures = [{ ...record, selectedItems: [{ ...record.selectedItems[0]!, fields: [{ key: 'authorName' as const, value: `someone${RLO}` }] }] }, ...fixture.input.captures.slice(1)];
    const { zip, result } = await exportToBytes({ ...fixture.input, captures });
    const bundle = await readBundle(zip);
    expect(bundle.manifest.case.title).toBe(title);
    const report = renderReport(result.manifest, 'en');
    expect(report).toContain(`<bdi>Case ${RLO}gnp.exe</bdi>`);
    expect(report).toContain(`<bdi>someone${RLO}</bdi>`);
  });
});

describe("a bundle's file names", () => {
  it('are made by the exporter from the role, part and media type, never from the stored name', async () => {
    const fixture = await makeFixture({
      specs: [
        [
          { role: 'screenshot', name: 'whatever.exe', mime: 'image/png', data: bytes('png') },
          { role: 'source', name: 'invoice.pdf', mime: 'multipart/related', data: bytes('mhtml') },
          { role: 'thumbnail', name: 'thumb', mime: 'image/png', data: bytes('thumb') },
        ],
      ],
    });
    const { result } = await exportToBytes(fixture.input);
    expect(result.manifest.files.map((file) => file.path.split('/').at(-1))).toEqual(['screenshot.png', 'page.mhtml', 'thumbnail.png']);
    expect(result.manifest.files.map((file) => file.name)).toEqual(['whatever.exe', 'invoice.pdf', 'thumb']);
  });
});

describe('the same rules when a person types or a page gives', () => {
  it("refuses what the manager's fields would not let through, and stores nothing", async () => {
    const { store } = await openTestStore();
    await expect(store.createCase({ title: 't'.repeat(201), capturerRole: 'staff' })).rejects.toMatchObject({ code: 'invalid' });
    const made = await store.createCase({ title: 'A case', capturerRole: 'staff' });
    await expect(store.updateCase(made.id, { notes: 'n'.repeat(TEXT_LIMITS.caseNotes + 1) }, 'staff')).rejects.toMatchObject({ code: 'invalid' });
    await expect(store.saveReport({ caseId: made.id, platform: 'x', status: 'reported', reference: 'r'.repeat(201) }, 'staff')).rejects.toMatchObject({ code: 'invalid' });
    const { record, files } = await makeStoredCapture(made.id);
    await store.saveCapture(record, files, 'staff');
    await expect(store.addCaptureNote(record.id, 'n'.repeat(TEXT_LIMITS.note + 1), 'staff')).rejects.toMatchObject({ code: 'invalid' });
    const evil = await makeStoredCapture(made.id);
    evil.files[0]!.name = `invoice${RLO}gnp.exe`;
    evil.record.files[0]!.name = evil.files[0]!.name;
    await expect(store.saveCapture(evil.record, evil.files, 'staff')).rejects.toMatchObject({ code: 'invalid' });
    expect((await store.listCases()).map((entry) => entry.title)).toEqual(['A case']);
    expect(await store.listCaptures(made.id)).toHaveLength(1);
    expect((await store.listCaptures(made.id))[0]!.notes).toBe('');
  });

  it("fits what a page gave: long titles cut, control characters replaced, unusable identifiers left out, addresses encoded", async () => {
    const { record } = await makeStoredCapture('case-1');
    const fitted = fitCaptureRecord({
      ...record,
      title: `a\u0000b${'t'.repeat(TEXT_LIMITS.long)}`,
      finalUrl: `https://x.com/${RLO}`,
      identifiers: [
        { key: 'messageId', value: `1${RLO}2` },
        { key: 'authorName', value: `Name${RLO}` },
        { key: 'postId', value: '42' },
      ],
    });
    expect(fitted.title).toHaveLength(TEXT_LIMITS.long);
    expect(fitted.title.startsWith('a\uFFFDb')).toBe(true);
    expect(fitted.finalUrl).toBe('https://x.com/%E2%80%AE');
    expect(fitted.identifiers).toEqual([
      { key: 'authorName', value: `Name${RLO}` },
      { key: 'postId', value: '42' },
    ]);
  });
});
