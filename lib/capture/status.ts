/**
 * What a capture and a recording of a tab tell the pages: how they stand, what they made, and why one could not be
 * made. The sessions keep them (session.ts, recording/session.ts); the capture and recording ports of
 * lib/messaging/protocol.ts carry them to the popup and the side panel.
 */
import type { RecordingEndReason } from '../evidence/types';

/** Why a capture could not be made; each has a plain-language message in every interface language. */
export type CaptureErrorCode =
  | 'browser-page'
  | 'extension-store'
  | 'file-access'
  | 'not-web'
  | 'cannot-read-page'
  | 'tab-closed'
  | 'navigated'
  | 'hidden'
  | 'moved-window'
  | 'zoom-changed'
  | 'resized'
  | 'reloaded'
  | 'cancelled'
  | 'storage-full'
  | 'locked'
  | 'busy'
  /** The browser refused: no activeTab for this page (the panel followed a tab nobody clicked the toolbar on). */
  | 'not-allowed'
  | 'failed';

/** What the popup shows when a capture is done. */
export interface CaptureSummary {
  captureId: string;
  caseId: string;
  caseTitle: string;
  url: string;
  title: string;
  capturedAt: string;
  localTime: string;
  timeZone: string;
  platformLabel: string | null;
  parts: number;
  thumbnailFileId: string | null;
  /**
   * A long page stopped at the screens-per-capture setting: how many screens were kept, and from where (a document
   * from its top, a chat pane back from where the person was).
   */
  limitedTo: { screens: number; anchor: 'top' | 'current-bottom' } | null;
}

/** What the popup shows of a capture (lib/capture/session.ts keeps it). */
export type CaptureStatus =
  | { state: 'running'; phase: 'preparing' | 'capturing' | 'saving'; done: number; total: number }
  | { state: 'done'; summary: CaptureSummary }
  /** Finished, but the save failed: kept in the background until saved again or discarded. */
  | { state: 'unsaved'; code: CaptureErrorCode; detail?: string }
  | { state: 'failed'; code: CaptureErrorCode; detail?: string };

/** Why a recording ended (every cause keeps what was recorded; a quick exit too: it is saved without a word). */
export type RecordingEndCause = Exclude<RecordingEndReason, 'interrupted'>;

export interface RecordingSummary {
  captureId: string;
  durationMs: number;
  bytes: number;
  endedBy: RecordingEndCause;
  audio: boolean;
}

/** What the popup shows of a recording of its tab (lib/capture/recording/session.ts keeps it). */
export type RecordingStatus =
  | {
      state: 'running';
      phase: 'starting' | 'recording' | 'saving';
      elapsedMs: number;
      bytes: number;
      maxMs: number;
      /** False where only the picture is recorded (Firefox). */
      audio: boolean;
      endedBy: RecordingEndCause | null;
    }
  | { state: 'done'; summary: RecordingSummary }
  | { state: 'failed'; code: CaptureErrorCode; detail?: string };
