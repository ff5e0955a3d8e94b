/**
 * Which entries of the browser's history are visits of our own pages (chrome-extension://<our id>/…), the only
 * ones discreet mode ever removes: never another entry, and never the whole history (a history that suddenly
 * empties draws attention). Pure: lib/browser/own-history.ts asks the browser and deletes.
 */

/** `ownOrigin` is runtime.getURL('/'), e.g. "chrome-extension://abc…/". */
export function isOwnPage(url: string | undefined, ownOrigin: string): boolean {
  return url !== undefined && ownOrigin.endsWith('/') && url.startsWith(ownOrigin);
}

/** The distinct URLs of our pages among history entries, in their order. */
export function ownPageUrls(entries: ReadonlyArray<{ url?: string }>, ownOrigin: string): string[] {
  return [...new Set(entries.map((entry) => entry.url).filter((url): url is string => isOwnPage(url, ownOrigin)))];
}
