/**
 * The protocol's router and sender check, driven as the browser drives them: raw messages handed to the
 * runtime.onMessage listener that @webext-core/messaging installs (WXT's fake browser stands in for the browser).
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { onMessage, sendToTab, type Handler } from '../../../lib/messaging';
import type { PageInfo } from '../../../lib/messaging/protocol';
import { acceptPort, BACKGROUND_MESSAGES, startRouter, type BackgroundHandlers } from '../../../lib/messaging/router';
import type { MessageSender } from '../../../lib/messaging/sender';
import { contentSender, DISCORD, ID, otherExtension, pageSender, ROOT, webPage } from './senders';

const NO_ANSWER = Symbol('no answer');
let sequence = 0;

/** What the sender of `message` gets back: the library's { res } or { err }, or NO_ANSWER when nobody answers. */
function deliver(message: unknown, sender: MessageSender): Promise<unknown> {
  return new Promise((resolve) => {
    void (fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => Promise<unknown[]>)(message, sender, resolve).then((kept: unknown[]) => {
      if (!kept.includes(true)) resolve(NO_ANSWER);
    });
  });
}

/** A message as lib/messaging sends it. */
const wrap = (type: string, data?: unknown) => ({ id: ++sequence, type, data, timestamp: Date.now() });

const INFO: PageInfo = { url: DISCORD, title: 'Discord', parsed: null };

function fakePort(name: string, sender: MessageSender) {
  return { name, sender, disconnect: vi.fn() } as unknown as Parameters<typeof acceptPort>[0] & { disconnect: ReturnType<typeof vi.fn> };
}

// The fake browser has no runtime.onConnect: a set of listeners stands in for it.
const connectListeners = new Set<(port: unknown) => void>();
vi.spyOn(fakeBrowser.runtime.onConnect, 'addListener').mockImplementation((listener) => void connectListeners.add(listener as never));
vi.spyOn(fakeBrowser.runtime.onConnect, 'removeListener').mockImplementation((listener) => void connectListeners.delete(listener as never));

const stops: Array<() => void> = [];
afterEach(() => stops.splice(0).forEach((stop) => stop()));

function routerWith(overrides: Partial<BackgroundHandlers> = {}) {
  const handlers = {
    'page-info': vi.fn<BackgroundHandlers['page-info']>(),
    'quick-exit': vi.fn<BackgroundHandlers['quick-exit']>(async () => undefined),
    'tab-stream-ended': vi.fn<BackgroundHandlers['tab-stream-ended']>(),
    'timestamps-run': vi.fn<BackgroundHandlers['timestamps-run']>(),
    'agent-style': vi.fn<BackgroundHandlers['agent-style']>(async () => true as const),
    'page-put-back': vi.fn<BackgroundHandlers['page-put-back']>(async () => null),
    ...overrides,
  };
  const capture = vi.fn();
  stops.push(startRouter(handlers, { capture, recording: vi.fn(), 'recording-chunks': vi.fn(), 'capture-agent': vi.fn() }));
  return { handlers, capture };
}

