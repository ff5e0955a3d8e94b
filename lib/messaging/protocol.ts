/**
 * Every message between the extension's contexts, in one map: its name, what it carries, what it answers, who may
 * send it and where it goes. Senders and receivers use lib/messaging/index.ts, which checks the sender of every
 * message against `ROUTES` before any handler runs; the background serves its part with lib/messaging/router.ts.
 *
 * Messages travel only through the extension's own channels (never window.postMessage or DOM attributes), so the
 * page's scripts can neither read nor forge them.
 */
import type { AgentGeometry, PagePutBack, TileRequest, TileState } from '../capture/agent-types';
import type { CaptureMode } from '../evidence/types';
import type { Lang } from '../i18n';
import type { ReadCounts, ReadProblem } from '../platforms/extraction';
import type { ExtractedItem, ParsedUrl } from '../platforms/types';
import type { TabStreamFrame, TabStreamOpen, TabStreamOpened, TabStreamPixels } from '../capture/tab-stream/types';
import type { StampLine } from '../capture/stamp';
import type { CaptureStatus, RecordingStatus } from '../capture/status';

/** What the content script knows about the page it runs in. */
export interface PageInfo {
  /** location.href, as finally loaded (after redirects and single-page navigations). */
  url: string;
  title: string;
  /** The registry's reading of the URL; null when the page is not one we recognise. */
  parsed: ParsedUrl | null;
}

/** The reportable items a content script currently sees, for the page at `url`. */
export interface PageItems {
  url: string;
  items: ExtractedItem[];
  /** Set when the platform's extractor failed on this page, as a whole or on some items: never silence. */
  problem?: ReadProblem;
  /** How reading has fared in this tab, per platform, for the side panel's details for helpers. */
  counts?: ReadCounts[];
}

/** Start or end pick mode; `selected` are the item keys to outline while it runs. */
export interface PickModeRequest {
  on: boolean;
  selected: string[];
  hint?: string;
}

/**
 * Name -> (request) => response, in @webext-core/messaging's protocol-map form. A name without a parameter
 * carries nothing; `void` answers nothing.
 */
export interface ProtocolMap {
  /** Content script -> background and pages: the page it runs in, on load and on every navigation or title change. */
  'page-info'(info: PageInfo): void;
  /** Content script -> pages: the reportable items changed. */
  'page-items'(page: PageItems): void;
  /** Content script -> pages: in pick mode the person clicked an item; the side panel decides whether it is selected. */
  'pick-toggle'(key: string): void;
  /** Content script -> pages: pick mode ended on the page (Escape, or navigation). */
  'pick-ended'(): void;

  /** Pages and background -> content script of one tab (top frame). */
  'get-page-info'(): PageInfo;
  'get-identifiers'(): PageItems;
  'pick-mode'(request: PickModeRequest): true;

  /** Background -> capture agent (injected into the captured tab, top frame only). */
  'agent-prepare'(): AgentGeometry;
  'agent-show-tile'(request: TileRequest): TileState;
  'agent-restore'(): true;
  'agent-serialize'(): string;
  /**
   * Capture agent -> background (Firefox): insert the capture's stylesheet `add` into the sender's page and take the
   * one inserted before (`remove`) away; '' for none. `putBack`: what else to undo should the agent be ended first
   * (lib/capture/agent-style.ts).
   */
  'agent-style'(change: { add: string; remove: string; putBack: PagePutBack | null }): true;
  /**
   * Content script -> background, as it starts (Firefox injects it again after the add-on's reload): what a capture
   * ended by that reload left to put back in the sender's page, which the background could not script; or null.
   */
  'page-put-back'(): PagePutBack | null;

  /**
   * Quick exit, page -> background: `tabId` is the tab the person was looking at (the popup's and side panel's
   * target; null from the manager, whose own tab is then the one sent away).
   */
  'quick-exit'(request: { tabId: number | null }): void;
  /** The manager opened, page -> background: try every pending trusted timestamp now. */
  'timestamps-run'(): void;
  /** Quick exit, background -> every extension page: close now. */
  'quick-exit-close'(): void;

  /** Background -> the offscreen document (Chrome): a tab's stream, and frames of it (lib/capture/tab-stream/). */
  'tab-stream-open'(request: TabStreamOpen): TabStreamOpened;
  'tab-stream-frame'(request: { key: string; after: number }): TabStreamFrame;
  /** The pixels of a frame `tab-stream-frame` took (encoded while the next screen scrolls into place). */
  'tab-stream-pixels'(request: { key: string; frameId: string }): TabStreamPixels;
  'tab-stream-close'(request: { key: string }): true;
  /** Offscreen document -> background: a tab stream ended by itself (the tab closed, the browser stopped it). */
  'tab-stream-ended'(request: { key: string }): void;

  /**
   * Background -> the offscreen document (Chrome): record a tab's stream under the band (lib/capture/recording/);
   * the chunks come back over a `recording-chunks` port. The stop is answered once the last chunk is sent.
   */
  'recording-start'(request: { captureId: string; streamId: string; width: number; height: number; stampLines: StampLine[] }): {
    mimeType: string;
    audio: boolean;
    frameRate: number | null;
  };
  'recording-stop'(request: { captureId: string }): true;
}

export type MessageName = keyof ProtocolMap;
export type RequestOf<N extends MessageName> = Parameters<ProtocolMap[N]>[0];
export type ResponseOf<N extends MessageName> = ReturnType<ProtocolMap[N]>;

