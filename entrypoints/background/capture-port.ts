/**
 * The popup starts and follows a capture over a `capture` port. Closing the popup does not stop the capture
 * (the person may click away); its result is stored all the same. One capture per tab at a time.
 */
import { browser, type Browser } from 'wxt/browser';
import { loadSelection } from '../../lib/browser/selection';
import { loadSettings } from '../../lib/browser/settings';
import type { CapturePortEvent, CapturePortRequest } from '../../lib/messaging/protocol';
import { CaptureError, captureTab } from './capture';

const running = new Map<number, AbortController>();

/** MV3 service workers stop after 30 s without extension events; an API call every 20 s keeps a long capture alive. */
function keepAlive(): () => void {
  const timer = setInterval(() => void browser.runtime.getPlatformInfo().catch(() => undefined), 20_000);
  return () => clearInterval(timer);
}

/** A `capture` port, handed over by the router (lib/messaging/router.ts) once its sender is checked. */
export function serveCapturePort(port: Browser.runtime.Port): void {
  let controller: AbortController | null = null;
  let connected = true;
  const send = (event: CapturePortEvent) => {
    if (connected) port.postMessage(event);
  };
  port.onDisconnect.addListener(() => {
    connected = false;
  });
  port.onMessage.addListener((message: unknown) => {
    const request = message as CapturePortRequest;
    if (request.type === 'cancel') {
      controller?.abort();
      return;
    }
    if (request.type !== 'start') return;
    if (running.has(request.tabId)) {
      send({ type: 'error', code: 'busy' });
      return;
    }
    controller = new AbortController();
    running.set(request.tabId, controller);
    const stopKeepAlive = keepAlive();
    void (async () => {
      try {
        const settings = await loadSettings();
        const summary = await captureTab({
          tabId: request.tabId,
          mode: request.mode,
          lang: request.lang,
          settings,
          // What the person selected in the side panel for this tab (lib/browser/selection.ts).
          selectedItems: await loadSelection(request.tabId).catch(() => []),
          signal: controller!.signal,
          onProgress: (phase, done, total) => send({ type: 'progress', phase, done, total }),
        });
        send({ type: 'done', summary });
      } catch (error) {
        const code = error instanceof CaptureError ? error.code : 'failed';
        send({ type: 'error', code, detail: error instanceof Error ? error.message : String(error) });
      } finally {
        stopKeepAlive();
        running.delete(request.tabId);
      }
    })();
  });
}
