/**
 * Where the time of one capture went, per phase (milliseconds summed over its screens, and how many times each
 * phase ran): the benchmark prints it (tests/bench/tab-stream.bench.ts) to show what a screen costs. Diagnostics
 * only: never stored with the evidence.
 */

export type PhaseTotals = Record<string, { ms: number; count: number }>;

export class PhaseTimes {
  #totals: PhaseTotals = {};

  add(phase: string, ms: number): void {
    const total = (this.#totals[phase] ??= { ms: 0, count: 0 });
    total.ms += ms;
    total.count += 1;
  }

  /** Runs `work`, adding its time to `phase` whether it succeeds or fails. */
  async time<T>(phase: string, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.add(phase, performance.now() - started);
    }
  }

  toJSON(): PhaseTotals {
    return structuredClone(this.#totals);
  }
}
