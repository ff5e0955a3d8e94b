/**
 * What a page adds under each reporting step, given the step's id: the side panel puts there the identifiers the
 * step asks for (components/sidepanel/StepIdentifiers.svelte). Pages that set nothing show the steps alone.
 */
import { createContext, type Snippet } from 'svelte';

export const [getStepExtra, setStepExtra, hasStepExtra] = createContext<Snippet<[string]>>();
