import { readFileSync } from 'node:fs';
import type * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { BundleManifestSchema } from '../../../lib/bundle/manifest';

/** Object path (`captures[].parsed`) -> its field names, `?` after optional ones, sorted. */
type Fields = Map<string, string[]>;

interface Wrapper {
  type: string;
  wrapped?: v.GenericSchema;
  item?: v.GenericSchema;
  getter?: (input: unknown) => v.GenericSchema;
}

/**
 * The fields of an object made by lib/evidence/fields.ts `record` (a pipe: any object, then a strict one), also
 * when it is piped on to a check of the whole object (a file's role and media type).
 */
function entriesOf(schema: v.GenericSchema): v.ObjectEntries | undefined {
  const pipe = 'pipe' in schema ? (schema.pipe as readonly (v.GenericSchema & { type: string; entries?: v.ObjectEntries })[]) : [];
  for (const item of pipe) {
    if (item.type === 'strict_object') return item.entries;
    if (item !== schema && 'pipe' in item) {
      const nested = entriesOf(item);
      if (nested) return nested;
    }
  }
  return undefined;
}

/**
 * The objects of the schema, by path. An object inside itself (ParsedUrl in a link shim's target) is documented
 * once, where it first appears.
 */
function schemaFields(schema: v.GenericSchema, path: string, out: Fields, outer: readonly v.GenericSchema[]): Fields {
  const node = schema as unknown as Wrapper;
  if (node.type === 'optional' || node.type === 'nullable') return schemaFields(node.wrapped!, path, out, outer);
  if (node.type === 'array') return schemaFields(node.item!, `${path}[]`, out, outer);
  if (node.type === 'lazy') return schemaFields(node.getter!(undefined), path, out, outer);
  const entries = entriesOf(schema);
  if (!entries || outer.includes(schema)) return out;
  const names = Object.entries(entries).map(([name, field]) => (field.type === 'optional' ? `${name}?` : name));
  out.set(path, names.sort());
  for (const [name, field] of Object.entries(entries)) {
    schemaFields(field, path ? `${path}.${name}` : name, out, [...outer, schema]);
  }
  return out;
}

/** `{ a, b? }` -> ['a', 'b?'] */
function inlineFields(braces: string): string[] {
  return braces.split(',').map((name) => name.trim()).filter(Boolean).sort();
}

/**
 * The objects FORMAT.md documents in its manifest section: one table per object, headed by the object's path in
 * backticks (none for the top level); a field's `{ a, b? }` type (with `[]` for a list) documents a small object.
 */
function documentedFields(markdown: string): Fields {
  const section = markdown.split(/^## manifest\.json$/m)[1]?.split(/^## /m)[0] ?? '';
  const out: Fields = new Map();
  let path = '';
  for (const line of section.split('\n')) {
    if (line.startsWith('### ')) {
      path = [...line.matchAll(/`([^`]+)`/g)].at(-1)?.[1] ?? '';
      continue;
    }
    const row = /^\| `([A-Za-z0-9]+\??)` \| ([^|]*) \|/.exec(line);
    if (!row) continue;
    const [, field = '', type = ''] = row;
    out.set(path, [...(out.get(path) ?? []), field].sort());
    const inline = /`\{([^}]*)\}(\[\])?`/.exec(type);
    if (inline) {
      const name = field.replace(/\?$/, '');
      out.set(`${path ? `${path}.` : ''}${name}${inline[2] ?? ''}`, inlineFields(inline[1] ?? ''));
    }
  }
  return out;
}

describe('FORMAT.md and the schema', () => {
  const documented = documentedFields(readFileSync(new URL('../../../lib/bundle/FORMAT.md', import.meta.url), 'utf8'));
  const schema = schemaFields(BundleManifestSchema, '', new Map(), []);

  it('document the same objects, each with the same fields and the same optional ones', () => {
    expect(Object.fromEntries(documented)).toEqual(Object.fromEntries(schema));
  });

  it('find the objects they should (the parsers read something)', () => {
    expect(schema.get('captures[].parsed.ids')).toContain('inviteCode?');
    expect(documented.get('captures[].selectedItems[].fields[]')).toEqual(['key', 'value']);
    expect(documented.get('')).toHaveLength(13);
  });
});
