/**
 * One capture, from the click to the stored record: bound at its start to a tab, its window, its page, zoom,
 * viewport and scale, and aborted (nothing stored) the moment any of these changes. Everything it asks of the
 * browser goes through a `CaptureDriver`, so every rule here is unit-tested with fakes.
 *
 * What makes a capture wrong, and how each is caught:
 * - another tab in front, the tab moved to another window, navigated, reloaded, closed, zoomed, the window resized:
 *   by browser events at any moment (even a switch away and back within a pacing wait), and by reading the tab
 *   immediately before and after every browser capture call;
 * - the viewport or pixel ratio changed: measured by the agent at every tile;
 * - a screen of another size than the first one (another zoom, size or screen): checked on every image.
 * The page source is taken after the agent has put the page back, so it holds nothing of ours.
 * A finished capture whose save fails is kept (state 'unsaved') until saved again or discarded.
 */
import { CaptureError, toCaptureError } from './errors';
import { documentGone, eventProblem, tabProblem, tileFits, viewportProblem, type Binding } from './binding';
import { keepFromOf, planCapture, type CaptureRange, type Tile } from './plan';
import { newCaptureId, stampLines } from './stamp';
import { devicePixels, TileMethod } from './method';
import { PhaseTimes } from './phase-times';
import type { AgentGeometry, TileState } from './agent-types';
import type { AgentLink, CaptureDriver, CaptureRect, CaptureRequest, FinishedCapture, StitchResult, TileSource } from './driver';
import { isPendingTile, type PendingTileImage, type TabEvent, type TileImage } from './tab';
import type { CaptureErrorCode, CaptureStatus } from './status';

export type CapturePhase = Extract<CaptureStatus, { state: 'running' }>['phase'];

export type SessionStatus = CaptureStatus;

/** How long a gone document's tab is watched for a new address before it counts as reloaded: 10 x 150 ms. */
const DOCUMENT_GONE_LOOKS = 10;
const DOCUMENT_GONE_LOOK_MS = 150;
const PROBLEMS_AFTER_TILES: ReadonlySet<CaptureErrorCode> = new Set(['navigated', 'reloaded', 'tab-closed']);

export class CaptureSession {
  readonly captureId: string;
  readonly capturedAt: Date;
  #status: SessionStatus = { state: 'running', phase: 'preparing', done: 0, total: 1 };
  #listeners = new Set<(status: SessionStatus) => void>();
  #controller = new AbortController();
  #problem: CaptureError | null = null;
  /** Resolves once a stop's cause is known for sure (see #onEvent: a document gone). */
  #settling: Promise<void> = Promise.resolve();
  #binding: Binding | null = null;
  #tilesDone = false;
  #finished: FinishedCapture | null = null;
  #step = 'start';
  #method: TileMethod;
  /** Where this capture's time went (the benchmark prints it). */
  readonly times = new PhaseTimes();

  constructor(
    readonly request: CaptureRequest,
    private readonly driver: CaptureDriver,
  ) {
    this.capturedAt = driver.now();
    this.captureId = newCaptureId(this.capturedAt);
    this.#method = new TileMethod(request.method);
  }

  get status(): SessionStatus {
    return this.#status;
  }

