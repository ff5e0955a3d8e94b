/**
 * Who sent a message or opened a port. runtime.onMessage and onConnect already receive only our own extension's
 * contexts (other extensions and web pages would arrive at the *External events, which we do not listen to); this
 * check makes that explicit and narrows it further: the right kind of sender for each message, from the top frame.
 */
import type { SenderKind } from './protocol';

/** The parts of runtime.MessageSender we look at (the same in Chrome and Firefox). */
export interface MessageSender {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number };
}

/** This extension: its id and the root of its pages' URLs (runtime.getURL('/')). */
export interface Self {
  id: string;
  root: string;
}

/** Our extension pages, by path (query and hash do not count). */
export const EXTENSION_PAGES: readonly string[] = ['/popup.html', '/sidepanel.html', '/manager.html'];
/** The background: Chrome's service worker script; Firefox's page generated around the background script. */
export const BACKGROUND_PATHS: readonly string[] = ['/background.js', '/_generated_background_page.html'];
/** Chrome's offscreen document (lib/browser/offscreen.ts). */
export const OFFSCREEN_PATHS: readonly string[] = ['/offscreen.html'];

/** The kind of sender, or null for anything that is not one of ours (or not from a frame we expect). */
export function senderKind(sender: MessageSender, self: Self): SenderKind | null {
  if (sender.id !== self.id || typeof sender.url !== 'string') return null;
  if (sender.url.startsWith(self.root)) {
    const path = new URL(sender.url).pathname;
    if (EXTENSION_PAGES.includes(path)) return 'page';
    if (BACKGROUND_PATHS.includes(path)) return 'background';
    if (OFFSCREEN_PATHS.includes(path)) return 'offscreen';
    return null;
  }
  // Our content scripts run on web pages, in the top frame of a tab only.
  if (sender.tab?.id !== undefined && sender.frameId === 0) return 'content';
  return null;
}

export function isAllowedSender(allowed: readonly SenderKind[], sender: MessageSender, self: Self): boolean {
  const kind = senderKind(sender, self);
  return kind !== null && allowed.includes(kind);
}
