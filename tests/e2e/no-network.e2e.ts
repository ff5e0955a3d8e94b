/**
 * No network of our own. While the main flows run (popup, visible and full-page captures, side panel with its
 * views and pick mode, manager with a capture's details; no export), every request is recorded and none may come
 * from the extension except loads of its own files and data:/blob: URLs.
 *
 * - Chromium: Playwright's request events cover the extension's pages (by their frame) and its service worker
 *   (request.serviceWorker()); a positive control in each shows that they are seen.
 * - Firefox: the whole browser's traffic goes through a proxy of ours (every https connection is a CONNECT to it):
 *   it may only reach the fixture hosts the test itself opened. The background page and content script are covered
 *   this way too, but a request cannot be attributed to a context there.
 * - Both: the built manifests' content security policy allows only the extension's own scripts.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import type { Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useExtensionBrowser } from './support/browsers';
import { clickButton, until, type DrivenPage, type ExtensionBrowser } from './support/driver';
import { repoRoot } from './support/test-build';
import { authorityOrigin, TIMESTAMP_AUTHORITIES } from '../../lib/proof/authorities';

const AUTHORITY_ORIGINS = TIMESTAMP_AUTHORITIES.map((authority) => authorityOrigin(authority.url));

const SERVER = '1096362223539851269';
const CHANNEL = '1096362225574088711';
const DISCORD_PAGE = `https://discord.com/channels/${SERVER}/${CHANNEL}`;
const LONG_PAGE = 'https://example.org/long';

async function capture(popup: DrivenPage, label: string): Promise<void> {
  await popup.waitFor(() => document.querySelector('[data-testid="page-label"]'), null);
  await popup.waitFor(() => !document.querySelector('[data-testid="capture-progress"]'), null);
  await clickButton(popup, label);
  const outcome = await popup.waitFor(
    () => {
      if (document.querySelector('[data-testid="capture-result"]')) return { ok: true };
      const error = document.querySelector('[data-testid="capture-error"]');
      return error ? { ok: false, text: error.textContent ?? '' } : null;
    },
    null,
    120_000,
  );
  if (!outcome.ok) throw new Error(`Capture failed: ${JSON.stringify(outcome)}`);
}

/** The main flows of the extension, the same in both browsers. Nothing is exported. */
async function mainFlows(browser: ExtensionBrowser): Promise<void> {
  const long = await browser.openTab(LONG_PAGE);
  const popup = await browser.openExtensionPage(`popup.html?tabId=${long.tabId}`);
  await capture(popup, 'Capture visible area');
  await popup.close();
  const popupAgain = await browser.openExtensionPage(`popup.html?tabId=${long.tabId}`);
  await capture(popupAgain, 'Capture full page');
  await clickButton(popupAgain, 'Show preview');
  await popupAgain.close();

  const discord = await browser.openTab(DISCORD_PAGE);
  const panel = await browser.openExtensionPage(`sidepanel.html?tabId=${discord.tabId}`);
  await panel.waitFor(() => document.querySelectorAll('[data-testid="item"]').length === 3, null);
  await panel.click('[data-testid="item-select"]');
  await panel.click('[data-testid="pick"]');
  await panel.waitFor(() => document.querySelector('[data-testid="pick"]')?.getAttribute('aria-pressed') === 'true', null);
  await discord.page.press('Escape');
  for (const view of ['police', 'help', 'report']) {
    await panel.click(`[data-testid="view-${view}"]`);
    await panel.waitFor((id: string) => document.querySelector(`[data-testid="view-${id}"][aria-pressed="true"]`), view);
  }
  await panel.close();

  const manager = await browser.openExtensionPage('manager.html');
  await manager.waitFor(() => document.querySelectorAll('[data-testid="capture-item"]').length >= 2, null);
  await clickButton(manager, 'Details and hashes');
  await manager.waitFor(() => document.querySelector('[data-testid="capture-item"] table'), null);
  // One preview is shown after the content warning (thumbnails come from the database as blob: URLs).
  await clickButton(manager, 'Show preview');
  await clickButton(manager, 'Show it');
  await manager.waitFor(() => Array.from(document.querySelectorAll('button')).some((button) => button.textContent?.trim() === 'Hide preview'), null);
  await manager.close();
}

