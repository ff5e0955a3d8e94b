/* eslint-disable @typescript-eslint/no-explicit-any -- the tests edit parsed manifest JSON freely */
import { describe, expect, it } from 'vitest';
import { buildManifest } from '../../../lib/bundle/export';
import { BUNDLE_FORMAT_VERSION, safeSegment, validateManifest } from '../../../lib/bundle/manifest';
import { makeFixture } from './fixtures';

async function validManifest(): Promise<any> {
  const fixture = await makeFixture();
  return JSON.parse(JSON.stringify(buildManifest(fixture.input, new Date('2026-11-30T09:30:00.000Z'))));
}

function problem(change: (m: any) => void) {
  return async () => {
    const manifest = await validManifest();
    change(manifest);
    return validateManifest(manifest);
  };
}

describe('manifest validation', () => {
  it('accepts what the exporter writes, unchanged', async () => {
    const manifest = await validManifest();
    const check = validateManifest(manifest);
    expect(check).toEqual({ ok: true, manifest });
  });

  it.each([
    ['a missing field', (m: any) => delete m.captures[0].capturedAt, 'captures[0].capturedAt', 'is missing'],
    ['an unknown field', (m: any) => (m.case.deviceId = 'x'), 'case.deviceId', 'is not a field'],
    ['a bad hash', (m: any) => (m.files[2].sha256 = 'ABC'), 'files[2].sha256', 'hexadecimal'],
    ['a non-UTC time', (m: any) => (m.exportedAt = '2026-11-30 10:00'), 'exportedAt', 'UTC'],
    ['an unknown platform', (m: any) => (m.captures[1].platform = 'myspace'), 'captures[1].platform', 'one of'],
    ['a path escaping its folder', (m: any) => (m.files[0].path = 'evidence/../x.png'), 'files[0].path', 'evidence/'],
    ['an absolute path', (m: any) => (m.files[0].path = '/etc/passwd'), 'files[0].path', 'evidence/'],
    ['a file of no capture', (m: any) => (m.files[0].captureId = 'other'), 'files[0].captureId', 'no capture'],
    ['files disagreeing', (m: any) => (m.files[1].size = 5), 'files[1].size', 'differs'],
    ['a capture of another case', (m: any) => (m.captures[0].caseId = 'other'), 'captures[0].caseId', 'case'],
    ['an audit entry of another case', (m: any) => (m.audit[2].caseId = 'other'), 'audit[2].caseId', 'case'],
    ['a bad audit detail', (m: any) => (m.audit[0].details.x = { a: 1 }), 'audit[0].details.x', 'text'],
    ['the wrong format', (m: any) => (m.format = 'zip'), 'format', 'capture-and-report-bundle'],
    ['a negative size', (m: any) => (m.captures[0].viewport.width = -1), 'captures[0].viewport.width', 'negative'],
  ])('refuses %s with its path', async (_what, change, path, detail) => {
    const check = await problem(change)();
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.code).toBe('invalid-manifest');
      expect(check.path).toBe(path);
      expect(check.detail).toContain(detail);
    }
  });

  it('says "newer version" for a higher format version, and refuses non-objects', async () => {
    expect(await problem((m) => (m.formatVersion = BUNDLE_FORMAT_VERSION + 1))()).toMatchObject({ ok: false, code: 'unsupported-version', path: 'formatVersion' });
    expect(await problem((m) => (m.formatVersion = 0))()).toMatchObject({ ok: false, code: 'invalid-manifest' });
    expect(validateManifest(null)).toMatchObject({ ok: false, path: '' });
    expect(validateManifest([])).toMatchObject({ ok: false, code: 'invalid-manifest' });
  });

  it('accepts the item kinds and identifier keys of version 6 in a version 6 bundle', async () => {
    const manifest = await validManifest();
    addVersion6Values(manifest);
    expect(validateManifest(manifest)).toMatchObject({ ok: true });
  });

  it.each([
    ['an item kind', (m: any) => (m.captures[0].selectedItems[0].kind = 'comment'), 'captures[0].selectedItems[0].kind', 'comment is not a value of format version 5'],
    ['an item’s key', (m: any) => m.captures[0].selectedItems[0].fields.push({ key: 'timeShown', value: '2d' }), 'captures[0].selectedItems[0].fields[1].key', 'timeShown'],
    ['a page identifier', (m: any) => m.captures[0].identifiers.push({ key: 'channelUrl', value: 'https://www.youtube.com/@a' }), 'captures[0].identifiers[2].key', 'channelUrl'],
    ['an id in the address', (m: any) => (m.captures[0].parsed.ids.commentId = 'Ugx'), 'captures[0].parsed.ids.commentId', 'is not a field of format version 5'],
  ])('refuses %s that version 6 added in an older bundle, with its path', async (_what, change, path, detail) => {
    const check = await problem((m) => {
      m.formatVersion = 5;
      change(m);
    })();
    expect(check).toMatchObject({ ok: false, code: 'invalid-manifest', path });
    if (!check.ok) expect(check.detail).toContain(detail);
  });

  it('makes safe path segments', () => {
    expect(safeSegment('screenshot-part2.png')).toBe('screenshot-part2.png');
    expect(safeSegment('../../etc/passwd')).toBe('etc_passwd');
    expect(safeSegment('..')).toBe('file');
    expect(safeSegment('été.png')).toBe('t_.png');
  });
});

/** One of each value version 6 added: a comment with its link and shown time, a channel link, a comment id. */
function addVersion6Values(manifest: any): void {
  const capture = manifest.captures[0];
  capture.parsed.ids.commentId = 'UgxComment';
  capture.identifiers.push({ key: 'channelUrl', value: 'https://www.youtube.com/@someone' });
  capture.selectedItems.push({
    key: 'UgxComment',
    kind: 'comment',
    fields: [
      { key: 'commentUrl', value: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&lc=UgxComment' },
      { key: 'commentId', value: 'UgxComment' },
      { key: 'timeShown', value: '2 days ago' },
    ],
  });
}
