/**
 * What the capture and recording ports share: the popup starts a session of its tab (one per tab) or attaches to the
 * running one, and follows its status until the popup closes. Closing the popup never stops the session.
 */
import { browser, type Browser } from 'wxt/browser';
import type { CaptureRegistry, RegisteredCapture } from '../../lib/capture/registry';
import type { CaptureErrorCode } from '../../lib/capture/status';

/** MV3 service workers stop after 30 s without extension events; an API call every 20 s keeps a session alive. */
export function keepAlive(): () => void {
  const timer = setInterval(() => void browser.runtime.getPlatformInfo().catch(() => undefined), 20_000);
  return () => clearInterval(timer);
}

/** A session the popup can follow: a capture or a recording of one tab. */
export interface FollowedSession<Status> extends RegisteredCapture {
  subscribe(listener: (status: Status) => void): () => void;
}

type FailedToStart = { state: 'failed'; code: CaptureErrorCode; detail?: string };
type SessionPortEvent<Status> = { type: 'status'; status: Status | FailedToStart } | { type: 'none' } | { type: 'refused'; code: 'busy' };

export interface SessionPortKind<Session, Start extends { type: 'start'; tabId: number }, Other extends { type: string }> {
  sessions: CaptureRegistry<Session & RegisteredCapture>;
  /** Makes, registers and starts a session; null when the tab got one meanwhile. */
  start(request: Start): Promise<Session | null>;
  /** Any request but start and attach, for the session this port follows (null before it follows one). */
  handle(session: Session | null, request: Other): void;
}

export function serveSessionPort<
  Status,
  Session extends FollowedSession<Status>,
  Start extends { type: 'start'; tabId: number },
  Other extends { type: string },
>(port: Browser.runtime.Port, kind: SessionPortKind<Session, Start, Other>): void {
  let session: Session | null = null;
  let unsubscribe = () => {};
  const send = (event: SessionPortEvent<Status>) => {
    try {
      port.postMessage(event);
    } catch {
      unsubscribe(); // the popup closed
    }
  };
  const follow = (found: Session | null) => {
    unsubscribe();
    session = found;
    if (!found) return send({ type: 'none' });
    unsubscribe = found.subscribe((status) => send({ type: 'status', status }));
  };
  port.onDisconnect.addListener(() => unsubscribe());
  port.onMessage.addListener((message: unknown) => {
    const request = message as Start | { type: 'attach'; tabId: number } | Other;
    if (request.type === 'attach') follow(kind.sessions.get((request as { tabId: number }).tabId));
    else if (request.type === 'start') {
      const start = request as Start;
      if (kind.sessions.isBusy(start.tabId)) return send({ type: 'refused', code: 'busy' });
      kind.start(start).then(
        (started) => (started ? follow(started) : send({ type: 'refused', code: 'busy' })),
        (error: unknown) => send({ type: 'status', status: { state: 'failed', code: 'failed', detail: `start: ${String(error)}` } }),
      );
    } else kind.handle(session, request as Other);
  });
}
