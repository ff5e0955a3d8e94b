/**
 * Bundles: what each context of the extension loads, and what the content script costs a platform page as it
 * starts (printed, never asserted).
 *
 * - Sizes: the background, the content scripts of the platforms' sites (one per site since each carries only its
 *   own platforms; before that one for all, `platform`), the capture agent, and each page's JavaScript (its script
 *   and the chunks it preloads), in the Chrome and the Firefox build. The rows "content script, largest" and
 *   "content script of each page's site" compare builds of either kind.
 * - What is in the background and the content scripts of the benchmark's pages: their bytes per source (a folder
 *   of lib/, a package, the platforms' files of one name), read from source maps.
 * - Start-up: the content script's evaluation on a Discord channel page and on a Facebook profile (the largest
 *   content script) in Chromium (compile and first run: the DevTools timeline's `EvaluateScript` of the content
 *   script the manifest lists for the page, from the browser's trace), median of LOADS page loads, each in a new
 *   tab, once the background has shown the platform's badge (the script ran).
 *
 * The working tree is built into a temporary folder (with source maps), not `.output/`. With BENCH_BASE=<commit>
 * that commit is built too, the same way, and shown beside it; page loads alternate between the two builds.
 *
 *   npm run bench -- bundles
 *   BENCH_BASE=d0fc7b3 npm run bench -- bundles
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodedMappings, TraceMap } from '@jridgewell/trace-mapping';
import { chromium, type BrowserContext } from 'playwright-core';
import { hostMatches } from '../../lib/platforms/lookup';
import { CHROMIUM_PATH, quietBrowserArgs } from '../e2e/support/chromium';
import { startFixtureServer } from '../e2e/support/server';
import { buildTree, type TreeBuild } from './support/build-tree';

const LOADS = 25;
/** Platform pages the start-up is measured on: a Discord channel, and Facebook (its site's script is the largest). */
const PAGES = [
  { name: 'Discord channel', url: 'https://discord.com/channels/81384788765712384/81384788765712400' },
  { name: 'Facebook profile', url: 'https://www.facebook.com/zuck' },
];
const TOP_SOURCES = 12;

interface ContentScript {
  file: string;
  matches: string[];
}

/** The manifest's content scripts: one per platform site now, one for all of them in older builds. */
function contentScripts(dir: string): ContentScript[] {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as {
    content_scripts?: Array<{ js?: string[]; matches?: string[] }>;
  };
  return (manifest.content_scripts ?? []).flatMap(({ js = [], matches = [] }) => js.map((file) => ({ file, matches })));
}

