import { describe, expect, it } from 'vitest';
import { OffscreenDocuments, type OffscreenApi } from '../../../lib/browser/offscreen';

/** Chrome's offscreen API as it behaves: one document at most, creation takes a while, a second create fails. */
function fakeChrome(options: { existsAtStart?: boolean; failCreate?: boolean } = {}) {
  let exists = options.existsAtStart ?? false;
  const calls: string[] = [];
  const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
  const api: OffscreenApi = {
    hasDocument: async () => {
      await tick();
      return exists;
    },
    createDocument: async () => {
      calls.push('create');
      await tick();
      if (options.failCreate) throw new Error('Failed to create');
      if (exists) throw new Error('Only a single offscreen document may be created.');
      exists = true;
    },
    closeDocument: async () => {
      calls.push('close');
      await tick();
      if (!exists) throw new Error('No current offscreen document.');
      exists = false;
    },
  };
  return { api, calls, exists: () => exists };
}

describe('the offscreen document', () => {
  it('is made once when two users ask at the same moment', async () => {
    const chrome = fakeChrome();
    const documents = new OffscreenDocuments(chrome.api);
    await Promise.all([documents.acquire('stream'), documents.acquire('recorder')]);
    expect(chrome.calls).toEqual(['create']);
    expect(chrome.exists()).toBe(true);
  });

  it('stays open while anyone uses it and closes when the last one lets go', async () => {
    const chrome = fakeChrome();
    const documents = new OffscreenDocuments(chrome.api);
    await documents.acquire('stream');
    await documents.acquire('recorder');
    await documents.release('stream');
    expect(chrome.exists()).toBe(true);
    await documents.release('recorder');
    expect(chrome.exists()).toBe(false);
    expect(chrome.calls).toEqual(['create', 'close']);
  });

  it('is not closed under a user who arrives while the last one is leaving', async () => {
    const chrome = fakeChrome();
    const documents = new OffscreenDocuments(chrome.api);
    await documents.acquire('a');
    const closing = documents.release('a');
    const opening = documents.acquire('b');
    await Promise.all([closing, opening]);
    expect(chrome.exists()).toBe(true);
    expect(chrome.calls).toEqual(['create']);
    // And a user arriving after the close is done gets a new one.
    await documents.release('b');
    await documents.acquire('c');
    expect(chrome.calls).toEqual(['create', 'close', 'create']);
  });

  it('uses a document that already exists (a service worker woken again forgot it)', async () => {
    const chrome = fakeChrome({ existsAtStart: true });
    const documents = new OffscreenDocuments(chrome.api);
    await documents.acquire('stream');
    expect(chrome.calls).toEqual([]);
    await documents.release('stream');
    expect(chrome.exists()).toBe(false);
  });

  it('counts no user whose document could not be made, and says why', async () => {
    const chrome = fakeChrome({ failCreate: true });
    const documents = new OffscreenDocuments(chrome.api);
    await expect(documents.acquire('stream')).rejects.toThrow('Failed to create');
    expect(documents.users.size).toBe(0);
  });

  it('ignores a release of a user that never acquired it', async () => {
    const chrome = fakeChrome();
    const documents = new OffscreenDocuments(chrome.api);
    await documents.acquire('stream');
    await documents.release('nobody');
    expect(chrome.exists()).toBe(true);
  });
});
