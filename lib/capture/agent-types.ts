/**
 * What the capture agent (lib/capture/agent.ts, running in the captured page) and the background say to each other,
 * as plain types: the protocol (lib/messaging/protocol.ts) uses them without importing the agent itself.
 */

export interface AgentGeometry {
  url: string;
  title: string;
  /** Layout viewport in CSS px, scrollbars hidden. */
  viewport: { width: number; height: number };
  devicePixelRatio: number;
  scroller: 'document' | 'inner' | 'none';
  /** Visible rectangle of the scrolled element, in viewport CSS px. */
  viewRect: { left: number; top: number; width: number; height: number };
  /** Same rectangle in document coordinates at the current scroll (Firefox captures by document rect). */
  viewRectInDocument: { left: number; top: number };
  contentHeight: number;
  viewHeight: number;
  scrollTop: number;
  /** Size of the whole document (CSS px). */
  page: { width: number; height: number };
}

export interface TileState {
  /** Measured again at every tile: a change means the window, zoom or screen changed (the capture is aborted). */
  viewport: { width: number; height: number };
  devicePixelRatio: number;
  scrollTop: number;
  contentHeight: number;
  viewRect: AgentGeometry['viewRect'];
  viewRectInDocument: AgentGeometry['viewRectInDocument'];
  /**
   * When the tile was painted and settled (epoch ms: performance.timeOrigin + performance.now()): a frame of the
   * tab stream must be captured after it (lib/capture/tab-stream/freshness.ts).
   */
  settledAt: number;
}

/** Show one tile: scroll to it and hide the bars that must not repeat. */
export interface TileRequest {
  scrollTop: number;
  showTopBars: boolean;
  showBottomBars: boolean;
  /** CSS px below the view's top that the tile covers (more than the viewport for Firefox's tall tiles). */
  coverHeight: number;
}

/**
 * What a capture agent must undo in its page besides its stylesheet: the scroll it moved (it changes nothing in the
 * page's DOM). Kept by the background while the capture runs (Firefox: lib/capture/agent-style.ts), so that a new
 * instance of the extension can finish putting the page back when the browser ended the agent first.
 */
export interface PagePutBack {
  url: string;
  window: { x: number; y: number };
  scroller: { selector: string; top: number } | null;
}
