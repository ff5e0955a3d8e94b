import type { PageInfo } from '../messaging/protocol';
import type { PlatformRegistry } from '../platforms/lookup';

/**
 * What the content script tells the extension about the page: its address, title and what it is, read with the
 * content script's own platforms (a link shim's target on another platform stays unread: the extension's pages
 * read it, lib/browser/tabs.ts).
 */
export function pageInfo(href: string, title: string, registry: PlatformRegistry): PageInfo {
  return { url: href, title, parsed: registry.parseUrl(href) };
}

/**
 * Decides when the page must be announced again: when its address or title changed since the last
 * announcement (single-page apps navigate without reloading, and set the new title some time after).
 */
export class PageAnnouncer {
  #last = '';

  /** Null when nothing changed; otherwise whether the address changed (a new page) or only the title. */
  next(info: PageInfo): { urlChanged: boolean } | null {
    const key = `${info.url}\n${info.title}`;
    if (key === this.#last) return null;
    const urlChanged = !this.#last.startsWith(`${info.url}\n`);
    this.#last = key;
    return { urlChanged };
  }
}
