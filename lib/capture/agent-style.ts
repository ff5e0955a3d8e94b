/**
 * The background's half of the capture agent's page changes in Firefox (entrypoints/capture-agent.ts says why).
 * The stylesheet is inserted into the agent's own page (its tab's top frame) by the extension, so that Firefox
 * takes it away with the extension should the add-on be reloaded or updated mid-capture; the new one goes in
 * before the old one comes out, so the page never shows a moment without either. The only other change of the
 * capture, the page's scroll position (the agent changes nothing in the DOM), is kept in storage.local while it
 * runs: the extension's next instance (the same one after a reload, or the updated one) puts it back when it
 * starts (`finishPutBacks`) where it may still script the page. A capture made under activeTab loses that grant
 * with the reload: then a platform page's content script, which Firefox injects again, asks for it (`takePutBack`)
 * and scrolls back itself; any other page keeps its scroll (docs/reliability.md).
 */
import { browser } from 'wxt/browser';
import type { PagePutBack } from './agent-types';

const PUT_BACK_KEY = 'capturePutBacks';
type PutBacks = Record<string, PagePutBack>;

export async function applyAgentStyle(
  tabId: number | undefined,
  change: { add: string; remove: string; putBack: PagePutBack | null },
): Promise<true> {
  if (tabId === undefined) return true;
  const target = { tabId, frameIds: [0] };
  if (change.add) {
    if (change.putBack) await keepPutBack(tabId, change.putBack);
    await browser.scripting.insertCSS({ target, css: change.add });
  }
  // The page may have gone with its stylesheets meanwhile: nothing left to take away.
  if (change.remove) await browser.scripting.removeCSS({ target, css: change.remove }).catch(() => undefined);
  if (!change.add) await keepPutBack(tabId, null);
  return true;
}

async function keepPutBack(tabId: number, putBack: PagePutBack | null): Promise<void> {
  const kept = ((await browser.storage.local.get(PUT_BACK_KEY))[PUT_BACK_KEY] ?? {}) as PutBacks;
  if (putBack) kept[tabId] = putBack;
  else delete kept[tabId];
  await browser.storage.local.set({ [PUT_BACK_KEY]: kept });
}

/** How long a put-back the background could not do waits for its page's content script (started at once). */
const AWAIT_CONTENT_SCRIPT_MS = 60_000;
/** Put-backs refused to this background (no grant on the page), by tab, until its content script takes them. */
const awaiting = new Map<number, PagePutBack>();
let finishing: Promise<void> = Promise.resolve();

/**
 * At the background's start: the pages whose capture agent was ended before it could put them back (the add-on
 * reloaded or updated mid-capture) get their scroll back, when the tab still shows that page. Where the browser
 * refuses to script the page, the put-back waits a while for that page's content script (`takePutBack`).
 */
export function finishPutBacks(): Promise<void> {
  finishing = putBackKept().catch(() => undefined);
  return finishing;
}

async function putBackKept(): Promise<void> {
  const kept = ((await browser.storage.local.get(PUT_BACK_KEY))[PUT_BACK_KEY] ?? {}) as PutBacks;
  if (Object.keys(kept).length === 0) return;
  await browser.storage.local.remove(PUT_BACK_KEY);
  await Promise.all(
    Object.entries(kept).map(async ([tab, putBack]) => {
      const tabId = Number(tab);
      try {
        await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, func: putPageBack, args: [putBack] });
      } catch {
        awaiting.set(tabId, putBack);
        setTimeout(() => awaiting.get(tabId) === putBack && awaiting.delete(tabId), AWAIT_CONTENT_SCRIPT_MS);
      }
    }),
  );
}

/** For a content script starting in `tabId`: the put-back its page is owed, once (null when none). */
export async function takePutBack(tabId: number | undefined): Promise<PagePutBack | null> {
  await finishing;
  if (tabId === undefined) return null;
  const putBack = awaiting.get(tabId) ?? null;
  awaiting.delete(tabId);
  return putBack;
}

/** Runs in the page (self-contained): undoes what the agent's record says, on that page only. */
export function putPageBack(putBack: PagePutBack): void {
  if (location.href !== putBack.url) return;
  if (putBack.scroller) {
    const scroller = document.querySelector(putBack.scroller.selector);
    if (scroller) scroller.scrollTop = putBack.scroller.top;
  }
  window.scrollTo(putBack.window.x, putBack.window.y);
}
