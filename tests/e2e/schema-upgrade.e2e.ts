/**
 * Schema upgrades meeting open pages (issue 15 item 4), in the real browsers. The newer version of the extension is
 * played by a raw IndexedDB open of the next version from the extension's own origin (the product's next build
 * does not exist yet); the older page by a raw connection to a version 1 database (the frozen first schema, as in
 * tests/unit/storage/frozen-schemas.ts) that has no versionchange handler, as a page of a version before this
 * handling had. What is checked is what the product's pages do and say, and the data.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { BROWSERS, useExtensionBrowser } from './support/browsers';
import { clickButton, type DrivenPage } from './support/driver';
import { countsFrom } from './support/fault-checks';

const DB_NAME = 'capture-and-report';
const rows: string[] = [];

/** The notice a page of ours shows about its database, once it shows `kind`. */
function noticeOf(page: DrivenPage, kind: 'blocked' | 'updated'): Promise<string> {
  return page.waitFor(
    (wanted: string) => {
      const notice = document.querySelector(`[data-testid="database-notice"][data-notice="${wanted}"]`);
      return notice?.textContent?.trim();
    },
    kind,
  );
}

describe.each(BROWSERS)('schema upgrades with pages open (%s)', (browserName) => {
  const { browser } = useExtensionBrowser(browserName, { scope: 'test' });
  afterAll(() => {
    console.log([`\nSchema upgrade (${browserName}) | What the person saw | Data`, ...rows.splice(0)].join('\n'));
  });

  it('a newer version takes the database: our pages step aside at once and say so, nothing is lost', async () => {
    const tab = await browser().openTab('https://example.org/long');
    const popup = await browser().openExtensionPage(`popup.html?tabId=${tab.tabId}`);
    await clickButton(popup, 'Capture visible area');
    await popup.waitFor(() => document.querySelector('[data-testid="capture-result"]'), null, 60_000);
    const manager = await browser().openExtensionPage('manager.html');
    const kept = await countsFrom(manager);
    expect(kept.captures).toBe(1);

    // The newer version opens the next version from the extension's origin (background or one of its pages).
    const newer = await browser().evalInExtension(
      (name: string) =>
        new Promise<{ blocked: boolean; from: number; to: number; captures: number; files: number; audit: number }>((resolve, reject) => {
          let blocked = false;
          void indexedDB.databases().then((databases) => {
            const from = databases.find((database) => database.name === name)!.version!;
            const request = indexedDB.open(name, from + 1);
            request.onblocked = () => (blocked = true);
            request.onupgradeneeded = () => request.result.createObjectStore('future', { keyPath: 'id' });
            request.onerror = () => reject(request.error);
            request.onsuccess = () => {
              const db = request.result;
              const read = db.transaction(['captures', 'files', 'audit']);
              const count = (store: string) =>
                new Promise<number>((done) => (read.objectStore(store).count().onsuccess = (event) => done((event.target as IDBRequest<number>).result)));
              void Promise.all([count('captures'), count('files'), count('audit')]).then(([captures, files, audit]) => {
                db.close();
                resolve({ blocked, from, to: db.version, captures: captures!, files: files!, audit: audit! });
              });
            };
          });
        }),
      DB_NAME,
    );
    const managerSays = await noticeOf(manager, 'updated');
    const popupSays = await noticeOf(popup, 'updated');
    expect(managerSays).toContain('The extension was updated. Please close this page and open it again.');
    expect(popupSays).toBe(managerSays);
    expect(newer.blocked).toBe(false);
    expect(newer.to).toBe(newer.from + 1);
    expect({ captures: newer.captures, files: newer.files }).toEqual({ captures: kept.captures, files: kept.files });
    // The background may append to the audit trail meanwhile (e.g. a trusted timestamp tried): never fewer entries.
    expect(newer.audit).toBeGreaterThanOrEqual(kept.audit);
    rows.push(
      `Newer version upgrades ${newer.from} -> ${newer.to} while the manager, the popup and the background hold the database | manager and popup: "${managerSays}" | upgrade not blocked; before ${JSON.stringify(kept)}, after ${JSON.stringify({ captures: newer.captures, files: newer.files, audit: newer.audit })}`,
    );
  });

  it('our upgrade waits for an older page: the person is told what to close, and nothing is lost once it is', async () => {
    const oldPage = await browser().openExtensionPage('popup.html');
    const manager = await browser().openExtensionPage('manager.html');
    // The older page: the database as version 1 left it, with a case in it, held open without a versionchange
    // handler. (Our own connections step aside for the delete, as they do for any upgrade.)
    const current = await oldPage.evaluate(async (name: string) => {
      const version = (await indexedDB.databases()).find((database) => database.name === name)!.version!;
      await new Promise((resolve, reject) => {
        const deletion = indexedDB.deleteDatabase(name);
        deletion.onsuccess = resolve;
        deletion.onerror = () => reject(deletion.error);
      });
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name, 1);
        request.onupgradeneeded = () => {
          const v1 = request.result;
          v1.createObjectStore('cases', { keyPath: 'id' });
          const captures = v1.createObjectStore('captures', { keyPath: 'id' });
          captures.createIndex('byCase', 'caseId');
          captures.createIndex('byCaseTime', ['caseId', 'capturedAt']);
          v1.createObjectStore('files', { keyPath: 'id' }).createIndex('byCapture', 'captureId');
          v1.createObjectStore('audit', { keyPath: ['caseId', 'seq'] }).createIndex('byCase', 'caseId');
          v1.createObjectStore('settings', { keyPath: 'key' });
        };
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      await new Promise((resolve) => {
        const write = db.transaction('cases', 'readwrite');
        write.objectStore('cases').put({ id: 'case-1', title: 'Older evidence', createdAt: '2026-11-01T10:00:00.000Z', capturerRole: 'victim', notes: '' });
        write.oncomplete = resolve;
      });
      (globalThis as { olderConnection?: IDBDatabase }).olderConnection = db;
      return version;
    }, DB_NAME);

    // A page of ours opens now: its upgrade from version 1 waits for the older page.
    await manager.evaluate(() => location.reload(), null).catch(() => undefined);
    const says = await noticeOf(manager, 'blocked');
    expect(says).toContain('is waiting for its older pages to close');
    expect(says).toContain('Nothing is lost');
    await oldPage.close(); // the person closes it

    await manager.waitFor(() => !document.querySelector('[data-testid="database-notice"]') && !document.querySelector('[data-lock-gate="checking"]'), null);
    const after = await manager.evaluate(
      (name: string) =>
        new Promise<{ version: number; title: string | undefined }>((resolve) => {
          const request = indexedDB.open(name);
          request.onsuccess = () => {
            const db = request.result;
            const read = db.transaction('cases').objectStore('cases').get('case-1');
            read.onsuccess = () => {
              db.close();
              resolve({ version: db.version, title: (read.result as { title?: string } | undefined)?.title });
            };
          };
        }),
      DB_NAME,
    );
    expect(after).toEqual({ version: current, title: 'Older evidence' });
    rows.push(`Our upgrade 1 -> ${current} blocked by an older page holding version 1 open | "${says}" | once it closed: upgraded to ${current}, the older case kept`);
  });
});
