/**
 * Every message exchanged between the extension's contexts, typed in one place.
 *
 * - Content script -> extension (background and open extension pages): `RuntimeMessage` via runtime.sendMessage.
 * - Extension -> content script of one tab: `TabRequest` via tabs.sendMessage, answered with `TabResponse<T>`.
 *
 * Messages travel only through the extension's own channels (never window.postMessage or DOM attributes),
 * so the page's scripts can neither read nor forge them.
 */
import type { ParsedUrl } from './platforms/types';

/** What the content script knows about the page it runs in. */
export interface PageInfo {
  /** location.href, as finally loaded (after redirects and single-page navigations). */
  url: string;
  title: string;
  /** The registry's reading of the URL; null when the page is not one we recognise. */
  parsed: ParsedUrl | null;
}

export type RuntimeMessage = { type: 'page-info'; info: PageInfo };

export type TabRequest = { type: 'get-page-info' };

/** The answer type for each request type. */
export interface TabResponses {
  'get-page-info': PageInfo;
}

export type TabResponse<T extends TabRequest['type']> = TabResponses[T];

export function isRuntimeMessage(value: unknown): value is RuntimeMessage {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { type?: unknown }).type === 'page-info' &&
    typeof (value as { info?: unknown }).info === 'object'
  );
}

export function isTabRequest(value: unknown): value is TabRequest {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'get-page-info';
}
