/**
 * The items (messages, posts) the followed tab shows, and the person's selection among them, for the side panel.
 *
 * Items come from the tab's content script: once on request, then whenever they change. The selection is kept
 * per tab through lib/browser/selection.ts, so the background records it with the next capture of that tab.
 * Selected items are remembered even after they scroll out of the page's view: the person chose them.
 * The list itself stays still while the page scrolls (lib/report/shown-items.ts).
 */
import { SvelteMap } from 'svelte/reactivity';
import { loadSelection, saveSelection, watchSelection } from '../../lib/browser/selection';
import { onMessage, sendToTab, type RequestArgs } from '../../lib/messaging';
import type { MessageName, PageItems, ResponseOf } from '../../lib/messaging/protocol';
import type { ReadCounts } from '../../lib/platforms/extraction';
import type { ReadProblem } from '../../lib/platforms/extraction';
import type { ExtractedItem, PlatformId } from '../../lib/platforms/types';
import { toggleSelection } from '../../lib/report/selection';
import { freshList, mergeList, type ShownItem } from '../../lib/report/shown-items';

export class PanelItems {
  /** The listed items, in a stable order; those that left the page are marked, not removed. */
  shown = $state<ShownItem[]>([]);
  selected = $state<string[]>([]);
  picking = $state(false);
  /** Set when a selection was refused because the platform's form takes no more; cleared on the next change. */
  refusedMax = $state<number | null>(null);
  /** Why the page's items could not (all) be read, if so: shown instead of silence. */
  problem = $state<ReadProblem | null>(null);
  /** How reading has fared in the tab, for the details for helpers. */
  counts = $state<ReadCounts[]>([]);
  #tabId: number | null = null;
  #known = new SvelteMap<string, ExtractedItem>();
  #platform: PlatformId | null = null;
  #hint = '';
  /** The page's latest items and their address: another address starts the list afresh. */
  #live: PageItems | null = null;
  #unwatchSelection: (() => void) | null = null;

  /** Listen to the content scripts; returns the function that stops listening. */
  start(): () => void {
    // Only the followed tab's content script counts.
    const followed = (sender: { tab?: { id?: number } }) => (sender.tab?.id !== undefined && sender.tab.id === this.#tabId ? sender.tab.id : null);
    const stops = [
      onMessage('page-info', (_info, sender) => {
        // The tab's content script announced itself: it may have started after the panel first asked.
        const tabId = followed(sender);
        if (tabId !== null && this.shown.length === 0) void this.#reload(tabId);
      }),
      onMessage('page-items', (page, sender) => {
        if (followed(sender) !== null) this.#show(page);
      }),
      onMessage('pick-toggle', (key, sender) => {
        if (followed(sender) !== null) this.toggle(key);
      }),
      onMessage('pick-ended', (_none, sender) => {
        if (followed(sender) !== null) this.picking = false;
      }),
    ];
    return () => {
      stops.forEach((stop) => stop());
      this.#unwatchSelection?.();
      void this.setPicking(false, '');
    };
  }

  /** Follow `tabId` (null: none), whose page is on `platform`. */
  async follow(tabId: number | null, platform: PlatformId | null): Promise<void> {
    this.#platform = platform;
    if (tabId === this.#tabId) return;
    if (this.picking) await this.setPicking(false, '');
    this.#tabId = tabId;
    this.shown = [];
    this.#live = null;
    this.problem = null;
    this.counts = [];
    this.selected = [];
    this.#known.clear();
    this.refusedMax = null;
    this.#unwatchSelection?.();
    this.#unwatchSelection = null;
    if (tabId === null) return;
    this.#unwatchSelection = watchSelection(tabId, (selection) => {
      // Cleared by the background once a capture recorded it: the panel shows that nothing is selected any more.
      if (this.#tabId === tabId && selection === null && this.selected.length > 0) this.selected = [];
    });
    const page = await request(tabId, 'get-identifiers').catch(() => null);
    // The tab's selection counts only if it was made on the page the tab shows now.
    const stored = page ? await loadSelection(tabId, page.url).catch(() => []) : [];
    if (this.#tabId !== tabId) return;
    for (const item of stored) this.#known.set(item.key, item);
    this.selected = stored.map((item) => item.key);
    if (page) this.#show(page);
  }

  get items(): ExtractedItem[] {
    return this.shown.map((row) => row.item);
  }

  /** True when some listed items are no longer on the page: `renew` would change the list. */
  get outdated(): boolean {
    return this.shown.some((row) => !row.onPage);
  }

  /** The list afresh from what the page shows now, in its order (the person asked for it). */
  renew(): void {
    this.shown = freshList(this.#live?.items ?? []);
  }

  /** The selected items, in the order they were selected. */
  get selectedItems(): ExtractedItem[] {
    return this.selected.map((key) => this.#known.get(key)).filter((item): item is ExtractedItem => !!item);
  }

  toggle(key: string): void {
    const result = toggleSelection(this.selected, key, this.#platform);
    this.refusedMax = result.refused ? result.max : null;
    if (result.refused) return;
    this.selected = result.selected;
    void this.#persist();
  }

  async setPicking(on: boolean, hint: string): Promise<void> {
    const tabId = this.#tabId;
    this.picking = on;
    this.#hint = hint;
    if (tabId === null) return;
    await request(tabId, 'pick-mode', { on, selected: [...this.selected], hint }).catch(() => {
      this.picking = false;
    });
  }

  async #reload(tabId: number): Promise<void> {
    const page = await request(tabId, 'get-identifiers').catch(() => null);
    if (page && this.#tabId === tabId) this.#show(page);
  }

  #show(page: PageItems): void {
    for (const item of page.items) this.#known.set(item.key, item);
    const samePage = this.#live !== null && this.#live.url === page.url;
    // Another page: what was selected belongs to the page it was selected on, never to this one.
    if (this.#live !== null && !samePage && this.selected.length > 0) this.selected = [];
    this.#live = page;
    this.shown = samePage ? mergeList(this.shown, page.items) : freshList(page.items);
    this.problem = page.problem ?? null;
    this.counts = page.counts ?? [];
  }

  async #persist(): Promise<void> {
    const tabId = this.#tabId;
    if (tabId === null) return;
    // Plain objects: Svelte's state proxies cannot be cloned into messages or storage.
    const url = this.#live?.url ?? '';
    await saveSelection(tabId, url, $state.snapshot(this.selectedItems) as ExtractedItem[]).catch(() => undefined);
    if (this.picking) {
      await request(tabId, 'pick-mode', { on: true, selected: [...this.selected], hint: this.#hint }).catch(() => undefined);
    }
  }
}

function request<N extends MessageName>(tabId: number, name: N, ...message: RequestArgs<N>): Promise<ResponseOf<N>> {
  return sendToTab(tabId, name, ...message);
}
