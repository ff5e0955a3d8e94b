/**
 * The house's layers (docs/architecture.md, "Layers"): every import of lib/, components/, entrypoints/ and
 * wxt.config.ts points to its own floor or one below, no two folders import each other through any path, and no file
 * is in a circle. The floors are read from that page, so the page and this test cannot disagree.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { circles, readFloors, readImportGraph, unitGraph, unitOf } from './import-graph';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const graph = readImportGraph(root, ['lib', 'components', 'entrypoints'], ['wxt.config.ts']);
const floors = readFloors(readFileSync(path.join(root, 'docs/architecture.md'), 'utf8'));

describe('the layers of lib/, components/ and entrypoints/', () => {
  it('reads the imports it checks', () => {
    // A reader that found nothing would pass every check below.
    expect(graph.size).toBeGreaterThan(200);
    expect(graph.get('lib/capture/session.ts')).toContain('lib/capture/binding.ts');
    expect(graph.get('entrypoints/popup/App.svelte')?.size).toBeGreaterThan(0);
  });

  it('puts every folder of lib/ on a floor of docs/architecture.md', () => {
    const units = [...new Set([...graph.keys()].map(unitOf))].sort();
    const unplaced = units.filter((unit) => !floors.has(unit));
    expect(unplaced, `add these to the floors in docs/architecture.md ("Layers"): ${unplaced.join(', ')}`).toEqual([]);
  });

  it('has no import that runs up to a higher floor', () => {
    const upward: string[] = [];
    for (const [file, targets] of graph) {
      for (const target of targets) {
        const from = floors.get(unitOf(file));
        const to = floors.get(unitOf(target));
        if (from !== undefined && to !== undefined && to > from) upward.push(`${file} (floor ${from}) -> ${target} (floor ${to})`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('has no circle between folders, even on one floor', () => {
    expect(circles(unitGraph(graph, unitOf))).toEqual([]);
  });

  it('has no circle between files', () => {
    expect(circles(graph)).toEqual([]);
  });
});

describe('the checks themselves', () => {
  it('find a circle and leave a chain alone', () => {
    const chain = new Map([['a', new Set(['b'])], ['b', new Set(['c'])], ['c', new Set<string>()]]);
    expect(circles(chain)).toEqual([]);
    const loop = new Map([['a', new Set(['b'])], ['b', new Set(['c'])], ['c', new Set(['a'])], ['d', new Set(['a'])]]);
    expect(circles(loop)).toEqual([['a', 'b', 'c']]);
    expect(circles(new Map([['a', new Set(['a'])]]))).toEqual([]);
  });

  it('name a file by its unit', () => {
    expect(unitOf('lib/capture/recording/session.ts')).toBe('lib/capture/');
    expect(unitOf('lib/settings.ts')).toBe('lib/settings.ts');
    expect(unitOf('components/manager/CaseList.svelte')).toBe('components/');
    expect(unitOf('wxt.config.ts')).toBe('wxt.config.ts');
  });

  it('read the floors block', () => {
    const floorsOf = readFloors('text\n<!-- floors -->\n```text\nfloor 2  lib/a/ lib/b.ts\nfloor 1  lib/c/\n```\n');
    expect([...floorsOf]).toEqual([
      ['lib/a/', 2],
      ['lib/b.ts', 2],
      ['lib/c/', 1],
    ]);
  });
});
