/**
 * A local RFC 3161 timestamp authority for tests and benchmarks: an HTTP server on 127.0.0.1 answering each query
 * with `openssl ts -reply` (tests/unit/proof/test-tsa.ts, a test CA made on the spot), and the test build's
 * FreeTSA entry pointed at it.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { TestTsa } from '../../unit/proof/test-tsa';

const LISTED_URL = 'https://freetsa.org/tsr';

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

/** The test build with the FreeTSA entry at the local authority: its URL in the code, its origin and host permission. */
export function pointFreeTsaAt(url: string): (dir: string) => void {
  const origin = new URL(url).origin;
  return (dir) => {
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
