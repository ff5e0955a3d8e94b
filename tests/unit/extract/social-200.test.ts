// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { extractorOn } from '../../../lib/platforms/extraction';
import { parsePlatformUrl, platformById } from '../../../lib/platforms/registry';
import { LARGE_SOCIAL_PAGES } from './fixtures/social-200';
import { readAll, render } from './helpers';

describe('the large pages of the benchmark', () => {
  for (const build of LARGE_SOCIAL_PAGES) {
    const page = build();
    it(`${page.name}: the platform's extractor reads its ${page.itemCount} items, each once, and a page with one more item`, () => {
      const parsed = parsePlatformUrl(page.url)!;
      const extractor = extractorOn(platformById(parsed.platform), parsed)!;
      const root = render(page.html);
      const items = readAll(extractor, root, new URL(page.url));
      expect(items).toHaveLength(page.itemCount);
      expect(new Set(items.map((item) => item.key)).size).toBe(page.itemCount);
      root.querySelector(page.list)!.insertAdjacentHTML('beforeend', page.item(0));
      expect(readAll(extractor, root, new URL(page.url))).toHaveLength(page.itemCount + 1);
    });
  }
});