describe('the background router', () => {
  it('serves exactly the messages whose route goes to the background', () => {
    expect([...BACKGROUND_MESSAGES].sort()).toEqual(['agent-style', 'page-info', 'page-put-back', 'quick-exit', 'tab-stream-ended', 'timestamps-run']);
  });

  it('answers a quick exit from an extension page, with its request and sender', async () => {
    const { handlers } = routerWith();
    const sender = pageSender('/sidepanel.html?tabId=4');
    expect(await deliver(wrap('quick-exit', { tabId: 4 }), sender)).toEqual({ res: undefined });
    expect(handlers['quick-exit']).toHaveBeenCalledWith({ tabId: 4 }, sender);
  });

  it('takes page-info from our content script in the top frame of a tab', async () => {
    const { handlers } = routerWith();
    expect(await deliver(wrap('page-info', INFO), contentSender())).toEqual({ res: undefined });
    expect(handlers['page-info']).toHaveBeenCalledWith(INFO, contentSender());
  });

  it.each([
    ['a web page', 'quick-exit', webPage()],
    ['another extension', 'quick-exit', otherExtension()],
    ['our content script (quick exit comes from our pages only)', 'quick-exit', contentSender()],
    ['a page of our origin that is not one of our pages', 'quick-exit', pageSender('/evil.html')],
    ['our content script in a sub-frame', 'page-info', contentSender({ frameId: 3 })],
    ['an extension page (page-info comes from content scripts only)', 'page-info', pageSender('/popup.html')],
    ['a web page', 'page-info', webPage()],
    ['another extension', 'page-info', otherExtension()],
  ])('refuses %s: %s', async (_who, name, sender) => {
    const { handlers } = routerWith();
    const answer = (await deliver(wrap(name, name === 'quick-exit' ? { tabId: 1 } : INFO), sender)) as { err?: { message?: string } };
    expect(answer.err?.message).toMatch(new RegExp(`"${name}" refused`));
    expect(handlers['quick-exit']).not.toHaveBeenCalled();
    expect(handlers['page-info']).not.toHaveBeenCalled();
  });

  it('does not answer unknown names, the old message shapes, or messages the background does not serve', async () => {
    const { handlers } = routerWith();
    const page = pageSender('/popup.html');
    expect(await deliver(wrap('start-capture', { tabId: 4 }), page)).toBe(NO_ANSWER);
    expect(await deliver({ type: 'quick-exit', tabId: 4 }, page)).toBe(NO_ANSWER);
    expect(await deliver({ type: 'capture-agent', op: 'prepare' }, page)).toBe(NO_ANSWER);
    expect(await deliver('quick-exit', page)).toBe(NO_ANSWER);
    expect(await deliver(wrap('get-page-info'), page)).toBe(NO_ANSWER);
    expect(await deliver(wrap('selection-get', { tabId: 4 }), page)).toBe(NO_ANSWER);
    expect(handlers['quick-exit']).not.toHaveBeenCalled();
  });

  it("carries a handler's failure back to the sender", async () => {
    routerWith({ 'quick-exit': () => Promise.reject(new Error('tabs gone')) });
    expect(await deliver(wrap('quick-exit', { tabId: null }), pageSender('/manager.html', { tab: { id: 9 }, frameId: 0 }))).toMatchObject({
      err: { message: 'tabs gone' },
    });
  });

  it('stops answering once stopped', async () => {
    routerWith();
    stops.splice(0).forEach((stop) => stop());
    expect(await deliver(wrap('quick-exit', { tabId: 4 }), pageSender('/popup.html'))).toBe(NO_ANSWER);
  });

  it('types each handler by the protocol map', () => {
    expectTypeOf<Parameters<BackgroundHandlers['quick-exit']>[0]>().toEqualTypeOf<{ tabId: number | null }>();
    expectTypeOf<Parameters<BackgroundHandlers['page-info']>[0]>().toEqualTypeOf<PageInfo>();
    expectTypeOf<ReturnType<Handler<'get-page-info'>>>().toEqualTypeOf<PageInfo | Promise<PageInfo>>();
    // @ts-expect-error: a handler missing from the router does not compile.
    const missing: BackgroundHandlers = { 'page-info': () => undefined };
    // @ts-expect-error: a message's request has its own type.
    const wrong: Handler<'quick-exit'> = (request: { tabId: string }) => void request;
    expect([missing, wrong]).toHaveLength(2);
  });
});

describe('the capture port', () => {
  it('reaches the router, which checks it before its handler sees it', () => {
    const { capture } = routerWith();
    const fromPopup = fakePort('capture', pageSender('/popup.html'));
    const fromContent = fakePort('capture', contentSender());
    connectListeners.forEach((listener) => [fromPopup, fromContent].forEach((port) => listener(port)));
    expect(capture).toHaveBeenCalledExactlyOnceWith(fromPopup);
    expect(fromContent.disconnect).toHaveBeenCalledOnce();
    stops.splice(0).forEach((stop) => stop());
    expect(connectListeners.size).toBe(0);
  });

  it('is handed to its handler when an extension page opens it', () => {
    const capture = vi.fn();
    const port = fakePort('capture', pageSender('/popup.html?tabId=4'));
    expect(acceptPort(port, { capture, recording: vi.fn(), 'recording-chunks': vi.fn(), 'capture-agent': vi.fn() }, { id: ID, root: ROOT })).toBe(true);
    expect(capture).toHaveBeenCalledWith(port);
    expect(port.disconnect).not.toHaveBeenCalled();
  });

  it('takes the port of the capture agent from our script in a tab, and from no extension page', () => {
    const agent = vi.fn();
    const fromTab = fakePort('capture-agent', contentSender());
    expect(acceptPort(fromTab, { capture: vi.fn(), recording: vi.fn(), 'recording-chunks': vi.fn(), 'capture-agent': agent }, { id: ID, root: ROOT })).toBe(true);
    expect(agent).toHaveBeenCalledWith(fromTab);
    const fromPage = fakePort('capture-agent', pageSender('/popup.html'));
    expect(acceptPort(fromPage, { capture: vi.fn(), recording: vi.fn(), 'recording-chunks': vi.fn(), 'capture-agent': agent }, { id: ID, root: ROOT })).toBe(false);
    expect(fromPage.disconnect).toHaveBeenCalledOnce();
  });

  it('takes the recording ports: the popup\'s recording, and the chunks from the offscreen document only', () => {
    const handlers = { capture: vi.fn(), recording: vi.fn(), 'recording-chunks': vi.fn(), 'capture-agent': vi.fn() };
    const fromPopup = fakePort('recording', pageSender('/popup.html?tabId=4'));
    expect(acceptPort(fromPopup, handlers, { id: ID, root: ROOT })).toBe(true);
    expect(handlers.recording).toHaveBeenCalledWith(fromPopup);
    const fromOffscreen = fakePort('recording-chunks', pageSender('/offscreen.html'));
    expect(acceptPort(fromOffscreen, handlers, { id: ID, root: ROOT })).toBe(true);
    expect(handlers['recording-chunks']).toHaveBeenCalledWith(fromOffscreen);
    for (const sender of [pageSender('/popup.html'), contentSender()]) {
      const forged = fakePort('recording-chunks', sender);
      expect(acceptPort(forged, handlers, { id: ID, root: ROOT })).toBe(false);
      expect(forged.disconnect).toHaveBeenCalledOnce();
    }
    expect(handlers['recording-chunks']).toHaveBeenCalledOnce();
  });

  it.each([
    ['a content script', 'capture', contentSender()],
    ['another extension', 'capture', otherExtension()],
    ['a web page', 'capture', webPage()],
    ['a sender without details', 'capture', {}],
    ['an unknown port name', 'capture-all', pageSender('/popup.html')],
    ['an inherited property name', 'toString', pageSender('/popup.html')],
  ])('is closed for %s', (_who, name, sender) => {
    const capture = vi.fn();
    const port = fakePort(name, sender);
    expect(acceptPort(port, { capture, recording: capture, 'recording-chunks': capture, 'capture-agent': capture }, { id: ID, root: ROOT })).toBe(false);
    expect(port.disconnect).toHaveBeenCalledOnce();
    expect(capture).not.toHaveBeenCalled();
  });
});

