/**
 * Runs only on the supported platforms' hosts (match patterns derived from the registry). It tells the
 * extension what the page is, and keeps it informed as single-page apps navigate without reloading.
 * Nothing it learns is written into the page (no attributes, no window messages): the page's own scripts
 * cannot see it.
 */
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { isTabRequest, type PageInfo, type RuntimeMessage } from '../lib/messages';
import { contentScriptMatches, parsePlatformUrl } from '../lib/platforms/registry';

export default defineContentScript({
  matches: contentScriptMatches(),
  runAt: 'document_idle',
  main(ctx) {
    let lastSent = '';

    const readPageInfo = (): PageInfo => ({
      url: location.href,
      title: document.title,
      parsed: parsePlatformUrl(location.href),
    });

    const announce = () => {
      if (ctx.isInvalid) return;
      const info = readPageInfo();
      const key = `${info.url}\n${info.title}`;
      if (key === lastSent) return;
      lastSent = key;
      const message: RuntimeMessage = { type: 'page-info', info };
      // Nobody may be listening (popup closed): that is normal, not an error.
      browser.runtime.sendMessage(message).catch(() => undefined);
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

    const onMessage = (message: unknown) => {
      if (isTabRequest(message) && message.type === 'get-page-info') return Promise.resolve(readPageInfo());
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
  },
});
