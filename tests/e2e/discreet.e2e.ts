/**
 * Discreet mode on a shared computer: after a person used the manager, the popup (a capture), the side panel and an
 * export in discreet mode, the browser's own records hold nothing that names the tool. Read as someone else would
 * find them: Chromium's `History` database (visits, titles, downloads) and Firefox's `places.sqlite`, with the
 * `sqlite3` tool once the browser has closed; the titles the tab strip and the toolbar button show, in nl, fr and en.
 *
 * Permissions: a person grants `history` when switching discreet mode on; the granted build has it in its manifest,
 * as after their "Allow". Chromium's prompt is a native dialog no part of this harness can answer (measured: the
 * request stays pending, see timestamps-refused.e2e.ts), so the refusal is the browser's own: a build whose manifest
 * does not offer `history`, whose request the browser refuses at once. The extension cannot tell the two refusals
 * apart: both leave the history unreachable, and the same code path runs.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { useExtensionBrowser, type ChromiumExtensionBrowser } from './support/browsers';
import { wrap } from './support/chromium';
import { clickButton, until, type DrivenPage, type ExtensionBrowser } from './support/driver';
import { captureOutcome, exportFromManager, UNENCRYPTED, updateSettings } from './support/evidence';
import { openManager, showView } from './support/manager';

const DISCORD = 'https://discord.com/channels/81384788765712384/81384788765712385/175928847299117063';
const NEUTRAL_PAGE = 'https://example.org/neutral-weather';
const NEUTRAL_TITLE = { nl: 'Notities', fr: 'Notes', en: 'Notes' } as const;
/** What would give the tool away: its names in the three languages, and what it is for. */
const TELLING = /capture|report|vastleggen|melden|capturer|signaler|evidence|bewijs|preuve/i;

function editManifest(dir: string, edit: (manifest: { permissions?: string[]; optional_permissions?: string[] }) => void): void {
  const file = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { permissions?: string[]; optional_permissions?: string[] };
  edit(manifest);
  writeFileSync(file, JSON.stringify(manifest, null, 2));
}

/** As after the person's "Allow" to the history prompt. */
const historyGranted = (dir: string) =>
  editManifest(dir, (manifest) => {
    manifest.permissions = [...(manifest.permissions ?? []), 'history'];
    manifest.optional_permissions = manifest.optional_permissions?.filter((name) => name !== 'history');
  });

/** The browser refuses the history permission: the manifest does not offer it. */
const historyRefused = (dir: string) =>
  editManifest(dir, (manifest) => {
    manifest.optional_permissions = manifest.optional_permissions?.filter((name) => name !== 'history');
  });

function sqlite(database: string, sql: string): string[] {
  return execFileSync('sqlite3', ['-readonly', database, sql], { encoding: 'utf8' }).split('\n').filter(Boolean);
}

/** The titles of the extension's pages as the browser's tab strip and window list show them. */
async function ownTabTitles(chromium: ChromiumExtensionBrowser): Promise<string[]> {
  const cdp = await chromium.context.browser()!.newBrowserCDPSession();
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: Array<{ type: string; url: string; title: string }> };
    return targetInfos.filter((target) => target.type === 'page' && target.url.startsWith(`chrome-extension://${chromium.extensionId}/`)).map((target) => target.title);
  } finally {
    await cdp.detach();
  }
}

/** The toolbar button's title for every tab and for `tabId`, and its badge there. */
function toolbarButton(browser: ExtensionBrowser, tabId: number) {
  return browser.evalInExtension(async (id: number) => {
    const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
    const button = api.action ?? (api as unknown as { browserAction: typeof api.action }).browserAction;
    return { title: await button.getTitle({}), tabTitle: await button.getTitle({ tabId: id }), badge: await button.getBadgeText({ tabId: id }) };
  }, tabId);
}

/** Downloads the browser still lists whose file name holds `name`. */
function listedDownloads(browser: ExtensionBrowser, name: string): Promise<number> {
  return browser.evalInExtension(async (fileName: string) => {
    const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
    return (await api.downloads.search({})).filter((item: { filename: string }) => item.filename.includes(fileName)).length;
  }, name);
}

/** In an open manager: goes to Settings, switches discreet mode on and returns what became of the history. */
async function switchOnInManager(manager: DrivenPage): Promise<string> {
  await showView(manager, 'settings');
  await manager.waitFor(() => document.querySelector('[data-testid="discreet-mode"]:not([disabled])'), null);
  await manager.click('[data-testid="discreet-mode"]');
  return manager.waitFor(() => document.querySelector('[data-testid="discreet-history"]')?.getAttribute('data-history'), null);
}

