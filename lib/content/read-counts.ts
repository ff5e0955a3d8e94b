import type { ExtractionResult, ReadCounts } from '../platforms/extraction';

/** Counts each platform's extractions in this tab (ReadCounts, lib/platforms/extraction.ts). */
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
