/**
 * Every message exchanged between the extension's contexts, typed in one place.
 *
 * - Content script -> extension (background and open extension pages): `RuntimeMessage` via runtime.sendMessage.
 * - Extension -> content script of one tab: `TabRequest` via tabs.sendMessage, answered with `TabResponse<T>`.
 *
 * Messages travel only through the extension's own channels (never window.postMessage or DOM attributes),
 * so the page's scripts can neither read nor forge them.
 */
import type { AgentGeometry, TileState } from './capture/agent';
import type { CaptureMode } from './evidence/types';
import type { Lang } from './guide/types';
import type { ExtractedItem, ParsedUrl } from './platforms/types';

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

/** Background -> capture agent (injected into the captured tab, top frame only). */
export type AgentRequest =
  | { type: 'capture-agent'; op: 'prepare' }
  | {
      type: 'capture-agent';
      op: 'show-tile';
      scrollTop: number;
      showTopBars: boolean;
      showBottomBars: boolean;
      /** CSS px below the view's top that the tile covers (more than the viewport for Firefox's tall tiles). */
      coverHeight: number;
    }
  | { type: 'capture-agent'; op: 'restore' }
  | { type: 'capture-agent'; op: 'serialize' };

export interface AgentResponses {
  prepare: AgentGeometry;
  'show-tile': TileState;
  restore: true;
  serialize: string;
}

export function isAgentRequest(value: unknown): value is AgentRequest {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'capture-agent';
}

/** Why a capture could not be made; each has a plain-language message in every interface language. */
export type CaptureErrorCode =
  | 'browser-page'
  | 'extension-store'
  | 'file-access'
  | 'not-web'
  | 'cannot-read-page'
  | 'tab-closed'
  | 'navigated'
  | 'hidden'
  | 'moved-window'
  | 'zoom-changed'
  | 'resized'
  | 'reloaded'
  | 'cancelled'
  | 'storage-full'
  | 'locked'
  | 'busy'
  | 'failed';

/** What the popup shows when a capture is done. */
export interface CaptureSummary {
  captureId: string;
  caseId: string;
  caseTitle: string;
  url: string;
  title: string;
  capturedAt: string;
  localTime: string;
  timeZone: string;
  platformLabel: string | null;
  parts: number;
  thumbnailFileId: string | null;
  limitedToScreens: number | null;
}

/** Over the `capture` port: popup -> background. */
export type CapturePortRequest =
  | { type: 'start'; tabId: number; mode: CaptureMode; lang: Lang }
  | { type: 'cancel' };

/** Over the `capture` port: background -> popup. */
export type CapturePortEvent =
  | { type: 'progress'; phase: 'preparing' | 'capturing' | 'saving'; done: number; total: number }
  | { type: 'done'; summary: CaptureSummary }
  | { type: 'error'; code: CaptureErrorCode; detail?: string };

export const CAPTURE_PORT = 'capture';

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

// --- Identifiers, pick mode and selection (side panel <-> content script <-> background) -------------------------

/** The reportable items a content script currently sees, for the page at `url`. */
export interface PageItems {
  url: string;
  items: ExtractedItem[];
}

/**
 * Content script -> extension pages, as the page changes or the person picks items on it. Kept apart from
 * `RuntimeMessage` so listeners of 'page-info' need no change.
 */
export type ContentEvent =
  | { type: 'page-items'; page: PageItems }
  /** In pick mode the person clicked an item; the side panel decides whether it is selected. */
  | { type: 'pick-toggle'; key: string }
  /** Pick mode ended on the page (Escape, or navigation). */
  | { type: 'pick-ended' };

const CONTENT_EVENT_TYPES: ReadonlySet<string> = new Set(['page-items', 'pick-toggle', 'pick-ended']);

export function isContentEvent(value: unknown): value is ContentEvent {
  return (
    typeof value === 'object' &&
    value !== null &&
    CONTENT_EVENT_TYPES.has(String((value as { type?: unknown }).type))
  );
}

/** Extension -> content script of one tab: identifiers and pick mode. Answered as in `IdentifierResponses`. */
export type IdentifierRequest =
  | { type: 'get-identifiers' }
  /** Start or end pick mode; `selected` are the item keys to outline while it runs. */
  | { type: 'pick-mode'; on: boolean; selected: string[]; hint?: string };

export interface IdentifierResponses {
  'get-identifiers': PageItems;
  'pick-mode': true;
}

const IDENTIFIER_REQUEST_TYPES: ReadonlySet<string> = new Set(['get-identifiers', 'pick-mode']);

export function isIdentifierRequest(value: unknown): value is IdentifierRequest {
  return (
    typeof value === 'object' &&
    value !== null &&
    IDENTIFIER_REQUEST_TYPES.has(String((value as { type?: unknown }).type))
  );
}

/**
 * Side panel -> background, only where `storage.session` is missing: the background then keeps each tab's
 * selection in memory (see lib/browser/selection.ts).
 */
export type SelectionMessage =
  | { type: 'selection-set'; tabId: number; items: ExtractedItem[] }
  | { type: 'selection-get'; tabId: number };

export function isSelectionMessage(value: unknown): value is SelectionMessage {
  const type = typeof value === 'object' && value !== null ? (value as { type?: unknown }).type : undefined;
  return (type === 'selection-set' || type === 'selection-get') && typeof (value as { tabId?: unknown }).tabId === 'number';
}

/**
 * Quick exit. An extension page -> background: `tabId` is the tab the person was looking at (the popup's and side
 * panel's target; null from the manager, whose own tab is then the one sent away). Background -> every extension
 * page: close now.
 */
export type QuickExitMessage = { type: 'quick-exit'; tabId: number | null } | { type: 'quick-exit-close' };

export function isQuickExitMessage(value: unknown): value is QuickExitMessage {
  const type = typeof value === 'object' && value !== null ? (value as { type?: unknown }).type : undefined;
  return type === 'quick-exit' || type === 'quick-exit-close';
}
