/**
 * The content script of one site's platforms (its match patterns derived from their hosts): each site gets its
 * own, made from the registry at build time (addPlatformContentScripts in wxt.config.ts), carrying only its platforms'
 * URL parsers and extractors, so that a platform page loads no other platform's code. It tells the
 * extension what the page is, keeps it informed as single-page apps navigate without reloading, reads the
 * reportable items on screen (messages, posts) as the page changes, and runs pick mode. The steps themselves
 * are in lib/content/ (page-announcer, page-items, item-at, pick-mode, throttle), with their own tests.
 *
 * Nothing it learns is written into the page (no attributes, no window messages): the page's own scripts
 * cannot see it. Everything travels through the extension's own messaging.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { putPageBack } from '../capture/agent-style';
import { onMessage, sendMessage, type RequestArgs } from '../messaging';
import type { MessageName, PageItems, PickModeRequest } from '../messaging/protocol';
import { createRegistry, type PlatformRegistry } from '../platforms/lookup';
import type { PlatformModule } from '../platforms/types';
import { itemAt } from './item-at';
import { PageAnnouncer, pageInfo } from './page-announcer';
import { PageItemsReader } from './page-items';
import { PickMode } from './pick-mode';
import { throttleIdle } from './throttle';

/**
 * At most one extraction per this many ms. Chat pages mutate many times a second while scrolling or receiving
 * messages; the side panel only needs to follow what is on screen, and a third of a second feels immediate.
 */
const EXTRACT_INTERVAL_MS = 300;
/**
 * An update or reload of the extension orphans this script, and no event says so (Chromium leaves it running
 * without its extension): a look this often ends it, its observers, listeners and timers, soon after. The look is
 * one property read.
 */
const ORPHAN_CHECK_MS = 1000;

/** The content script of these platforms (those of one site, lib/platforms/lookup.ts `contentScriptGroups`). */
export function platformContentScript(platforms: readonly PlatformModule[]) {
  const registry = createRegistry(platforms);
  return defineContentScript({
    matches: registry.contentScriptMatches(),
    runAt: 'document_idle',
    // WXT would otherwise announce each start with a window.postMessage that every script of the page receives,
    // carrying the extension's id: the page would learn the extension is installed (tests/e2e/isolation.e2e.ts).
    noScriptStartedPostMessage: true,
    main(ctx) {
      run(ctx, registry);
    },
  });
}

/**
 * Everything the content script does, for one context. WXT ends a context when a newer copy of the script starts
 * (after an update), which it learns from an event on `document` that the page could also send. So when a
 * context ends while the extension is still there, the end was not an update: start again in a fresh context.
 */
function run(ctx: ContentScriptContext, registry: PlatformRegistry): void {
  ctx.onInvalidated(() => {
    if (!browser.runtime?.id) return;
    // Loaded here, not at the top: WXT reads this file at build time, where the context's module cannot load.
    // The new context takes this script's name (WXT's, import.meta.env.ENTRYPOINT), which a newer copy's start names.
    void import('wxt/utils/content-script-context').then(({ ContentScriptContext: Context }) =>
      run(new Context(import.meta.env.ENTRYPOINT, { noScriptStartedPostMessage: true }), registry),
    );
  });
  // ctx.setInterval's own check ends the context once the extension is gone (ctx.isInvalid reads runtime.id).
  ctx.setInterval(() => undefined, ORPHAN_CHECK_MS);
  const send: Send = (name, ...request) => {
    // Nobody may be listening (popup and side panel closed): that is normal, not an error.
    if (!ctx.isInvalid) sendMessage(name, ...request).catch(() => undefined);
  };
  const items = followItems(ctx, send, registry);
  const pick = startPickMode(ctx, send, registry);
  followPage(ctx, send, registry, () => {
    // Another page: its items are others, and picking on it would select things the person never saw.
    pick.end();
    items.request();
  });
  answerRequests(ctx, registry, items.fresh, pick.set);
  // Firefox: a capture ended by the add-on's reload may have left this page scrolled, where the background may not
  // script it. Chromium's agent puts its page back itself, so there this would only wake the service worker.
  if (import.meta.env.FIREFOX) {
    sendMessage('page-put-back').then(
      (putBack) => putBack && !ctx.isInvalid && putPageBack(putBack),
      () => undefined,
    );
  }
}

