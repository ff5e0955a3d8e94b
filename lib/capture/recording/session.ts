/**
 * One recording of a tab, from the click to the stored video: bound at its start to a tab, its window and its page
 * (lib/capture/binding.ts, as for captures), and stopped, keeping what was recorded, when the person stops it, the
 * time limit is reached, the tab navigates, closes or moves to another window (Firefox: another tab comes in
 * front), the evidence locks, or quick exit is used. Unlike a capture, a recording cut by these is still evidence
 * of what was shown until then: it is saved whole, with the cause (`endedBy`). Everything it asks of the browser
 * goes through a `RecordingDriver`, so every rule is unit-tested with fakes.
 */
import { eventProblem, tabProblem, type Binding } from '../binding';
import { CaptureError, toCaptureError } from '../errors';
import type { TabEvent } from '../tab';
import { newCaptureId } from '../stamp';
import type { CaptureErrorCode, RecordingEndCause, RecordingStatus } from '../status';
import { parsePlatformUrl } from '../../platforms/registry';
import type { Lang } from '../../i18n';
import type { RecorderHandle, RecordingDriver, RecordingWriter } from './driver';
import { recordingStampLines } from './stamp';

/** How often the running time and size are told to the popup (and the time limit checked). */
export const TICK_MS = 250;

/** Which binding problems end a recording, and as what. Zoom and size changes do not: the picture follows. */
function endCause(problem: CaptureErrorCode, needsTabInFront: boolean): RecordingEndCause | null {
  if (problem === 'navigated' || problem === 'tab-closed') return problem;
  if (problem === 'moved-window') return 'tab-moved';
  if (problem === 'hidden' && needsTabInFront) return 'hidden';
  return null;
}

export interface RecordingRequest {
  tabId: number;
  lang: Lang;
  maxMs: number;
}

export class RecordingSession {
  readonly captureId: string;
  readonly startedAt: Date;
  #status: RecordingStatus;
  #listeners = new Set<(status: RecordingStatus) => void>();
  #binding: Binding | null = null;
  #recorder: RecorderHandle | null = null;
  #writer: RecordingWriter | null = null;
  /** Chunks made before the writer is open, then the chain of appends (in order). */
  #early: Uint8Array[] = [];
  #writing: Promise<void> = Promise.resolve();
  #writeError: unknown = null;
  #bytes = 0;
  #startMs = 0;
  #endedBy: RecordingEndCause | null = null;
  #stopped: Promise<void> | null = null;
  #cleanups: Array<() => void> = [];

  constructor(
    readonly request: RecordingRequest,
    private readonly driver: RecordingDriver,
  ) {
    this.startedAt = driver.now();
    this.captureId = newCaptureId(this.startedAt);
    this.#status = { state: 'running', phase: 'starting', elapsedMs: 0, bytes: 0, maxMs: request.maxMs, audio: false, endedBy: null };
  }

  get status(): RecordingStatus {
    return this.#status;
  }

