/** Message senders as Chrome and Firefox describe them, for the messaging tests (WXT's fake browser's extension id). */
import type { MessageSender } from '../../../lib/messaging/sender';

export const ID = 'test-extension-id';
export const ROOT = `chrome-extension://${ID}/`;
export const DISCORD = 'https://discord.com/channels/1096362223539851269/1096362225574088711';

/** One of our pages (or the background) at `path`; extra fields for a page open in a tab (the manager). */
export const pageSender = (path: string, extra: Partial<MessageSender> = {}): MessageSender => ({
  id: ID,
  url: `${ROOT}${path.replace(/^\//, '')}`,
  ...extra,
});

/** Our content script on a Discord page, top frame unless said otherwise. */
export const contentSender = (extra: Partial<MessageSender> = {}): MessageSender => ({
  id: ID,
  url: DISCORD,
  tab: { id: 4 },
  frameId: 0,
  ...extra,
});

/** What a web page would look like, could it reach runtime.onMessage: no extension id. */
export const webPage = (): MessageSender => ({ url: 'https://evil.example/', tab: { id: 4 }, frameId: 0 });

export const otherExtension = (): MessageSender => ({ id: 'other-extension', url: 'chrome-extension://other-extension/popup.html' });
