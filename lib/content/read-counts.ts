import type { ExtractionResult } from '../platforms/extraction';

/**
 * How a platform's extractor has fared in this tab since the content script started: shown in the side panel's
 * details for helpers, so a page change that breaks reading can be told apart from a page with nothing to read.
 * Counts and an error summary only: nothing from the page.
 */
export interface ReadCounts {
  platform: string;
  extractions: number;
  /** Extractions that read nothing because the extractor failed (as a whole, or on every row). */
  failedPages: number;
  /** Rows that could not be read, over all extractions. */
  failedItems: number;
  /** The last error's summary (lib/platforms/extraction.ts `errorSummary`). */
  lastError?: string;
}

export class ReadCounter {
  readonly #byPlatform = new Map<string, ReadCounts>();

  record(platform: string, result: ExtractionResult): void {
    const counts = this.#byPlatform.get(platform) ?? { platform, extractions: 0, failedPages: 0, failedItems: 0 };
    counts.extractions++;
    const problem = result.problem;
    if (problem !== null) {
      if (problem.scope === 'page') counts.failedPages++;
      counts.failedItems += problem.failedItems;
      counts.lastError = problem.error;
    }
    this.#byPlatform.set(platform, counts);
  }

  /** Every platform read so far, as plain objects (they travel in messages). */
  all(): ReadCounts[] {
    return [...this.#byPlatform.values()].map((counts) => ({ ...counts }));
  }
}
