/**
 * Settings, ticks and selections are WXT storage items now. What an earlier version of the extension stored (plain
 * keys in storage.local and storage.session, no version metadata) must read the same, so a person's settings,
 * ticked steps and selection survive the update.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { watchLock } from '../../../lib/browser/lock';
import { loadProgress, saveProgress } from '../../../lib/browser/progress';
import { forgetSelectionsOfClosedTabs, loadSelection, loadStoredSelection, saveSelection } from '../../../lib/browser/selection';
import { loadSettings, saveSettings } from '../../../lib/browser/settings';
import { SESSION_KEY } from '../../../lib/crypto/session';
import type { ExtractedItem } from '../../../lib/platforms/types';
import { DEFAULT_SETTINGS } from '../../../lib/settings';

const ITEM: ExtractedItem = { key: '1096362300000000001', kind: 'message', fields: [], excerpt: 'hello' };

beforeEach(() => fakeBrowser.reset());

describe('settings', () => {
  it('reads what an earlier version stored under "settings", filling in what it did not have', async () => {
    await fakeBrowser.storage.local.set({ settings: { lang: 'nl', maxScreens: 30, capturerRole: 'helper' } });
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, lang: 'nl', maxScreens: 30, capturerRole: 'helper' });
  });

  it('gives the defaults when nothing is stored, and out-of-range values their bounds', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    await fakeBrowser.storage.local.set({ settings: { maxScreens: 10_000, neutralUrl: 'javascript:alert(1)' } });
    const loaded = await loadSettings();
    expect(loaded.maxScreens).toBe(200);
    expect(loaded.neutralUrl).toBe(DEFAULT_SETTINGS.neutralUrl);
  });

  it('saves a change under the same key, keeping the rest', async () => {
    await fakeBrowser.storage.local.set({ settings: { lang: 'fr' } });
    await saveSettings({ autoLockSeconds: 120 });
    const { settings } = await fakeBrowser.storage.local.get('settings');
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, lang: 'fr', autoLockSeconds: 120 });
  });
});

describe('ticked steps', () => {
  it('reads ticks an earlier version stored under "progress:<case>:<guide>", ignoring anything that is not a step id', async () => {
    await fakeBrowser.storage.local.set({ 'progress:case-1:discord': ['report-form', 'block', 7] });
    expect(await loadProgress('case-1', 'discord')).toEqual(['report-form', 'block']);
    expect(await loadProgress('case-1', 'police')).toEqual([]);
  });

  it('saves under the same key, apart per case and guide', async () => {
    await saveProgress('case-1', 'police', ['complaint']);
    await saveProgress('case-2', 'police', []);
    expect(await fakeBrowser.storage.local.get(['progress:case-1:police', 'progress:case-2:police'])).toEqual({
      'progress:case-1:police': ['complaint'],
      'progress:case-2:police': [],
    });
  });
});

const PAGE = 'https://discord.com/channels/1/2';

describe('selections', () => {
  it('drops a selection an earlier version kept without its page: it is never recorded with a page it may not belong to', async () => {
    await fakeBrowser.storage.session.set({ 'selection:4': [ITEM] });
    expect(await loadSelection(4, PAGE)).toEqual([]);
    expect(await loadStoredSelection(4)).toBeNull();
  });

  it('keeps a selection per tab with its page, in session storage only, and removes an emptied one', async () => {
    await saveSelection(4, PAGE, [ITEM]);
    expect(await fakeBrowser.storage.session.get('selection:4')).toEqual({ 'selection:4': { url: PAGE, items: [ITEM] } });
    expect(await fakeBrowser.storage.local.get('selection:4')).toEqual({});
    await saveSelection(4, PAGE, []);
    expect(await fakeBrowser.storage.session.get(['selection:4', 'selection:4$'])).toEqual({});
  });

  it('gives the selection only for the page it was made on (the fragment aside)', async () => {
    await saveSelection(4, PAGE, [ITEM]);
    expect(await loadSelection(4, `${PAGE}#top`)).toEqual([ITEM]);
    expect(await loadSelection(4, 'https://discord.com/channels/1/3')).toEqual([]);
    expect(await loadSelection(4, '')).toEqual([]);
  });

  it("forgets a closed tab's selection", async () => {
    await saveSelection(4, PAGE, [ITEM]);
    await saveSelection(5, PAGE, [ITEM]);
    forgetSelectionsOfClosedTabs();
    await fakeBrowser.tabs.onRemoved.trigger(4, { windowId: 1, isWindowClosing: false });
    await vi.waitFor(async () => expect(await loadSelection(4, PAGE)).toEqual([]));
    expect(await loadSelection(5, PAGE)).toEqual([ITEM]);
  });
});

describe('watchLock', () => {
  it('tells when the key enters or leaves session storage, and nothing else', async () => {
    const changed = vi.fn();
    const stop = watchLock(changed);
    await fakeBrowser.storage.session.set({ [SESSION_KEY]: { keyId: 'k' } });
    await fakeBrowser.storage.session.set({ other: 1 });
    await fakeBrowser.storage.local.set({ [SESSION_KEY]: 'not the session' });
    await fakeBrowser.storage.session.remove(SESSION_KEY);
    expect(changed).toHaveBeenCalledTimes(2);
    stop();
    await fakeBrowser.storage.session.set({ [SESSION_KEY]: { keyId: 'k' } });
    expect(changed).toHaveBeenCalledTimes(2);
  });
});
