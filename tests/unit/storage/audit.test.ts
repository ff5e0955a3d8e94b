import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../lib/evidence/types';
import {
  canonicalJson,
  GENESIS_HASH,
  hashEntry,
  nextEntry,
  sha256OfText,
  verifyChain,
  type AuditFields,
} from '../../../lib/storage/audit';

function fields(details: AuditFields['details'] = {}, caseId = 'case-1'): AuditFields {
  return { caseId, at: '2026-11-28T15:00:00.000Z', action: 'note', actorRole: 'victim', details };
}

function chain(length: number): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (let i = 0; i < length; i++) entries.push(nextEntry(entries.at(-1), fields({ i })));
  return entries;
}

/** What a careless forger would do: change the content and recompute the entry's own hash. */
function rehashed(entry: AuditEntry): AuditEntry {
  return { ...entry, hash: hashEntry(entry) };
}

describe('canonicalJson', () => {
  it('sorts keys at every depth and leaves no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x y' } })).toBe(
      '{"a":{"c":"x y","d":[3,{"y":null,"z":true}]},"b":1}',
    );
  });

  it('gives the same text whatever the key order', () => {
    expect(canonicalJson({ a: 1, b: [1, 2], c: { x: 1, y: 2 } })).toBe(
      canonicalJson({ c: { y: 2, x: 1 }, b: [1, 2], a: 1 }),
    );
  });

  it('leaves out undefined properties, as a stored and reloaded object would differ only there', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
  });

  it('escapes strings as JSON does', () => {
    expect(canonicalJson({ 'é"': 'line\nbreak \u2028' })).toBe(JSON.stringify({ 'é"': 'line\nbreak \u2028' }));
  });

  it('refuses values JSON cannot represent faithfully', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
    expect(() => canonicalJson([undefined])).toThrow(TypeError);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(TypeError);
    expect(() => canonicalJson(1n)).toThrow(TypeError);
  });

  it('is a fixed point: parsing and re-serialising gives the same text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
    );
  });
});

describe('hash chain', () => {
  it('hashes text with SHA-256 (test vector)', () => {
    expect(sha256OfText('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('starts with seq 0 and a prevHash of 64 zeros', () => {
    const first = nextEntry(undefined, fields());
    expect(first.seq).toBe(0);
    expect(first.prevHash).toBe(GENESIS_HASH);
    expect(GENESIS_HASH).toMatch(/^0{64}$/);
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('links each entry to the previous one', () => {
    const [a, b, c] = chain(3);
    expect(b!.seq).toBe(1);
    expect(b!.prevHash).toBe(a!.hash);
    expect(c!.prevHash).toBe(b!.hash);
  });

  it('hashes every field except hash itself, independently of key order', () => {
    const entry = nextEntry(undefined, fields({ b: 2, a: 1 }));
    expect(hashEntry(entry)).toBe(entry.hash);
    const reordered = { ...entry, hash: 'whatever', details: { a: 1, b: 2 } };
    expect(hashEntry(reordered)).toBe(entry.hash);
    expect(hashEntry({ ...entry, actorRole: 'helper' })).not.toBe(entry.hash);
  });

  it('refuses to chain an entry of another case', () => {
    const other = nextEntry(undefined, fields({}, 'case-2'));
    expect(() => nextEntry(other, fields())).toThrow(/case-2/);
  });
});

describe('verifyChain', () => {
  it('finds nothing wrong in an intact trail, nor in an empty one', () => {
    expect(verifyChain(chain(5))).toEqual([]);
    expect(verifyChain([])).toEqual([]);
  });

  it('names the entry whose content was changed', () => {
    const entries = chain(4);
    entries[2] = { ...entries[2]!, details: { i: 99 } };
    expect(verifyChain(entries)).toEqual([{ kind: 'audit-broken', seq: 2, reason: 'hash-mismatch' }]);
  });

  it('sees a changed entry even when its own hash was recomputed (the next link breaks)', () => {
    const entries = chain(4);
    entries[1] = rehashed({ ...entries[1]!, action: 'export' });
    expect(verifyChain(entries)).toEqual([{ kind: 'audit-broken', seq: 2, reason: 'prev-hash-mismatch' }]);
  });

  it('names the entry after a removed one', () => {
    const entries = chain(4);
    entries.splice(1, 1);
    expect(verifyChain(entries)).toEqual([{ kind: 'audit-broken', seq: 2, reason: 'missing-before' }]);
  });

  it('sees a removed first entry', () => {
    expect(verifyChain(chain(3).slice(1), 'case-1')).toEqual([
      { kind: 'audit-broken', seq: 1, reason: 'missing-before' },
    ]);
  });

  it('sees a repeated seq and an entry of another case', () => {
    const entries = chain(3);
    expect(verifyChain([entries[0]!, entries[1]!, entries[1]!, entries[2]!])).toContainEqual({
      kind: 'audit-broken',
      seq: 1,
      reason: 'bad-seq',
    });
    const foreign = nextEntry(undefined, fields({}, 'case-2'));
    expect(verifyChain([...entries, foreign], 'case-1')).toEqual([
      { kind: 'audit-broken', seq: 0, reason: 'wrong-case' },
    ]);
  });
});
