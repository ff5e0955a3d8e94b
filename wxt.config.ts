import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig, type ContentScriptEntrypoint, type Entrypoint, type Wxt } from 'wxt';
import { contentScriptGroups, contentScriptName, createRegistry } from './lib/platforms/lookup';
import { contentScriptMatches, platforms } from './lib/platforms/registry';
import type { PlatformModule } from './lib/platforms/types';
import { authorityOrigin, authorityPermission, TIMESTAMP_AUTHORITIES } from './lib/proof/authorities';

// Trusted timestamps (off by default): the listed authorities' hosts, asked for one at a time when the person
// switches them on, and the only web origins the policy lets the extension's code reach (a POST of a timestamp
// request, lib/proof/tsa-client.ts).
const TSA_PERMISSIONS = [...new Set(TIMESTAMP_AUTHORITIES.map((authority) => authorityPermission(authority.url)))];
const TSA_ORIGINS = [...new Set(TIMESTAMP_AUTHORITIES.map((authority) => authorityOrigin(authority.url)))].join(' ');
const POLICY = `script-src 'self'; object-src 'none'; connect-src 'self' data: blob: ${TSA_ORIGINS}; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; default-src 'self'`;

/**
 * One content script per site, made from the platform registry at build time (the hook below): a platform page loads only its own
 * platforms' URL parsers and extractors (lib/platforms/lookup.ts `contentScriptGroups`: the platforms whose hosts
 * overlap share one, Messenger and Facebook). Adding a platform to the registry adds its content script; nothing
 * here names a platform.
 *
 * For each group this writes a three-line entry file into WXT's own generated folder (.wxt/, not committed) that
 * imports the group's modules and hands them to lib/content/platform-script.ts, and adds it to the build as the
 * content script `content-scripts/<ids>.js`, matching its platforms' hosts only. Nothing of it is exposed to
 * pages (no web-accessible resource): each is a manifest content script like any other.
 */
/** A module path relative to the generated file, as an import writes it. */
function importPath(from: string, file: string): string {
  const relative = path.relative(from, file).split(path.sep).join('/');
  return relative.startsWith('.') ? relative : `./${relative}`;
}

/** The entry file of one group: each platform from its folder, `lib/platforms/<id>/index.ts`, exported as `<id>`. */
function entrySource(srcDir: string, dir: string, group: readonly PlatformModule[]): string {
  const imports = group.map((platform) => {
    if (!/^[a-z][a-z0-9]*$/.test(platform.id)) {
      throw new Error(`Platform id "${platform.id}": its module must be exported as its id from lib/platforms/${platform.id}/`);
    }
    return `import { ${platform.id} } from '${importPath(dir, path.join(srcDir, 'lib/platforms', platform.id))}';`;
  });
  return [
    '// Made by wxt.config.ts (addPlatformContentScripts) from lib/platforms/registry.ts at each build: do not edit.',
    `import { platformContentScript } from '${importPath(dir, path.join(srcDir, 'lib/content/platform-script'))}';`,
    ...imports,
    '',
    `export default platformContentScript([${group.map((platform) => platform.id).join(', ')}]);`,
    '',
  ].join('\n');
}

function addPlatformContentScripts(wxt: Wxt, entrypoints: Entrypoint[]): void {
  const dir = path.join(wxt.config.wxtDir, 'platform-content-scripts');
  mkdirSync(dir, { recursive: true });
  for (const group of contentScriptGroups(platforms)) {
    const name = contentScriptName(group);
    const inputPath = path.join(dir, `${name}.ts`);
    writeFileSync(inputPath, entrySource(wxt.config.srcDir, dir, group));
    const entrypoint: ContentScriptEntrypoint = {
      type: 'content-script',
      name,
      inputPath,
      outputDir: path.join(wxt.config.outDir, 'content-scripts'),
      // The manifest's part; the script's own options (noScriptStartedPostMessage) are in platform-script.ts.
      options: { matches: createRegistry(group).contentScriptMatches(), runAt: 'document_idle' },
      skipped: false,
    };
    entrypoints.push(entrypoint);
  }
}

// Least privilege: every permission below is explained in README.md ("Permissions"). The content script's
// host matches come from lib/platforms/registry.ts (one content script per site, made by
// addPlatformContentScripts above), nowhere else.
export default defineConfig({
  // CR_SOURCEMAP: source maps beside the bundles, for the bundles benchmark's "what is in it" (tests/bench/bundles.bench.ts).
  vite: () => ({ build: { minify: process.env.CR_NO_MINIFY ? false : undefined, sourcemap: process.env.CR_SOURCEMAP ? true : undefined } }),
  modules: ['@wxt-dev/module-svelte', '@wxt-dev/webextension-polyfill'],
  hooks: { 'entrypoints:resolved': addPlatformContentScripts },
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
