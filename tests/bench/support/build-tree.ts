/**
 * Builds the extension from a copy of the sources, apart from the checkout's own `.output/`: the working tree as
 * it is (tracked and untracked files git does not ignore), or the tree of a commit (`git archive`). The copy uses
 * the checkout's node_modules, so a commit whose dependencies differ from today's may not build.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../../e2e/support/test-build';

export interface TreeBuild {
  /** What was built: 'working tree' or the commit's short hash and subject. */
  label: string;
  /** The build's `.output` folder (chrome-mv3/, firefox-mv2/). */
  output: string;
  remove(): void;
}

function copyWorkingTree(into: string): void {
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: repoRoot, encoding: 'utf8' });
  for (const file of listed.split('\0').filter(Boolean)) {
    mkdirSync(path.dirname(path.join(into, file)), { recursive: true });
    // A file deleted in the working tree but still in the index is simply not copied.
    try {
      cpSync(path.join(repoRoot, file), path.join(into, file));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
}

/** `ref`: a commit (any name git knows), or undefined for the working tree. `sourcemap`: maps beside the bundles. */
export function buildTree(ref: string | undefined, options: { sourcemap?: boolean } = {}): TreeBuild {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cr-bench-build-'));
  let label = 'working tree';
  if (ref) {
    label = execFileSync('git', ['log', '-1', '--format=%h %s', ref], { cwd: repoRoot, encoding: 'utf8' }).trim().slice(0, 90);
    const archive = execFileSync('git', ['archive', '--format=tar', ref], { cwd: repoRoot, maxBuffer: 1 << 30 });
    execFileSync('tar', ['-x', '-C', dir], { input: archive });
  } else {
    copyWorkingTree(dir);
  }
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'));
  const env = { ...process.env, ...(options.sourcemap ? { CR_SOURCEMAP: '1' } : {}) };
  for (const target of [[], ['-b', 'firefox']]) {
    execFileSync('npx', ['wxt', 'build', ...target], { cwd: dir, env, stdio: 'ignore' });
  }
  return { label, output: path.join(dir, '.output'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}
