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
  | 'cancelled'
  | 'storage-full'
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
