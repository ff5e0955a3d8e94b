/**
 * A fake browser for capture sessions: one window with our tab (and others), a page of `screens` viewports, an
 * agent, a pacer on a clock that only moves when someone waits, a stitcher and a store that record what they get.
 * Tests change the tab, send events, or break a call at a chosen moment through the hooks.
 */
import { CapturePacer, type PacerClock } from '../../../lib/capture/pacer';
import type { AgentGeometry, TileState } from '../../../lib/capture/agent-types';
import type { CaptureDriver, CaptureRect, FinishedCapture } from '../../../lib/capture/driver';
import type { TabEvent, TabFacts, TileImage } from '../../../lib/capture/tab';
import type { StampLine } from '../../../lib/capture/stamp';
import type { CaptureSummary } from '../../../lib/capture/status';

export const TAB = 7;
export const WINDOW = 1;
export const URL_A = 'https://x.com/someone/status/1';
const VIEW = { width: 1280, height: 800 };

export interface Hooks {
  /** Before the pacer's n-th wait (1-based) ends. */
  onPacingWait?: (n: number) => void;
  /** Inside the n-th browser capture call, after the screen was taken and before the call returns. */
  onCapture?: (n: number) => void;
  /** At the n-th tile the agent shows. */
  onShowTile?: (n: number) => void;
  /** The size of the n-th captured image (default: viewport x zoom). */
  imageSize?: (n: number) => { width: number; height: number };
  /** The n-th save: throw to fail it. */
  onSave?: (n: number, signal: AbortSignal) => void | Promise<void>;
  onPageSource?: () => void;
  /** The tab's stream (Chrome): absent, its opening fails when this throws. */
  onOpenStream?: () => void;
  /** The n-th frame grabbed from the stream, asked to be captured after `after`: throw to fail it. */
  onStreamGrab?: (n: number, after: number) => void;
  /** The pixels of the n-th stream frame are asked for (after the next tile is shown): throw to fail them. */
  onStreamPixels?: (n: number) => void;
  /** The size of the n-th stream frame (default: viewport x pixel ratio). */
  streamFrameSize?: (n: number) => { width: number; height: number };
}

export class FakeBrowser {
  tabs = new Map<number, TabFacts>([[TAB, { windowId: WINDOW, url: URL_A, active: true, zoom: 1 }]]);
  devicePixelRatio = 1;
  viewport = { ...VIEW };
  locked = false;
  /** What happened, in order: 'inject', 'prepare', 'tile', 'capture', 'restore', 'source', 'save', 'unwatch'... */
  log: string[] = [];
  saved: FinishedCapture[] = [];
  stamp: StampLine[] = [];
  images: Array<TileImage & { closed: boolean }> = [];
  touches = 0;
  #listener: ((event: TabEvent) => void) | null = null;
  #counts = { wait: 0, capture: 0, tile: 0, save: 0 };
  readonly now = { ms: 0 };

  readonly hooks: Hooks;
  readonly screens: number;
  readonly pacer: CapturePacer;
  readonly driver: CaptureDriver;

  /** Frames of the stream asked for: the moment each had to be captured after. */
  grabbedAfter: number[] = [];

  constructor(hooks: Hooks = {}, screens = 3, pacer?: CapturePacer, readonly hasStream = false) {
    this.hooks = hooks;
    this.screens = screens;
    this.pacer = pacer ?? new CapturePacer(2, 1000, 25, fakeClock(this));
    this.driver = this.#makeDriver();
  }

  /** Tell the session's watcher about a browser event. */
  emit(event: TabEvent): void {
    this.#listener?.(event);
  }

  get watching(): boolean {
    return this.#listener !== null;
  }

  ourTab(): TabFacts {
    return this.tabs.get(TAB)!;
  }

