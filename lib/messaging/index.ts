/**
 * Sending and receiving the messages of lib/messaging/protocol.ts, in every context (background, pages, content
 * script, capture agent). Built on @webext-core/messaging (by WXT's author): it wraps each message as
 * { id, type, data, timestamp } over runtime/tabs.sendMessage, keeps one runtime.onMessage listener per context,
 * ignores messages of any other shape and carries a handler's error back to the sender. It has no window or DOM
 * channel (that is a separate export we do not use), so nothing here reaches the page's scripts.
 *
 * What it does not do, and this module adds: the sender check of every message against ROUTES (a refused message
 * gets an error, its handler never runs), several listeners of one message in a context (the side panel follows
 * 'page-info' twice), and sending to a tab's top frame only. One wart: when no content script is in a tab, its
 * tabs.sendMessage leaves Chrome's "Unchecked runtime.lastError" line in the sending page's console; the caller
 * still gets the rejection ("No response") it handles.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import { browser, type Browser } from 'wxt/browser';
import { ROUTES, type MessageName, type PortName, type RequestOf, type ResponseOf } from './protocol';
import { isAllowedSender, type MessageSender, type Self } from './sender';

const messenger = defineExtensionMessaging<{ [N in MessageName]: (request: RequestOf<N>) => ResponseOf<N> }>();

/** Answers a message; `sender` has passed the check of ROUTES already. */
export type Handler<N extends MessageName> = (
  request: RequestOf<N>,
  sender: MessageSender,
) => ResponseOf<N> | Promise<ResponseOf<N>>;

export class RefusedMessageError extends Error {
  constructor(name: string) {
    super(`Message "${name}" refused: not from a sender it may come from.`);
    this.name = 'RefusedMessageError';
  }
}

export function self(): Self {
  return { id: browser.runtime.id, root: browser.runtime.getURL('/') };
}

/** A message's request, left out where it carries nothing. */
export type RequestArgs<N extends MessageName> = RequestOf<N> extends undefined ? [request?: undefined] : [request: RequestOf<N>];

/** Content script or page -> background and extension pages (runtime.sendMessage). */
export function sendMessage<N extends MessageName>(name: N, ...[request]: RequestArgs<N>): Promise<ResponseOf<N>> {
  return send(name, request as RequestOf<N>);
}

/** Background or page -> the content script (or capture agent) of one tab, in its top frame. */
export function sendToTab<N extends MessageName>(tabId: number, name: N, ...[request]: RequestArgs<N>): Promise<ResponseOf<N>> {
  return send(name, request as RequestOf<N>, { tabId, frameId: 0 });
}

function send<N extends MessageName>(name: N, request: RequestOf<N>, target?: { tabId: number; frameId: number }) {
  const sendAny = messenger.sendMessage as (name: N, data: unknown, target?: { tabId: number; frameId: number }) => Promise<unknown>;
  return sendAny(name, request, target) as Promise<ResponseOf<N>>;
}

type AnyHandler = (request: unknown, sender: MessageSender) => unknown;
const listeners = new Map<MessageName, { handlers: Set<AnyHandler>; stop: () => void }>();

/**
 * Handle `name` in this context. Returns the function that stops. With several handlers of one name, all run and
 * the first one's answer is sent.
 */
export function onMessage<N extends MessageName>(name: N, handler: Handler<N>): () => void {
  let entry = listeners.get(name);
  if (!entry) {
    const handlers = new Set<AnyHandler>();
    const listen = messenger.onMessage as (name: N, receive: (message: { data: unknown; sender: MessageSender }) => unknown) => () => void;
    const stop = listen(name, ({ data, sender }) => {
      if (!isAllowedSender(ROUTES[name].from, sender, self())) throw new RefusedMessageError(name);
      return Promise.all([...handlers].map(async (each) => each(data, sender))).then((answers) => answers[0]);
    });
    entry = { handlers, stop };
    listeners.set(name, entry);
  }
  const { handlers } = entry;
  handlers.add(handler as AnyHandler);
  return () => {
    handlers.delete(handler as AnyHandler);
    if (handlers.size === 0 && listeners.get(name)?.handlers === handlers) {
      listeners.get(name)?.stop();
      listeners.delete(name);
    }
  };
}

/** Page -> background: open one of the ports of lib/messaging/protocol.ts (PORTS). */
export function connectPort(name: PortName): Browser.runtime.Port {
  return browser.runtime.connect({ name });
}
