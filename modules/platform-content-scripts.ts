/**
 * One content script per site, made from the platform registry at build time: a platform page loads only its own
 * platforms' URL parsers and extractors (lib/platforms/lookup.ts `contentScriptGroups`: the platforms whose hosts
 * overlap share one, Messenger and Facebook). Adding a platform to the registry adds its content script; nothing
 * here names a platform.
 *
 * For each group this writes a three-line entry file into WXT's own generated folder (.wxt/, not committed) that
 * imports the group's modules and hands them to lib/content/platform-script.ts, and adds it to the build as the
 * content script `content-scripts/<ids>.js`, matching its platforms' hosts only. Nothing of it is exposed to
 * pages (no web-accessible resource): each is a manifest content script like any other.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ContentScriptEntrypoint } from 'wxt';
import { defineWxtModule } from 'wxt/modules';
import { contentScriptGroups, contentScriptName, createRegistry } from '../lib/platforms/lookup';
import { platforms } from '../lib/platforms/registry';
import type { PlatformModule } from '../lib/platforms/types';

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
    '// Made by modules/platform-content-scripts.ts from lib/platforms/registry.ts at each build: do not edit.',
    `import { platformContentScript } from '${importPath(dir, path.join(srcDir, 'lib/content/platform-script'))}';`,
    ...imports,
    '',
    `export default platformContentScript([${group.map((platform) => platform.id).join(', ')}]);`,
    '',
  ].join('\n');
}

export default defineWxtModule({
  name: 'platform-content-scripts',
  setup(wxt) {
    wxt.hooks.hook('entrypoints:resolved', (_wxt, entrypoints) => {
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
    });
  },
});