  waited(): number {
    return (this.#counts.wait += 1);
  }

  #makeDriver(): CaptureDriver {
    return {
      drawsRects: false,
      readTab: async (tabId) => {
        const tab = this.tabs.get(tabId);
        return tab ? { ...tab } : null;
      },
      blockReason: async (url) => (url.startsWith('chrome:') ? 'browser-page' : null),
      isLocked: async () => this.locked,
      touch: () => void (this.touches += 1),
      startAgent: async () => {
        this.log.push('inject');
        return {
          prepare: async () => {
            this.log.push('prepare');
            return this.#geometry();
          },
          showTile: async ({ scrollTop }) => {
            const n = (this.#counts.tile += 1);
            this.log.push(`tile ${n}`);
            this.hooks.onShowTile?.(n);
            if (!this.tabs.has(TAB)) throw new Error('Could not establish connection. Receiving end does not exist.');
            return this.#state(scrollTop);
          },
          restore: async () => void this.log.push('restore'),
          serialize: async () => '<html></html>',
        };
      },
      captureTile: async (windowId: number, _rect: CaptureRect) => {
        const n = (this.#counts.capture += 1);
        this.log.push(`capture ${n}`);
        const front = [...this.tabs.values()].find((tab) => tab.windowId === windowId && tab.active);
        if (!front) throw new Error('Failed to capture tab: view is invisible');
        const zoom = this.ourTab()?.zoom ?? 1;
        const size = this.hooks.imageSize?.(n) ?? { width: this.viewport.width * zoom, height: this.viewport.height * zoom };
        const image = { ...size, closed: false, close: () => void (image.closed = true) };
        this.images.push(image);
        this.hooks.onCapture?.(n);
        return image;
      },
      ...(this.hasStream ? { openTabStream: async (_tabId: number, size: Promise<{ width: number; height: number }>) => this.#openStream(await size) } : {}),
      pageSource: async () => {
        this.log.push('source');
        this.hooks.onPageSource?.();
        return { blob: new Blob(['MHTML']), mime: 'multipart/related', extension: 'mhtml' };
      },
      watch: (_tabId, _windowId, onEvent) => {
        this.#listener = onEvent;
        return () => {
          this.log.push('unwatch');
          this.#listener = null;
        };
      },
      newStitcher: ({ stampLines }) => {
        this.stamp = stampLines;
        const added: number[] = [];
        return {
          add: (tile) => void added.push(tile.index),
          done: async () => ({
            parts: [{ index: 0, blob: new Blob([JSON.stringify(added)]), width: 1280, height: 800 * this.screens, bandHeight: 100 }],
            thumbnail: null,
            bandHeight: 100,
            scale: 1,
          }),
        };
      },
      save: async (capture, signal) => {
        const n = (this.#counts.save += 1);
        this.log.push(`save ${n}`);
        await this.hooks.onSave?.(n, signal);
        if (signal.aborted) throw signal.reason;
        this.saved.push(capture);
        return summaryOf(capture);
      },
      pacer: this.pacer,
      now: () => new Date(Date.UTC(2026, 10, 30, 12, 0, 0)),
    };
  }

  #openStream(size: { width: number; height: number }) {
    this.log.push(`stream open ${size.width}x${size.height}`);
    this.hooks.onOpenStream?.();
    let grabs = 0;
    return {
      grab: async (after: number) => {
        const n = (grabs += 1);
        this.log.push(`stream ${n}`);
        this.grabbedAfter.push(after);
        this.hooks.onStreamGrab?.(n, after);
        const frame = this.hooks.streamFrameSize?.(n) ?? size;
        const image = { ...frame, closed: false, close: () => void (image.closed = true) };
        this.images.push(image);
        // As the real driver: the frame's size now, its pixels while the next tile is shown.
        const pixels = async () => {
          this.log.push(`pixels ${n}`);
          this.hooks.onStreamPixels?.(n);
          return image;
        };
        return { ...frame, pixels, close: image.close };
      },
      close: async () => void this.log.push('stream close'),
    };
  }

  #geometry(): AgentGeometry {
    const state = this.#state(0);
    return {
      url: this.ourTab().url,
      title: 'A post',
      ...state,
      scroller: 'document',
      viewHeight: state.viewRect.height,
      page: { width: this.viewport.width, height: state.contentHeight },
    };
  }

  #state(scrollTop: number): TileState {
    return {
      viewport: { ...this.viewport },
      devicePixelRatio: this.devicePixelRatio,
      scrollTop,
      contentHeight: VIEW.height * this.screens,
      viewRect: { left: 0, top: 0, ...this.viewport },
      viewRectInDocument: { left: 0, top: scrollTop },
      settledAt: 1000 * this.#counts.tile,
    };
  }
}

/** The pacer's clock: time moves only by waiting, and every wait gives the test a moment to act. */
function fakeClock(browser: FakeBrowser): PacerClock {
  return {
    now: () => browser.now.ms,
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw signal.reason;
      browser.now.ms += ms;
      browser.hooks.onPacingWait?.(browser.waited());
      await Promise.resolve();
      if (signal?.aborted) throw signal.reason;
    },
  };
}

function summaryOf(capture: FinishedCapture): CaptureSummary {
  return {
    captureId: capture.captureId,
    caseId: 'case-1',
    caseTitle: 'My case',
    url: capture.finalUrl,
    title: capture.geometry.title,
    capturedAt: capture.capturedAt.toISOString(),
    localTime: '',
    timeZone: 'UTC',
    platformLabel: null,
    parts: capture.stitched.parts.length,
    thumbnailFileId: null,
    limitedTo: null,
  };
}
