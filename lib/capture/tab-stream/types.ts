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

export interface TabStreamFrame {
  /** PNG of the whole frame, as a data: URL (runtime messages carry JSON only). */
  dataUrl: string;
  width: number;
  height: number;
  timing: FrameTiming;
}
