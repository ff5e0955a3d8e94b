import { defineConfig } from 'wxt';

// Least privilege: every permission below is explained in README.md ("Permissions"). The content script's
// host matches come from lib/platforms/registry.ts (see entrypoints/platform.content.ts), nowhere else.
export default defineConfig({
  vite: () => ({ build: { minify: process.env.CR_NO_MINIFY ? false : undefined } }),
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
    optional_permissions: ['downloads'],
    action: { default_title: '__MSG_extName__' },
    // No remote code, fonts or analytics: only our own packaged files may load.
    content_security_policy:
      browser === 'firefox'
        ? "script-src 'self'; object-src 'none'; connect-src 'self' data: blob:; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; default-src 'self'"
        : {
            extension_pages:
              "script-src 'self'; object-src 'none'; connect-src 'self' data: blob:; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; default-src 'self'",
          },
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