describe('listening in pages and content scripts', () => {
  it('runs every listener of one message in a context, and stops each on its own', async () => {
    const first = vi.fn();
    const second = vi.fn();
    const stopFirst = onMessage('page-items', first);
    stops.push(onMessage('page-items', second));
    const page = { url: DISCORD, items: [] };
    await deliver(wrap('page-items', page), contentSender());
    expect(first).toHaveBeenCalledWith(page, contentSender());
    expect(second).toHaveBeenCalledOnce();
    stopFirst();
    await deliver(wrap('page-items', page), contentSender());
    expect(first).toHaveBeenCalledOnce();
    expect(second).toHaveBeenCalledTimes(2);
  });

  it('lets only the background drive the capture agent', async () => {
    const prepare = vi.fn(() => ({ url: DISCORD }) as never);
    stops.push(onMessage('agent-prepare', prepare));
    expect(await deliver(wrap('agent-prepare'), pageSender('/popup.html'))).toMatchObject({ err: { message: expect.stringMatching(/refused/) } });
    expect(await deliver(wrap('agent-prepare'), contentSender())).toMatchObject({ err: {} });
    expect(prepare).not.toHaveBeenCalled();
    expect(await deliver(wrap('agent-prepare'), pageSender('/background.js'))).toEqual({ res: { url: DISCORD } });
    // Firefox's background page.
    expect(await deliver(wrap('agent-prepare'), pageSender('/_generated_background_page.html'))).toEqual({ res: { url: DISCORD } });
  });

  it('lets only the background open tab streams in the offscreen document, and only that document report one ended', async () => {
    const close = vi.fn(() => true as const);
    stops.push(onMessage('tab-stream-close', close));
    expect(await deliver(wrap('tab-stream-close', { key: 'k' }), pageSender('/popup.html'))).toMatchObject({ err: { message: expect.stringMatching(/refused/) } });
    expect(await deliver(wrap('tab-stream-close', { key: 'k' }), contentSender())).toMatchObject({ err: {} });
    expect(await deliver(wrap('tab-stream-close', { key: 'k' }), pageSender('/offscreen.html'))).toMatchObject({ err: {} });
    expect(close).not.toHaveBeenCalled();
    expect(await deliver(wrap('tab-stream-close', { key: 'k' }), pageSender('/background.js'))).toEqual({ res: true });
    const { handlers } = routerWith();
    expect(await deliver(wrap('tab-stream-ended', { key: 'k' }), pageSender('/popup.html'))).toMatchObject({ err: {} });
    expect(handlers['tab-stream-ended']).not.toHaveBeenCalled();
    await deliver(wrap('tab-stream-ended', { key: 'k' }), pageSender('/offscreen.html'));
    expect(handlers['tab-stream-ended']).toHaveBeenCalledWith({ key: 'k' }, pageSender('/offscreen.html'));
  });

  it('takes requests for the content script from our pages and background only', async () => {
    stops.push(onMessage('get-page-info', () => INFO));
    expect(await deliver(wrap('get-page-info'), pageSender('/sidepanel.html'))).toEqual({ res: INFO });
    expect(await deliver(wrap('get-page-info'), otherExtension())).toMatchObject({ err: {} });
    expect(await deliver(wrap('get-page-info'), webPage())).toMatchObject({ err: {} });
  });

  it('sends to the top frame of a tab', async () => {
    const send = vi
      .spyOn(fakeBrowser.tabs, 'sendMessage')
      .mockImplementation(((_tab: number, _message: unknown, _options: unknown, reply: (answer: unknown) => void) => reply({ res: INFO })) as never);
    expect(await sendToTab(4, 'get-page-info')).toEqual(INFO);
    expect(send).toHaveBeenCalledWith(4, expect.objectContaining({ type: 'get-page-info' }), { frameId: 0 }, expect.any(Function));
    send.mockRestore();
  });
});
