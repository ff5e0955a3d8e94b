/** Where the help page "What others can still see" (WhatOthersSee.svelte) is, for the links to it. */
export const WHAT_OTHERS_SEE_ID = 'what-others-see';
export const WHAT_OTHERS_SEE_HREF = `/manager.html#${WHAT_OTHERS_SEE_ID}`;
