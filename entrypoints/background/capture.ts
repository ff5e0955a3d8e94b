/**
 * Starts a capture of a tab: the session (lib/capture/session.ts) does the work against the real browser
 * (lib/browser/capture/driver.ts). Everything here is wiring: settings, the side-panel selection, and clearing
 * that selection once it is recorded.
 */
import { browserCaptureDriver } from '../../lib/browser/capture/driver';
import { CaptureSession } from '../../lib/capture/session';
import { loadStoredSelection, saveSelection } from '../../lib/browser/selection';
import { samePage } from '../../lib/platforms/url-utils';
import { loadSettings } from '../../lib/browser/settings';
import { timestampCapture } from '../../lib/browser/timestamping';
import { hasOffscreenTabCapture } from '../../lib/browser/offscreen';
import { chooseCaptureMethod } from '../../lib/capture/method';
import type { CaptureMode } from '../../lib/evidence/types';
import type { Lang } from '../../lib/i18n';

export async function newCapture(tabId: number, mode: CaptureMode, lang: Lang): Promise<CaptureSession> {
  const settings = await loadSettings();
  // What the person selected in the side panel, and on which page (lib/browser/selection.ts): the save records it
  // only when that page is the captured one.
  const selection = await loadStoredSelection(tabId).catch(() => null);
  const method = chooseCaptureMethod({ setting: settings.captureMethod, hasTabStream: hasOffscreenTabCapture(), mode });
  const session = new CaptureSession({ tabId, mode, lang, maxScreens: settings.maxScreens, selection, method }, browserCaptureDriver(settings.capturerRole));
  const started = performance.now();
  session.subscribe((status) => {
    // The benchmark's breakdown of the last capture (tests/bench/tab-stream.bench.ts reads it from the worker).
    if (status.state === 'done') {
      session.times.add('session, start to saved', performance.now() - started);
      (globalThis as { lastCaptureTimes?: unknown }).lastCaptureTimes = session.times.toJSON();
    }
    // Saved: its files are stamped now when trusted timestamps are on (after the save, never holding it up).
    if (status.state === 'done') void timestampCapture(status.summary.captureId).catch(() => undefined);
    // Recorded once: a selection of the captured page is cleared; one of another page is left as it was.
    if (status.state === 'done' && selection && samePage(selection.url, status.summary.url)) {
      void saveSelection(tabId, selection.url, []).catch(() => undefined);
    }
  });
  return session;
}
