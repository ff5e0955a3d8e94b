/**
 * Pure planning of a full-page capture: which scroll positions to visit (tiles), which rows of each captured
 * screen to keep, and how the stitched result is split into image parts that stay inside the browsers'
 * canvas limits. All lengths are CSS pixels unless the name says `Px` (image pixels).
 */

import type { AgentGeometry } from './agent-types';
import type { CaptureMode } from '../evidence/types';

/** Canvas limits shared by Chrome and Firefox, with margin: past them browsers fail silently (blank images). */
export interface CanvasLimits {
  maxSidePx: number;
  maxAreaPx: number;
}

export const CANVAS_LIMITS: CanvasLimits = {
  /** Chrome allows 65,535 px a side, Firefox 32,767: the smaller wins. */
  maxSidePx: 32_767,
  /** Chrome's area limit (also OffscreenCanvas): 268,435,456 px. */
  maxAreaPx: 268_435_456,
};

export interface ScrollGeometry {
  /** Total scrollable height of the scrolled element (document or inner pane). */
  contentHeight: number;
  /** Height of the visible part of the scrolled element. */
  viewHeight: number;
  /** Scroll position when the capture starts. */
  scrollTop: number;
}

export interface CaptureRange {
  /** Top and bottom of the captured range, in the scrolled element's content coordinates. */
  top: number;
  bottom: number;
  /** True when the content is longer than the range we were allowed to capture. */
  limited: boolean;
  /** Screens in the range (rounded up). */
  screens: number;
}

/**
 * Documents are captured from the top down; inner panes (chats) from the current position back up, because
 * that is where the person is looking and what chat apps load as you scroll up.
 */
export function planRange(geometry: ScrollGeometry, anchor: 'top' | 'current-bottom', maxScreens: number): CaptureRange {
  const view = Math.max(1, geometry.viewHeight);
  const content = Math.max(view, geometry.contentHeight);
  const budget = Math.max(1, Math.floor(maxScreens)) * view;
  if (anchor === 'top') {
    const bottom = Math.min(content, budget);
    return { top: 0, bottom, limited: bottom < content, screens: Math.ceil(bottom / view) };
  }
  const bottom = Math.min(content, Math.max(view, geometry.scrollTop + view));
  const top = Math.max(0, bottom - budget);
  return { top, bottom, limited: top > 0, screens: Math.ceil((bottom - top) / view) };
}

export interface Tile {
  index: number;
  /** Scroll position to set before capturing this tile. */
  scrollTop: number;
  /** First row of the view to keep (rows above it were covered by another tile). */
  keepFrom: number;
  /** Rows of the view to keep. */
  keepHeight: number;
  /** Where the kept rows go in the output, relative to the range's top. */
  outputTop: number;
  /** Fixed and sticky elements are kept on the tile at the page's top or bottom only (see capture agent). */
  isFirst: boolean;
  isLast: boolean;
}

/**
 * Tiles covering `range`, each one view high, the last one clamped to the end of the content (its overlap with
 * the previous tile is not kept). `order` is the order of visiting: top-down for documents, bottom-up for
 * chat panes. `tileHeight` defaults to the view height; Firefox can capture taller tiles in one call.
 */
export function planTiles(
  geometry: ScrollGeometry,
  range: CaptureRange,
  order: 'top-down' | 'bottom-up',
  tileHeight = geometry.viewHeight,
): Tile[] {
  const view = Math.max(1, geometry.viewHeight);
  const step = Math.max(1, tileHeight);
  const maxScrollTop = Math.max(0, geometry.contentHeight - view);
  const tiles: Tile[] = [];
  for (let y = range.top; y < range.bottom; y += step) {
    const bottom = Math.min(range.bottom, y + step);
    // A tile taller than the view (Firefox) is captured at the scroll position of its top.
    const scrollTop = Math.min(y, maxScrollTop);
    tiles.push({
      index: 0,
      scrollTop,
      keepFrom: y - scrollTop,
      keepHeight: bottom - y,
      outputTop: y - range.top,
      isFirst: y === 0,
      isLast: bottom >= geometry.contentHeight,
    });
  }
  if (order === 'bottom-up') tiles.reverse();
  tiles.forEach((tile, index) => (tile.index = index));
  return tiles;
}

export interface Part {
  index: number;
  /** Rows of the stitched page image (without band) in this part, in image pixels. */
  pageTopPx: number;
  pageHeightPx: number;
}

/**
 * Split a stitched page of `heightPx` rows into parts that, with the evidence band added on top of each,
 * stay inside the canvas limits.
 */
