/**
 * `npm run bench`: runs every benchmark in tests/bench/ (`*.bench.mjs`, or `*.bench.ts` through tsx), one after
 * another so they do not disturb each other's timings. Benchmarks print figures; they never assert.
 *
 *   npm run bench                 # all of them
 *   npm run bench -- content      # only those whose file name contains "content"
 *
 * Exits non-zero only when a benchmark crashed (so CI notices a broken benchmark, not a slow one).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(here)
  .filter((name) => /\.bench\.(mjs|ts)$/.test(name))
  .filter((name) => filters.length === 0 || filters.some((filter) => name.includes(filter)))
  .sort();

let failed = 0;
for (const name of files) {
  console.log(`\n=== ${name} ===`);
  const args = name.endsWith('.ts') ? ['--import', 'tsx', path.join(here, name)] : [path.join(here, name)];
  const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (result.status !== 0) {
    failed++;
    console.log(`(${name} exited with ${result.status ?? result.signal})`);
  }
}
if (files.length === 0) console.log('No benchmark matched.');
process.exitCode = failed > 0 ? 1 : 0;
