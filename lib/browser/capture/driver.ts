/**
 * The capture driver of the real browser (see driver.ts): thin calls to the extension APIs, no rules. The rules
 * are in session.ts, where they are unit-tested.
 */
import { browser, type Browser } from 'wxt/browser';
import { lockStatus, touch } from '../lock';
import { sendToTab } from '../../messaging';
import { CaptureError, isPermissionRefusal } from '../../capture/errors';
import type { AgentLink, CaptureDriver, CaptureRect, PageSource } from '../../capture/driver';
import type { PendingTileImage, TabEvent, TabFacts } from '../../capture/tab';
import { capturePacer } from '../../capture/pacer';
import { captureBlockReason } from '../../capture/restrictions';
import { saveCapture } from './save';
import { Stitcher } from '../../capture/stitcher';
import type { TileStream } from '../../capture/method';
import type { PhaseTimes } from '../../capture/phase-times';
import { openTabStream as openStreamOfTab } from './tab-stream-client';
import type { CapturerRole } from '../../evidence/types';

const IS_FIREFOX = import.meta.env.FIREFOX;
const THUMBNAIL_WIDTH = 320;

/** Firefox has no quota on captureTab: its calls need no pacing. */
const unpaced = { call: <T>(capture: () => Promise<T>) => capture() };

export function browserCaptureDriver(role: CapturerRole): CaptureDriver {
  return {
    drawsRects: IS_FIREFOX,
    readTab,
    blockReason: async (url) => captureBlockReason(url, await browser.extension.isAllowedFileSchemeAccess().catch(() => false)),
    isLocked: async () => {
      const lock = await lockStatus();
      return lock.passphrase === 'set' && !lock.unlocked;
    },
    touch,
    startAgent,
    captureTile,
    ...(IS_FIREFOX ? {} : { openTabStream }),
    pageSource,
    watch,
    newStitcher: (options) => {
      const stitcher = new Stitcher({ ...options, thumbnailWidth: THUMBNAIL_WIDTH });
      return {
        add: (tile, image, source, scale) => stitcher.add(tile, image as ImageBitmap, source, scale),
        done: async () => ({ ...(await stitcher.done()), bandHeight: stitcher.bandHeight, scale: stitcher.scale }),
      };
    },
    save: (capture, signal) => saveCapture(capture, role, signal),
    pacer: IS_FIREFOX ? unpaced : capturePacer,
    now: () => new Date(),
  };
}

/** The tab as a capture (or a recording) reads it; null when it is gone. */
export async function readTab(tabId: number): Promise<TabFacts | null> {
  try {
    const [tab, zoom] = await Promise.all([browser.tabs.get(tabId), browser.tabs.getZoom(tabId)]);
    // Chromium names a navigation under way in `pendingUrl` before `url` changes: that page is already leaving.
    const pendingUrl = (tab as { pendingUrl?: string }).pendingUrl;
    return { windowId: tab.windowId!, url: pendingUrl || tab.url || '', active: tab.active, zoom };
  } catch {
    return null;
  }
}

async function startAgent(tabId: number): Promise<AgentLink> {
  // Our own outlines (pick mode in the side panel) must never be in the evidence: end pick mode first. Pages
  // without our content script (not one of the platforms) have no pick mode: nothing to end.
  await sendToTab(tabId, 'pick-mode', { on: false, selected: [] }).catch(() => undefined);
  try {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: ['/capture-agent.js'] });
  } catch (error) {
    if (!(await readTab(tabId))) throw new CaptureError('tab-closed');
    throw new CaptureError(isPermissionRefusal(error) ? 'not-allowed' : 'cannot-read-page', String(error));
  }
  // No answer: the agent vanished with its document (the session says why, from the tab).
  const answered = <T>(answer: T | undefined): T => {
    if (answer === undefined) throw new Error('The capture agent did not answer');
    return answer;
  };
  return {
    prepare: async () => answered(await sendToTab(tabId, 'agent-prepare')),
    showTile: async (request) => answered(await sendToTab(tabId, 'agent-show-tile', request)),
    restore: async () => void answered(await sendToTab(tabId, 'agent-restore')),
    serialize: async () => answered(await sendToTab(tabId, 'agent-serialize')),
  };
}

async function captureTile(windowId: number, rect: CaptureRect): Promise<ImageBitmap> {
  // Firefox draws any rectangle of the document in one call; Chrome takes the visible viewport.
  const options = rect ? ({ format: 'png', rect } as Parameters<typeof browser.tabs.captureVisibleTab>[1]) : { format: 'png' as const };
  return decode(await browser.tabs.captureVisibleTab(windowId, options));
}

/**
 * Chrome: the tab's stream, opened in the offscreen document. A grab answers as soon as a fresh frame is taken;
 * its pixels (a PNG data: URL) are asked for at once and arrive while the next screen scrolls into place.
 */
async function openTabStream(tabId: number, size: Promise<{ width: number; height: number }>, times?: PhaseTimes): Promise<TileStream> {
  const link = await openStreamOfTab(tabId, size);
  return {
    grab: async (after) => {
      const asked = performance.now();
      const frame = await link.grab(after);
      note(times, { ...frame.spent, 'frame round trip': performance.now() - asked });
      const pixelsAsked = performance.now();
      const pixels = link.pixels(frame.frameId).then(async (answer) => {
        const received = performance.now();
        const image = await decode(answer.dataUrl);
        note(times, { ...answer.spent, 'pixels round trip (overlaps the next scroll)': received - pixelsAsked, 'background PNG decode': performance.now() - received });
        return image;
      });
      return pendingTile(frame, pixels);
    },
    close: () => link.close(),
  };
}

