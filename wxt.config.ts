import { defineConfig } from 'wxt';
import { authorityOrigin, authorityPermission, TIMESTAMP_AUTHORITIES } from './lib/proof/authorities';
import { contentScriptMatches } from './lib/platforms/registry';

// Trusted timestamps (off by default): the listed authorities' hosts, asked for one at a time when the person
// switches them on, and the only web origins the policy lets the extension's code reach (a POST of a timestamp
// request, lib/proof/tsa-client.ts).
const TSA_PERMISSIONS = [...new Set(TIMESTAMP_AUTHORITIES.map((authority) => authorityPermission(authority.url)))];
const TSA_ORIGINS = [...new Set(TIMESTAMP_AUTHORITIES.map((authority) => authorityOrigin(authority.url)))].join(' ');
const POLICY = `script-src 'self'; object-src 'none'; connect-src 'self' data: blob: ${TSA_ORIGINS}; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; default-src 'self'`;

// Least privilege: every permission below is explained in README.md ("Permissions"). The content script's
// host matches come from lib/platforms/registry.ts (one content script per site, made by
// modules/platform-content-scripts.ts), nowhere else.
export default defineConfig({
  // CR_SOURCEMAP: source maps beside the bundles, for the bundles benchmark's "what is in it" (tests/bench/bundles.bench.ts).
  vite: () => ({ build: { minify: process.env.CR_NO_MINIFY ? false : undefined, sourcemap: process.env.CR_SOURCEMAP ? true : undefined } }),
  modules: ['@wxt-dev/module-svelte', '@wxt-dev/webextension-polyfill'],
  // Explicit imports only: auto-imports pulled components/ into the background bundle by a name clash.
  imports: false,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    short_name: 'Capture & Report',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: [
      'storage',
      'unlimitedStorage',
      'activeTab',
      'scripting',
      // Chrome: the tab's stream (full-page capture beyond the quota, recordings) is read in an offscreen document.
      ...(browser === 'firefox' ? [] : ['pageCapture', 'tabCapture', 'offscreen']),
    ],
    // Asked for on the first export only: until then, nothing can reach the downloads folder or list.
    // Chrome's `history`: asked for when discreet mode is switched on, only to remove the visits of our own pages
    // (lib/browser/own-history.ts); Firefox records none. Firefox (MV2) lists optional hosts among optional
    // permissions; Chrome (MV3) apart.
    optional_permissions: ['downloads', ...(browser === 'firefox' ? TSA_PERMISSIONS : ['history'])],
    ...(browser === 'firefox' ? {} : { optional_host_permissions: TSA_PERMISSIONS }),
    // Chrome: the content script's own sites (no other), so that platform pages open before an install, update or
    // reload get it injected (lib/browser/content-reinjection.ts); the install prompt names these sites already.
    ...(browser === 'firefox' ? {} : { host_permissions: contentScriptMatches() }),
    action: { default_title: '__MSG_extName__' },
    // No remote code, fonts or analytics: only our own packaged files may load.
    content_security_policy: browser === 'firefox' ? POLICY : { extension_pages: POLICY },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'capture-and-report@igvm-iefh.example',
              strict_min_version: '128.0',
              // Nothing is collected or transmitted: evidence stays on this device until the person exports it.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