describe('discreet mode in chromium', () => {
  const profileDir = mkdtempSync(path.join(os.tmpdir(), 'cr-discreet-'));
  const { browser } = useExtensionBrowser('chromium', { launchOptions: { profileDir, buildPatch: historyGranted } });
  afterAll(() => rmSync(profileDir, { recursive: true, force: true }));

  it('manager, popup capture, side panel, export and quick exit leave no visit, title or download that names the tool', async () => {
    const chromium = browser();
    await updateSettings(chromium, { neutralUrl: NEUTRAL_PAGE });
    const web = await chromium.openTab(DISCORD);
    await until(async () => (await toolbarButton(chromium, web.tabId)).badge, 'the platform badge');
    let manager = await chromium.openExtensionPage('manager.html');
    await until(async () => (await ownTabTitles(chromium)).includes('Capture & Report - evidence'), 'the manager’s own title');

    // Switched on: the visits so far (the welcome, the manager) are removed, and every open page and the button
    // turn neutral at once, the welcome tab opened on installation included.
    expect(await switchOnInManager(manager)).toBe('removed');
    await until(async () => {
      const titles = await ownTabTitles(chromium);
      return titles.length >= 2 && titles.every((title) => title === NEUTRAL_TITLE.en);
    }, 'neutral titles on every open page');
    await until(async () => {
      const button = await toolbarButton(chromium, web.tabId);
      return button.title === NEUTRAL_TITLE.en && button.tabTitle === NEUTRAL_TITLE.en && button.badge === '';
    }, 'a neutral toolbar button without badge');

    const popup = await chromium.openExtensionPage(`popup.html?tabId=${web.tabId}`);
    await clickButton(popup, 'Capture visible area');
    expect(await popup.waitFor(captureOutcome, null, 60_000)).toHaveProperty('id');
    const panel = await chromium.openExtensionPage(`sidepanel.html?tabId=${web.tabId}`);
    await panel.waitFor(() => document.querySelector('[data-testid="page-label"]'), null);

    // The manager opened before the capture made its case: a new one lists it, as for a person coming back to it.
    await manager.close();
    manager = await chromium.openExtensionPage('manager.html');
    const exported = await exportFromManager(chromium, manager, UNENCRYPTED);
    const said = await manager.waitFor(() => document.querySelector('[data-testid="export-erased"]')?.textContent, null);
    expect(said).toContain(exported.path);
    expect(said).toContain('removed from the browser’s downloads list');
    expect(await listedDownloads(chromium, exported.name)).toBe(0);
    expect(existsSync(exported.path)).toBe(true);

    for (const lang of ['nl', 'fr', 'en'] as const) {
      await updateSettings(chromium, { lang });
      await until(async () => {
        const titles = await ownTabTitles(chromium);
        const button = await toolbarButton(chromium, web.tabId);
        return titles.length >= 4 && [...titles, button.title, button.tabTitle].every((title) => title === NEUTRAL_TITLE[lang]);
      }, `every title neutral in ${lang}`);
    }

    await manager.click('[data-testid="quick-exit"]');
    await until(async () => (await chromium.extensionPageCount()) === 0, 'every extension page to close');
    // Quick exit asks for its deletions before it closes a tab, and the history answers in order: once this search
    // has answered, they are done.
    await until(
      () => chromium.worker.evaluate(async (id: string) => (await chrome.history.search({ text: id, startTime: 0 })).length === 0, chromium.extensionId),
      'quick exit’s history removal',
    );
    await chromium.close();

    // What anyone opening the history (or its database) finds: the web page, and nothing of ours at all.
    const history = path.join(profileDir, 'Default', 'History');
    const urls = sqlite(history, 'SELECT url FROM urls');
    expect(urls).toContain(DISCORD);
    expect(urls.filter((url) => url.startsWith('chrome-extension://'))).toEqual([]);
    expect(sqlite(history, "SELECT COUNT(*) FROM visits JOIN urls ON visits.url = urls.id WHERE urls.url LIKE 'chrome-extension:%'")).toEqual(['0']);
    expect(sqlite(history, 'SELECT COUNT(*) FROM downloads')).toEqual(['0']);
    const everything = execFileSync('sqlite3', ['-readonly', history, '.dump'], { encoding: 'utf8' });
    expect(everything).not.toContain(chromium.extensionId);
    expect(everything).not.toContain(exported.name);
    expect(everything).not.toMatch(TELLING);
    // Chrome keeps favicons apart, by address: quick exit removed those of the pages it closed.
    expect(sqlite(path.join(profileDir, 'Default', 'Favicons'), 'SELECT page_url FROM icon_mapping')).toEqual([]);
    expect(existsSync(exported.path)).toBe(true);
  });
});

