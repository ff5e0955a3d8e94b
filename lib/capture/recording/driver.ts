/**
 * What a recording session needs from the browser, as one interface (like lib/capture/driver.ts for captures):
 * the session (session.ts) holds every rule, the browser side only calls APIs, and unit tests drive it with fakes.
 */
import type { TabEvent, TabFacts } from '../tab';
import type { StampLine } from '../stamp';
import type { CaptureErrorCode } from '../status';
import type { RecordingFinish, RecordingStart, RecordingWriter } from '../../storage/evidence-store';

/** What the recorder gives back when it has stopped and delivered its last chunk. */
export interface RecorderResult {
  durationMs: number;
  /** One frame with its band, for the manager. */
  poster: Blob;
  width: number;
  height: number;
}

/** A running recorder (Chrome: the offscreen document's; Firefox: the background page's). */
export interface RecorderHandle {
  readonly mimeType: string;
  readonly method: RecordingStart['method'];
  readonly audio: boolean;
  /** The steady frame rate of frame capture (Firefox); null where the browser's stream sets it. */
  readonly frameRate: number | null;
  /** Stops; resolves once every chunk has been handed to `onChunk`. */
  stop(): Promise<RecorderResult>;
}

export interface RecorderOptions {
  tabId: number;
  captureId: string;
  /** The band's lines; `{elapsed}` is replaced by the running time on every frame. */
  stampLines: StampLine[];
  /** In order, as the recorder makes them. */
  onChunk(chunk: Uint8Array): void;
  /** The recorder stopped by itself (the tab's stream ended, or it failed). */
  onEnded(reason: 'stream-ended' | 'failed', detail?: string): void;
}

export interface RecordingClock {
  /** Milliseconds, monotonic. */
  now(): number;
  /** Calls `run` every `ms` until the returned function is called. */
  every(ms: number, run: () => void): () => void;
}

export interface RecordingDriver {
  /** Chrome records the tab whatever is in front; Firefox draws frames of the tab in front only. */
  readonly needsTabInFront: boolean;
  readTab(tabId: number): Promise<(TabFacts & { title: string }) | null>;
  blockReason(url: string): Promise<CaptureErrorCode | null>;
  isLocked(): Promise<boolean>;
  /** The case a new recording goes into (the default case, made if needed). */
  caseId(): Promise<string>;
  startRecorder(options: RecorderOptions): Promise<RecorderHandle>;
  openWriter(start: RecordingStart): Promise<RecordingWriter>;
  /** Starts forwarding the tab's events; returns the function that stops it. */
  watch(tabId: number, windowId: number, onEvent: (event: TabEvent) => void): () => void;
  /** Calls `onLocked` when the evidence locks (auto-lock, the lock button, quick exit). */
  watchLock(onLocked: () => void): () => void;
  readonly clock: RecordingClock;
  now(): Date;
}

export type { RecordingFinish, RecordingStart, RecordingWriter };
