/**
 * Limits before work (issue 24, part 3), in Node (printed, never asserted; `npm run bench -- import-limits`):
 *
 * - a real bundle padded to 65,535 empty entries (the 7 MB file, 145 s to refuse before): time to refusal,
 *   and bytes read of the file;
 * - the same padded to just under the ceiling (10,000 entries), refused as soon as the manifest is read;
 * - a bundle with IMPORT_BENCH_MB (default 200) of screenshots read and verified whole: time, MB/s, and the longest
 *   the event loop was held (a 5 ms timer's largest lateness), which in the manager is how long the page froze.
 */
import os from 'node:os';
import { readBundle } from '../../lib/bundle/import';
import { MAX_BUNDLE_ENTRIES } from '../../lib/bundle/limits';
import { entriesOf, exportToBytes, makeFixture, noise, repack } from '../unit/bundle/fixtures';

const MB = 1 << 20;
const BIG_MB = Number(process.env.IMPORT_BENCH_MB ?? 200);

class CountingBlob extends Blob {
  sliced = 0;
  override slice(start?: number, end?: number, type?: string): Blob {
    const part = super.slice(start, end, type);
    this.sliced += part.size;
    return part;
  }
}

function padded(zip: Uint8Array, total: number): Uint8Array {
  const entries = entriesOf(zip);
  for (let i = entries.length; i < total; i++) entries.push([`padding/${i}`, new Uint8Array(0)]);
  return repack(entries);
}

/** Runs `work` with a 5 ms timer beside it: its time, and the timer's largest lateness (the longest stall). */
async function withStallProbe<T>(work: () => Promise<T>): Promise<{ ms: number; stall: number; result: T | Error }> {
  let last = performance.now();
  let stall = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    stall = Math.max(stall, now - last - 5);
    last = now;
  }, 5);
  const started = performance.now();
  const result = await work().catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
  const ms = performance.now() - started;
  clearInterval(timer);
  return { ms, stall, result };
}

const load = () => os.loadavg()[0]!.toFixed(1);
// What the machine itself does to a timer, with no work at all: the floor under every stall below.
const idle = await withStallProbe(() => new Promise((resolve) => setTimeout(resolve, 2_000)));
console.log(`idle for 2 s: longest stall ${idle.stall.toFixed(0)} ms (load average ${load()})`);
const fixture = await makeFixture();
const small = (await exportToBytes(fixture.input)).zip;

for (const total of [65_535, MAX_BUNDLE_ENTRIES - 10]) {
  const blob = new CountingBlob([padded(small, total) as Uint8Array<ArrayBuffer>]);
  const { ms, stall, result } = await withStallProbe(() => readBundle(blob));
  const code = result instanceof Error ? (result as { code?: string }).code ?? result.message : 'imported';
  console.log(
    `${total.toLocaleString('en')} entries (${(blob.size / MB).toFixed(1)} MB): ${code} in ${ms.toFixed(0)} ms, ` +
      `${blob.sliced.toLocaleString('en')} bytes read, longest stall ${stall.toFixed(0)} ms (load average ${load()})`,
  );
}

const screenshots = Array.from({ length: Math.max(1, Math.round(BIG_MB / 16)) }, (_, i) => ({
  role: 'screenshot' as const,
  name: `screenshot-part${i + 1}.png`,
  mime: 'image/png',
  data: noise(16 * MB, i + 1),
  part: i + 1,
  partCount: Math.max(1, Math.round(BIG_MB / 16)),
}));
const big = (await exportToBytes((await makeFixture({ specs: [screenshots] })).input)).zip;
const bigBlob = new Blob([big as Uint8Array<ArrayBuffer>]);
const { ms, stall, result } = await withStallProbe(() => readBundle(bigBlob));
console.log(
  `${(big.length / MB).toFixed(0)} MB bundle read and verified: ${result instanceof Error ? result.message : 'ok'} in ${ms.toFixed(0)} ms ` +
    `(${(big.length / MB / (ms / 1000)).toFixed(0)} MB/s), longest stall ${stall.toFixed(0)} ms (load average ${load()})`,
);
