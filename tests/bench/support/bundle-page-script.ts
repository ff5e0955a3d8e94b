/** Bundles a bench's page script (an IIFE whose exports are the global `name`) to be evaluated in an extension page. */
import path from 'node:path';
import { build, type Rollup } from 'vite';
import { repoRoot } from '../../e2e/support/test-build';

export async function bundlePageScript(entry: string, name: string): Promise<string> {
  const output = (await build({
    configFile: false,
    logLevel: 'silent',
    root: repoRoot,
    build: { write: false, minify: true, lib: { entry: path.join(repoRoot, entry), formats: ['iife'], name } },
  })) as Rollup.RollupOutput[] | Rollup.RollupOutput;
  const chunk = (Array.isArray(output) ? output[0] : output)?.output.find((file) => file.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('No bundle produced');
  return chunk.code;
}

/** A manager page of a launched Chromium with the bundled script evaluated in it (its global ready to call). */
export async function managerWithScript(
  browser: { context: { newPage(): Promise<import('playwright-core').Page> }; extensionId: string },
  code: string,
): Promise<import('playwright-core').Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/manager.html`);
  await page.evaluate(code);
  return page;
}
