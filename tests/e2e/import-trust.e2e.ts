/**
 * Imported evidence trusts nothing it carries (issue 24), with hostile bundles made in Node and imported through the
 * manager's own "Import a bundle" field, in Chromium and Firefox: what the manager then says is exactly what was
 * proven. One browser per browser name for every test here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LookalikeTsa } from '../unit/proof/lookalike-tsa';
import { stampAll } from '../unit/bundle/fixtures';
import { BROWSERS, useExtensionBrowser } from './support/browsers';
import type { DrivenPage } from './support/driver';
import { bundleFile, signedBundle } from './support/hostile-bundles';
import { TEST_ROOT_SLOT } from './support/local-tsa';
import { repoRoot } from './support/test-build';

/** Chooses `file` in the import field; resolves with the message the manager then shows, and its kind. */
async function importFile(manager: DrivenPage, file: string): Promise<{ kind: 'status' | 'alert'; text: string }> {
  await manager.waitFor(() => document.querySelector('[data-testid="import"]:not([disabled])'), null);
  await manager.evaluate(() => document.querySelector('[data-testid="bundle-message"]')?.remove(), null);
  await manager.setInputFile('[data-testid="import"]', file);
  return manager.waitFor(() => {
    const message = document.querySelector('[data-testid="bundle-message"]');
    return message ? { kind: message.getAttribute('role') as 'status' | 'alert', text: message.textContent?.trim() ?? '' } : null;
  }, null, 30_000);
}

describe('the shipped builds', () => {
  it('trust no test root: the placeholder the end-to-end test build fills is still empty', () => {
    for (const target of ['chrome-mv3', 'firefox-mv2']) {
      const dir = path.join(repoRoot, '.output', target);
      const scripts = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.js'));
      const texts = scripts.map((name) => readFileSync(path.join(dir, name), 'utf8'));
      expect(texts.filter((text) => text.includes(TEST_ROOT_SLOT)).length, target).toBeGreaterThanOrEqual(2);
      for (const text of texts) expect(text, target).not.toMatch(/[`'"][a-z]+:MII[A-Za-z0-9+/]{200,}=*[`'"]/);
    }
  });
});

describe.each(BROWSERS)('importing hostile bundles in %s', (browserName) => {
  const { browser } = useExtensionBrowser(browserName);
  let lookalike: LookalikeTsa;
  const bundles: Record<string, string> = {};

  beforeAll(async () => {
    lookalike = new LookalikeTsa();
    bundles.lookalike = bundleFile(
      'lookalike.zip',
      await signedBundle({ caseId: 'c0ffee00-0000-4000-8000-000000000001', title: 'Stamped by a lookalike' }, async (input, fixture) => ({
        ...input,
        timestamps: await stampAll(fixture, (query) => lookalike.reply(query), 'https://timestamp.digicert.com'),
      })),
    );
  });
  afterAll(() => lookalike?.remove());

  it('a token from a self-made authority named like DigiCert: kept, shown as by an unknown authority, never as DigiCert', async () => {
    const manager = await browser().openExtensionPage('manager.html');
    const message = await importFile(manager, bundles.lookalike!);
    expect(message.kind).toBe('status');
    expect(message.text).toContain('7 timestamps by an unknown authority: not verified.');
    expect(message.text).not.toContain('trusted timestamps');
    const stamps = await manager.waitFor(
      () => {
        const items = [...document.querySelectorAll('[data-testid="capture-item"] [data-testid="capture-timestamp"]')];
        return items.length === 2 ? items.map((item) => ({ state: item.getAttribute('data-state'), text: item.textContent?.trim() ?? '' })) : null;
      },
      null,
    );
    for (const stamp of stamps) {
      expect(stamp.state).toBe('unverified');
      expect(stamp.text).toMatch(/^Timestamp by an unknown authority: not verified/);
    }
    expect(await manager.evaluate(() => document.querySelector('[data-testid="case-view"]')?.textContent ?? '', null)).not.toContain('DigiCert');
    await manager.close();
  });
});