describe('discreet mode in chromium, history refused', () => {
  const { browser } = useExtensionBrowser('chromium', { launchOptions: { buildPatch: historyRefused } });

  it('yes to the welcome’s question: the mode is on and neutral, and the manager says what stays in the history', async () => {
    const chromium = browser();
    const welcomePage = await until(async () => chromium.context.pages().find((page) => page.url().endsWith('/manager.html#welcome')), 'the welcome tab');
    const welcome = wrap(welcomePage);
    await welcome.waitFor(() => document.querySelector('[data-testid="discreet-yes"]'), null);
    await welcome.click('[data-testid="discreet-yes"]');
    expect(await welcome.waitFor(() => document.querySelector('[data-testid="discreet-history"]')?.getAttribute('data-history'), null)).toBe('refused');
    await until(async () => (await ownTabTitles(chromium)).every((title) => title === NEUTRAL_TITLE.en), 'the neutral title');

    const manager = await openManager(chromium, 'settings');
    const setting = await manager.waitFor(() => {
      const box = document.querySelector<HTMLInputElement>('[data-testid="discreet-mode"]');
      const said = document.querySelector('[data-testid="discreet-history"]')?.textContent?.trim();
      return box?.checked && said ? said : null;
    }, null);
    expect(setting).toBe(
      'Discreet mode is on, but the browser did not allow this extension to remove its pages from the history, so every visit of these pages stays there: earlier ones under this tool’s name, new ones as “Notes”. You can delete them yourself in the browser’s history, or allow it here.',
    );
    expect(await manager.evaluate(() => !!document.querySelector('[data-testid="discreet-history-allow"]'), null)).toBe(true);
    expect(await manager.evaluate(() => document.title, null)).toBe(NEUTRAL_TITLE.en);

    // The setting links to what others can still see, in the help.
    await manager.click('[data-testid="discreet-help-link"]');
    const help = await manager.waitFor(() => {
      const section = document.querySelector<HTMLElement>('[data-testid="what-others-see"]');
      return section && section.offsetParent !== null ? section.querySelector('h2')?.textContent?.trim() : null;
    }, null);
    expect(help).toBe('What others can still see');
    expect(await manager.evaluate(() => document.querySelectorAll('[data-testid="what-others-see"] li').length, null)).toBeGreaterThanOrEqual(6);
  });
});

describe('discreet mode in firefox', () => {
  /** moz_places as someone opening places.sqlite finds it; while Firefox runs, from a copy (it keeps the file locked). */
  function places(profile: string, { live }: { live: boolean }): string[] {
    if (!live) return sqlite(path.join(profile, 'places.sqlite'), 'SELECT url FROM moz_places');
    const copy = mkdtempSync(path.join(os.tmpdir(), 'cr-places-'));
    try {
      for (const file of ['places.sqlite', 'places.sqlite-wal']) {
        if (existsSync(path.join(profile, file))) cpSync(path.join(profile, file), path.join(copy, file));
      }
      return sqlite(path.join(copy, 'places.sqlite'), 'SELECT url FROM moz_places');
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  }
  const AFTER_MANAGER = 'https://example.org/after-the-manager';
  const profileDir = mkdtempSync(path.join(os.tmpdir(), 'cr-discreet-ff-'));
  const { browser } = useExtensionBrowser('firefox', { launchOptions: { profileDir } });
  afterAll(() => rmSync(profileDir, { recursive: true, force: true }));

  it('places.sqlite holds no moz-extension visit, with discreet mode off and then on', async () => {
    const firefox = browser();
    // Web pages open in the focused window: these two first, before any window of ours (one opened later would cover
    // our page in its window, and a covered page gets an animation frame every few seconds, which every click awaits).
    await firefox.openTab(DISCORD);
    const web = await firefox.openTab('https://example.org/firefox-discreet');
    // Off: the welcome (opened on installation) and the manager, then a web page. Firefox writes visits in order, so
    // once that page is in the file, the manager's visit would be too.
    const manager = await firefox.openExtensionPage('manager.html');
    await manager.waitFor(() => document.title === 'Capture & Report - evidence', null);
    const after = await firefox.openTab(AFTER_MANAGER);
    const off = await until(async () => {
      const urls = places(profileDir, { live: true });
      return urls.includes(AFTER_MANAGER) ? urls : null;
    }, 'the visits in places.sqlite');
    expect(off).toContain(DISCORD);
    expect(off.filter((url) => url.includes('moz-extension:'))).toEqual([]);
    await after.page.close();

    // On: no permission is asked (Firefox keeps no visit of our pages); every title neutral, the export unlisted.
    expect(await switchOnInManager(manager)).toBe('not-kept');
    await manager.waitFor((title: string) => document.title === title, NEUTRAL_TITLE.en);
    const sidebarTitle = () =>
      firefox.evalInExtension(() => (browser as unknown as { sidebarAction: { getTitle(details: object): Promise<string> } }).sidebarAction.getTitle({}), null);
    await until(async () => (await sidebarTitle()) === NEUTRAL_TITLE.en, 'the sidebar’s neutral title');
    expect(await toolbarButton(firefox, web.tabId)).toEqual({ title: NEUTRAL_TITLE.en, tabTitle: NEUTRAL_TITLE.en, badge: '' });
    const panel = await firefox.openExtensionPage(`sidepanel.html?tabId=${web.tabId}`);
    await panel.waitFor((title: string) => document.title === title, NEUTRAL_TITLE.en);
    await showView(manager, 'cases');
    const exported = await exportFromManager(firefox, manager, UNENCRYPTED);
    await manager.waitFor(() => document.querySelector('[data-testid="export-erased"]'), null);
    expect(await listedDownloads(firefox, exported.name)).toBe(0);
    expect(existsSync(exported.path)).toBe(true);
    await firefox.close();

    const on = places(profileDir, { live: false });
    expect(on).toContain('https://example.org/firefox-discreet');
    expect(on.filter((url) => url.includes('moz-extension:'))).toEqual([]);
  });
});
