/**
 * The imports between the extension's own source files, read as TypeScript reads them (ts.preProcessFile: import
 * and export declarations and dynamic imports, never comments or strings), and what the layers test asks of them.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** file -> the files it imports, paths relative to the project root with '/' separators. */
export type ImportGraph = Map<string, Set<string>>;

const SOURCE = /\.(ts|svelte)$/;
const RESOLVED = ['', '.ts', '.js', '/index.ts'];

function sourceFiles(root: string, dir: string): string[] {
  const full = path.join(root, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full).flatMap((name) => {
    const relative = `${dir}/${name}`;
    if (statSync(path.join(root, relative)).isDirectory()) return sourceFiles(root, relative);
    return SOURCE.test(name) && !name.endsWith('.d.ts') ? [relative] : [];
  });
}

/** The script of a Svelte component (its markup imports nothing). */
function scriptOf(file: string, text: string): string {
  if (!file.endsWith('.svelte')) return text;
  return [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]).join('\n');
}

/** The project file a relative import names; null for packages and for files that are not sources (CSS). */
function resolveImport(root: string, from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  for (const suffix of RESOLVED) {
    const candidate = base + suffix;
    if (SOURCE.test(candidate) && existsSync(path.join(root, candidate)) && statSync(path.join(root, candidate)).isFile()) {
      return candidate;
    }
  }
  return null;
}

/** Every source file under `dirs` (and the named files), with its imports of other project files. */
export function readImportGraph(root: string, dirs: readonly string[], files: readonly string[] = []): ImportGraph {
  const graph: ImportGraph = new Map();
  for (const file of [...dirs.flatMap((dir) => sourceFiles(root, dir)), ...files]) {
    const text = scriptOf(file, readFileSync(path.join(root, file), 'utf8'));
    const imported = ts.preProcessFile(text, true, true).importedFiles.map((entry) => entry.fileName);
    graph.set(file, new Set(imported.map((specifier) => resolveImport(root, file, specifier)).filter((target) => target !== null)));
  }
  return graph;
}

/**
 * The groups of nodes that reach each other (strongly connected components of more than one node). A file that
 * imports itself is no circle: a Svelte component that renders itself (a step's sub-steps) is recursion.
 */
export function circles(graph: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  // Tarjan's algorithm, iterative over the nodes, recursive over the edges (the graphs here are a few hundred nodes).
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, next);
    low.set(node, next);
    next++;
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node)!, index.get(target)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      group.push(member);
    } while (member !== node);
    if (group.length > 1) found.push(group.sort());
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return found;
}

/** The graph between units (a file's unit: its folder under lib/, or the file itself), without a unit's own imports. */
export function unitGraph(graph: ImportGraph, unitOf: (file: string) => string): Map<string, Set<string>> {
  const units = new Map<string, Set<string>>();
  for (const [file, targets] of graph) {
    const from = unitOf(file);
    const reached = units.get(from) ?? new Set<string>();
    for (const target of targets) if (unitOf(target) !== from) reached.add(unitOf(target));
    units.set(from, reached);
  }
  return units;
}

/**
 * The floors as docs/architecture.md states them: lines `floor N  unit unit ...` in its block marked
 * `<!-- floors -->`. A unit is a folder ('lib/capture/'), a top-level file ('lib/settings.ts') or 'components/'.
 */
export function readFloors(markdown: string): Map<string, number> {
  const block = /<!-- floors -->\s*```[^\n]*\n([\s\S]*?)```/.exec(markdown);
  if (!block) throw new Error('docs/architecture.md has no floors block (<!-- floors --> then a fenced block)');
  const floors = new Map<string, number>();
  for (const line of block[1]!.split('\n')) {
    const match = /^floor\s+(\d+)\s+(.+)$/.exec(line.trim());
    if (!match) continue;
    for (const unit of match[2]!.split(/\s+/)) floors.set(unit, Number(match[1]));
  }
  return floors;
}

/** A file's unit: the folder under lib/ it is in, a file directly in lib/, or its top folder (components/). */
export function unitOf(file: string): string {
  const parts = file.split('/');
  if (parts[0] === 'lib') return parts.length > 2 ? `lib/${parts[1]}/` : file;
  return parts.length > 1 ? `${parts[0]}/` : file;
}