/** A stream frame's size now, its pixels when they come; closing it closes them whenever they come. */
function pendingTile(size: { width: number; height: number }, pixels: Promise<ImageBitmap>): PendingTileImage {
  pixels.catch(() => undefined);
  return { width: size.width, height: size.height, pixels: () => pixels, close: () => void pixels.then((image) => image.close(), () => undefined) };
}

/** The benchmark's breakdown (the offscreen document's figures are among `spent`). */
function note(times: PhaseTimes | undefined, spent: Record<string, number>): void {
  for (const [phase, ms] of Object.entries(spent)) times?.add(`stream: ${phase}`, ms);
}

/** The browser's capture is a data: URL; fetch reads it without any network. */
export async function decode(dataUrl: string): Promise<ImageBitmap> {
  const blob = await (await fetch(dataUrl)).blob();
  return createImageBitmap(blob);
}

async function pageSource(tabId: number, agent: AgentLink): Promise<PageSource> {
  const pageCapture = (browser as unknown as { pageCapture?: { saveAsMHTML(o: { tabId: number }): Promise<Blob | ArrayBuffer> } }).pageCapture;
  if (!IS_FIREFOX && pageCapture) {
    // Chrome backs the MHTML Blob with a temporary file that it sometimes deletes before we can read it
    // (NotFoundError, seen about one time in four here): copy the bytes out at once, and ask again if they are gone.
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      try {
        const saved = await pageCapture.saveAsMHTML({ tabId });
        const bytes = saved instanceof Blob ? await saved.arrayBuffer() : saved;
        return { blob: new Blob([bytes], { type: 'multipart/related' }), mime: 'multipart/related', extension: 'mhtml' };
      } catch (error) {
        if ((error as { name?: string })?.name !== 'NotFoundError') throw error;
      }
    }
  }
  // Firefox has no MHTML; and should Chrome's keep failing, the page's HTML still goes beside the image.
  const html = await agent.serialize();
  return { blob: new Blob([html], { type: 'text/html' }), mime: 'text/html', extension: 'html' };
}

/** Each tab's capture agent port, and who wants to know when it goes. */
const agentPorts = new Map<number, Browser.runtime.Port>();
const agentGoneListeners = new Map<number, Set<() => void>>();

/** A `capture-agent` port, handed over by the router once its sender (our script, a tab's top frame) is checked. */
export function serveAgentPort(port: Browser.runtime.Port): void {
  const tabId = port.sender?.tab?.id;
  if (tabId === undefined) return port.disconnect();
  agentPorts.set(tabId, port);
  port.onDisconnect.addListener(() => {
    if (agentPorts.get(tabId) !== port) return;
    agentPorts.delete(tabId);
    for (const listener of agentGoneListeners.get(tabId) ?? []) listener();
  });
}

/** Forwards the browser events that concern a tab and its window (captures and recordings). */
export function watch(tabId: number, windowId: number, onEvent: (event: TabEvent) => void): () => void {
  const tabs = browser.tabs;
  const onActivated = (info: { tabId: number; windowId: number }) => onEvent({ kind: 'activated', ...info });
  const onDetached = (id: number) => onEvent({ kind: 'detached', tabId: id });
  const onAttached = (id: number, info: { newWindowId: number }) => onEvent({ kind: 'attached', tabId: id, windowId: info.newWindowId });
  const onUpdated = (id: number, change: { url?: string }) => onEvent(change.url === undefined ? { kind: 'updated', tabId: id } : { kind: 'updated', tabId: id, url: change.url });
  const onZoom = (info: { tabId: number; newZoomFactor: number }) => onEvent({ kind: 'zoom', tabId: info.tabId, zoom: info.newZoomFactor });
  const onRemoved = (id: number) => onEvent({ kind: 'removed', tabId: id });
  const onAgentGone = () => onEvent({ kind: 'agent-gone', tabId });
  tabs.onActivated.addListener(onActivated);
  tabs.onDetached.addListener(onDetached);
  tabs.onAttached.addListener(onAttached);
  tabs.onUpdated.addListener(onUpdated);
  tabs.onZoomChange.addListener(onZoom);
  tabs.onRemoved.addListener(onRemoved);
  const gone = agentGoneListeners.get(tabId) ?? new Set();
  agentGoneListeners.set(tabId, gone.add(onAgentGone));
  const stopWindowWatch = watchWindowSize(windowId, () => onEvent({ kind: 'window-resized', windowId }));
  return () => {
    tabs.onActivated.removeListener(onActivated);
    tabs.onDetached.removeListener(onDetached);
    tabs.onAttached.removeListener(onAttached);
    tabs.onUpdated.removeListener(onUpdated);
    tabs.onZoomChange.removeListener(onZoom);
    tabs.onRemoved.removeListener(onRemoved);
    gone.delete(onAgentGone);
    stopWindowWatch();
  };
}

/** Chrome tells when a window's bounds change (moves too: only a change of size counts). Firefox does not. */
function watchWindowSize(windowId: number, onResized: () => void): () => void {
  const windows = browser.windows as unknown as {
    onBoundsChanged?: Browser.events.Event<(window: Browser.windows.Window) => void>;
    get(id: number): Promise<Browser.windows.Window>;
  };
  if (!windows.onBoundsChanged) return () => undefined;
  let size: string | null = null;
  windows.get(windowId).then((window) => (size ??= `${window.width}x${window.height}`), () => undefined);
  const onBounds = (window: Browser.windows.Window) => {
    if (window.id !== windowId) return;
    const now = `${window.width}x${window.height}`;
    if (size !== null && now !== size) onResized();
    size = now;
  };
  windows.onBoundsChanged.addListener(onBounds);
  return () => windows.onBoundsChanged!.removeListener(onBounds);
}