/** The content script the browser puts into the page at `url` (its patterns are `*://host/*`). */
function contentScriptFor(dir: string, url: string): string {
  const { hostname } = new URL(url);
  const found = contentScripts(dir).find((script) =>
    script.matches.some((pattern) => hostMatches(hostname, /^\*:\/\/([^/]+)\//.exec(pattern)?.[1] ?? '')),
  );
  if (!found) throw new Error(`No content script matches ${url}`);
  return found.file;
}

/** A bundle's bytes as shipped: without the source map comment this benchmark's build adds. */
function shippedBytes(file: string): number {
  return Buffer.byteLength(readFileSync(file, 'utf8').replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, ''));
}

/** The JavaScript a page loads at once: its module script and the chunks Vite has it preload. */
function pageScripts(dir: string, html: string): string[] {
  const text = readFileSync(path.join(dir, html), 'utf8');
  return [...text.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\/?([^"]+\.js)"/g)].map((match) => match[1]!);
}

function bundleSizes(dir: string): Map<string, number> {
  const sizes = new Map<string, number>();
  sizes.set('background', shippedBytes(path.join(dir, 'background.js')));
  const scripts = contentScripts(dir).map(({ file }) => [file, shippedBytes(path.join(dir, file))] as const);
  sizes.set('content script, largest', Math.max(...scripts.map(([, bytes]) => bytes)));
  for (const page of PAGES) sizes.set(`content script, ${page.name.split(' ')[0]}`, shippedBytes(path.join(dir, contentScriptFor(dir, page.url))));
  for (const [file, bytes] of scripts) sizes.set(`  ${file.replace(/^content-scripts\//, '')}`, bytes);
  sizes.set('capture agent', shippedBytes(path.join(dir, 'capture-agent.js')));
  for (const html of readdirSync(dir).filter((name) => name.endsWith('.html')).sort()) {
    const total = pageScripts(dir, html).reduce((sum, script) => sum + shippedBytes(path.join(dir, script)), 0);
    sizes.set(`${html.replace('.html', '')} page`, total);
  }
  return sizes;
}

/** Where a source's bytes are counted: a package, a folder of lib/, the platforms' files of one name, or itself. */
function sourceGroup(source: string): string {
  const clean = source.replace(/^(\.\.\/)+/, '');
  if (clean.includes('node_modules/')) {
    const parts = clean.split('node_modules/').pop()!.split('/');
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  const parts = clean.split('/');
  if (parts[0] === 'lib' && parts[1] === 'platforms' && parts.length >= 4) return `lib/platforms/*/${parts.at(-1)}`;
  if (parts[0] === 'lib' && parts.length > 2) return `lib/${parts[1]}/`;
  return clean;
}

/** Bytes of a minified bundle per source group, from its source map (each generated segment to its source). */
function contents(file: string): Array<[string, number]> {
  const code = readFileSync(file, 'utf8');
  const map = new TraceMap(readFileSync(`${file}.map`, 'utf8'));
  const lines = code.split('\n');
  const bytes = new Map<string, number>();
  const add = (group: string, count: number) => bytes.set(group, (bytes.get(group) ?? 0) + count);
  decodedMappings(map).forEach((segments, index) => {
    const line = lines[index] ?? '';
    if (segments.length === 0 || segments[0]![0] > 0) add('(no source)', segments[0]?.[0] ?? line.length);
    segments.forEach((segment, at) => {
      const end = segments[at + 1]?.[0] ?? line.length;
      add(segment.length > 1 ? sourceGroup(map.sources[segment[1]!] ?? '?') : '(no source)', end - segment[0]);
    });
  });
  return [...bytes].sort((a, b) => b[1] - a[1]);
}

/** kB of 1,000 bytes, as WXT's build prints them. */
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

function printSizes(builds: readonly TreeBuild[]): void {
  for (const target of ['chrome-mv3', 'firefox-mv2']) {
    const all = builds.map((build) => bundleSizes(path.join(build.output, target)));
    console.log(`\n${target}: ${builds.map((build) => build.label).join('  |  ')}`);
    // Every row of either build (the content scripts' files differ), in the working tree's order first.
    for (const name of new Set(all.toReversed().flatMap((sizes) => [...sizes.keys()]))) {
      const figures = all.map((sizes) => sizes.get(name));
      const ratio = figures.length === 2 && figures[0] && figures[1] ? `  (${(figures[1] / figures[0]).toFixed(2)}x)` : '';
      console.log(`  ${name.padEnd(28)} ${figures.map((bytes) => (bytes === undefined ? '-' : kb(bytes)).padStart(10)).join(' ')}${ratio}`);
    }
  }
}

function printContents(build: TreeBuild): void {
  const dir = path.join(build.output, 'chrome-mv3');
  for (const file of new Set(['background.js', ...PAGES.map((page) => contentScriptFor(dir, page.url))])) {
    const full = path.join(dir, file);
    console.log(`\nWhat is in ${file} (chrome-mv3, ${build.label}), by source, largest first:`);
    for (const [group, bytes] of contents(full).slice(0, TOP_SOURCES)) console.log(`  ${kb(bytes).padStart(10)}  ${group}`);
  }
}

interface Loaded {
  context: BrowserContext;
  profile: string;
}

async function launchWith(extensionDir: string, httpsPort: number): Promise<Loaded> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'cr-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    ignoreHTTPSErrors: true,
    args: [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, ...quietBrowserArgs(httpsPort)],
  });
  if (context.serviceWorkers().length === 0) await context.waitForEvent('serviceworker');
  return { context, profile };
}

