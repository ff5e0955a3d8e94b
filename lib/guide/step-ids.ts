import type { GuideStep } from './types';

/** Every step id of a list of steps, sub-steps included (what a progress count counts). */
export function stepIds(steps: readonly GuideStep[]): string[] {
  return steps.flatMap((step) => [step.id, ...stepIds(step.substeps ?? [])]);
}
