/**
 * Chrome puts the manifest's content scripts only into pages loaded after the extension was installed, updated or
 * reloaded: a platform page open before that keeps no live content script (the old one ends itself, see
 * lib/content/platform-script.ts), and the side panel could not read it until the person reloaded it. So after
 * each of those, the background injects the content script into the open tabs its match patterns cover. (Firefox
 * does this by itself, and is left to it: two injections could race into two live copies.)
 *
 * Never two live copies in a page: two would end each other in turn for ever (each restarts when ended while its
 * extension is there). So a tab is skipped when a live copy answers there already, or when it is still loading
 * (the browser may yet inject the new version's copy itself); a copy of the old version cannot answer.
 */
import { browser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import { sendToTab } from '../messaging';

export interface OpenTab {
  id?: number;
  status?: string;
  discarded?: boolean;
}

export interface ReinjectionDeps {
  /** The open tabs whose address the content script's patterns match. */
  tabs(): Promise<OpenTab[]>;
  /** Whether a live content script of this extension answers in the tab's top frame. */
  answers(tabId: number): Promise<boolean>;
  inject(tabId: number): Promise<void>;
}

/** Injects where no live copy is; returns the tabs it injected into. A tab that refuses (closed meanwhile) is skipped. */
export async function injectIntoOpenTabs(deps: ReinjectionDeps): Promise<number[]> {
  const injected: number[] = [];
  await Promise.all(
    (await deps.tabs()).map(async (tab) => {
      // A discarded tab loads again, with the content script, when the person returns to it.
      if (tab.id === undefined || tab.discarded || tab.status !== 'complete') return;
      if (await deps.answers(tab.id)) return;
      try {
        await deps.inject(tab.id);
        injected.push(tab.id);
      } catch {
        // Closed or navigated to a page we may not script meanwhile: its next load brings the script.
      }
    }),
  );
  return injected.sort((a, b) => a - b);
}

/**
 * The browser's side: the manifest's own content scripts (one per site, see addPlatformContentScripts in wxt.config.ts),
 * each into the open tabs its own patterns match.
 */
export function browserReinjectionDeps(): ReinjectionDeps {
  const scripts = browser.runtime.getManifest().content_scripts ?? [];
  /** The files of the script that matched each tab (no page is matched by two: their hosts never overlap). */
  const filesOfTab = new Map<number, string[]>();
  return {
    tabs: async () => {
      const found = await Promise.all(
        scripts.map(async ({ matches = [], js = [] }) => {
          const tabs = matches.length === 0 ? [] : await browser.tabs.query({ url: matches });
          for (const tab of tabs) if (tab.id !== undefined) filesOfTab.set(tab.id, js);
          return tabs;
        }),
      );
      return found.flat();
    },
    answers: (tabId) => sendToTab(tabId, 'get-page-info').then((info) => info !== undefined, () => false),
    inject: async (tabId) => {
      // The manifest's own paths, so among the extension's files.
      const files = (filesOfTab.get(tabId) ?? []) as ScriptPublicPath[];
      if (files.length > 0) await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files });
    },
  };
}
