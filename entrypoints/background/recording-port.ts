/**
 * The popup starts, follows and stops a recording of its tab over a `recording` port, as captures do over theirs
 * (capture-port.ts): closing the popup does not stop it, and a popup opened again for the tab finds it. One
 * recording per tab. Quick exit stops every recording and saves what was recorded, without showing anything.
 */
import type { Browser } from 'wxt/browser';
import { CaptureRegistry } from '../../lib/capture/registry';
import type { RecordingSession } from '../../lib/capture/recording/session';
import type { RecordingPortRequest } from '../../lib/messaging/protocol';
import type { RecordingStatus } from '../../lib/capture/status';
import { newRecording } from './recording';
import { onQuickExitLock } from './quick-exit';
import { keepAlive, serveSessionPort } from './session-port';

const recordings = new CaptureRegistry<RecordingSession>();

/** Background start: quick exit stops every recording (registered before the lock, so it ends as 'quick-exit'). */
export function setUpRecordings(): void {
  onQuickExitLock(() => recordings.cancelAll('locked'));
}

type StartRequest = Extract<RecordingPortRequest, { type: 'start' }>;
type OtherRequest = Exclude<RecordingPortRequest, { type: 'start' | 'attach' }>;

async function start(request: StartRequest): Promise<RecordingSession | null> {
  const session = await newRecording(request.tabId, request.lang);
  if (!recordings.add(request.tabId, session)) return null;
  const stopKeepAlive = keepAlive();
  session.subscribe(({ state }) => state !== 'running' && stopKeepAlive());
  void session.start();
  return session;
}

/** A `recording` port, handed over by the router (lib/messaging/router.ts) once its sender is checked. */
export function serveRecordingPort(port: Browser.runtime.Port): void {
  serveSessionPort<RecordingStatus, RecordingSession, StartRequest, OtherRequest>(port, {
    sessions: recordings,
    start,
    handle: (session) => void session?.stop('stop'),
  });
}
