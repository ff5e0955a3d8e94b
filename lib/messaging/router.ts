/**
 * The background's one router: every message the background answers and every port it accepts, registered in one
 * place (entrypoints/background/index.ts), each behind the sender check of lib/messaging/protocol.ts.
 */
import { browser, type Browser } from 'wxt/browser';
import { onMessage, self, type Handler } from './index';
import { PORTS, ROUTES, type BackgroundMessage, type MessageName, type PortName } from './protocol';
import { isAllowedSender, type Self } from './sender';

/** A handler for each message whose route goes to the background: the compiler asks for all of them. */
export type BackgroundHandlers = { [N in BackgroundMessage]: Handler<N> };
export type PortHandlers = { [P in PortName]: (port: Browser.runtime.Port) => void };

export const BACKGROUND_MESSAGES = (Object.keys(ROUTES) as MessageName[]).filter(
  (name): name is BackgroundMessage => ROUTES[name].to === 'background' || ROUTES[name].to === 'extension',
);

/** Serves the background's messages and ports; returns the function that stops (for tests). */
export function startRouter(handlers: BackgroundHandlers, ports: PortHandlers): () => void {
  const stops = BACKGROUND_MESSAGES.map((name) => onMessage(name, handlers[name] as Handler<typeof name>));
  const onConnect = (port: Browser.runtime.Port) => void acceptPort(port, ports, self());
  browser.runtime.onConnect.addListener(onConnect);
  return () => {
    stops.forEach((stop) => stop());
    browser.runtime.onConnect.removeListener(onConnect);
  };
}

/** Hands a port to its handler when its name is known and its sender may open it; closes it otherwise. */
export function acceptPort(port: Browser.runtime.Port, ports: PortHandlers, extension: Self): boolean {
  const name = port.name;
  const known = Object.hasOwn(PORTS, name) ? (name as PortName) : null;
  if (known === null || !isAllowedSender(PORTS[known].from, port.sender ?? {}, extension)) {
    port.disconnect();
    return false;
  }
  ports[known](port);
  return true;
}
