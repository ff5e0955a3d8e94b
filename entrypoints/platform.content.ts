/**
 * Runs only on the supported platforms' hosts (match patterns derived from the registry). It tells the
 * extension what the page is, keeps it informed as single-page apps navigate without reloading, reads the
 * reportable items on screen (messages, posts) as the page changes, and runs pick mode.
 *
 * Nothing it learns is written into the page (no attributes, no window messages): the page's own scripts
 * cannot see it. Everything travels through the extension's own messaging.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { itemsSignature } from '../lib/content/item-signature';
import { PickMode } from '../lib/content/pick-mode';
import { throttleIdle } from '../lib/content/throttle';
import { onMessage, sendMessage, type RequestArgs } from '../lib/messaging';
import type { MessageName, PageInfo, PageItems, PickModeRequest } from '../lib/messaging/protocol';
import { extractItems } from '../lib/platforms/page-identifiers';
import { contentScriptMatches, parsePlatformUrl, platformById, platformsForHost } from '../lib/platforms/registry';
import type { ExtractedItem, PlatformModule } from '../lib/platforms/types';

/**
 * At most one extraction per this many ms. Chat pages mutate many times a second while scrolling or receiving
 * messages; the side panel only needs to follow what is on screen, and a third of a second feels immediate.
 */
const EXTRACT_INTERVAL_MS = 300;

/** The platform module whose extractor reads this page, if the page is one of ours and it has one. */
function moduleFor(href: string): PlatformModule | null {
  const parsed = parsePlatformUrl(href);
  if (!parsed) return null;
  const platform = platformById(parsed.platform);
  return platform.extract ? platform : null;
}

/**
 * A root whose only candidate is `element`: lets the platform's own extractor say whether `element` is one item
 * (and which), so pick mode needs no second copy of the platform's selectors.
 */
function singleElementRoot(element: Element): ParentNode {
  return {
    querySelectorAll: (selector: string) => (element.matches(selector) ? [element] : []),
    querySelector: (selector: string) => (element.matches(selector) ? element : null),
  } as unknown as ParentNode;
}

function itemAt(target: Element): { key: string; element: Element } | null {
  const platform = moduleFor(location.href);
  if (!platform) return null;
  const url = new URL(location.href);
  for (let node: Element | null = target; node !== null && node !== document.body; node = node.parentElement) {
    const [item] = extractItems(platform, singleElementRoot(node), url);
    if (item) return { key: item.key, element: node };
  }
  return null;
}

export default defineContentScript({
  matches: contentScriptMatches(),
  runAt: 'document_idle',
  // WXT would otherwise announce each start with a window.postMessage that every script of the page receives,
  // carrying the extension's id: the page would learn the extension is installed (tests/e2e/isolation.e2e.ts).
  noScriptStartedPostMessage: true,
  main(ctx) {
    run(ctx);
  },
});

const SCRIPT_NAME = 'platform';

/**
 * Everything the content script does, for one context. WXT ends a context when a newer copy of the script starts
 * (after an update), which it learns from an event on `document` that the page could also send. So when a
 * context ends while the extension is still there, the end was not an update: start again in a fresh context.
 */
function run(ctx: ContentScriptContext): void {
  ctx.onInvalidated(() => {
    if (!browser.runtime?.id) return;
    // Loaded here, not at the top: WXT reads this file at build time, where the context's module cannot load.
    void import('wxt/utils/content-script-context').then(({ ContentScriptContext: Context }) =>
      run(new Context(SCRIPT_NAME, { noScriptStartedPostMessage: true })),
    );
  });
  let lastSent = '';
  let lastItemsSignature = '';
  let lastItems: PageItems = { url: location.href, items: [] };

  const send = <N extends MessageName>(name: N, ...request: RequestArgs<N>): void => {
    // Nobody may be listening (popup and side panel closed): that is normal, not an error.
    if (!ctx.isInvalid) sendMessage(name, ...request).catch(() => undefined);
  };

  const readPageInfo = (): PageInfo => ({
    url: location.href,
    title: document.title,
    parsed: parsePlatformUrl(location.href),
  });

  const readItems = (): PageItems => {
    const platform = moduleFor(location.href);
    const items: ExtractedItem[] = platform ? extractItems(platform, document, new URL(location.href)) : [];
    return { url: location.href, items };
  };

  /** Extract, and tell the extension only when the items (or the page they belong to) changed. */
  const refreshItems = () => {
    if (ctx.isInvalid) return;
    const page = readItems();
    const signature = `${page.url}\n${itemsSignature(page.items)}`;
    lastItems = page;
    if (signature === lastItemsSignature) return;
    lastItemsSignature = signature;
    send('page-items', page);
  };
  const extraction = throttleIdle(refreshItems, EXTRACT_INTERVAL_MS);
  ctx.onInvalidated(() => extraction.cancel());

  const pick = new PickMode({
    itemAt,
    onToggle: (key) => send('pick-toggle', key),
    onEnd: () => send('pick-ended'),
  });
  ctx.onInvalidated(() => pick.stop());

  const announce = () => {
    if (ctx.isInvalid) return;
    const info = readPageInfo();
    const key = `${info.url}\n${info.title}`;
    if (key === lastSent) return;
    const urlChanged = !lastSent.startsWith(`${info.url}\n`);
    lastSent = key;
    send('page-info', info);
    if (urlChanged) {
      // Another page: its items are others, and picking on it would select things the person never saw.
      if (pick.active) {
        pick.stop();
        send('pick-ended');
      }
      extraction.request();
    }
  };

  announce();
  // The Navigation API's `navigate` fires before the URL changes; announce once it has.
  ctx.addEventListener(window, 'wxt:locationchange', () => ctx.setTimeout(announce, 0));
  // Apps set the new title some time after navigating: follow <title> too (cheap: head only).
  const titleWatcher = new MutationObserver(announce);
  titleWatcher.observe(document.head ?? document.documentElement, {
    subtree: true,
    childList: true,
    characterData: true,
  });
  ctx.onInvalidated(() => titleWatcher.disconnect());

  // Items: any change of the body's tree asks for an extraction; the throttle makes it at most one per
  // interval, when idle. Only hosts of platforms with an extractor pay for the observer. (The pick overlay hangs off
  // <html>, outside <body>, so drawing it does not trigger extractions.)
  if (platformsForHost(location.hostname).some((platform) => platform.extract !== undefined)) {
    const bodyWatcher = new MutationObserver(() => extraction.request());
    bodyWatcher.observe(document.body ?? document.documentElement, { subtree: true, childList: true });
    ctx.onInvalidated(() => bodyWatcher.disconnect());
  }

  const pickMode = (request: PickModeRequest): true => {
    if (request.on) pick.start(request.selected, request.hint ?? '');
    else if (pick.active) {
      // Ended from elsewhere (a capture is starting): the side panel must know too.
      pick.stop();
      send('pick-ended');
    }
    return true;
  };

  const stops = [
    onMessage('get-page-info', readPageInfo),
    onMessage('get-identifiers', () => {
      // Fresh, not the last throttled result: the panel just opened and wants the page as it is now.
      refreshItems();
      return lastItems;
    }),
    onMessage('pick-mode', pickMode),
  ];
  ctx.onInvalidated(() => stops.forEach((stop) => stop()));
}