/**
 * Who sends (lib/messaging/sender.ts tells them apart):
 * - 'content': our content script or capture agent, in the top frame of a web page's tab;
 * - 'page': one of our extension pages (popup, side panel, manager);
 * - 'background': our background;
 * - 'offscreen': our offscreen document (Chrome), which holds tab streams.
 */
export type SenderKind = 'content' | 'page' | 'background' | 'offscreen';

/**
 * Where a message goes: the background, the extension pages, both, the content script of one tab, or the
 * offscreen document (Chrome; runtime.sendMessage reaches it, and the other pages ignore its messages).
 */
export type Destination = 'background' | 'pages' | 'extension' | 'tab' | 'offscreen';

export interface Route {
  from: readonly SenderKind[];
  to: Destination;
}

const FROM_CONTENT = ['content'] as const;
const FROM_EXTENSION = ['page', 'background'] as const;

export const ROUTES = {
  'page-info': { from: FROM_CONTENT, to: 'extension' },
  'page-items': { from: FROM_CONTENT, to: 'pages' },
  'pick-toggle': { from: FROM_CONTENT, to: 'pages' },
  'pick-ended': { from: FROM_CONTENT, to: 'pages' },
  'get-page-info': { from: FROM_EXTENSION, to: 'tab' },
  'get-identifiers': { from: FROM_EXTENSION, to: 'tab' },
  'pick-mode': { from: FROM_EXTENSION, to: 'tab' },
  // Only the background drives a capture.
  'agent-prepare': { from: ['background'], to: 'tab' },
  'agent-show-tile': { from: ['background'], to: 'tab' },
  'agent-restore': { from: ['background'], to: 'tab' },
  'agent-serialize': { from: ['background'], to: 'tab' },
  'agent-style': { from: ['content'], to: 'background' },
  'page-put-back': { from: ['content'], to: 'background' },
  'quick-exit': { from: ['page'], to: 'background' },
  'quick-exit-close': { from: ['background'], to: 'pages' },
  'tab-stream-open': { from: ['background'], to: 'offscreen' },
  'tab-stream-frame': { from: ['background'], to: 'offscreen' },
  'tab-stream-pixels': { from: ['background'], to: 'offscreen' },
  'tab-stream-close': { from: ['background'], to: 'offscreen' },
  'tab-stream-ended': { from: ['offscreen'], to: 'background' },
  'timestamps-run': { from: ['page'], to: 'background' },
  'recording-start': { from: ['background'], to: 'offscreen' },
  'recording-stop': { from: ['background'], to: 'offscreen' },
} as const satisfies { [N in MessageName]: Route };

/** The messages the background answers (lib/messaging/router.ts wants a handler for each). */
export type BackgroundMessage = {
  [N in MessageName]: (typeof ROUTES)[N]['to'] extends 'background' | 'extension' ? N : never;
}[MessageName];

// --- The capture port ---------------------------------------------------------------------------------------------

/**
 * Over the `capture` port: page -> background. A popup opening sends `attach` to find the capture of its tab
 * (running, waiting to be saved, or just finished); `retry-save` and `discard` act on a finished capture whose
 * save failed.
 */
export type CapturePortRequest =
  | { type: 'start'; tabId: number; mode: CaptureMode; lang: Lang }
  | { type: 'attach'; tabId: number }
  | { type: 'cancel' }
  | { type: 'retry-save' }
  | { type: 'discard' };

/** Over the `capture` port: background -> page. `none`: no capture of this tab to show. */
export type CapturePortEvent = { type: 'status'; status: CaptureStatus } | { type: 'none' } | { type: 'refused'; code: 'busy' };

// --- The recording port (lib/capture/recording/) ----------------------------------------------------------------

/**
 * Over a `recording-chunks` port, offscreen document -> background, in order: which recording, its chunks (base64:
 * Chrome's runtime messaging carries JSON, a Uint8Array arrives as an object of numbered keys), a recorder that
 * ended by itself, and what the recorder gives at the stop (after the last chunk).
 */
export type RecordingChunkMessage =
  | { type: 'hello'; captureId: string }
  | { type: 'chunk'; data: string }
  | { type: 'ended'; reason: 'stream-ended' | 'failed'; detail?: string }
  | { type: 'stopped'; durationMs: number; poster: string; width: number; height: number };

/** Over the `recording` port: page -> background. */
export type RecordingPortRequest = { type: 'start'; tabId: number; lang: Lang } | { type: 'attach'; tabId: number } | { type: 'stop' };

/** Over the `recording` port: background -> page. */
export type RecordingPortEvent = { type: 'status'; status: RecordingStatus } | { type: 'none' } | { type: 'refused'; code: 'busy' };

/**
 * Long-lived connections, by port name: who may open one. A capture reports progress until it is done, and goes on
 * when the page that started it closes, which one request and answer cannot do. The capture agent holds its port
 * open while its document lives: its closing tells the background the document is gone (reload, navigation,
 * crash), and tells the agent the background is gone (it then puts the page back by itself).
 */
export const PORTS = {
  capture: { from: ['page'] },
  recording: { from: ['page'] },
  'recording-chunks': { from: ['offscreen'] },
  'capture-agent': { from: ['content'] },
} as const satisfies Record<string, { from: readonly SenderKind[] }>;

export type PortName = keyof typeof PORTS;
