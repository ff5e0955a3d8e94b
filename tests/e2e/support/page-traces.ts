/**
 * What the extension leaves in a web page, seen through the DevTools protocol (Chromium): errors and warnings in
 * the page's console from any of its worlds (the page's own and our content scripts' isolated ones), and event
 * listeners whose code is one of our scripts.
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

export interface PageTraces {
  /** Console errors and warnings and uncaught exceptions, in every world of the page, since the watch began. */
  problems: string[];
  /** Event listeners on the page's window, document and elements whose code is in one of our scripts. */
  ourListeners(): Promise<number>;
  /** The page's DOM as text (its whole document element), to compare with an earlier snapshot. */
  dom(): Promise<string>;
  cdp: CDPSession;
}

export async function watchPage(context: BrowserContext, page: Page, extensionId: string): Promise<PageTraces> {
  const cdp = await context.newCDPSession(page);
  const problems: string[] = [];
  const ourScripts = new Set<string>();
  cdp.on('Runtime.exceptionThrown', ({ exceptionDetails }) =>
    problems.push(`exception: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`),
  );
  cdp.on('Runtime.consoleAPICalled', ({ type, args }) => {
    if (type === 'error' || type === 'warning' || type === 'assert') {
      problems.push(`console.${type}: ${args.map((arg) => arg.value ?? arg.description ?? '').join(' ')}`);
    }
  });
  cdp.on('Log.entryAdded', ({ entry }) => {
    // A missing favicon is the fixture server's, not ours.
    if ((entry.level === 'error' || entry.level === 'warning') && entry.source !== 'network') problems.push(`log: ${entry.text}`);
  });
  // Debugger.enable reports every script already parsed, in every world: ours are the extension's URLs.
  cdp.on('Debugger.scriptParsed', ({ scriptId, url }) => {
    if (url.startsWith(`chrome-extension://${extensionId}/`)) ourScripts.add(scriptId);
  });
  await cdp.send('Runtime.enable');
  await cdp.send('Log.enable');
  await cdp.send('Debugger.enable');

  const listenersOf = async (expression: string): Promise<number> => {
    const { result } = await cdp.send('Runtime.evaluate', { expression });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId!, depth: -1, pierce: true });
    const ours = listeners.filter((listener) => ourScripts.has(listener.scriptId));
    return ours.length;
  };
  return {
    problems,
    cdp,
    ourListeners: async () => (await listenersOf('window')) + (await listenersOf('document')),
    dom: () => page.evaluate(() => document.documentElement.outerHTML),
  };
}
