/**
 * A fake browser for recording sessions: one tab in one window, a recorder whose chunks the test makes, a writer
 * that keeps what it gets, a lock and a clock that move only when the test says so.
 */
import type { TabEvent, TabFacts } from '../../../../lib/capture/tab';
import type { RecorderHandle, RecorderOptions, RecordingDriver, RecordingFinish, RecordingStart, RecordingWriter } from '../../../../lib/capture/recording/driver';
import type { CaptureErrorCode } from '../../../../lib/capture/status';

export const TAB = 7;
export const WINDOW = 1;
export const PAGE = 'https://www.tiktok.com/@someone/video/7300000000000000000';

export interface RecordingHooks {
  startRecorder?: () => void | Promise<void>;
  openWriter?: () => void | Promise<void>;
  append?: (n: number) => void | Promise<void>;
  finish?: () => void | Promise<void>;
}

export class FakeRecordingBrowser {
  tabs = new Map<number, TabFacts & { title: string }>([[TAB, { windowId: WINDOW, url: PAGE, active: true, zoom: 1, title: 'A video' }]]);
  locked = false;
  blocked: CaptureErrorCode | null = null;
  needsTabInFront = false;
  audio = true;
  nowMs = 1_000;
  log: string[] = [];
  started: RecordingStart | null = null;
  appended: Uint8Array[] = [];
  finished: RecordingFinish | null = null;
  abandoned = false;
  recorderOptions: RecorderOptions | null = null;
  recorderStops = 0;
  /** Chunks the recorder hands over while it stops (its last data). */
  lastChunks: Uint8Array[] = [new Uint8Array([9, 9])];
  #timers = new Set<{ ms: number; next: number; run: () => void }>();
  #onEvent: ((event: TabEvent) => void) | null = null;
  #onLocked: (() => void) | null = null;
  readonly driver: RecordingDriver;

  constructor(readonly hooks: RecordingHooks = {}) {
    this.driver = this.#makeDriver();
  }

  emit(event: TabEvent): void {
    this.#onEvent?.(event);
  }

  lock(): void {
    this.locked = true;
    this.#onLocked?.();
  }

  chunk(...bytes: number[]): void {
    this.recorderOptions!.onChunk(new Uint8Array(bytes));
  }

  /** Moves the clock, running every timer due on the way. */
  advance(ms: number): void {
    const end = this.nowMs + ms;
    for (;;) {
      const due = [...this.#timers].filter((timer) => timer.next <= end).sort((a, b) => a.next - b.next)[0];
      if (!due) break;
      this.nowMs = due.next;
      due.next += due.ms;
      due.run();
    }
    this.nowMs = end;
  }

  get watching(): boolean {
    return this.#onEvent !== null || this.#onLocked !== null || this.#timers.size > 0;
  }

  #makeDriver(): RecordingDriver {
    const inFront = () => this.needsTabInFront;
    return {
      get needsTabInFront() {
        return inFront();
      },
      readTab: async (tabId) => {
        const tab = this.tabs.get(tabId);
        return tab ? { ...tab } : null;
      },
      blockReason: async () => this.blocked,
      isLocked: async () => this.locked,
      caseId: async () => 'case-1',
      startRecorder: async (options) => {
        this.log.push('recorder');
        this.recorderOptions = options;
        await this.hooks.startRecorder?.();
        let stopping: Promise<{ durationMs: number; poster: Blob; width: number; height: number }> | null = null;
        const handle: RecorderHandle = {
          mimeType: 'video/webm;codecs=vp9,opus',
          method: this.needsTabInFront ? 'tab-frames' : 'tab-capture',
          audio: this.audio,
          frameRate: this.needsTabInFront ? 5 : null,
          stop: () => {
            stopping ??= (async () => {
              this.recorderStops += 1;
              this.log.push('recorder-stop');
              for (const chunk of this.lastChunks) options.onChunk(chunk);
              return { durationMs: 4321, poster: new Blob(['poster']), width: 1280, height: 900 };
            })();
            return stopping;
          },
        };
        return handle;
      },
      openWriter: async (start) => {
        this.log.push('writer');
        await this.hooks.openWriter?.();
        this.started = start;
        return {
          captureId: start.captureId!,
          fileId: `${start.captureId}/recording.webm`,
          get size() {
            return 0;
          },
          append: async (chunk) => {
            await this.hooks.append?.(this.appended.length + 1);
            this.appended.push(chunk);
          },
          finish: async (done) => {
            await this.hooks.finish?.();
            this.log.push('finish');
            this.finished = done;
            return {} as Awaited<ReturnType<RecordingWriter['finish']>>;
          },
          abandon: async () => {
            this.log.push('abandon');
            this.abandoned = true;
            this.appended = [];
          },
        };
      },
      watch: (_tabId, _windowId, onEvent) => {
        this.#onEvent = onEvent;
        return () => (this.#onEvent = null);
      },
      watchLock: (onLocked) => {
        this.#onLocked = onLocked;
        return () => (this.#onLocked = null);
      },
      clock: {
        now: () => this.nowMs,
        every: (ms, run) => {
          const timer = { ms, next: this.nowMs + ms, run };
          this.#timers.add(timer);
          return () => this.#timers.delete(timer);
        },
      },
      now: () => new Date('2026-11-30T17:00:00.000Z'),
    };
  }
}

/** Lets every pending promise callback run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i += 1) await Promise.resolve();
  await new Promise((resolve) => setTimeout(resolve, 0));
}
