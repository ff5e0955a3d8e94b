/**
 * The recording storage contract (/work/wt/notes/contracts12.md, owned by the storage helper's
 * lib/storage/recordings.ts). Until that module lands this file states its interface; then it re-exports it.
 */
import type { PlatformId } from '../../platforms/registry';

export interface RecordingStart {
  /** Made by the recorder (the band shows it from the first frame); the record's id. */
  captureId: string;
  caseId: string;
  tabUrl: string;
  title: string;
  platform: PlatformId | null;
  /** ISO UTC. */
  startedAt: string;
  mimeType: string;
  method: 'tab-capture' | 'tab-frames';
  audio: boolean;
  frameRate: number | null;
}

export interface RecordingFinish {
  durationMs: number;
  endedBy: string;
  poster: Blob;
  width: number;
  height: number;
}

export interface RecordingWriter {
  readonly captureId: string;
  append(chunk: Uint8Array): Promise<void>;
  finish(done: RecordingFinish): Promise<unknown>;
  abandon(): Promise<void>;
}
