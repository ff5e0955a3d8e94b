/**
 * The openssl command line, for tests that check our signatures and timestamps with the ordinary tool a recipient
 * would use. Everything happens in a fresh temporary directory.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface OpensslResult {
  status: number | null;
  /** stdout and stderr together (openssl prints "Verified OK" on stdout, errors on stderr). */
  output: string;
}

export class OpensslDir {
  readonly dir = mkdtempSync(path.join(tmpdir(), 'proof-openssl-'));

  path(name: string): string {
    return path.join(this.dir, name);
  }

  write(name: string, content: string | Uint8Array): string {
    writeFileSync(this.path(name), content);
    return this.path(name);
  }

  read(name: string): Uint8Array {
    return new Uint8Array(readFileSync(this.path(name)));
  }

  /** Runs openssl in the directory; never throws on a non-zero exit (tests look at status and output). */
  run(...args: string[]): OpensslResult {
    const result = spawnSync('openssl', args, { cwd: this.dir, encoding: 'utf8' });
    if (result.error) throw result.error;
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  }

  /** Runs openssl and throws with its output when it fails. */
  ok(...args: string[]): string {
    const result = this.run(...args);
    if (result.status !== 0) throw new Error(`openssl ${args.join(' ')} failed (${result.status}):\n${result.output}`);
    return result.output;
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