  /** Calls `listener` with the current status at once, then on every change. */
  subscribe(listener: (status: SessionStatus) => void): () => void {
    this.#listeners.add(listener);
    listener(this.#status);
    return () => this.#listeners.delete(listener);
  }

  /** Captures, then saves. Never throws: the outcome is in `status`. */
  async run(): Promise<SessionStatus> {
    try {
      this.#finished = await this.#capture();
    } catch (error) {
      await this.#settling;
      this.#set({ state: 'failed', ...describe(this.#problem ?? toCaptureError(error, this.#step)) });
      return this.#status;
    }
    return this.#save();
  }

  /** Stops a running capture (nothing is stored), or drops a finished one that was not saved. */
  cancel(code: CaptureErrorCode = 'cancelled'): void {
    this.#stop(new CaptureError(code));
    if (this.#status.state === 'unsaved') this.discard(code);
  }

  async retrySave(): Promise<SessionStatus> {
    if (this.#status.state !== 'unsaved') return this.#status;
    return this.#save();
  }

  discard(code: CaptureErrorCode = 'cancelled'): void {
    if (this.#status.state !== 'unsaved') return;
    this.#finished = null;
    this.#set({ state: 'failed', code });
  }

  #set(status: SessionStatus): void {
    this.#status = status;
    for (const listener of this.#listeners) listener(status);
  }

  #progress(phase: CapturePhase, done: number, total: number): void {
    this.#set({ state: 'running', phase, done, total });
  }

  /** The first cause wins; every wait in progress (the pacer's) ends at once. */
  #stop(problem: CaptureError): void {
    this.#problem ??= problem;
    this.#controller.abort(this.#problem);
  }

  #throwIfStopped(): void {
    if (this.#problem) throw this.#problem;
  }

  async #capture(): Promise<FinishedCapture> {
    const { driver, request } = this;
    const start = await driver.readTab(request.tabId);
    if (!start) throw new CaptureError('tab-closed');
    const blocked = await driver.blockReason(start.url);
    if (blocked) throw new CaptureError(blocked);
    // Locked: say so at once rather than after the whole capture (the save would refuse it anyway).
    if (await driver.isLocked()) throw new CaptureError('locked');
    this.#throwIfStopped();

    const binding: Binding = { tabId: request.tabId, windowId: start.windowId, url: start.url, zoom: start.zoom, viewport: { width: 0, height: 0 }, devicePixelRatio: 0 };
    this.#binding = binding;
    // From here on, anything that happens to the tab counts.
    const unwatch = driver.watch(request.tabId, start.windowId, (event) => this.#onEvent(event));
    let agent: AgentLink | null = null;
    let restored = false;
    try {
      this.#step = 'inject';
      agent = await driver.startAgent(request.tabId);
      const link = agent;
      const measuring = this.#agentCall(() => link.prepare());
      this.#beginStream(measuring);
      const geometry = await measuring;
      binding.viewport = geometry.viewport;
      binding.devicePixelRatio = geometry.devicePixelRatio;
      await this.#assertBound();
      this.#step = 'tiles';
      const { stitched, range } = await this.#captureTiles(link, geometry);
      this.#progress('saving', 0, 1);
      // Put the page back BEFORE taking its source: the source must hold nothing of ours.
      this.#step = 'restore';
      await this.#agentCall(() => link.restore());
      restored = true;
      // Events about the last screen have arrived by now (restore took a round trip to the page).
      this.#tilesDone = true;
      this.#step = 'page source';
      const source = await this.times.time('page source', () => driver.pageSource(request.tabId, link));
      const finalTab = await driver.readTab(request.tabId);
      const afterwards = tabProblem(binding, finalTab);
      if (afterwards && PROBLEMS_AFTER_TILES.has(afterwards)) this.#stop(new CaptureError(afterwards));
      this.#throwIfStopped();
      return {
        captureId: this.captureId,
        request,
        geometry,
        range,
        stitched,
        source,
        capturedAt: this.capturedAt,
        requestedUrl: start.url,
        finalUrl: finalTab?.url || geometry.url,
        method: this.#method.outcome,
      };
    } catch (error) {
      // Put the page back as it was, whatever happened (the tab may be gone: then there is nothing to restore).
      if (agent && !restored) await agent.restore().catch(() => undefined);
      throw error;
    } finally {
      await this.#method.close();
      unwatch();
    }
  }

  /** The fast method's stream (full pages, Chrome): opened while the page is prepared and its first tile shown. */
  #beginStream(measuring: Promise<AgentGeometry>): void {
    const { driver, request } = this;
    if (request.mode !== 'full' || driver.drawsRects) return;
    const size = measuring.then((geometry) => devicePixels(geometry.viewport, geometry.devicePixelRatio));
    this.#method.begin(driver.openTabStream ? () => driver.openTabStream!(request.tabId, size, this.times) : null, this.times);
  }

  #onEvent(event: TabEvent): void {
    const binding = this.#binding;
    if (!binding) return;
    const problem = eventProblem(binding, event);
    if (!problem || (this.#tilesDone && !PROBLEMS_AFTER_TILES.has(problem))) return;
    if (problem !== 'reloaded') return this.#stop(new CaptureError(problem));
    // The agent's document is gone: stop at once, so no screen of whatever page comes next is taken. Then the tab
    // says whether it went to another page, closed, or reloaded; the old document can leave before the tab shows
    // the new address (Firefox), so the outcome waits for that look (#settling). Nothing is saved either way.
    const provisional = new CaptureError('reloaded');
    this.#stop(provisional);
    this.#settling = this.#whyDocumentGone(binding).then((code) => {
      if (this.#problem === provisional && code !== 'reloaded') this.#problem = new CaptureError(code);
    });
  }

  async #whyDocumentGone(binding: Binding): Promise<CaptureErrorCode> {
    for (let look = 0; ; look++) {
      const facts = await this.driver.readTab(binding.tabId).catch(() => null);
      const code = documentGone(binding, facts);
      if (code !== 'reloaded' || look >= DOCUMENT_GONE_LOOKS) return code;
      await new Promise((resolve) => setTimeout(resolve, DOCUMENT_GONE_LOOK_MS));
    }
  }