type Send = <N extends MessageName>(name: N, ...request: RequestArgs<N>) => void;

/** Items: read as the page changes (at most one extraction per interval, when idle), sent when they changed. */
function followItems(ctx: ContentScriptContext, send: Send, registry: PlatformRegistry) {
  const reader = new PageItemsReader(document, location.href, registry);
  ctx.onInvalidated(() => reader.stop());
  const refresh = () => {
    if (ctx.isInvalid) return;
    const page = reader.update(location.href);
    if (page) send('page-items', page);
  };
  const extraction = throttleIdle(refresh, EXTRACT_INTERVAL_MS);
  ctx.onInvalidated(() => extraction.cancel());
  // Any change of the body's tree asks for an extraction. Only hosts of platforms with an extractor pay for the
  // observer. (The pick overlay hangs off <html>, outside <body>, so drawing it does not trigger extractions.)
  if (registry.forHost(location.hostname).some((platform) => platform.extractorFor !== undefined)) {
    const bodyWatcher = new MutationObserver(() => extraction.request());
    bodyWatcher.observe(document.body ?? document.documentElement, { subtree: true, childList: true });
    ctx.onInvalidated(() => bodyWatcher.disconnect());
  }
  return {
    request: () => extraction.request(),
    /** Fresh, not the last throttled result: the panel just opened and wants the page as it is now. */
    fresh: () => {
      refresh();
      return reader.latest;
    },
  };
}

function startPickMode(ctx: ContentScriptContext, send: Send, registry: PlatformRegistry) {
  const pick = new PickMode({
    itemAt: (target) => itemAt(target, location.href, document.body, registry),
    onToggle: (key) => send('pick-toggle', key),
    onEnd: () => send('pick-ended'),
  });
  ctx.onInvalidated(() => pick.stop());
  /** Ends pick mode from here (navigation, a capture starting): the side panel must know too. */
  const end = () => {
    if (!pick.active) return;
    pick.stop();
    send('pick-ended');
  };
  const set = (request: PickModeRequest): true => {
    if (request.on) pick.start(request.selected, request.hint ?? '');
    else end();
    return true;
  };
  return { end, set };
}

/** Announces the page, and again whenever its address or title changes. */
function followPage(ctx: ContentScriptContext, send: Send, registry: PlatformRegistry, onNewPage: () => void): void {
  const announcer = new PageAnnouncer();
  const announce = () => {
    if (ctx.isInvalid) return;
    const info = pageInfo(location.href, document.title, registry);
    const change = announcer.next(info);
    if (!change) return;
    send('page-info', info);
    if (change.urlChanged) onNewPage();
  };
  announce();
  // The Navigation API's `navigate` fires before the URL changes; announce once it has.
  ctx.addEventListener(window, 'wxt:locationchange', () => ctx.setTimeout(announce, 0));
  // Apps set the new title some time after navigating: follow <title> too (cheap: head only).
  const titleWatcher = new MutationObserver(announce);
  titleWatcher.observe(document.head ?? document.documentElement, { subtree: true, childList: true, characterData: true });
  ctx.onInvalidated(() => titleWatcher.disconnect());
}

function answerRequests(
  ctx: ContentScriptContext,
  registry: PlatformRegistry,
  freshItems: () => PageItems,
  setPick: (request: PickModeRequest) => true,
): void {
  const stops = [
    onMessage('get-page-info', () => pageInfo(location.href, document.title, registry)),
    onMessage('get-identifiers', freshItems),
    onMessage('pick-mode', setPick),
  ];
  ctx.onInvalidated(() => stops.forEach((stop) => stop()));
}
