/**
 * Starts a capture of a tab: the session (lib/capture/session.ts) does the work against the real browser
 * (lib/capture/browser-driver.ts). Everything here is wiring: settings, the side-panel selection, and clearing
 * that selection once it is recorded.
 */
import { browserCaptureDriver } from '../../lib/capture/browser-driver';
import { CaptureSession } from '../../lib/capture/session';
import { loadSelection, saveSelection } from '../../lib/browser/selection';
import { loadSettings } from '../../lib/browser/settings';
import type { CaptureMode } from '../../lib/evidence/types';
import type { Lang } from '../../lib/i18n';

export async function newCapture(tabId: number, mode: CaptureMode, lang: Lang): Promise<CaptureSession> {
  const settings = await loadSettings();
  // What the person selected in the side panel on this page (lib/browser/selection.ts).
  const selectedItems = await loadSelection(tabId).catch(() => []);
  const session = new CaptureSession({ tabId, mode, lang, maxScreens: settings.maxScreens, selectedItems }, browserCaptureDriver(settings.capturerRole));
  session.subscribe((status) => {
    if (status.state === 'done' && selectedItems.length > 0) void saveSelection(tabId, []).catch(() => undefined);
  });
  return session;
}
