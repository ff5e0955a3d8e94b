import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CANVAS_LIMITS, planDraws, planParts, planRange, planTiles, type Tile } from '../../../lib/capture/plan';

/** Rows [outputTop, outputTop + keepHeight) of every tile, merged: they must tile the range exactly. */
function coverage(tiles: Tile[]): Array<[number, number]> {
  return tiles.map((tile) => [tile.outputTop, tile.outputTop + tile.keepHeight] as [number, number]).sort((a, b) => a[0] - b[0]);
}

describe('planRange', () => {
  it('documents: from the top, bounded by the screen budget', () => {
    expect(planRange({ contentHeight: 16_110, viewHeight: 800, scrollTop: 5000 }, 'top', 60)).toEqual({ top: 0, bottom: 16_110, limited: false, screens: 21 });
    expect(planRange({ contentHeight: 16_110, viewHeight: 800, scrollTop: 0 }, 'top', 10)).toEqual({ top: 0, bottom: 8000, limited: true, screens: 10 });
  });

  it('chat panes: from where the person is, back up', () => {
    expect(planRange({ contentHeight: 9000, viewHeight: 700, scrollTop: 8300 }, 'current-bottom', 60)).toEqual({ top: 0, bottom: 9000, limited: false, screens: 13 });
    expect(planRange({ contentHeight: 9000, viewHeight: 700, scrollTop: 8300 }, 'current-bottom', 3)).toEqual({ top: 6900, bottom: 9000, limited: true, screens: 3 });
    // Scrolled up in the history: the range ends at the bottom of the view, not of the history.
    expect(planRange({ contentHeight: 9000, viewHeight: 700, scrollTop: 2000 }, 'current-bottom', 2)).toEqual({ top: 1300, bottom: 2700, limited: true, screens: 2 });
  });
});

describe('planTiles', () => {
  it('covers a document exactly once, the last tile clamped with its overlap dropped', () => {
    const geometry = { contentHeight: 2000, viewHeight: 800, scrollTop: 0 };
    const tiles = planTiles(geometry, planRange(geometry, 'top', 60), 'top-down');
    expect(tiles.map(({ scrollTop, keepFrom, keepHeight, outputTop }) => ({ scrollTop, keepFrom, keepHeight, outputTop }))).toEqual([
      { scrollTop: 0, keepFrom: 0, keepHeight: 800, outputTop: 0 },
      { scrollTop: 800, keepFrom: 0, keepHeight: 800, outputTop: 800 },
      { scrollTop: 1200, keepFrom: 400, keepHeight: 400, outputTop: 1600 },
    ]);
    expect(tiles.map((tile) => [tile.isFirst, tile.isLast])).toEqual([[true, false], [false, false], [false, true]]);
  });

  it('visits chat panes bottom-up', () => {
    const geometry = { contentHeight: 2000, viewHeight: 800, scrollTop: 1200 };
    const tiles = planTiles(geometry, planRange(geometry, 'current-bottom', 60), 'bottom-up');
    expect(tiles.map((tile) => tile.scrollTop)).toEqual([1200, 800, 0]);
    expect(tiles.map((tile) => tile.index)).toEqual([0, 1, 2]);
  });

  it('takes tall tiles when the browser can (Firefox)', () => {
    const geometry = { contentHeight: 16_110, viewHeight: 800, scrollTop: 0 };
    const tiles = planTiles(geometry, planRange(geometry, 'top', 60), 'top-down', 15_310);
    expect(tiles.map(({ scrollTop, keepFrom, keepHeight }) => [scrollTop, keepFrom, keepHeight])).toEqual([[0, 0, 15_310], [15_310, 0, 800]]);
  });

  it('always tiles the range without gap or overlap (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 0, max: 200_000 }),
        fc.integer({ min: 0, max: 200_000 }),
        fc.integer({ min: 1, max: 300 }),
        fc.boolean(),
        (view, extra, scroll, screens, chat) => {
          const geometry = { contentHeight: view + extra, viewHeight: view, scrollTop: Math.min(scroll, extra) };
          const range = planRange(geometry, chat ? 'current-bottom' : 'top', screens);
          const tiles = planTiles(geometry, range, chat ? 'bottom-up' : 'top-down');
          let expected = 0;
          for (const [from, to] of coverage(tiles)) {
            expect(from).toBe(expected);
            expected = to;
          }
          expect(expected).toBe(range.bottom - range.top);
          for (const tile of tiles) {
            expect(tile.keepFrom).toBeGreaterThanOrEqual(0);
            expect(tile.keepFrom + tile.keepHeight).toBeLessThanOrEqual(view);
            expect(tile.scrollTop).toBeLessThanOrEqual(Math.max(0, geometry.contentHeight - view));
          }
          expect(tiles.length).toBeLessThanOrEqual(screens);
        },
      ),
    );
  });
});

describe('planParts', () => {
  it('keeps one part when the page fits', () => {
    expect(planParts(1280, 16_110, 124)).toEqual([{ index: 0, pageTopPx: 0, pageHeightPx: 16_110 }]);
  });

  it('splits before the side limit, counting the band in every part', () => {
    const parts = planParts(1280, 40_110, 124);
    expect(parts).toEqual([
      { index: 0, pageTopPx: 0, pageHeightPx: 32_767 - 124 },
      { index: 1, pageTopPx: 32_643, pageHeightPx: 40_110 - 32_643 },
    ]);
  });

  it('splits before the area limit on wide, high-DPI images', () => {
    const parts = planParts(10_000, 60_000, 300);
    const maxRows = Math.floor(CANVAS_LIMITS.maxAreaPx / 10_000) - 300;
    expect(parts[0]!.pageHeightPx).toBe(maxRows);
    for (const part of parts) expect(10_000 * (part.pageHeightPx + 300)).toBeLessThanOrEqual(CANVAS_LIMITS.maxAreaPx);
    expect(parts.reduce((sum, part) => sum + part.pageHeightPx, 0)).toBe(60_000);
  });

  it('refuses widths no canvas can hold', () => {
    expect(() => planParts(40_000, 100, 10)).toThrow(RangeError);
  });
});

describe('planDraws', () => {
  const parts = planParts(1000, 2500, 50, { maxSidePx: 1050, maxAreaPx: 10_000_000 }); // 1000 rows per part
  it('maps a tile to its rows, crossing a part boundary, at the measured scale', () => {
    const tile: Tile = { index: 1, scrollTop: 400, keepFrom: 100, keepHeight: 400, outputTop: 450, isFirst: false, isLast: false };
    // Inner pane at (300, 48) in the viewport, 500 CSS px wide; scale 2 (DPR 2 or zoom 200%).
    const steps = planDraws(tile, { left: 300, top: 48 + tile.keepFrom, width: 500 }, 2, parts, 50);
    expect(steps).toEqual([
      { part: 0, source: { x: 600, y: 296, width: 1000, height: 100 }, destY: 50 + 900 },
      { part: 1, source: { x: 600, y: 396, width: 1000, height: 700 }, destY: 50 },
    ]);
  });
});
