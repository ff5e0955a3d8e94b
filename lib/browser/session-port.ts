/**
 * The popup's side of a session port (`capture` or `recording`; served by entrypoints/background/session-port.ts):
 * one port at a time, opened again when the background was restarted since, and one call when it closes that says
 * whether the background stopped answering or the extension itself was updated or reloaded under the page.
 */
import { connectPort } from '../messaging';
import type { PortName } from '../messaging/protocol';
import { noticeIfExtensionGone } from './evidence';

export type PortClosed = 'background-gone' | 'extension-updated';

export interface SessionPortClient<Request> {
  send(request: Request): void;
  close(): void;
}

export function sessionPortClient<Request, Event>(
  name: Extract<PortName, 'capture' | 'recording'>,
  onEvent: (event: Event) => void,
  onClosed: (why: PortClosed) => void,
): SessionPortClient<Request> {
  let port: ReturnType<typeof connectPort> | null = null;
  const closedBecause = (): PortClosed => (noticeIfExtensionGone() ? 'extension-updated' : 'background-gone');

  const connect = () => {
    const opened = connectPort(name);
    opened.onMessage.addListener((message: unknown) => onEvent(message as Event));
    opened.onDisconnect.addListener(() => {
      if (port !== opened) return; // closed by us
      port = null;
      onClosed(closedBecause());
    });
    port = opened;
    return opened;
  };

  return {
    send(request) {
      try {
        (port ?? connect()).postMessage(request);
      } catch {
        if (closedBecause() === 'extension-updated') onClosed('extension-updated');
        else connect().postMessage(request); // the background was restarted since: a new port reaches it
      }
    },
    close() {
      port?.disconnect();
      port = null;
    },
  };
}
