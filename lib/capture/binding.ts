/**
 * A capture is bound at its start to one tab, in one window, on one page, at one zoom, viewport and scale. These
 * pure checks say whether that still holds (before and after every browser capture call), whether a browser event
 * breaks it (at any moment), and whether a captured screen has the size it must have.
 */
import type { CaptureErrorCode } from './status';
import { samePage } from '../platforms/url-utils';
import type { TabEvent, TabFacts, TileImage } from './tab';

export interface Binding {
  tabId: number;
  windowId: number;
  url: string;
  zoom: number;
  /** Layout viewport (CSS px) and device pixel ratio measured by the agent at the start. */
  viewport: { width: number; height: number };
  devicePixelRatio: number;
}

const ZOOM_TOLERANCE = 0.001;

/** Why the tab, as read now, is no longer the one the capture is bound to; null when it still is. */
export function tabProblem(binding: Binding, facts: TabFacts | null): CaptureErrorCode | null {
  if (!facts) return 'tab-closed';
  if (facts.windowId !== binding.windowId) return 'moved-window';
  if (facts.url && !samePage(facts.url, binding.url)) return 'navigated';
  if (Math.abs(facts.zoom - binding.zoom) > ZOOM_TOLERANCE) return 'zoom-changed';
  if (!facts.active) return 'hidden';
  return null;
}

/**
 * What an event means for the capture. Any other tab activated in our window counts even if ours comes back at
 * once: a screen taken meanwhile may show the other tab.
 */
export function eventProblem(binding: Binding, event: TabEvent): CaptureErrorCode | null {
  const ours = 'tabId' in event && event.tabId === binding.tabId;
  switch (event.kind) {
    case 'activated':
      if (ours) return event.windowId === binding.windowId ? null : 'moved-window';
      return event.windowId === binding.windowId ? 'hidden' : null;
    case 'detached':
    case 'attached':
      return ours ? 'moved-window' : null;
    case 'updated':
      return ours && event.url !== undefined && !samePage(event.url, binding.url) ? 'navigated' : null;
    case 'zoom':
      return ours && Math.abs(event.zoom - binding.zoom) > ZOOM_TOLERANCE ? 'zoom-changed' : null;
    case 'removed':
      return ours ? 'tab-closed' : null;
    case 'window-resized':
      return event.windowId === binding.windowId ? 'resized' : null;
    case 'agent-gone':
      // The document is gone; whether it navigated or reloaded is read from the tab (session.ts).
      return ours ? 'reloaded' : null;
  }
}

/** The page's viewport and pixel ratio, as the agent measures them at each tile, must not have changed. */
export function viewportProblem(binding: Binding, viewport: { width: number; height: number }, devicePixelRatio: number): CaptureErrorCode | null {
  if (Math.abs(devicePixelRatio - binding.devicePixelRatio) > ZOOM_TOLERANCE) return 'zoom-changed';
  if (viewport.width !== binding.viewport.width || viewport.height !== binding.viewport.height) return 'resized';
  return null;
}

/**
 * A screen of `css` CSS px must be `css x scale` image px (give or take the rounding of a fractional scale).
 * The scale is bound by the first screen: a later one of another size was taken at another zoom, size or screen.
 */
export function tileFits(image: Pick<TileImage, 'width' | 'height'>, css: { width: number; height: number }, scale: number): boolean {
  const tolerance = Math.max(1, Math.ceil(scale));
  return Math.abs(image.width - css.width * scale) <= tolerance && Math.abs(image.height - css.height * scale) <= tolerance;
}

/** The agent's document went away: to another page, with the tab, or the same page reloaded (or crashed). */
export function documentGone(binding: Binding, facts: TabFacts | null): CaptureErrorCode {
  const problem = tabProblem(binding, facts);
  return problem === 'tab-closed' || problem === 'navigated' ? problem : 'reloaded';
}
