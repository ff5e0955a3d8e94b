import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../lib/i18n';
import type { ReadProblem } from '../../../lib/platforms/extraction';
import { readProblemText } from '../../../lib/report/read-problem';

const problem = (overrides: Partial<ReadProblem>): ReadProblem => ({
  scope: 'page',
  itemKind: 'message',
  failedItems: 0,
  error: 'TypeError: x',
  ...overrides,
});

describe('readProblemText', () => {
  it("says plainly that the page's messages, posts, videos, comments or items could not be read", () => {
    expect(readProblemText(problem({}), 'en')).toBe("Could not read this page's messages. The page may have changed.");
    expect(readProblemText(problem({ itemKind: 'post' }), 'en')).toBe(
      "Could not read this page's posts. The page may have changed.",
    );
    expect(readProblemText(problem({ itemKind: 'video' }), 'en')).toBe(
      "Could not read this page's videos. The page may have changed.",
    );
    expect(readProblemText(problem({ itemKind: 'comment' }), 'nl')).toBe(
      'De reacties op deze pagina konden niet gelezen worden. Misschien is de pagina veranderd.',
    );
    expect(readProblemText(problem({ itemKind: 'channel' }), 'en')).toBe(
      "Could not read this page's items. The page may have changed.",
    );
    expect(readProblemText(problem({}), 'fr')).toBe('Impossible de lire les messages de cette page. La page a peut-être changé.');
  });

  it('counts the items it could not read when others were read', () => {
    const some = problem({ scope: 'items', itemKind: 'post', failedItems: 3 });
    expect(readProblemText(some, 'en')).toBe('3 posts on this page could not be read; the others are below.');
    expect(readProblemText(some, 'nl')).toBe('3 posts op deze pagina konden niet gelezen worden; de andere staan hieronder.');
    for (const lang of LANGUAGES) expect(readProblemText(some, lang)).toContain('3');
  });
});
