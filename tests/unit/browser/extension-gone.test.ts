/**
 * A page that outlives its extension (updated or reloaded while open) says "the extension was updated, please
 * reopen" (the 'updated' notice) once a call to the background fails, and not while the extension is there
 * (a stopped background is another message: the capture panel's "stopped answering").
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { extensionGone, noticeIfExtensionGone, watchDatabaseNotice, type DatabaseNotice } from '../../../lib/browser/evidence';

const runtime = fakeBrowser.runtime as unknown as { id: string | undefined };
const ownId = runtime.id;

afterEach(() => {
  runtime.id = ownId;
});

describe('a page whose extension was updated or reloaded under it', () => {
  it('gives no notice while the extension is there', () => {
    const seen: DatabaseNotice[] = [];
    const stop = watchDatabaseNotice((notice) => seen.push(notice));
    expect(extensionGone()).toBe(false);
    expect(noticeIfExtensionGone()).toBe(false);
    stop();
    expect(seen).toEqual([null]);
  });

  it('shows the "updated, please reopen" notice once the extension is gone, and keeps it', () => {
    const seen: DatabaseNotice[] = [];
    const stop = watchDatabaseNotice((notice) => seen.push(notice));
    runtime.id = undefined; // what the browser leaves an orphaned page
    expect(extensionGone()).toBe(true);
    expect(noticeIfExtensionGone()).toBe(true);
    runtime.id = ownId;
    expect(noticeIfExtensionGone()).toBe(false);
    stop();
    expect(seen).toEqual([null, 'updated']);
  });
});
