/**
 * Where the help page "What others can still see" (WhatOthersSee.svelte) is, for the links to it: its section of
 * the manager's Help and safety view (lib/manager-route.ts).
 */
import { managerHash } from '../../lib/manager-route';

export const WHAT_OTHERS_SEE_ID = 'what-others-see';
export const WHAT_OTHERS_SEE_HREF = `/manager.html${managerHash({ view: 'help', place: WHAT_OTHERS_SEE_ID })}`;
