/**
 * Reactive "which page are we acting on" for extension pages. The popup and side panel create one each; the
 * side panel follows the active tab when no `?tabId=N` pins it.
 */
import { browser } from 'wxt/browser';
import { lookUpPage, resolveTargetTabId, tabIdFromQuery, withShimTarget, type PageLookup } from '../lib/browser/tabs';
import { onMessage } from '../lib/messaging';

export class CurrentPage {
  tabId = $state<number | null>(null);
  lookup = $state<PageLookup | null>(null);
  #stops: Array<() => void> = [];

  /** Start tracking; returns a function that stops every listener. */
  start(search: string, { followActiveTab }: { followActiveTab: boolean }): () => void {
    this.#stops.push(
      onMessage('page-info', (info, sender) => {
        if (sender.tab?.id === this.tabId) this.lookup = { status: 'ok', info: withShimTarget(info) };
      }),
    );

    if (followActiveTab && tabIdFromQuery(search) === null) {
      const onActivated = ({ tabId }: { tabId: number }) => void this.#load(tabId);
      browser.tabs.onActivated.addListener(onActivated);
      this.#stops.push(() => browser.tabs.onActivated.removeListener(onActivated));
      // A full navigation in the followed tab: the content script (if any) announces itself, but a move to a
      // non-platform page has no content script, so re-read on completion.
      const onUpdated = (tabId: number, change: { status?: string }) => {
        if (tabId === this.tabId && change.status === 'complete') void this.#load(tabId);
      };
      browser.tabs.onUpdated.addListener(onUpdated);
      this.#stops.push(() => browser.tabs.onUpdated.removeListener(onUpdated));
    }

    void resolveTargetTabId(search).then((tabId) => {
      if (tabId === null) this.lookup = { status: 'no-tab' };
      else void this.#load(tabId);
    });
    return () => this.#stops.splice(0).forEach((stop) => stop());
  }

  async #load(tabId: number): Promise<void> {
    this.tabId = tabId;
    const lookup = await lookUpPage(tabId);
    // A newer load (another tab activated meanwhile) wins.
    if (this.tabId === tabId) this.lookup = lookup;
  }
}
