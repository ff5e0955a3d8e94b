/**
 * The side panel in Chromium and Firefox: it shows exactly the identifiers seeded in a Discord and an X fixture,
 * copies them to the clipboard, keeps ticked steps across reopening, follows a pushState navigation (with the
 * page's content swapped as a single-page app does), refuses a sixth X post, lets the person pick messages on
 * the page, and says so when a page's messages cannot be read.
 */
import { describe, expect, it } from 'vitest';
import { BROWSERS, useExtensionBrowser } from './support/browsers';
import { clipboardWhen } from './support/clipboard';
import { clickButton } from './support/driver';
import { readIds } from './support/panel';
import { storedCaptures } from './support/evidence';

const SERVER = '1096362223539851269';
const CHANNEL = '1096362225574088711';
const OTHER_CHANNEL = '1096362225574088799';
const DISCORD_PAGE = `https://discord.com/channels/${SERVER}/${CHANNEL}`;
const MESSAGES = ['1096362300000000001', '1096362300000000002', '1096362300000000003'] as const;
const MARA = '327086233773670400';
const BROKEN_SERVER = '1096362223539851270';
const BROKEN_PAGE = `https://discord.com/channels/${BROKEN_SERVER}/1096362225574088712`;
const X_HOME = 'https://x.com/home';
const X_POSTS = [
  ['alice_01', '1790000000000000001'],
  ['bob_02', '1790000000000000002'],
  ['carol_03', '1790000000000000003'],
  ['dave_04', '1790000000000000004'],
  ['erin_05', '1790000000000000005'],
  ['frank_06', '1790000000000000006'],
  ['grace_07', '1790000000000000007'],
] as const;

