/**
 * The popup starts and follows a capture over a `capture` port. Closing the popup does not stop the capture (the
 * person may click away); its result is stored all the same, and a popup opened again for the tab finds it
 * (`attach`): progress, the result, or "Try saving again" when the save failed. One capture per tab at a time.
 */
import { browser, type Browser } from 'wxt/browser';
import { CaptureRegistry } from '../../lib/capture/registry';
import type { CaptureSession } from '../../lib/capture/session';
import type { CapturePortEvent, CapturePortRequest } from '../../lib/messaging/protocol';
import { newCapture } from './capture';
import { onQuickExitLock } from './quick-exit';

const captures = new CaptureRegistry<CaptureSession>();

/** MV3 service workers stop after 30 s without extension events; an API call every 20 s keeps a capture alive. */
export function keepAlive(): () => void {
  const timer = setInterval(() => void browser.runtime.getPlatformInfo().catch(() => undefined), 20_000);
  return () => clearInterval(timer);
}

async function start(request: Extract<CapturePortRequest, { type: 'start' }>): Promise<CaptureSession | null> {
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
  let session: CaptureSession | null = null;
  let unsubscribe = () => {};
  const send = (event: CapturePortEvent) => {
    try {
      port.postMessage(event);
    } catch {
      unsubscribe(); // the popup closed
    }
  };
  const follow = (found: CaptureSession | null) => {
    unsubscribe();
    session = found;
    if (!found) return send({ type: 'none' });
    unsubscribe = found.subscribe((status) => send({ type: 'status', status }));
  };
  port.onDisconnect.addListener(() => unsubscribe());
  port.onMessage.addListener((message: unknown) => {
    const request = message as CapturePortRequest;
    if (request.type === 'attach') follow(captures.get(request.tabId));
    else if (request.type === 'start') {
      if (captures.isBusy(request.tabId)) return send({ type: 'refused', code: 'busy' });
      start(request).then(
        (started) => (started ? follow(started) : send({ type: 'refused', code: 'busy' })),
        (error: unknown) => send({ type: 'status', status: { state: 'failed', code: 'failed', detail: `start: ${String(error)}` } }),
      );
    } else if (request.type === 'cancel') session?.cancel();
    else if (request.type === 'retry-save') void session?.retrySave();
    else if (request.type === 'discard') session?.discard();
  });
}