describe('no network of our own in chromium', () => {
  interface Seen {
    url: string;
    /** 'worker' for the extension's service worker, else the address of the frame that asked. */
    from: string;
  }
  const seen: Seen[] = [];

  const { browser } = useExtensionBrowser('chromium', {
    routes: [{ host: /^discord\.com$/, path: new RegExp(`^/channels/${SERVER}/`), file: 'sidepanel-discord.html' }],
  });
  beforeAll(() => {
    browser().context.on('request', (request: Request) => {
      const worker = request.serviceWorker();
      let from: string;
      if (worker) from = worker.url();
      else if (request.isNavigationRequest()) from = 'navigation';
      else {
        try {
          from = request.frame().url();
        } catch {
          from = 'unknown';
        }
      }
      seen.push({ url: request.url(), from });
    });
  });

  const ours = () => `chrome-extension://${browser().extensionId}/`;
  const isOwn = (url: string) => url.startsWith(ours()) || url.startsWith('data:') || url.startsWith('blob:');

  it('the extension pages and the service worker request nothing but their own files, data: and blob: URLs', async () => {
    await mainFlows(browser());

    const fromExtension = seen.filter(({ from }) => from.startsWith(ours()));
    expect(fromExtension.length, 'requests of the extension seen at all').toBeGreaterThan(0);
    expect(fromExtension.filter(({ url }) => !isOwn(url))).toEqual([]);
    // A request Playwright cannot place (its frame not yet attached, or already detached: seen for the first files
    // of an extension window opening under load) must still be one of our own files, data: or blob:.
    expect(seen.filter(({ from, url }) => from === 'unknown' && !isOwn(url))).toEqual([]);

    // Web pages requested only their own document and the fixture's own files. (A content script's requests would
    // be counted as its page's: none of ours makes any, and none shows up here.)
    const fromPages = seen.filter(({ from }) => !from.startsWith(ours()) && from !== 'navigation' && from !== 'unknown');
    for (const { url, from } of fromPages) {
      const target = new URL(url);
      const page = new URL(from);
      const expected = target.host === page.host && (target.pathname.startsWith('/fixture-assets/') || target.pathname === page.pathname);
      expect(expected || url.startsWith('data:') || url.startsWith('blob:'), `${url} requested by ${from}`).toBe(true);
    }
    // Navigations went only to the pages the test opened and to the extension's own pages.
    const navigations = seen.filter(({ from }) => from === 'navigation').map(({ url }) => url);
    for (const url of navigations) expect(isOwn(url) || [LONG_PAGE, DISCORD_PAGE].includes(url), url).toBe(true);
  });

  it('positive control: a request from an extension page and one from the service worker are both seen', async () => {
    const before = seen.length;
    const manager = await browser().openExtensionPage('manager.html');
    await manager.evaluate(() => fetch('/manifest.json?from=page').then((response) => response.status), null);
    await browser().worker.evaluate(() => fetch(chrome.runtime.getURL('/manifest.json?from=worker')).then((response) => response.status));
    const after = () => seen.slice(before);
    await until(async () => after().some(({ url }) => url.endsWith('?from=worker')), 'the service worker request');
    expect(after().find(({ url }) => url.endsWith('?from=page'))?.from).toMatch(/^chrome-extension:\/\/[a-p]{32}\/manager\.html/);
    expect(after().find(({ url }) => url.endsWith('?from=worker'))?.from).toBe(browser().worker.url());
    await manager.close();
  });

  it('the content security policy blocks a remote request from an extension page and the service worker', async () => {
    const before = seen.length;
    const manager = await browser().openExtensionPage('manager.html');
    const fromPage = await manager.evaluate(() => fetch('https://example.org/csp-probe-page').then(() => 'loaded', (error: Error) => error.name), null);
    const fromWorker = await browser().worker.evaluate(() => fetch('https://example.org/csp-probe-worker').then(() => 'loaded', (error: Error) => error.name));
    expect([fromPage, fromWorker]).toEqual(['TypeError', 'TypeError']);
    expect(seen.slice(before).filter(({ url }) => url.includes('csp-probe'))).toEqual([]);
    await manager.close();
  });
});

/** A CONNECT proxy in front of the fixture server that writes down every host the browser connects to. */
async function recordingProxy(httpsPort: number): Promise<{ port: number; hosts: string[]; plain: string[]; close(): Promise<void> }> {
  const hosts: string[] = [];
  const plain: string[] = [];
  const proxy = http.createServer((request, response) => {
    plain.push(request.url ?? '');
    response.writeHead(405).end();
  });
  proxy.on('connect', (request: http.IncomingMessage, clientSocket: net.Socket, head: Buffer) => {
    hosts.push(request.url ?? '');
    const upstream = net.connect(httpsPort, '127.0.0.1', () => {
      clientSocket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(clientSocket);
      clientSocket.pipe(upstream);
    });
    upstream.on('error', () => clientSocket.destroy());
    clientSocket.on('error', () => upstream.destroy());
  });
  const port = await new Promise<number>((resolve) => proxy.listen(0, '127.0.0.1', () => resolve((proxy.address() as net.AddressInfo).port)));
  return {
    port,
    hosts,
    plain,
    close: async () => {
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy.close(resolve));
    },
  };
}