describe.each(BROWSERS)('side panel in %s', (browserName) => {
  const { browser } = useExtensionBrowser(browserName, {
    // First: the generic discord.com and x.com routes would answer these paths otherwise.
    routes: [
      { host: /^discord\.com$/, path: new RegExp(`^/channels/${SERVER}/`), file: 'sidepanel-discord.html' },
      { host: /^x\.com$/, path: /^\/home$/, file: 'sidepanel-x.html' },
      { host: /^discord\.com$/, path: new RegExp(`^/channels/${BROKEN_SERVER}/`), file: 'sidepanel-discord-broken.html' },
    ],
  });

  it('shows exactly the Discord IDs and message links of the page', async () => {
    const { tabId } = await browser().openTab(DISCORD_PAGE);
    const panel = await browser().openExtensionPage(`sidepanel.html?tabId=${tabId}`);
    const ids = await readIds(panel, 3);
    expect(ids.page).toEqual([
      ['url', DISCORD_PAGE],
      ['serverId', SERVER],
      ['channelId', CHANNEL],
    ]);
    expect(ids.items.map((item) => item.key)).toEqual(MESSAGES);
    const field = (index: number, key: string) => ids.items[index]?.fields.find(([name]) => name === key)?.[1];
    MESSAGES.forEach((message, index) => {
      expect(field(index, 'messageLink')).toBe(`${DISCORD_PAGE}/${message}`);
      expect(field(index, 'messageId')).toBe(message);
    });
    // The follow-up takes its author from the group's first message; a default avatar carries no id.
    expect([field(0, 'userId'), field(1, 'userId'), field(2, 'userId')]).toEqual([MARA, MARA, 'unknown']);
    expect([field(0, 'authorName'), field(1, 'authorName'), field(2, 'authorName')]).toEqual(['Mara', 'Mara', 'newbie']);
    await panel.close();
  });

  it('records the messages selected in the panel with the next capture of that tab', async () => {
    const { tabId } = await browser().openTab(DISCORD_PAGE);
    const panel = await browser().openExtensionPage(`sidepanel.html?tabId=${tabId}`);
    await readIds(panel, 3);
    await panel.click(`[data-testid="item"][data-key="${MESSAGES[1]}"] [data-testid="item-select"]`);
    await panel.waitFor(() => document.querySelector('[data-testid="selected-count"]')?.textContent === '1 selected', null);
    const before = (await storedCaptures(browser())).length;

    const popup = await browser().openExtensionPage(`popup.html?tabId=${tabId}`);
    await clickButton(popup, 'Capture visible area');
    const id = await popup.waitFor(() => document.querySelector('[data-testid="capture-result"]')?.getAttribute('data-capture-id'), null, 60_000);
    const captures = await storedCaptures(browser());
    expect(captures).toHaveLength(before + 1);
    const record = captures.find((capture) => capture.id === id)!;
    expect(record.selectedItems.map((item) => item.key)).toEqual([MESSAGES[1]]);
    expect(record.selectedItems[0]!.fields).toContainEqual({ key: 'messageLink', value: `${DISCORD_PAGE}/${MESSAGES[1]}` });
    await popup.close();
    await panel.close();
  });

  it('copies an identifier, and all of them, to the clipboard', async () => {
    const { tabId } = await browser().openTab(DISCORD_PAGE);
    const panel = await browser().openExtensionPage(`sidepanel.html?tabId=${tabId}`);
    await readIds(panel, 3);
    await panel.click('[data-testid="page-identifiers"] [data-key="serverId"] button');
    await panel.waitFor(() => document.querySelector('[data-testid="page-identifiers"] [data-key="serverId"] [role="status"]')?.textContent?.trim() === 'Copied', null);
    expect(await clipboardWhen(browser(), panel, (text) => text === SERVER)).toBe(SERVER);

    await panel.click('[data-testid="copy-all"]');
    const all = await clipboardWhen(browser(), panel, (text) => text !== SERVER);
    expect(all).toContain(`Server ID: ${SERVER}\nChannel ID: ${CHANNEL}`);
    for (const message of MESSAGES) expect(all).toContain(`Message link: ${DISCORD_PAGE}/${message}`);
    expect(all).toContain('User ID: unknown');
    await panel.close();
  });

  it('keeps ticked steps when the panel is opened again', async () => {
    const { tabId } = await browser().openTab(DISCORD_PAGE);
    const step = '[data-testid="step"][data-step="discord-user-id"] > label input';
    const first = await browser().openExtensionPage(`sidepanel.html?tabId=${tabId}`);
    await first.waitFor(() => document.querySelector('[data-guide="discord"][data-loaded="true"]'), null);
    await first.click(step);
    await first.waitFor((selector: string) => document.querySelector<HTMLInputElement>(selector)?.checked, step);
    // Stored before closing: the progress line counts the tick once it is saved and shown.
    await first.waitFor(() => /^1 of /.test(document.querySelector('[data-testid="progress"] span')?.textContent ?? ''), null);
    await first.close();

    const again = await browser().openExtensionPage(`sidepanel.html?tabId=${tabId}`);
    await again.waitFor(() => document.querySelector('[data-guide="discord"][data-loaded="true"]'), null);
    expect(await again.evaluate((selector: string) => document.querySelector<HTMLInputElement>(selector)?.checked, step)).toBe(true);
    await again.close();
  });

  it('follows a pushState navigation to another channel', async () => {
    const { page, tabId } = await browser().openTab(DISCORD_PAGE);
    const panel = await browser().openExtensionPage(`sidepanel.html?tabId=${tabId}`);
    await readIds(panel, 3);
    // As Discord does: change the address, then render the other channel's messages.
    await page.evaluate(
      ({ server, channel }: { server: string; channel: string }) => {
        history.pushState({}, '', `/channels/${server}/${channel}`);
        const list = document.querySelector('ol[data-list-id="chat-messages"]')!;
        const row = list.firstElementChild!.cloneNode(true) as HTMLElement;
        row.id = `chat-messages-${channel}-1096362400000000001`;
        row.firstElementChild!.setAttribute('data-list-item-id', `chat-messages___chat-messages-${channel}-1096362400000000001`);
        list.replaceChildren(row);
      },
      { server: SERVER, channel: OTHER_CHANNEL },
    );
    const ids = await readIds(panel, 1, OTHER_CHANNEL);
    expect(ids.page).toEqual([
      ['url', `https://discord.com/channels/${SERVER}/${OTHER_CHANNEL}`],
      ['serverId', SERVER],
      ['channelId', OTHER_CHANNEL],
    ]);
    expect(ids.items[0]?.fields[0]).toEqual([
      'messageLink',
      `https://discord.com/channels/${SERVER}/${OTHER_CHANNEL}/1096362400000000001`,
    ]);
    await panel.close();
  });

  it('lets the person pick messages on the page, and Escape ends pick mode', async () => {
    const { page, tabId } = await browser().openTab(DISCORD_PAGE);
    const panel = await browser().openExtensionPage(`sidepanel.html?tabId=${tabId}`);
    await readIds(panel, 3);
    await panel.click('[data-testid="pick"]');
    await panel.waitFor(() => document.querySelector('[data-testid="pick"]')?.getAttribute('aria-pressed') === 'true', null);
    // Wait until the content script is in pick mode: its overlay host is the only child of <html> we add.
    await page.waitFor(() => document.documentElement.lastElementChild?.tagName === 'DIV', null);
    await page.click(`#message-content-${MESSAGES[2]}`);
    await panel.waitFor(
      (key: string) => document.querySelector<HTMLInputElement>(`[data-key="${key}"] [data-testid="item-select"]`)?.checked,
      MESSAGES[2],
    );
    // What the page can see of pick mode: one bare element, no attributes but its style, a closed shadow root.
    expect(
      await page.evaluate(() => {
        const host = document.documentElement.lastElementChild as HTMLElement;
        return { attributes: host.getAttributeNames(), shadow: host.shadowRoot, text: host.textContent };
      }, null),
    ).toEqual({ attributes: ['style'], shadow: null, text: '' });

    await page.press('Escape');
    await panel.waitFor(() => document.querySelector('[data-testid="pick"]')?.getAttribute('aria-pressed') === 'false', null);
    await page.waitFor(() => document.documentElement.lastElementChild?.tagName === 'BODY', null);
    await panel.close();
  });

  it('shows the X posts and refuses a sixth selected post', async () => {
    const { tabId } = await browser().openTab(X_HOME);
    const panel = await browser().openExtensionPage(`sidepanel.html?tabId=${tabId}`);
    const ids = await readIds(panel, 7);
    expect(ids.page).toEqual([]);
    expect(ids.items.map((item) => item.fields.filter(([key]) => key !== 'time'))).toEqual(
      X_POSTS.map(([handle, id]) => [
        ['postUrl', `https://x.com/${handle}/status/${id}`],
        ['postId', id],
        ['handle', `@${handle}`],
      ]),
    );
    for (const [, id] of X_POSTS.slice(0, 6)) {
      await panel.click(`[data-testid="item"][data-key="${id}"] [data-testid="item-select"]`);
    }
    const state = await panel.waitFor(
      () => {
        const refused = document.querySelector('[data-testid="selection-refused"]')?.textContent?.trim();
        if (!refused) return null;
        const checked = Array.from(document.querySelectorAll<HTMLInputElement>('[data-testid="item-select"]')).filter((box) => box.checked).length;
        return { refused, checked, count: document.querySelector('[data-testid="selected-count"]')?.textContent };
      },
      null,
    );
    expect(state).toEqual({
      refused: 'X (Twitter) lets you report at most 5 items at once. Unselect one first, or make a second report.',
      checked: 5,
      count: '5 selected',
    });
    // The report text carries the five selected posts.
    const report = await panel.evaluate(() => document.querySelector<HTMLTextAreaElement>('[data-testid="report-text"]')?.value ?? '', null);
    expect(report).toContain('Reported items (5):');
    expect(report).not.toContain(X_POSTS[5][1]);
    await panel.close();
  });

  // Chromium only: the fixture breaks the extractor by clobbering each row's `id` (DOM clobbering), which Firefox's
  // Xray vision hides from content scripts, so there the rows read fine. The per-row and per-extractor failure
  // handling itself is covered by tests/unit/extract/extraction.test.ts and tests/unit/content/page-items.test.ts.
  it.skipIf(browserName === 'firefox')("says plainly when the page's messages cannot be read, and counts it for helpers", async () => {
    const { tabId } = await browser().openTab(BROKEN_PAGE);
    const panel = await browser().openExtensionPage(`sidepanel.html?tabId=${tabId}`);
    const shown = await panel.waitFor(() => {
      const problem = document.querySelector('[data-testid="items-unreadable"]')?.textContent?.trim();
      const details = document.querySelector<HTMLDetailsElement>('[data-testid="read-details"]');
      if (!problem || !details) return null;
      return { problem, open: details.open, details: details.textContent ?? '' };
    }, null);
    expect(shown.problem).toBe("Could not read this page's messages. The page may have changed.");
    // The address's own identifiers are still there.
    expect((await readIds(panel, 0)).page).toContainEqual(['serverId', BROKEN_SERVER]);
    // Collapsed; counts and an error summary only, nothing from the page.
    expect(shown.open).toBe(false);
    expect(shown.details).toMatch(/discord: read \d+ times, \d+ times nothing could be read, \d+ items not read/);
    expect(shown.details).toMatch(/Last error: \w*Error: /);
    expect(shown.details).not.toMatch(/Secret words|1096362300000000011/);
    await panel.close();
  });
});
