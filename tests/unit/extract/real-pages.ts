import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A real saved page's HTML, from tests/fixtures/real/ (see PROVENANCE.md there). */
export function loadRealPage(path: string): string {
  // A path, not a URL: under happy-dom the global URL is the DOM's, which Node's fs does not accept.
  return readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'real', path), 'utf8');
}
