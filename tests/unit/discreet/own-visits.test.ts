/**
 * Discreet mode and the browser's history: only visits of our own pages are ever deleted (lib/discreet/own-visits.ts),
 * all of them, never another entry; switching on asks for the permission first and keeps the mode on when refused;
 * the background deletes each visit of ours as it is recorded, only while discreet mode is on.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isOwnPage, ownPageUrls } from '../../../lib/discreet/own-visits';
import { removeOwnVisits, removeOwnVisitsAsRecorded } from '../../../lib/browser/own-history';
import { askAgainForHistory, historyState, switchDiscreetOff, switchDiscreetOn } from '../../../lib/browser/discreet-setting';
import { loadSettings, saveSettings } from '../../../lib/browser/settings';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../../lib/settings';

const OWN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/';

describe('which history entries are ours', () => {
  it('only URLs under our own origin', () => {
    expect(isOwnPage(`${OWN}manager.html#welcome`, OWN)).toBe(true);
    expect(isOwnPage(`${OWN}popup.html?tabId=3`, OWN)).toBe(true);
    expect(isOwnPage('chrome-extension://abcdefghijklmnopabcdefghijklmnopq/manager.html', OWN)).toBe(false);
    expect(isOwnPage('chrome-extension://otherextensionidotherextensionid/manager.html', OWN)).toBe(false);
    expect(isOwnPage(`https://example.org/?u=${encodeURIComponent(OWN)}`, OWN)).toBe(false);
    expect(isOwnPage(`blob:${OWN}1234`, OWN)).toBe(false);
    expect(isOwnPage(undefined, OWN)).toBe(false);
    // An origin without its slash would take in every id it begins: refused outright.
    expect(isOwnPage(`${OWN}manager.html`, OWN.slice(0, -1))).toBe(false);
  });

  it('distinct URLs of ours among search results, in order', () => {
    const entries = [{ url: `${OWN}manager.html` }, { url: 'https://news.example/' }, { url: `${OWN}manager.html` }, {}, { url: `${OWN}sidepanel.html` }];
    expect(ownPageUrls(entries, OWN)).toEqual([`${OWN}manager.html`, `${OWN}sidepanel.html`]);
  });
});

/** A history holding `urls`, with Chrome's search by text (URL or title holds it) and maxResults. */
function fakeHistory(urls: string[]) {
  const entries = new Set(urls);
  const listeners: Array<(item: { url?: string }) => void> = [];
  const history = {
    entries,
    searches: 0,
    search: vi.fn(async ({ text, maxResults }: { text: string; maxResults: number }) => {
      history.searches += 1;
      return [...entries].filter((url) => url.includes(text)).slice(0, maxResults).map((url) => ({ url }));
    }),
    deleteUrl: vi.fn(async ({ url }: { url: string }) => void entries.delete(url)),
    onVisited: {
      addListener: (listener: (item: { url?: string }) => void) => void listeners.push(listener),
      hasListener: (listener: (item: { url?: string }) => void) => listeners.includes(listener),
    },
    /** The browser records a visit. */
    visit(url: string) {
      entries.add(url);
      listeners.forEach((listener) => listener({ url }));
    },
    listeners,
  };
  return history;
}

