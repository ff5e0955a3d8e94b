/**
 * Ticked steps of one guide in one case, loaded from and saved to extension storage (lib/browser/progress.ts).
 */
import { loadProgress, saveProgress } from '../../lib/browser/progress';

export class GuideProgress {
  ticked = $state<readonly string[]>([]);
  loaded = $state(false);
  #key = '';

  async load(caseId: string, guideId: string): Promise<void> {
    const key = `${caseId}\n${guideId}`;
    this.#key = key;
    this.loaded = false;
    const ids = await loadProgress(caseId, guideId).catch(() => []);
    // A newer load (another platform or case meanwhile) wins.
    if (this.#key !== key) return;
    this.ticked = ids;
    this.loaded = true;
  }

  toggle(caseId: string, guideId: string, stepId: string): void {
    const next = this.ticked.includes(stepId) ? this.ticked.filter((id) => id !== stepId) : [...this.ticked, stepId];
    this.ticked = next;
    void saveProgress(caseId, guideId, next).catch(() => undefined);
  }
}
