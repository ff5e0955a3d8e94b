import { describe, expect, it } from 'vitest';
import { isAllowedSender, senderKind } from '../../../lib/messaging/sender';
import { contentSender, ID, otherExtension, pageSender, ROOT, webPage } from './senders';

const self = { id: ID, root: ROOT };

describe('senderKind', () => {
  it.each([
    ['/popup.html', 'page'],
    ['/sidepanel.html?tabId=12', 'page'],
    ['/manager.html#welcome', 'page'],
    ['/background.js', 'background'],
    ['/_generated_background_page.html', 'background'],
    ['/offscreen.html', 'offscreen'],
  ])('%s of our origin is %s', (path, kind) => {
    expect(senderKind(pageSender(path), self)).toBe(kind);
  });

  it('knows the manager open in a tab as a page, not a content script', () => {
    expect(senderKind(pageSender('/manager.html', { tab: { id: 9 }, frameId: 0 }), self)).toBe('page');
  });

  it('knows our content script in the top frame of a tab', () => {
    expect(senderKind(contentSender(), self)).toBe('content');
  });

  it.each([
    ['a sub-frame', contentSender({ frameId: 2 })],
    ['no tab', contentSender({ tab: undefined })],
    ['a tab without id', contentSender({ tab: {} })],
    ['no frame id', contentSender({ frameId: undefined })],
    ['no extension id (a web page)', webPage()],
    ['another extension', otherExtension()],
    ['another extension claiming our origin', { id: 'other-extension', url: `${ROOT}popup.html` }],
    ['an unknown file of ours', pageSender('/capture-agent.js')],
    ['a page of our origin with our page name in its query', pageSender('/evil.html?/popup.html')],
    ['no URL', { id: ID }],
  ])('refuses %s', (_what, sender) => {
    expect(senderKind(sender, self)).toBeNull();
  });

  it('allows a sender only for the kinds it is given', () => {
    expect(isAllowedSender(['page'], pageSender('/popup.html'), self)).toBe(true);
    expect(isAllowedSender(['background'], pageSender('/popup.html'), self)).toBe(false);
    expect(isAllowedSender(['content'], contentSender(), self)).toBe(true);
    expect(isAllowedSender(['page', 'background'], contentSender(), self)).toBe(false);
  });
});