export function planParts(widthPx: number, heightPx: number, bandHeightPx: number, limits: CanvasLimits = CANVAS_LIMITS): Part[] {
  if (widthPx <= 0 || heightPx <= 0) return [];
  if (widthPx > limits.maxSidePx) throw new RangeError(`Image width ${widthPx}px exceeds the canvas limit`);
  const maxRows = Math.min(limits.maxSidePx, Math.floor(limits.maxAreaPx / widthPx)) - bandHeightPx;
  if (maxRows < 1) throw new RangeError('The evidence band leaves no room for the page');
  const parts: Part[] = [];
  for (let top = 0; top < heightPx; top += maxRows) {
    parts.push({ index: parts.length, pageTopPx: top, pageHeightPx: Math.min(maxRows, heightPx - top) });
  }
  return parts;
}

/** A rectangle in image pixels. */
export interface PixelRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DrawStep {
  part: number;
  /** Source rectangle in the captured screen image. */
  source: PixelRect;
  /** Destination top row in the part's canvas (band included). */
  destY: number;
}

/**
 * How one captured tile lands in the parts. `source` is where the tile's kept rows start in the captured image,
 * in CSS px (Chrome: the scrolled element's visible rectangle plus `keepFrom`; Firefox captures exactly the kept
 * rectangle, so 0,0); `scale` = image px per CSS px, measured from the image. Row boundaries are rounded the
 * same way for every tile, so neighbouring tiles meet without gaps or overlap.
 */
export function planDraws(
  tile: Tile,
  source: { left: number; top: number; width: number },
  scale: number,
  parts: Part[],
  bandHeightPx: number,
): DrawStep[] {
  const outTop = Math.round(tile.outputTop * scale);
  const outBottom = Math.round((tile.outputTop + tile.keepHeight) * scale);
  const srcTop = Math.round(source.top * scale);
  const x = Math.round(source.left * scale);
  const width = Math.round(source.width * scale);
  const steps: DrawStep[] = [];
  for (const part of parts) {
    const from = Math.max(outTop, part.pageTopPx);
    const to = Math.min(outBottom, part.pageTopPx + part.pageHeightPx);
    if (to <= from) continue;
    steps.push({
      part: part.index,
      source: { x, y: srcTop + (from - outTop), width, height: to - from },
      destY: bandHeightPx + (from - part.pageTopPx),
    });
  }
  return steps;
}

/** Firefox's captureTab draws at most 32,767 px a side. */
const MAX_DRAWN_TILE_PX = 32_000;

/**
 * What a capture takes of the page: the visible area (the whole viewport as the person sees it), or the scrolled
 * element's content in tiles; Firefox draws tall tiles of a scrolled document in one call each.
 */
export function planCapture(geometry: AgentGeometry, options: { mode: CaptureMode; maxScreens: number; drawsRects: boolean }) {
  const visibleOnly = options.mode === 'visible' || geometry.scroller === 'none';
  const view: AgentGeometry = visibleOnly
    ? { ...geometry, viewRect: { left: 0, top: 0, ...geometry.viewport }, viewHeight: geometry.viewport.height, contentHeight: geometry.viewport.height, scrollTop: 0 }
    : geometry;
  const range: CaptureRange = visibleOnly
    ? { top: 0, bottom: view.viewHeight, limited: false, screens: 1 }
    : planRange(view, geometry.scroller === 'inner' ? 'current-bottom' : 'top', options.maxScreens);
  const tileHeight =
    options.drawsRects && geometry.scroller === 'document' && !visibleOnly
      ? Math.max(view.viewHeight, Math.min(view.contentHeight - view.viewHeight, Math.floor(MAX_DRAWN_TILE_PX / geometry.devicePixelRatio)))
      : view.viewHeight;
  const tiles = planTiles(view, range, geometry.scroller === 'inner' ? 'bottom-up' : 'top-down', tileHeight);
  return { visibleOnly, view, range, tiles };
}

/**
 * Where a tile's kept rows start in the viewed rectangle (CSS px), with the page at `state.scrollTop` and `shift`
 * px added above since the capture began (a chat loading older messages).
 */
export function keepFromOf(range: CaptureRange, tile: Tile, shift: number, state: { scrollTop: number; viewRect: { height: number } }): number {
  const wanted = range.top + shift + tile.outputTop - state.scrollTop;
  return Math.min(Math.max(0, state.viewRect.height - Math.min(tile.keepHeight, state.viewRect.height)), Math.max(0, wanted));
}
