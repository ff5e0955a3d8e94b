/**
 * No network of our own, read from the source: nothing the extension ships loads a remote script, style, font or
 * image, and no code calls a network API except on the data: URLs it makes itself, and the one POST of a trusted
 * timestamp request to the listed authority the person chose (lib/proof/tsa-client.ts, off by default). Web addresses in the guide data
 * (lib/platforms/*, lib/guide/*) are shown as links for the person to follow; they are never loaded.
 *
 * The end-to-end test tests/e2e/no-network.e2e.ts checks the same in the running browser, and the built manifest's
 * content security policy.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { authorityOrigin, TIMESTAMP_AUTHORITIES } from '../../lib/proof/authorities';

const root = path.resolve(import.meta.dirname, '..', '..');
const sourceDirs = ['entrypoints', 'components', 'lib'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

const sources = sourceDirs
  .flatMap((dir) => filesUnder(path.join(root, dir)))
  .filter((file) => /\.(ts|svelte|html|css|js|mjs)$/.test(file))
  .map((file) => ({ file: path.relative(root, file), text: readFileSync(file, 'utf8') }));

/** Where each finding is: file:line and the line itself. */
function findings(pattern: RegExp, only: (file: string) => boolean = () => true): string[] {
  const found: string[] = [];
  for (const { file, text } of sources) {
    if (!only(file)) continue;
    text.split('\n').forEach((line, index) => {
      if (pattern.test(line)) found.push(`${file}:${index + 1}: ${line.trim()}`);
    });
  }
  return found;
}

const markupOrStyle = (file: string) => /\.(svelte|html|css)$/.test(file);

describe('no remote resources in the source', () => {
  it('reads some source (the scan is not empty)', () => {
    expect(sources.length).toBeGreaterThan(50);
    expect(sources.some(({ file }) => file === path.join('entrypoints', 'popup', 'index.html'))).toBe(true);
  });

  it('loads no script, style, font or image from the web', () => {
    // <script src>, <link href>, <img src>, <iframe src>, srcset, CSS url() and @import with an absolute web address,
    // or a protocol-relative one (//host/...).
    expect(findings(/<script[^>]*\ssrc\s*=\s*["']?(https?:)?\/\//i, markupOrStyle)).toEqual([]);
    expect(findings(/<link[^>]*\shref\s*=\s*["']?(https?:)?\/\//i, markupOrStyle)).toEqual([]);
    expect(findings(/<(img|iframe|audio|video|source|embed|object)[^>]*\s(src|srcset|data)\s*=\s*["']?(https?:)?\/\//i, markupOrStyle)).toEqual([]);
    expect(findings(/url\(\s*["']?(https?:)?\/\//i)).toEqual([]);
    expect(findings(/@import\s+(url\()?\s*["']?(https?:)?\/\//i)).toEqual([]);
  });

  it('imports no code from the web', () => {
    expect(findings(/\bimport\s*(\(|[^;]*\bfrom\s*)\s*["'](https?:)?\/\//)).toEqual([]);
    expect(findings(/\bimportScripts\s*\(/)).toEqual([]);
  });

  it('calls no network API, except fetch on the data: URL of a screenshot it just made, and the timestamp POST', () => {
    const calls = findings(/\b(fetch|sendBeacon|XMLHttpRequest|WebSocket|EventSource|RTCPeerConnection)\s*\(|new\s+(XMLHttpRequest|WebSocket|EventSource|RTCPeerConnection)\b/).filter(
      (finding) => !/^\s*(\*|\/\/)/.test(finding.split(': ').slice(1).join(': ')),
    );
    expect(calls.map((call) => call.replace(/:\d+:/, ':'))).toEqual([
      `${path.join('lib', 'browser', 'capture', 'driver.ts')}: const blob = await (await fetch(dataUrl)).blob();`,
      `${path.join('lib', 'proof', 'tsa-client.ts')}: response = await fetch(url, {`,
    ]);
    // ...the timestamp request is a POST of application/timestamp-query, with no cookies, referrer or redirect.
    const client = sources.find(({ file }) => file === path.join('lib', 'proof', 'tsa-client.ts'))!.text;
    expect(client).toMatch(/method: 'POST',\s*headers: \{ 'Content-Type': 'application\/timestamp-query' \},\s*body: request,\s*credentials: 'omit'/);
    expect(client).toMatch(/redirect: 'error',\s*referrerPolicy: 'no-referrer'/);
    // ...and that URL is a data: URL (tabs.captureVisibleTab's result, or an OffscreenCanvas encoding).
    const capture = sources.find(({ file }) => file === path.join('lib', 'browser', 'capture', 'driver.ts'))!.text;
    const fetchAt = capture.indexOf('fetch(dataUrl)');
    const fn = capture.slice(capture.lastIndexOf('function', fetchAt), fetchAt);
    expect(fn).toMatch(/dataUrl: string/);
  });

  it('declares no content security policy that lets anything remote in', () => {
    const config = readFileSync(path.join(root, 'wxt.config.ts'), 'utf8');
    // One policy for both browsers (Firefox MV2, Chrome MV3 extension_pages); connect-src may add the listed
    // timestamp authorities' origins only (${TSA_ORIGINS}, made from lib/proof/authorities.ts), nothing else remote.
    const policies = [...config.matchAll(/`(script-src[^`]*)`/g)].map((match) => match[1]!);
    expect(policies).toHaveLength(1);
    expect(config).toMatch(/content_security_policy: browser === 'firefox' \? POLICY : \{ extension_pages: POLICY \}/);
    expect(config).toContain('const TSA_ORIGINS = [...new Set(TIMESTAMP_AUTHORITIES.map((authority) => authorityOrigin(authority.url)))]');
    for (const policy of policies) {
      expect(policy).toMatch(/(^|;\s*)script-src 'self';/);
      expect(policy).toMatch(/default-src 'self'/);
      expect(policy).toMatch(/connect-src 'self' data: blob: \$\{TSA_ORIGINS\};/);
      expect(policy.replace('${TSA_ORIGINS}', '')).not.toMatch(/https?:|\*|'unsafe-eval'|wasm-unsafe-eval/);
    }
    for (const authority of TIMESTAMP_AUTHORITIES) expect(authorityOrigin(authority.url)).toMatch(/^https:\/\/[a-z0-9.-]+$/);
  });
});
