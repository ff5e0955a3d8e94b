/**
 * The popup starts and follows a capture over a `capture` port. Closing the popup does not stop the capture (the
 * person may click away); its result is stored all the same, and a popup opened again for the tab finds it
 * (`attach`): progress, the result, or "Try saving again" when the save failed. One capture per tab at a time.
 */
import { browser, type Browser } from 'wxt/browser';
import { CaptureRegistry } from '../../lib/capture/registry';
import type { CaptureSession } from '../../lib/capture/session';
import type { CapturePortRequest } from '../../lib/messaging/protocol';
import type { CaptureStatus } from '../../lib/capture/status';
import { newCapture } from './capture';
import { onQuickExitLock } from './quick-exit';
import { keepAlive, serveSessionPort } from './session-port';

const captures = new CaptureRegistry<CaptureSession>();

type StartRequest = Extract<CapturePortRequest, { type: 'start' }>;
type OtherRequest = Exclude<CapturePortRequest, { type: 'start' | 'attach' }>;

async function start(request: StartRequest): Promise<CaptureSession | null> {
  const session = await newCapture(request.tabId, request.mode, request.lang);
  if (!captures.add(request.tabId, session)) return null;
  // Awake until the capture is saved or given up: a finished capture waiting to be saved lives in memory only.
  const stopKeepAlive = keepAlive();
  session.subscribe(({ state }) => (state === 'done' || state === 'failed') && stopKeepAlive());
  void session.run();
  return session;
}

/** Background start: quick exit stops every capture (safety first: nothing of it is stored). */
export function setUpCaptures(): void {
  onQuickExitLock(() => captures.cancelAll('locked'));
  browser.tabs.onRemoved.addListener((tabId: number) => captures.forget(tabId));
}

/** A `capture` port, handed over by the router (lib/messaging/router.ts) once its sender is checked. */
export function serveCapturePort(port: Browser.runtime.Port): void {
  serveSessionPort<CaptureStatus, CaptureSession, StartRequest, OtherRequest>(port, {
    sessions: captures,
    start,
    handle: (session, request) => {
      if (request.type === 'cancel') session?.cancel();
      else if (request.type === 'retry-save') void session?.retrySave();
      else session?.discard();
    },
  });
}
