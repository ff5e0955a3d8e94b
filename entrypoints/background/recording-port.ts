/**
 * The popup starts, follows and stops a recording of its tab over a `recording` port, as captures do over theirs
 * (capture-port.ts): closing the popup does not stop it, and a popup opened again for the tab finds it. One
 * recording per tab. Quick exit stops every recording and saves what was recorded, without showing anything.
 */
import type { Browser } from 'wxt/browser';
import { CaptureRegistry } from '../../lib/capture/registry';
import type { RecordingSession } from '../../lib/capture/recording/session';
import type { RecordingPortEvent, RecordingPortRequest } from '../../lib/messaging/protocol';
import { keepAlive } from './capture-port';
import { newRecording } from './recording';
import { onQuickExitLock } from './quick-exit';

const recordings = new CaptureRegistry<RecordingSession>();

/** Background start: quick exit stops every recording (registered before the lock, so it ends as 'quick-exit'). */
export function setUpRecordings(): void {
  onQuickExitLock(() => recordings.cancelAll('locked'));
}

async function start(request: Extract<RecordingPortRequest, { type: 'start' }>): Promise<RecordingSession | null> {
  const session = await newRecording(request.tabId, request.lang);
  if (!recordings.add(request.tabId, session)) return null;
  const stopKeepAlive = keepAlive();
  session.subscribe(({ state }) => state !== 'running' && stopKeepAlive());
  void session.start();
  return session;
}

/** A `recording` port, handed over by the router (lib/messaging/router.ts) once its sender is checked. */
export function serveRecordingPort(port: Browser.runtime.Port): void {
  let session: RecordingSession | null = null;
  let unsubscribe = () => {};
  const send = (event: RecordingPortEvent) => {
    try {
      port.postMessage(event);
    } catch {
      unsubscribe(); // the popup closed
    }
  };
  const follow = (found: RecordingSession | null) => {
    unsubscribe();
    session = found;
    if (!found) return send({ type: 'none' });
    unsubscribe = found.subscribe((status) => send({ type: 'status', status }));
  };
  port.onDisconnect.addListener(() => unsubscribe());
  port.onMessage.addListener((message: unknown) => {
    const request = message as RecordingPortRequest;
    if (request.type === 'attach') follow(recordings.get(request.tabId));
    else if (request.type === 'start') {
      if (recordings.isBusy(request.tabId)) return send({ type: 'refused', code: 'busy' });
      start(request).then(
        (started) => (started ? follow(started) : send({ type: 'refused', code: 'busy' })),
        (error: unknown) => send({ type: 'status', status: { state: 'failed', code: 'failed', detail: `start: ${String(error)}` } }),
      );
    } else if (request.type === 'stop') void session?.stop('stop');
  });
}
