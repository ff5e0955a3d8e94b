/**
 * What a capture session needs from the browser, as one interface: the session (session.ts) holds every rule,
 * the browser side (lib/browser/capture/driver.ts) only calls APIs, and unit tests drive the session with fakes.
 */
import type { AgentGeometry, TileState } from './agent-types';
import type { TabEvent, TabFacts, TileImage } from './tab';
import type { CaptureRange, Tile } from './plan';
import type { StampLine } from './stamp';
import type { CaptureMethod, MethodOutcome, TileStream } from './method';
import type { PhaseTimes } from './phase-times';
import type { CaptureErrorCode, CaptureSummary } from './status';
import type { CaptureMode } from '../evidence/types';
import type { Lang } from '../i18n';
import type { PageSelection } from '../report/selection';

/** The capture agent in the page (lib/capture/agent.ts), reached through messages. */
export interface AgentLink {
  prepare(): Promise<AgentGeometry>;
  showTile(request: { scrollTop: number; showTopBars: boolean; showBottomBars: boolean; coverHeight: number }): Promise<TileState>;
  restore(): Promise<void>;
  serialize(): Promise<string>;
}

/** Where a tile's kept rows start in its image, and their width (CSS px). */
export interface TileSource {
  left: number;
  top: number;
  width: number;
}

/** A rectangle of the document, CSS px: Firefox draws it in one call. Null: the visible viewport. */
export type CaptureRect = { x: number; y: number; width: number; height: number } | null;

export interface StitchResult {
  parts: Array<{ index: number; blob: Blob; width: number; height: number; bandHeight: number }>;
  thumbnail: Blob | null;
  bandHeight: number;
  scale: number;
}

export interface StitcherLike {
  add(tile: Tile, image: TileImage, source: TileSource, scale: number): void;
  done(): Promise<StitchResult>;
}

export interface PageSource {
  blob: Blob;
  mime: string;
  extension: string;
}

/** Spaces browser capture calls (Chrome's quota); one for the whole extension. */
export interface PacerLike {
  call<T>(capture: () => Promise<T>, signal?: AbortSignal): Promise<T>;
}

export interface CaptureRequest {
  tabId: number;
  mode: CaptureMode;
  lang: Lang;
  maxScreens: number;
  /**
   * The tab's side-panel selection with the page it was made on: recorded with the capture only when that page is
   * the captured one (lib/report/selection.ts).
   */
  selection: PageSelection | null;
  /** How the screens are taken (lib/capture/method.ts: chooseCaptureMethod). */
  method: CaptureMethod;
}

/** Everything a finished capture holds until it is saved (or discarded). */
export interface FinishedCapture {
  captureId: string;
  request: CaptureRequest;
  geometry: AgentGeometry;
  range: CaptureRange;
  stitched: StitchResult;
  source: PageSource;
  capturedAt: Date;
  requestedUrl: string;
  finalUrl: string;
  /** How the screens were taken, and from which screen on the exact method took over. */
  method: MethodOutcome;
}

export interface CaptureDriver {
  /** Firefox draws a rectangle of the document in one call; Chrome captures the viewport only. */
  readonly drawsRects: boolean;
  /** Null when the tab is gone. */
  readTab(tabId: number): Promise<TabFacts | null>;
  /** Why this URL can never be captured, if so. */
  blockReason(url: string): Promise<CaptureErrorCode | null>;
  isLocked(): Promise<boolean>;
  /** A running capture is activity: postpones auto-lock, keeps the background awake. */
  touch(): void;
  /** Ends pick mode and injects the agent. */
  startAgent(tabId: number): Promise<AgentLink>;
  captureTile(windowId: number, rect: CaptureRect): Promise<TileImage>;
  /**
   * Chrome: opens the tab's own stream with frames of `size` device px (lib/capture/tab-stream/), getting ready
   * while the size is still being measured; absent in Firefox.
   */
  openTabStream?(tabId: number, size: Promise<{ width: number; height: number }>, times?: PhaseTimes): Promise<TileStream>;
  /** The page source, taken after the agent has put the page back. */
  pageSource(tabId: number, agent: AgentLink): Promise<PageSource>;
  /** Starts forwarding events; returns the function that stops it. */
  watch(tabId: number, windowId: number, onEvent: (event: TabEvent) => void): () => void;
  newStitcher(options: { widthCss: number; heightCss: number; stampLines: StampLine[] }): StitcherLike;
  /**
   * Hashes the files and stores record, files and audit entry in one transaction; stores nothing when `signal`
   * is aborted before that transaction starts (quick exit during the hashing).
   */
  save(capture: FinishedCapture, signal: AbortSignal): Promise<CaptureSummary>;
  readonly pacer: PacerLike;
  now(): Date;
}
