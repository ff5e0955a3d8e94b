import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { BrowserName, ExtensionBrowser } from './driver';
import { launchChromium } from './chromium';
import { launchFirefox } from './firefox';
import { startFixtureServer, type FixtureServer, type Route } from './server';

export const BROWSERS: BrowserName[] = ['chromium', 'firefox'];

export type ChromiumExtensionBrowser = Awaited<ReturnType<typeof launchChromium>>;
export type FirefoxExtensionBrowser = Awaited<ReturnType<typeof launchFirefox>>;
/** What `launch(name)` gives: the browser's own handles when the name is known, the common interface otherwise. */
export type LaunchedBrowser<N extends BrowserName> = [N] extends ['chromium']
  ? ChromiumExtensionBrowser
  : [N] extends ['firefox']
    ? FirefoxExtensionBrowser
    : ExtensionBrowser;

export interface LaunchOptions {
  lang?: string;
  viewport?: { width: number; height: number };
  profileDir?: string;
  buildPatch?: (dir: string) => void;
  firefoxPrefs?: Record<string, string | number | boolean>;
  firefoxArgs?: string[];
  /** Firefox: reach the pages through this proxy instead of the fixture server's own (e.g. one that records). */
  proxyPort?: number;
}

export function launch<N extends BrowserName>(name: N, server: FixtureServer, options: LaunchOptions = {}): Promise<LaunchedBrowser<N>> {
  const { proxyPort, firefoxPrefs, firefoxArgs, ...common } = options;
  const launched =
    name === 'chromium'
      ? launchChromium({ httpsPort: server.httpsPort, ...common })
      : launchFirefox({ proxyPort: proxyPort ?? server.proxyPort, ...common, prefs: firefoxPrefs, args: firefoxArgs });
  return launched as Promise<LaunchedBrowser<N>>;
}

export interface ExtensionBrowserSetup {
  /** Fixture pages answered ahead of the generic routes (the first match wins). */
  routes?: Route[];
  /** How to launch; a function when the options are known only once the fixture server runs. */
  launchOptions?: LaunchOptions | ((server: FixtureServer) => LaunchOptions | Promise<LaunchOptions>);
  /** 'describe' (default): one server and browser for the whole block; 'test': fresh ones for every test. */
  scope?: 'describe' | 'test';
}

export interface ExtensionBrowserAccess<B extends ExtensionBrowser> {
  /** The running browser (inside tests and hooks registered after `useExtensionBrowser`). */
  browser(): B;
  /** The fixture server its pages come from. */
  server(): FixtureServer;
  /** Closes the browser and launches it again with the same options (e.g. on the same kept profile). */
  relaunch(): Promise<B>;
}

/**
 * The start and end of a block of end-to-end tests: registers the hooks that start a fixture server, launch the
 * built extension in `name` and close both afterwards, and returns accessors for them. Hooks the caller registers
 * after this call run once the browser is up.
 */
export function useExtensionBrowser<N extends BrowserName>(
  name: N,
  setup: ExtensionBrowserSetup = {},
): ExtensionBrowserAccess<LaunchedBrowser<N>> {
  let server: FixtureServer | undefined;
  let browser: LaunchedBrowser<N> | undefined;
  let options: LaunchOptions = {};
  const [before, after] = setup.scope === 'test' ? [beforeEach, afterEach] : [beforeAll, afterAll];

  before(async () => {
    server = await startFixtureServer();
    server.routes.unshift(...(setup.routes ?? []));
    options = typeof setup.launchOptions === 'function' ? await setup.launchOptions(server) : (setup.launchOptions ?? {});
    browser = await launch(name, server, options);
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    browser = undefined;
    server = undefined;
  });

  const running = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`No ${what} running: use it inside a test or a later hook`);
    return value;
  };
  return {
    browser: () => running(browser, `${name} browser`),
    server: () => running(server, 'fixture server'),
    async relaunch() {
      await running(browser, `${name} browser`).close();
      browser = undefined;
      browser = await launch(name, running(server, 'fixture server'), options);
      return browser;
    },
  };
}
