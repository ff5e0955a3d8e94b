import { describe, expect, it } from 'vitest';
import { captureBlockReason } from '../../../lib/capture/restrictions';

describe('captureBlockReason', () => {
  it.each([
    ['chrome://settings/', 'browser-page'],
    ['about:addons', 'browser-page'],
    ['moz-extension://abc/popup.html', 'browser-page'],
    ['view-source:https://x.com/', 'browser-page'],
    ['https://chromewebstore.google.com/detail/x', 'extension-store'],
    ['https://chrome.google.com/webstore/detail/x', 'extension-store'],
    ['https://addons.mozilla.org/en-US/firefox/', 'extension-store'],
    ['ftp://example.org/', 'not-web'],
    ['not a url', 'not-web'],
  ])('%s cannot be captured (%s)', (url, reason) => {
    expect(captureBlockReason(url, false)).toBe(reason);
  });

  it('allows web pages, and files only with file access', () => {
    expect(captureBlockReason('https://discord.com/channels/1/2', false)).toBeNull();
    expect(captureBlockReason('http://example.org/', false)).toBeNull();
    expect(captureBlockReason('file:///home/me/a.html', false)).toBe('file-access');
    expect(captureBlockReason('file:///home/me/a.html', true)).toBeNull();
    expect(captureBlockReason(undefined, false)).toBeNull();
  });
});
