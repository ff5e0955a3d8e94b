// @vitest-environment happy-dom
/**
 * "Adding a platform" (docs/architecture.md): a made-up platform (./fake/, one folder) is added to the registry's
 * list, its steps to the guides' and its id to the evidence model's (the mocks below stand for the line each would
 * gain), and is then found everywhere the extension uses platforms: detection (URL, host, content script match
 * patterns, a content script of its own), the page's items, the side panel's data (label, identifiers, steps,
 * selection limit), the bundle's schema and its report.
 */
import { describe, expect, it, vi } from 'vitest';
import { buildManifest } from '../../../lib/bundle/export';
import { validateManifest } from '../../../lib/bundle/manifest';
import { renderReport } from '../../../lib/bundle/report';
import { stepIds } from '../../../lib/guide/step-ids';
import { describePage, platformNameList } from '../../../lib/page-label';
import { extractItems } from '../../../lib/platforms/extraction';
import { platformGuides } from '../../../lib/platforms/guides';
import { pageIdentifiers } from '../../../lib/platforms/page-identifiers';
import { contentScriptGroups, contentScriptName } from '../../../lib/platforms/lookup';
import { createRegistry, platforms } from '../../../lib/platforms/registry';
import type { PlatformId, PlatformModule } from '../../../lib/platforms/types';
import { makeFixture } from '../bundle/fixtures';
import { fakebook } from './fake';

vi.mock('../../../lib/evidence/platform-ids', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../lib/evidence/platform-ids')>();
  return { ...real, PLATFORM_IDS: [...real.PLATFORM_IDS, 'fakebook'] };
});
vi.mock('../../../lib/platforms/guides', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../lib/platforms/guides')>();
  const { guide } = await import('./fake/steps');
  return { ...real, platformGuides: { ...real.platformGuides, fakebook: guide } };
});
vi.mock('../../../lib/platforms/registry', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../lib/platforms/registry')>();
  const { fakebook: added } = await import('./fake');
  return { ...real, platforms: [...real.platforms, added] };
});

const registry = createRegistry(platforms);
const POST = 'https://www.fakebook.example/mara/posts/4242?ref=feed';

describe('a platform added with one folder, its id and a line in each registry', () => {
  it('is detected: URL, host, content script match pattern', () => {
    const parsed = registry.parseUrl(POST);
    expect(parsed).toEqual({
      platform: 'fakebook',
      kind: 'post',
      ids: { handle: 'mara', postId: '4242' },
      url: 'https://fakebook.example/mara/posts/4242',
    });
    expect(registry.forHost('m.fakebook.example')).toEqual([fakebook]);
    expect(registry.byId('fakebook')).toBe(fakebook);
    expect(registry.contentScriptMatches()).toContain('*://*.fakebook.example/*');
    // The real platforms are untouched by it.
    expect(registry.parseUrl('https://x.com/jack/status/20')?.platform).toBe('x');
  });

  it('gets a content script of its own, which carries no other platform (wxt.config.ts, addPlatformContentScripts)', () => {
    const own = contentScriptGroups<PlatformModule<string>>(platforms).find((group) => group.includes(fakebook));
    expect(own).toEqual([fakebook]);
    expect(contentScriptName(own!)).toBe('fakebook');
    expect(createRegistry(own!).parseUrl(POST)).toEqual(registry.parseUrl(POST));
  });

  it("reads the page's items with its own extractor", () => {
    document.body.innerHTML = '<article data-post-id="7"></article><article data-post-id="8"></article>';
    const { items, problem } = extractItems(fakebook, document, new URL(POST));
    expect(items.map((item) => item.key)).toEqual(['7', '8']);
    expect(problem).toBeNull();
  });

  it('gives the side panel its name, page-kind label, identifiers, steps and selection limit', () => {
    const parsed = registry.parseUrl(POST)!;
    expect(describePage(parsed, 'nl', registry)).toBe('Fakebook - nepbericht');
    expect(describePage(parsed, 'fr', registry)).toContain('faux message');
    expect(describePage({ ...parsed, kind: 'home' }, 'en', registry)).toBe('Fakebook - start page');
    expect(pageIdentifiers(parsed, registry)).toContainEqual({ key: 'handle', value: '~mara' });
    expect(platformNameList('en', registry)).toMatch(/, Discord(,)? and Fakebook$/);
    const guide = platformGuides['fakebook' as PlatformId];
    expect(guide.sections.flatMap((section) => stepIds(section.steps))).toEqual([
      'fakebook-open',
      'fakebook-fill',
      'fakebook-link',
    ]);
    expect(registry.byId('fakebook').selectionLimit).toBe(2);
    expect(registry.byId('fakebook').badge).toBe('FK');
  });

  it("is valid in an evidence bundle, and named in the bundle's report", async () => {
    const parsed = registry.parseUrl(POST)!;
    const fixture = await makeFixture({
      captureOverrides: { platform: parsed.platform, parsed, requestedUrl: POST, finalUrl: POST },
    });
    // buildManifest checks the manifest against the bundle schema, whose platform ids are the evidence model's.
    const manifest = buildManifest(fixture.input, new Date('2026-11-30T09:30:00.000Z'));
    expect(manifest.captures.map((capture) => capture.platform)).toEqual(manifest.captures.map(() => 'fakebook'));
    expect(validateManifest(JSON.parse(JSON.stringify(manifest))).ok).toBe(true);
    const html = renderReport(manifest, 'en', undefined, registry);
    expect(html).toContain('Fakebook - fake post');
  });
});
