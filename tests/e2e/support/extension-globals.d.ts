/**
 * Globals of the code that end-to-end tests evaluate INSIDE the extension (Chromium's service worker,
 * Firefox's extension pages). Extension code itself imports `browser` from 'wxt/browser' (and ESLint forbids
 * these globals there).
 */
import type { Browser } from 'wxt/browser';

declare global {
  const chrome: Browser;
  const browser: Browser;
}
export {};