describe('removing our visits', () => {
  const api = fakeBrowser as unknown as Record<string, unknown>;
  let granted: boolean;
  let answer: boolean;
  const permissionAdded: Array<() => void> = [];

  // The fake's own history API (which throws "not implemented"), put back for its reset.
  const fakesOwn = api.history;

  beforeEach(() => {
    fakeBrowser.reset();
    // As in the browser: no history API until the permission is granted.
    api.history = undefined;
    granted = false;
    answer = true;
    permissionAdded.length = 0;
    const permissions = fakeBrowser.permissions as unknown as Record<string, unknown>;
    permissions.request = vi.fn(async () => {
      if (answer) granted = true;
      return answer;
    });
    permissions.contains = vi.fn(async () => granted);
    permissions.remove = vi.fn(async () => {
      granted = false;
      return true;
    });
    permissions.onAdded = { addListener: (listener: () => void) => void permissionAdded.push(listener) };
  });
  afterEach(() => {
    api.history = fakesOwn;
  });

  const ownUrl = (page: string) => fakeBrowser.runtime.getURL(page as '/');

  it('deletes every visit of our pages and nothing else; without the permission, nothing (null)', async () => {
    expect(await removeOwnVisits()).toBeNull();
    const history = fakeHistory([ownUrl('/manager.html#welcome'), 'https://news.example/', ownUrl('/manager.html'), `https://search.example/?q=${fakeBrowser.runtime.id}`]);
    api.history = history;
    expect(await removeOwnVisits()).toBe(2);
    expect([...history.entries]).toEqual(['https://news.example/', `https://search.example/?q=${fakeBrowser.runtime.id}`]);
  });

  it('searches again while a full page of results came back, until none of ours is left', async () => {
    const ours = Array.from({ length: 2500 }, (_, i) => ownUrl(`/manager.html#case/${i}`));
    const history = fakeHistory(ours);
    api.history = history;
    expect(await removeOwnVisits()).toBe(2500);
    expect(history.entries.size).toBe(0);
    expect(history.searches).toBe(3);
  });

  it('switching on: asked first, saved on at once; granted, the history is cleaned; off gives the permission back', async () => {
    const history = fakeHistory([ownUrl('/manager.html'), 'https://news.example/']);
    api.history = history;
    expect(normalizeSettings(undefined).discreetMode).toBe(false);
    expect(DEFAULT_SETTINGS.discreetMode).toBe(false);
    const switching = switchDiscreetOn();
    expect(fakeBrowser.permissions.request).toHaveBeenCalledWith({ permissions: ['history'] });
    expect(await switching).toEqual({ kind: 'removed', count: 1 });
    expect((await loadSettings()).discreetMode).toBe(true);
    expect(await historyState()).toBe('allowed');
    await switchDiscreetOff();
    expect((await loadSettings()).discreetMode).toBe(false);
    expect(granted).toBe(false);
  });

  it('refused: the mode stays on, the visits stay, and asking again can still clean them', async () => {
    answer = false;
    const history = fakeHistory([ownUrl('/manager.html')]);
    api.history = history;
    expect(await switchDiscreetOn()).toEqual({ kind: 'refused' });
    expect((await loadSettings()).discreetMode).toBe(true);
    expect(history.entries.size).toBe(1);
    expect(await historyState()).toBe('refused');
    answer = true;
    expect(await askAgainForHistory()).toEqual({ kind: 'removed', count: 1 });
    expect(history.entries.size).toBe(0);
  });

  it('a permission request that fails (not in the manifest, no click) counts as refused', async () => {
    (fakeBrowser.permissions as unknown as Record<string, unknown>).request = vi.fn(async () => {
      throw new Error('Only permissions specified in the manifest may be requested.');
    });
    expect(await switchDiscreetOn()).toEqual({ kind: 'refused' });
  });

  it('the background deletes each visit of ours as it is recorded, only in discreet mode; it starts listening once granted', async () => {
    let asked: Promise<boolean> | undefined;
    removeOwnVisitsAsRecorded(() => (asked = loadSettings().then((settings) => settings.discreetMode)));
    const history = fakeHistory([]);
    api.history = history;
    expect(history.listeners).toHaveLength(0);
    permissionAdded.forEach((listener) => listener());
    permissionAdded.forEach((listener) => listener());
    expect(history.listeners).toHaveLength(1);

    history.visit(ownUrl('/manager.html'));
    await asked;
    expect(history.entries.has(ownUrl('/manager.html'))).toBe(true);

    await saveSettings({ discreetMode: true });
    asked = undefined;
    history.visit('https://news.example/');
    expect(asked).toBeUndefined();
    history.visit(ownUrl('/sidepanel.html?tabId=4'));
    await vi.waitFor(() => expect(history.entries.has(ownUrl('/sidepanel.html?tabId=4'))).toBe(false));
    expect(history.entries.has('https://news.example/')).toBe(true);
    expect(history.deleteUrl).toHaveBeenCalledTimes(1);
  });
});
