/**
 * A local HTTPS server that answers for the platforms' real hostnames (https://discord.com/..., https://x.com/...),
 * plus a tiny HTTP CONNECT proxy in front of it for Firefox. Chromium reaches it through
 * --host-resolver-rules; Firefox through its proxy prefs. Nothing leaves the machine.
 *
 * Fixture pages live in tests/e2e/fixtures/ and are chosen by host and path (see `routes`).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const fixturesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
/** The repository's tests/ folder: routes may name any page in it as `tests/…` (real saved pages, unit fixtures). */
const testsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/**
 * Real saved pages (tests/fixtures/real/) name the platforms' own scripts, stylesheets and images: the browser may
 * fetch none of them (nothing leaves the machine, and no platform script runs in a test).
 */
const REAL_PAGES = `tests${path.sep}fixtures${path.sep}real${path.sep}`;
const REAL_PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'";

export interface Route {
  host: RegExp;
  path: RegExp;
  /**
   * File under tests/e2e/fixtures/, or a path from the tests/ folder (`tests/fixtures/real/instagram/…`: the real
   * saved pages of tests/fixtures/real/PROVENANCE.md, the unit tests' hand-made pages), so each page is kept once.
   */
  file: string;
}

/** Single-page apps serve one document for every path; so do our fixtures. */
export const routes: Route[] = [
  { host: /^discord\.com$/, path: /^\/channels\/81384788765712384\/81384788765712390/, file: 'discord-long.html' },
  { host: /^discord\.com$/, path: /^\/channels\/1096362223539851300\//, file: 'sidepanel-discord-fifty.html' },
  { host: /^discord\.com$/, path: /^\/channels\//, file: 'discord-channel.html' },
  { host: /^x\.com$/, path: /^\/explore$/, file: 'sidepanel-x-thirty.html' },
  { host: /^x\.com$/, path: /^\//, file: 'x-timeline.html' },
  { host: /^www\.facebook\.com$/, path: /^\//, file: 'facebook-profile.html' },
  { host: /^www\.tiktok\.com$/, path: /^\//, file: 'tiktok-video.html' },
  { host: /^example\.org$/, path: /^\/long/, file: 'long-page.html' },
  { host: /^example\.org$/, path: /^\/tab-stream/, file: 'tab-stream.html' },
  { host: /^(chromewebstore\.google\.com|addons\.mozilla\.org)$/, path: /^\//, file: 'plain-article.html' },
  { host: /^example\.org$/, path: /^\//, file: 'plain-article.html' },
];

/** Hostnames the fixture server answers for (Chromium's resolver maps exactly these). */
export const fixtureHosts = [
  'discord.com',
  'x.com',
  'www.facebook.com',
  'www.tiktok.com',
  'www.instagram.com',
  'web.whatsapp.com',
  'www.youtube.com',
  'example.org',
  'chromewebstore.google.com',
  'addons.mozilla.org',
];

export interface FixtureServer {
  /** Port of the HTTPS server (Chromium maps hosts to 127.0.0.1:httpsPort). */
  httpsPort: number;
  /** Port of the CONNECT proxy (Firefox). */
  proxyPort: number;
  /** Extra routes can be added by a test before it navigates. */
  routes: Route[];
  close(): Promise<void>;
}

function makeCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cr-cert-'));
  try {
    execFileSync(
      'openssl',
      [
        'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=localhost',
        '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(path.join(dir, 'key.pem')), cert: readFileSync(path.join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function listen(server: net.Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port));
  });
}

export async function startFixtureServer(): Promise<FixtureServer> {
  const ownRoutes = [...routes];
  const httpsServer = https.createServer(makeCertificate(), (request, response) => {
    const host = (request.headers.host ?? '').replace(/:\d+$/, '');
    const pathname = new URL(request.url ?? '/', 'https://fixture').pathname;
    if (pathname.startsWith('/fixture-assets/generated/block-')) {
      serveBlock(response, pathname);
      return;
    }
    if (pathname.startsWith('/fixture-assets/')) {
      serveFile(response, pathname.slice('/fixture-assets/'.length));
      return;
    }
    const route = ownRoutes.find((candidate) => candidate.host.test(host) && candidate.path.test(pathname));
    if (!route) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end(`no fixture for ${host}${pathname}`);
      return;
    }
    serveFile(response, route.file);
  });
  const httpsPort = await listen(httpsServer);
  // Every socket, tunnels included (the HTTP servers stop tracking a socket once it becomes a CONNECT tunnel), so
  // that closing never waits on a browser that is slow to let go.
  const sockets = new Set<net.Socket>();
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  };
  httpsServer.on('connection', track);

  // Firefox sends every request as CONNECT host:443 to the proxy; all of them go to our HTTPS server.
  const proxy = http.createServer((_request, response) => response.writeHead(405).end());
  proxy.on('connection', track);
  proxy.on('connect', (_request, clientSocket: net.Socket, head: Buffer) => {
    track(clientSocket);
    const upstream = net.connect(httpsPort, '127.0.0.1', () => {
      clientSocket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(clientSocket);
      clientSocket.pipe(upstream);
    });
    track(upstream);
    upstream.on('error', () => clientSocket.destroy());
    clientSocket.on('error', () => upstream.destroy());
  });
  const proxyPort = await listen(proxy);

  return {
    httpsPort,
    proxyPort,
    routes: ownRoutes,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      httpsServer.closeAllConnections();
      proxy.closeAllConnections();
      await Promise.all([
        new Promise((resolve) => httpsServer.close(resolve)),
        new Promise((resolve) => proxy.close(resolve)),
      ]);
    },
  };
}

function serveFile(response: http.ServerResponse, file: string): void {
  const safe = path.normalize(file).replace(/^(\.\.[/\\])+/, '');
  const fromTests = safe.startsWith(`tests${path.sep}`);
  const full = fromTests ? path.join(testsDir, safe.slice('tests/'.length)) : path.join(fixturesDir, safe);
  let body: Buffer;
  try {
    body = readFileSync(full);
  } catch {
    response.writeHead(404).end();
    return;
  }
  const type = full.endsWith('.html')
    ? 'text/html; charset=utf-8'
    : full.endsWith('.png')
      ? 'image/png'
      : full.endsWith('.svg')
        ? 'image/svg+xml'
        : full.endsWith('.js')
          ? 'text/javascript'
          : 'application/octet-stream';
  const policy: Record<string, string> = safe.startsWith(REAL_PAGES) ? { 'content-security-policy': REAL_PAGE_POLICY } : {};
  response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', ...policy }).end(body);
}

/**
 * A distinct image per number, served slowly (150 ms) so lazy loading is real: a capture that does not wait for
 * images in view shows empty frames where the reference shows them.
 */
function serveBlock(response: http.ServerResponse, pathname: string): void {
  const n = Number(/block-(\d+)/.exec(pathname)?.[1] ?? 0);
  const hue = (n * 53) % 360;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200"><rect width="300" height="200" fill="hsl(${hue},80%,40%)"/><rect x="20" y="20" width="${40 + (n % 10) * 20}" height="40" fill="#fff"/></svg>`;
  setTimeout(() => response.writeHead(200, { 'content-type': 'image/svg+xml', 'cache-control': 'no-store' }).end(svg), 150);
}