interface TraceEvent {
  name: string;
  /** Wall-clock and thread (CPU) duration, microseconds. */
  dur?: number;
  tdur?: number;
  args?: { data?: { url?: string } };
}

/** Milliseconds of one start: wall clock, and the renderer thread's CPU time (steadier on a loaded machine). */
interface StartTime {
  wall: number;
  cpu: number;
}

/** One load of `url` in a new tab: the EvaluateScript time of its content script `file`, from the browser's trace. */
async function contentScriptStart({ context }: Loaded, url: string, file: string): Promise<StartTime> {
  const worker = context.serviceWorkers()[0]!;
  const cdp = await context.browser()!.newBrowserCDPSession();
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (payload) => void events.push(...(payload.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline'] }, transferMode: 'ReportEvents' });
  const page = await context.newPage();
  await page.goto(url);
  // The content script has run once the background shows the platform's badge for this tab (on its page-info).
  const deadline = Date.now() + 20_000;
  for (;;) {
    const badge = await worker.evaluate(async (url: string) => {
      const [tab] = await chrome.tabs.query({ url });
      return tab?.id === undefined ? '' : chrome.action.getBadgeText({ tabId: tab.id });
    }, url);
    if (badge) break;
    if (Date.now() > deadline) throw new Error('The content script did not announce the page within 20 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  await page.close();
  const ours = events.filter((event) => event.name === 'EvaluateScript' && event.args?.data?.url?.endsWith(`/${file}`));
  if (ours.length !== 1) throw new Error(`Expected one evaluation of the content script, saw ${ours.length}`);
  return { wall: (ours[0]!.dur ?? NaN) / 1000, cpu: (ours[0]!.tdur ?? NaN) / 1000 };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function printStartup(builds: readonly TreeBuild[]): Promise<void> {
  const server = await startFixtureServer();
  const loaded: Loaded[] = [];
  try {
    const dirs = builds.map((build) => path.join(build.output, 'chrome-mv3'));
    for (const dir of dirs) loaded.push(await launchWith(dir, server.httpsPort));
    const summary = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return `median ${median(values).toFixed(2)} ms (${sorted[0]!.toFixed(2)}-${sorted.at(-1)!.toFixed(2)})`;
    };
    for (const { name, url } of PAGES) {
      const start = (index: number) => contentScriptStart(loaded[index]!, url, contentScriptFor(dirs[index]!, url));
      const times = builds.map((): StartTime[] => []);
      // One load each first, not counted (the browser's own first-time work), then alternating loads.
      for (const index of loaded.keys()) await start(index);
      for (let round = 0; round < LOADS; round++) {
        for (const index of loaded.keys()) times[index]!.push(await start(index));
      }
      const load = os.loadavg().map((value) => value.toFixed(1)).join(' ');
      console.log(`\nContent script start-up on a ${name} page (Chromium, EvaluateScript), ${LOADS} loads each, load average ${load}:`);
      times.forEach((list, index) => {
        const label = `${builds[index]!.label.slice(0, 40)}, ${contentScriptFor(dirs[index]!, url).replace(/^content-scripts\//, '')}`;
        console.log(`  ${label.padEnd(60)}  CPU ${summary(list.map((time) => time.cpu))}  wall ${summary(list.map((time) => time.wall))}`);
      });
      if (times.length === 2) {
        const ratio = (pick: (time: StartTime) => number) => (median(times[1]!.map(pick)) / median(times[0]!.map(pick))).toFixed(2);
        console.log(`  working tree / base: CPU ${ratio((time) => time.cpu)}x, wall ${ratio((time) => time.wall)}x`);
      }
    }
  } finally {
    for (const { context, profile } of loaded) {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
    await server.close();
  }
}

async function main(): Promise<void> {
  const base = process.env.BENCH_BASE;
  console.log(`Building ${base ? `${base} and ` : ''}the working tree (this takes a minute or two)...`);
  const builds = [...(base ? [buildTree(base)] : []), buildTree(undefined, { sourcemap: true })];
  try {
    printSizes(builds);
    printContents(builds.at(-1)!);
    await printStartup(builds);
  } finally {
    for (const build of builds) build.remove();
  }
}

await main();