  /** Still our tab, in front, in the same window, on the same page, at the same zoom. */
  async #assertBound(): Promise<void> {
    this.#throwIfStopped();
    const problem = tabProblem(this.#binding!, await this.driver.readTab(this.#binding!.tabId));
    if (problem) this.#stop(new CaptureError(problem));
    this.#throwIfStopped();
  }

  /** An agent that stops answering has lost its document: say why from the tab. */
  async #agentCall<T>(call: () => Promise<T>): Promise<T> {
    try {
      const result = await call();
      this.#throwIfStopped();
      return result;
    } catch (error) {
      this.#throwIfStopped();
      if (error instanceof CaptureError) throw error;
      const code = await this.#whyDocumentGone(this.#binding!);
      this.#throwIfStopped();
      throw new CaptureError(code, String(error));
    }
  }

  async #captureTiles(agent: AgentLink, geometry: AgentGeometry): Promise<{ stitched: StitchResult; range: CaptureRange }> {
    const { request, driver } = this;
    const { visibleOnly, view, range, tiles } = planCapture(geometry, { mode: request.mode, maxScreens: request.maxScreens, drawsRects: driver.drawsRects });
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
    const stitcher = driver.newStitcher({
      widthCss: view.viewRect.width,
      heightCss: range.bottom - range.top,
      stampLines: stampLines({ lang: request.lang, mode: request.mode, captureId: this.captureId, url: geometry.url || this.#binding!.url, title: geometry.title, capturedAt: this.capturedAt, timeZone }),
    });
    // Chat apps add older messages above as we scroll up; everything we planned then moves down by as much.
    let shift = 0;
    let scale = 0;
    let drawing: Promise<void> = Promise.resolve();
    // A stream screen whose pixels are still coming: they are encoded and sent while the next tile scrolls.
    let waiting: { tile: Tile; image: PendingTileImage; source: TileSource } | null = null;
    try {
      // Stitch while the next tile scrolls into place. A screen counts as done once its pixels are here.
      let screensDone = 0;
      const draw = (tile: Tile, image: TileImage, source: TileSource) => {
        this.#progress('capturing', (screensDone += 1), tiles.length);
        drawing = drawing.then(() => {
          const started = performance.now();
          stitcher.add(tile, image, source, scale);
          image.close();
          this.times.add('stitch (draw)', performance.now() - started);
        });
      };
      for (let index = 0; index < tiles.length || waiting; ) {
        this.#throwIfStopped();
        const tile = tiles[index];
        const state: TileState | null = !tile
          ? null
          : visibleOnly
            ? { viewport: geometry.viewport, devicePixelRatio: geometry.devicePixelRatio, scrollTop: 0, contentHeight: view.contentHeight, viewRect: view.viewRect, viewRectInDocument: { left: 0, top: 0 }, settledAt: 0 }
            : await this.times.time('scroll+settle', () => this.#agentCall(() =>
                agent.showTile({
                  scrollTop: tile.scrollTop + shift,
                  showTopBars: tile.isFirst || tiles.length === 1,
                  showBottomBars: tile.isLast || tiles.length === 1,
                  coverHeight: tile.keepFrom + tile.keepHeight,
                }),
              ));
        if (waiting) {
          const pixels = await this.times.time('stream pixels wait', () => this.#method.pixelsOf(waiting!.image, waiting!.tile.index + 1));
          // They never came (the offscreen document went): the exact method takes that screen again, and the rest.
          if (pixels) draw(waiting.tile, pixels, waiting.source);
          [index, waiting] = [pixels ? index : waiting.tile.index, null];
          if (!pixels) continue;
        }
        if (!tile || !state) break;
        const changed = viewportProblem(this.#binding!, state.viewport, state.devicePixelRatio);
        if (changed) this.#stop(new CaptureError(changed));
        if (geometry.scroller === 'inner') shift = state.contentHeight - geometry.contentHeight;
        const keepFrom = keepFromOf(range, tile, shift, state);
        const grab = await this.#grab(tile, state, keepFrom, visibleOnly, geometry);
        // The first screen binds the scale; every later one must match it.
        scale ||= grab.image.width / grab.css.width;
        if (!tileFits(grab.image, grab.css, scale)) {
          grab.image.close();
          const expected = `${Math.round(grab.css.width * scale)}x${Math.round(grab.css.height * scale)}`;
          this.#stop(new CaptureError('resized', `screen ${tile.index + 1} is ${grab.image.width}x${grab.image.height} px, expected ${expected}`));
          this.#throwIfStopped();
        }
        driver.touch();
        if (isPendingTile(grab.image)) waiting = { tile, image: grab.image, source: grab.source };
        else draw(tile, grab.image, grab.source);
        index += 1;
      }
      await drawing;
    } catch (error) {
      (waiting as { image: TileImage } | null)?.image.close();
      await drawing.catch(() => undefined);
      throw error;
    } finally {
      await this.#method.close();
    }
    return { stitched: await this.times.time('encode parts', () => stitcher.done()), range };
  }

  async #grab(tile: Tile, state: TileState, keepFrom: number, visibleOnly: boolean, geometry: AgentGeometry) {
    if (this.driver.drawsRects) {
      const rect = {
        x: state.viewRectInDocument.left,
        y: state.viewRectInDocument.top + keepFrom,
        width: state.viewRect.width,
        height: visibleOnly ? state.viewRect.height : tile.keepHeight,
      };
      const image = await this.#captureCall(rect);
      return { image, css: { width: rect.width, height: rect.height }, source: { left: 0, top: 0, width: rect.width } };
    }
    const image = (await this.times.time('stream grab', () => this.#streamTile(tile, state, visibleOnly))) ?? (await this.times.time('exact grab', () => this.#captureCall(null)));
    const source = { left: state.viewRect.left, top: state.viewRect.top + keepFrom, width: state.viewRect.width };
    return { image, css: geometry.viewport, source };
  }

  /**
   * A screen from the tab's stream, captured after the tile settled; null when the exact method must take it. The
   * tab is checked before and after, as for captureVisibleTab: a stream that fails because the tab was hidden or
   * left aborts the capture with that reason instead of falling back.
   */
  #streamTile(tile: Tile, state: TileState, visibleOnly: boolean): Promise<TileImage | null> {
    if (visibleOnly) return Promise.resolve(null);
    const size = devicePixels(this.#binding!.viewport, this.#binding!.devicePixelRatio);
    return this.#method.grabChecked(tile.index + 1, state.settledAt, size, () => this.#assertBound());
  }

  /**
   * The browser captures whatever tab is in front of the window, not a given tab: so the tab is checked right
   * before the call (after the pacer's wait) and right after it, and any event in between voids the image.
   */
  async #captureCall(rect: CaptureRect): Promise<TileImage> {
    const windowId = this.#binding!.windowId;
    try {
      return await this.driver.pacer.call(async () => {
        await this.#assertBound();
        let image: TileImage;
        try {
          image = await this.driver.captureTile(windowId, rect);
        } catch (error) {
          await this.#assertBound(); // a precise reason first (another tab came in front, the page went)
          const message = String((error as { message?: unknown })?.message ?? error);
          if (/invisible|hidden/i.test(message)) throw new CaptureError('hidden', message);
          throw error;
        }
        try {
          await this.#assertBound();
        } catch (problem) {
          image.close();
          throw problem;
        }
        return image;
      }, this.#controller.signal);
    } catch (error) {
      throw this.#problem ?? error;
    }
  }

  async #save(): Promise<SessionStatus> {
    const finished = this.#finished!;
    this.#progress('saving', 0, 1);
    try {
      this.#throwIfStopped();
      const summary = await this.times.time('save', () => this.driver.save(finished, this.#controller.signal));
      this.#finished = null;
      this.#set({ state: 'done', summary });
    } catch (error) {
      if (this.#problem) {
        // Stopped on purpose (quick exit, cancel): nothing is kept.
        this.#finished = null;
        await this.#settling;
        this.#set({ state: 'failed', ...describe(this.#problem) });
      } else {
        this.#set({ state: 'unsaved', ...describe(toCaptureError(error, 'save')) });
      }
    }
    return this.#status;
  }
}

function describe(error: CaptureError): { code: CaptureErrorCode; detail?: string } {
  return error.message && error.message !== error.code ? { code: error.code, detail: error.message } : { code: error.code };
}