  /** Calls `listener` with the current status at once, then on every change. */
  subscribe(listener: (status: RecordingStatus) => void): () => void {
    this.#listeners.add(listener);
    listener(this.#status);
    return () => this.#listeners.delete(listener);
  }

  /** Starts recording. Never throws: the outcome is in `status`; the recording then runs until a stop. */
  async start(): Promise<RecordingStatus> {
    try {
      await this.#start();
    } catch (error) {
      await this.#giveUp(toCaptureError(error, 'start'));
    }
    return this.#status;
  }

  /** Stops and saves what was recorded (idempotent: the first cause wins). Resolves when saved or failed. */
  stop(cause: RecordingEndCause = 'stop'): Promise<void> {
    if (this.#status.state !== 'running') return this.#stopped ?? Promise.resolve();
    this.#endedBy ??= cause;
    // Still starting: the start sees the cause and stops as soon as the recorder runs.
    if (!this.#recorder || !this.#writer) return Promise.resolve();
    this.#stopped ??= this.#finish();
    return this.#stopped;
  }

  /** For the capture registry (lib/capture/registry.ts): quick exit stops every recording, keeping it. */
  cancel(code?: CaptureErrorCode): void {
    void this.stop(code === 'locked' ? 'quick-exit' : 'stop');
  }

  #set(status: RecordingStatus): void {
    this.#status = status;
    for (const listener of this.#listeners) listener(status);
  }

  #running(phase: 'starting' | 'recording' | 'saving'): void {
    const elapsedMs = this.#startMs ? Math.min(this.driver.clock.now() - this.#startMs, this.request.maxMs) : 0;
    const audio = this.#recorder?.audio ?? false;
    this.#set({ state: 'running', phase, elapsedMs, bytes: this.#bytes, maxMs: this.request.maxMs, audio, endedBy: this.#endedBy });
  }

  async #start(): Promise<void> {
    const { driver, request } = this;
    const tab = await driver.readTab(request.tabId);
    if (!tab) throw new CaptureError('tab-closed');
    const blocked = await driver.blockReason(tab.url);
    if (blocked) throw new CaptureError(blocked);
    if (await driver.isLocked()) throw new CaptureError('locked');
    const binding: Binding = { tabId: request.tabId, windowId: tab.windowId, url: tab.url, zoom: tab.zoom, viewport: { width: 0, height: 0 }, devicePixelRatio: 0 };
    this.#binding = binding;
    this.#cleanups.push(driver.watch(request.tabId, tab.windowId, (event) => this.#onEvent(event)));
    this.#cleanups.push(driver.watchLock(() => void this.stop('locked')));
    const caseId = await driver.caseId();
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
    this.#recorder = await driver.startRecorder({
      tabId: request.tabId,
      captureId: this.captureId,
      stampLines: recordingStampLines({ lang: request.lang, captureId: this.captureId, url: tab.url, title: tab.title, startedAt: this.startedAt, timeZone }),
      onChunk: (chunk) => this.#onChunk(chunk),
      onEnded: (reason, detail) => void this.#onRecorderEnded(reason, detail),
    });
    this.#startMs = driver.clock.now();
    const recorder = this.#recorder;
    this.#writer = await driver.openWriter({
      captureId: this.captureId,
      caseId,
      tabUrl: tab.url,
      title: tab.title,
      platform: parsePlatformUrl(tab.url)?.platform ?? null,
      startedAt: this.startedAt.toISOString(),
      mimeType: recorder.mimeType,
      method: recorder.method,
      audio: recorder.audio,
      frameRate: recorder.frameRate,
    });
    for (const chunk of this.#early.splice(0)) this.#append(chunk);
    this.#cleanups.push(driver.clock.every(TICK_MS, () => this.#tick()));
    // The tab may have changed while the recorder started: bound from here on, checked once now.
    const problem = tabProblem(binding, await driver.readTab(request.tabId));
    const cause = problem && endCause(problem, driver.needsTabInFront);
    if (cause) this.#endedBy ??= cause;
    if (this.#endedBy) return void (await this.stop(this.#endedBy));
    this.#running('recording');
  }

  #tick(): void {
    if (this.#status.state !== 'running' || this.#status.phase !== 'recording') return;
    if (this.driver.clock.now() - this.#startMs >= this.request.maxMs) return void this.stop('time-limit');
    this.#running('recording');
  }

  #onEvent(event: TabEvent): void {
    const problem = this.#binding && eventProblem(this.#binding, event);
    const cause = problem && endCause(problem, this.driver.needsTabInFront);
    if (cause) void this.stop(cause);
  }

  async #onRecorderEnded(reason: 'stream-ended' | 'failed', detail?: string): Promise<void> {
    if (reason === 'failed') return this.#giveUp(new CaptureError('failed', `recorder: ${detail ?? ''}`.trim()));
    // The stream ends with its tab: the tab says whether it closed (its event may come after).
    const problem = this.#binding && tabProblem(this.#binding, await this.driver.readTab(this.request.tabId));
    await this.stop((problem && endCause(problem, this.driver.needsTabInFront)) || 'stream-ended');
  }

  #onChunk(chunk: Uint8Array): void {
    if (chunk.byteLength === 0) return;
    if (!this.#writer) this.#early.push(chunk);
    else this.#append(chunk);
  }

  #append(chunk: Uint8Array): void {
    const writer = this.#writer!;
    this.#writing = this.#writing.then(async () => {
      if (this.#writeError) return;
      try {
        await writer.append(chunk);
        this.#bytes += chunk.byteLength;
      } catch (error) {
        this.#writeError = error;
        void this.#giveUp(toCaptureError(error, 'append'));
      }
    });
  }

  async #finish(): Promise<void> {
    this.#running('saving');
    this.#cleanup();
    try {
      const result = await this.#recorder!.stop();
      await this.#writing;
      if (this.#writeError) throw this.#writeError;
      const endedBy = this.#endedBy ?? 'stop';
      await this.#writer!.finish({ durationMs: result.durationMs, endedBy, poster: result.poster, width: result.width, height: result.height });
      this.#set({ state: 'done', summary: { captureId: this.captureId, durationMs: result.durationMs, bytes: this.#bytes, endedBy, audio: this.#recorder!.audio } });
    } catch (error) {
      await this.#giveUp(toCaptureError(error, 'finish'));
    }
  }

  /** Nothing kept: the recorder stopped, every chunk written so far removed. */
  async #giveUp(error: CaptureError): Promise<void> {
    if (this.#status.state === 'failed') return;
    this.#set({ state: 'failed', code: error.code, ...(error.message !== error.code ? { detail: error.message } : {}) });
    this.#cleanup();
    await this.#recorder?.stop().catch(() => undefined);
    await this.#writing;
    await this.#writer?.abandon().catch(() => undefined);
  }

  #cleanup(): void {
    for (const cleanup of this.#cleanups.splice(0)) cleanup();
  }
}
