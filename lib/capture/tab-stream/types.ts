/** What the background and the offscreen document say about tab streams (lib/messaging/protocol.ts uses these). */
import type { FrameTiming } from './freshness';

export interface TabStreamOpen {
  /** From chrome.tabCapture.getMediaStreamId({ targetTabId }); usable once, within seconds. */
  streamId: string;
  /** Frame size in device pixels (viewport x pixel ratio). */
  width: number;
  height: number;
}

export interface TabStreamOpened {
  /** Names the stream in later messages. */
  key: string;
  /** The size Chrome delivers (device px). */
  width: number;
  height: number;
}

/** A frame taken for a grab: captured after the moment asked for, held in the offscreen document until its pixels are asked for. */
export interface TabStreamFrame {
  /** Names the frame in `tab-stream-pixels`. */
  frameId: string;
  width: number;
  height: number;
  timing: FrameTiming;
  /** Where the offscreen document's time went (ms), for the benchmark's breakdown. */
  spent: Record<string, number>;
}

/** The pixels of a held frame. */
export interface TabStreamPixels {
  /** PNG of the whole frame, as a data: URL (runtime messages carry JSON only). */
  dataUrl: string;
  spent: Record<string, number>;
}
