/**
 * What a capture or a recording sees of its tab, whatever the browser: its facts, the events that can make the
 * capture wrong, and the images of its screens. The session and the bindings judge them (session.ts, binding.ts);
 * the browser drivers produce them.
 */

/** What the session reads of its tab before and after every browser capture call. */
export interface TabFacts {
  windowId: number;
  url: string;
  /** In front of its window. */
  active: boolean;
  /** The tab's zoom factor (1 = 100%). */
  zoom: number;
}

/** Browser events that can make a running capture wrong; the driver forwards them, the session judges them. */
export type TabEvent =
  | { kind: 'activated'; tabId: number; windowId: number }
  | { kind: 'detached'; tabId: number }
  | { kind: 'attached'; tabId: number; windowId: number }
  | { kind: 'updated'; tabId: number; url?: string }
  | { kind: 'zoom'; tabId: number; zoom: number }
  | { kind: 'removed'; tabId: number }
  | { kind: 'window-resized'; windowId: number }
  /** The capture agent's document went away (reload, navigation, crash): its port to us disconnected. */
  | { kind: 'agent-gone'; tabId: number };

/** A decoded screen image (an ImageBitmap in the browser). */
export interface TileImage {
  width: number;
  height: number;
  close(): void;
}

/**
 * A screen whose pixels are still on their way: the tab stream's frame is taken at once (captured after the tile
 * settled) and its pixels follow while the next tile scrolls into place.
 */
export interface PendingTileImage extends TileImage {
  pixels(): Promise<TileImage>;
}

export function isPendingTile(image: TileImage): image is PendingTileImage {
  return typeof (image as Partial<PendingTileImage>).pixels === 'function';
}