describe('no network of our own in firefox', () => {
  let proxy: Awaited<ReturnType<typeof recordingProxy>>;

  afterAll(async () => {
    await proxy?.close();
  });
  const { browser } = useExtensionBrowser('firefox', {
    routes: [{ host: /^discord\.com$/, path: new RegExp(`^/channels/${SERVER}/`), file: 'sidepanel-discord.html' }],
    launchOptions: async (server) => {
      proxy = await recordingProxy(server.httpsPort);
      return { proxyPort: proxy.port };
    },
  });

  it('the whole browser connects only to the pages the test opened, from start-up through the main flows', async () => {
    await mainFlows(browser());
    const expected = new Set(['example.org:443', 'discord.com:443']);
    // Firefox's own services (remote settings and the like) are the browser's, not ours; nothing else may appear.
    const browserOwn = /\.(mozilla\.(com|net|org)|firefox\.com):443$/;
    const reached = [...new Set(proxy.hosts)];
    const others = reached.filter((host) => browserOwn.test(host));
    if (others.length > 0) console.log(`Firefox's own connections, not counted: ${others.join(', ')}`);
    expect(reached.filter((host) => !expected.has(host) && !browserOwn.test(host))).toEqual([]);
    expect(proxy.plain).toEqual([]);
    expect(reached.filter((host) => expected.has(host)).sort()).toEqual([...expected].sort());
  });

  it('the content security policy blocks a remote request from an extension page', async () => {
    const manager = await browser().openExtensionPage('manager.html');
    const before = proxy.hosts.length;
    const outcome = await manager.evaluate(() => fetch('https://www.tiktok.com/csp-probe').then(() => 'loaded', (error: Error) => error.name), null);
    expect(outcome).toBe('TypeError');
    expect(proxy.hosts.slice(before)).not.toContain('www.tiktok.com:443');
    // Positive control: the same request from a web page does reach the proxy.
    const { page } = await browser().openTab('https://example.org/');
    await page.evaluate(() => fetch('https://www.tiktok.com/proxy-probe', { mode: 'no-cors' }).then(() => 'loaded', () => 'failed'), null);
    await until(async () => proxy.hosts.includes('www.tiktok.com:443'), 'the probe at the proxy');
    await manager.close();
  });
});

describe('content security policy of the built extension', () => {
  for (const target of ['chrome-mv3', 'firefox-mv2']) {
    it(`${target}: only the extension's own scripts, nothing remote`, () => {
      const manifest = JSON.parse(readFileSync(path.join(repoRoot, '.output', target, 'manifest.json'), 'utf8')) as {
        content_security_policy?: string | { extension_pages?: string };
        externally_connectable?: unknown;
        web_accessible_resources?: unknown;
      };
      const csp = manifest.content_security_policy;
      const policy = typeof csp === 'string' ? csp : (csp?.extension_pages ?? '');
      const directives = new Map(
        policy
          .split(';')
          .map((part) => part.trim().split(/\s+/))
          .filter((words) => words[0])
          .map(([name, ...values]) => [name!, values]),
      );
      expect(directives.get('script-src')).toEqual(["'self'"]);
      expect(directives.get('object-src')).toEqual(["'none'"]);
      expect(directives.get('default-src')).toEqual(["'self'"]);
      for (const [name, values] of directives) {
        // connect-src may also name the listed timestamp authorities (reached only when the person switches them on).
        const allowed = ["'self'", "'none'", "'unsafe-inline'", 'data:', 'blob:', ...(name === 'connect-src' ? AUTHORITY_ORIGINS : [])];
        for (const value of values) expect(allowed, `${name} ${value}`).toContain(value);
        if (name !== 'style-src') expect(values, name).not.toContain("'unsafe-inline'");
      }
      // No web page can message the extension or load its files.
      expect(manifest.externally_connectable).toBeUndefined();
      expect(manifest.web_accessible_resources).toBeUndefined();
    });
  }
});
