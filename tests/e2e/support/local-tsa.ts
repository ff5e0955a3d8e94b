/**
 * A local RFC 3161 timestamp authority for tests and benchmarks: an HTTP server on 127.0.0.1 answering each query
 * with `openssl ts -reply` (tests/unit/proof/test-tsa.ts, a test CA made on the spot), and the test build's
 * FreeTSA entry pointed at it: its address, and its root (the test CA in place of FreeTSA's, in the test build only).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { TestTsa } from '../../unit/proof/test-tsa';

const LISTED_URL = 'https://freetsa.org/tsr';
/** The placeholder of lib/proof/timestamp-trust.ts (TEST_ROOT_SLOT): left as is by `wxt build`, filled only here. */
export const TEST_ROOT_SLOT = 'CR-TEST-TSA-ROOT-SLOT';

export interface SeenQuery {
  method: string;
  path: string;
  contentType: string | undefined;
  body: Buffer;
}

/** The local authority: answers each query with openssl, or drops the connection while `down`. */
export async function startAuthority(tsa: TestTsa) {
  const queries: SeenQuery[] = [];
  const state = { down: false };
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      queries.push({ method: request.method ?? '', path: request.url ?? '', contentType: request.headers['content-type'], body });
      if (state.down) {
        request.socket.destroy();
        return;
      }
      try {
        response.writeHead(200, { 'Content-Type': 'application/timestamp-reply', 'Access-Control-Allow-Origin': '*' });
        response.end(Buffer.from(tsa.reply(new Uint8Array(body))));
      } catch {
        response.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { queries, state, url: `http://127.0.0.1:${port}/tsr`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/**
 * The test build with the FreeTSA entry at the local authority: its URL in the code, its origin and host permission,
 * and (given) the local authority's root CA trusted as FreeTSA's root.
 */
export function pointFreeTsaAt(url: string, rootDer?: Uint8Array): (dir: string) => void {
  const origin = new URL(url).origin;
  return (dir) => {
    if (rootDer) trustTestRoot(rootDer)(dir);
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => /\.(js|json)$/.test(name));
    let replaced = 0;
    for (const name of files) {
      const file = path.join(dir, name);
      const text = readFileSync(file, 'utf8');
      const next = text
        .replaceAll(LISTED_URL, url)
        .replaceAll('https://freetsa.org/*', 'http://127.0.0.1/*')
        .replaceAll('https://freetsa.org', origin);
      if (next !== text) {
        writeFileSync(file, next);
        replaced++;
      }
    }
    if (replaced < 2) throw new Error('The build no longer holds the FreeTSA address to replace.');
  };
}

/** The test build trusting `rootDer` as FreeTSA's root: written into the built code's test-root placeholder. */
export function trustTestRoot(rootDer: Uint8Array, authorityId = 'freetsa'): (dir: string) => void {
  const value = `${authorityId}:${Buffer.from(rootDer).toString('base64')}`;
  return (dir) => {
    let replaced = 0;
    for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.js'))) {
      const file = path.join(dir, name);
      const text = readFileSync(file, 'utf8');
      if (!text.includes(TEST_ROOT_SLOT)) continue;
      writeFileSync(file, text.replaceAll(TEST_ROOT_SLOT, value));
      replaced++;
    }
    if (replaced === 0) throw new Error('The build no longer holds the test-root placeholder to fill.');
  };
}
