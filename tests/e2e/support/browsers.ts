import type { BrowserName, ExtensionBrowser } from './driver';
import { launchChromium } from './chromium';
import { launchFirefox } from './firefox';
import type { FixtureServer } from './server';

export const BROWSERS: BrowserName[] = ['chromium', 'firefox'];

export function launch(
  name: BrowserName,
  server: FixtureServer,
  options: { lang?: string; viewport?: { width: number; height: number }; profileDir?: string; buildPatch?: (dir: string) => void; firefoxPrefs?: Record<string, string | number | boolean> } = {},
): Promise<ExtensionBrowser> {
  return name === 'chromium'
    ? launchChromium({ httpsPort: server.httpsPort, ...options })
    : launchFirefox({ proxyPort: server.proxyPort, ...options, prefs: options.firefoxPrefs });
}
