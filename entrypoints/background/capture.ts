/**
 * Drives one capture from the background: checks the tab, injects the capture agent, visits the tiles, stitches
 * and stamps the image parts, adds the page source, hashes every file and stores everything in one transaction.
 * Until that transaction commits nothing is written, so a capture that fails or is cancelled leaves no trace.
 */
import { browser } from 'wxt/browser';
import type { AgentGeometry, TileState } from '../../lib/capture/agent-types';
import { CapturePacer } from '../../lib/capture/pacer';
import { planRange, planTiles, type CaptureRange, type Tile } from '../../lib/capture/plan';
import { captureBlockReason } from '../../lib/capture/restrictions';
import { localIsoTime, type StampLine } from '../../lib/capture/stamp';
import { Stitcher } from '../../lib/capture/stitcher';
import { sha256Hex } from '../../lib/evidence/hash';
import type { CaptureMode, CaptureRecord, FileMeta, StoredFile } from '../../lib/evidence/types';
import { translate, type Lang } from '../../lib/i18n';
import { sendToTab, type RequestArgs } from '../../lib/messaging';
import type { CaptureSummary, MessageName, ResponseOf } from '../../lib/messaging/protocol';
import { describePage } from '../../lib/page-label';
import { pageIdentifiers } from '../../lib/platforms/page-identifiers';
import { parsePlatformUrl } from '../../lib/platforms/registry';
import type { ExtractedItem } from '../../lib/platforms/types';
import type { Settings } from '../../lib/settings';
import { CaptureError, isPermissionRefusal, toCaptureError } from '../../lib/capture/errors';
import { openStore } from '../../lib/browser/evidence';
import { lockStatus } from '../../lib/browser/lock';

export { CaptureError };

export interface CaptureJob {
  tabId: number;
  mode: CaptureMode;
  lang: Lang;
  settings: Settings;
  selectedItems: ExtractedItem[];
  signal: AbortSignal;
  onProgress(phase: 'preparing' | 'capturing' | 'saving', done: number, total: number): void;
  /** Which step is running: named in the technical details of an unexpected failure. */
  step?: string;
}

const IS_FIREFOX = import.meta.env.FIREFOX;
/** Firefox's captureTab draws at most 32,767 px a side. */
const FIREFOX_MAX_TILE_PX = 32_000;
const THUMBNAIL_WIDTH = 320;

export async function captureTab(job: CaptureJob): Promise<CaptureSummary> {
  try {
    return await captureTabSteps(job);
  } catch (error) {
    throw toCaptureError(error, job.step ?? 'start');
  }
}

async function captureTabSteps(job: CaptureJob): Promise<CaptureSummary> {
  job.step = 'start';
  const startTab = await getTab(job.tabId);
  const fileAccess = await browser.extension.isAllowedFileSchemeAccess().catch(() => false);
  const blocked = captureBlockReason(startTab.url, fileAccess);
  if (blocked) throw new CaptureError(blocked);
  // Locked: say so at once rather than after the whole capture (the save would refuse it anyway).
  const lock = await lockStatus();
  if (lock.passphrase === 'set' && !lock.unlocked) throw new CaptureError('locked');

  job.onProgress('preparing', 0, 1);
  await endPickMode(job.tabId);
  await injectAgent(job.tabId);
  const agent: Agent = (name, ...request) => askAgent(job.tabId, name, ...request);

  const requestedUrl = startTab.url ?? '';
  const geometry = await agent('agent-prepare');
  try {
    const capturedAt = new Date();
    job.step = 'tiles';
    const { stitched, range } = await captureTiles(job, geometry, agent, startTab.windowId!, capturedAt, requestedUrl);
    job.onProgress('saving', 0, 1);
    job.step = 'page source';
    const source = await capturePageSource(job.tabId, agent);
    await agent('agent-restore').catch(() => undefined);
    const finalTab = await getTab(job.tabId);
    job.step = 'store';
    return await store(job, { geometry, range, stitched, source, capturedAt, requestedUrl, finalUrl: finalTab.url ?? geometry.url });
  } catch (error) {
    // Put the page back as it was, whatever happened (the tab may be gone: then there is nothing to restore).
    await agent('agent-restore').catch(() => undefined);
    throw error;
  }
}

async function getTab(tabId: number) {
  try {
    return await browser.tabs.get(tabId);
  } catch {
    throw new CaptureError('tab-closed');
  }
}

/** Our own outlines (pick mode in the side panel) must never be in the evidence: end pick mode first. */
async function endPickMode(tabId: number): Promise<void> {
  // Pages without our content script (not one of the platforms) have no pick mode: nothing to end.
  await sendToTab(tabId, 'pick-mode', { on: false, selected: [] }).catch(() => undefined);
}

async function injectAgent(tabId: number): Promise<void> {
  try {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: ['/capture-agent.js'] });
  } catch (error) {
    await getTab(tabId); // closed meanwhile?
    throw new CaptureError(isPermissionRefusal(error) ? 'not-allowed' : 'cannot-read-page', String(error));
  }
}

async function askAgent<N extends AgentMessage>(tabId: number, name: N, ...request: RequestArgs<N>): Promise<ResponseOf<N>> {
  try {
    const answer = await sendToTab(tabId, name, ...request);
    if (answer === undefined) throw new Error('no answer');
    return answer;
  } catch {
    await getTab(tabId);
    // The agent vanished with its document: the tab went to another page.
    throw new CaptureError('navigated');
  }
}

type AgentMessage = Extract<MessageName, `agent-${string}`>;
type Agent = <N extends AgentMessage>(name: N, ...request: RequestArgs<N>) => Promise<ResponseOf<N>>;

interface Grab {
  image: ImageBitmap;
  /** Where the tile's kept rows start in the image, CSS px. */
  source: { left: number; top: number; width: number };
  scale: number;
}

async function captureTiles(
  job: CaptureJob,
  geometry: AgentGeometry,
  agent: Agent,
  windowId: number,
  capturedAt: Date,
  requestedUrl: string,
): Promise<{ stitched: Awaited<ReturnType<Stitcher['done']>> & { bandHeight: number; scale: number }; range: CaptureRange }> {
  const visibleOnly = job.mode === 'visible' || geometry.scroller === 'none';
  // The visible area is the whole viewport as the person sees it; a full page is the scrolled element's content.
  const view = visibleOnly
    ? { ...geometry, viewRect: { left: 0, top: 0, ...geometry.viewport }, viewHeight: geometry.viewport.height, contentHeight: geometry.viewport.height, scrollTop: 0 }
    : geometry;
  const range = visibleOnly
    ? { top: 0, bottom: view.viewHeight, limited: false, screens: 1 }
    : planRange(view, geometry.scroller === 'inner' ? 'current-bottom' : 'top', job.settings.maxScreens);
  const tileHeight =
    IS_FIREFOX && geometry.scroller === 'document' && !visibleOnly
      ? Math.max(view.viewHeight, Math.min(view.contentHeight - view.viewHeight, Math.floor(FIREFOX_MAX_TILE_PX / geometry.devicePixelRatio)))
      : view.viewHeight;
  const tiles = planTiles(view, range, geometry.scroller === 'inner' ? 'bottom-up' : 'top-down', tileHeight);

  const stitcher = new Stitcher({
    widthCss: view.viewRect.width,
    heightCss: range.bottom - range.top,
    stampLines: stampLines(job.lang, geometry, requestedUrl, capturedAt, job.mode),
    thumbnailWidth: THUMBNAIL_WIDTH,
  });
  const pacer = new CapturePacer();
  const initialContentHeight = geometry.contentHeight;
  // Chat apps add older messages above as we scroll up; everything we planned then moves down by as much.
  let shift = 0;
  let drawing: Promise<void> = Promise.resolve();

  for (const tile of tiles) {
    checkCancelled(job.signal);
    const state: TileState = visibleOnly
      ? { viewport: geometry.viewport, devicePixelRatio: geometry.devicePixelRatio, scrollTop: 0, contentHeight: view.contentHeight, viewRect: view.viewRect, viewRectInDocument: { left: 0, top: 0 } }
      : await agent('agent-show-tile', {
          scrollTop: tile.scrollTop + shift,
          showTopBars: tile.isFirst || tiles.length === 1,
          showBottomBars: tile.isLast || tiles.length === 1,
          coverHeight: tile.keepFrom + tile.keepHeight,
        });
    if (geometry.scroller === 'inner') shift = state.contentHeight - initialContentHeight;
    const keepFrom = clamp(range.top + shift + tile.outputTop - state.scrollTop, 0, Math.max(0, state.viewRect.height - Math.min(tile.keepHeight, state.viewRect.height)));
    await assertStillThere(job, geometry.url || requestedUrl);
    const grab = await grabTile(job, windowId, tile, state, keepFrom, visibleOnly, pacer, geometry);
    // Stitch while the next tile scrolls into place.
    drawing = drawing.then(() => {
      stitcher.add(tile, grab.image, grab.source, grab.scale);
      grab.image.close();
    });
    job.onProgress('capturing', tile.index + 1, tiles.length);
  }
  await drawing;
  const result = await stitcher.done();
  return { stitched: { ...result, bandHeight: stitcher.bandHeight, scale: stitcher.scale }, range };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function checkCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new CaptureError('cancelled');
}

/** The tab must still show the page we started on, and still be the visible tab of its window. */
async function assertStillThere(job: CaptureJob, startUrl: string): Promise<void> {
  const tab = await getTab(job.tabId);
  if (tab.url && startUrl && stripHash(tab.url) !== stripHash(startUrl)) throw new CaptureError('navigated');
  if (!tab.active) throw new CaptureError('hidden');
}

function stripHash(url: string): string {
  return url.split('#')[0]!;
}

async function grabTile(
  job: CaptureJob,
  windowId: number,
  tile: Tile,
  state: TileState,
  keepFrom: number,
  visibleOnly: boolean,
  pacer: CapturePacer,
  geometry: AgentGeometry,
): Promise<Grab> {
  if (IS_FIREFOX) {
    const rect = {
      x: state.viewRectInDocument.left,
      y: state.viewRectInDocument.top + keepFrom,
      width: state.viewRect.width,
      height: visibleOnly ? state.viewRect.height : tile.keepHeight,
    };
    // Firefox draws any rectangle of the document in one call (no per-second quota); with activeTab since 126.
    const dataUrl = await withCaptureErrors(job, () =>
      browser.tabs.captureVisibleTab(windowId, { format: 'png', rect } as Parameters<typeof browser.tabs.captureVisibleTab>[1]),
    );
    const image = await decode(dataUrl);
    return { image, source: { left: 0, top: 0, width: rect.width }, scale: image.width / rect.width };
  }
  const dataUrl = await withCaptureErrors(job, () =>
    pacer.call(() => browser.tabs.captureVisibleTab(windowId, { format: 'png' }), job.signal),
  );
  const image = await decode(dataUrl);
  // Zoom and device pixel ratio together: measured, not assumed.
  const scale = image.width / geometry.viewport.width;
  return { image, source: { left: state.viewRect.left, top: state.viewRect.top + keepFrom, width: state.viewRect.width }, scale };
}

/**
 * captureVisibleTab takes whatever tab is in front of the window, not a given tab. So the tab must be in front
 * (and on our page) after the call as it was before it: otherwise the image may show another tab, and is refused.
 * A failure while another tab came to the front (its page not loaded, not ours to read) is that too.
 */
async function withCaptureErrors<T>(job: CaptureJob, call: () => Promise<T>): Promise<T> {
  let result: T;
  try {
    result = await call();
  } catch (error) {
    if (error instanceof CaptureError) throw error;
    const message = String((error as { message?: unknown })?.message ?? error);
    if (/invisible|hidden/i.test(message)) throw new CaptureError('hidden', message);
    if ((error as { name?: string })?.name === 'AbortError') throw new CaptureError('cancelled');
    if (isPermissionRefusal(error)) throw new CaptureError('not-allowed', message);
    const tab = await getTab(job.tabId);
    if (!tab.active) throw new CaptureError('hidden', message);
    throw new CaptureError('failed', message);
  }
  const tab = await getTab(job.tabId);
  if (!tab.active) throw new CaptureError('hidden');
  return result;
}

async function decode(dataUrl: string): Promise<ImageBitmap> {
  const blob = await (await fetch(dataUrl)).blob();
  return createImageBitmap(blob);
}

function stampLines(lang: Lang, geometry: AgentGeometry, requestedUrl: string, capturedAt: Date, mode: CaptureMode): StampLine[] {
  const t = (key: Parameters<typeof translate>[1]) => translate(lang, key);
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const parsed = parsePlatformUrl(geometry.url || requestedUrl);
  return [
    { label: '', value: `${t('app.name')} · ${t(mode === 'full' ? 'stamp.fullPage' : 'stamp.visibleArea')} · ${t('stamp.part')} {part}/{parts}` },
    { label: t('stamp.url'), value: geometry.url || requestedUrl },
    { label: t('stamp.title'), value: geometry.title || '-' },
    { label: t('stamp.platform'), value: parsed ? describePage(parsed, lang) : t('stamp.noPlatform') },
    { label: t('stamp.utc'), value: capturedAt.toISOString() },
    { label: t('stamp.local'), value: `${localIsoTime(capturedAt, timeZone)} (${timeZone})` },
  ];
}

async function capturePageSource(tabId: number, agent: Agent): Promise<{ blob: Blob; mime: string; extension: string }> {
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
  const html = await agent('agent-serialize');
  return { blob: new Blob([html], { type: 'text/html' }), mime: 'text/html', extension: 'html' };
}

interface Captured {
  geometry: AgentGeometry;
  range: CaptureRange;
  stitched: Awaited<ReturnType<Stitcher['done']>> & { bandHeight: number; scale: number };
  source: { blob: Blob; mime: string; extension: string };
  capturedAt: Date;
  requestedUrl: string;
  finalUrl: string;
}

async function store(job: CaptureJob, captured: Captured): Promise<CaptureSummary> {
  const { geometry, range, stitched, source, capturedAt } = captured;
  const captureId = newCaptureId(capturedAt);
  const files: StoredFile[] = [];
  const addFile = async (meta: Omit<FileMeta, 'id' | 'captureId' | 'size' | 'sha256'>, blob: Blob) => {
    files.push({ ...meta, id: `${captureId}/${meta.name}`, captureId, size: blob.size, sha256: await sha256Hex(blob), blob });
  };
  job.step = 'hash screenshots';
  for (const part of stitched.parts) {
    await addFile(
      {
        role: 'screenshot',
        name: stitched.parts.length > 1 ? `screenshot-part${part.index + 1}.png` : 'screenshot.png',
        mime: 'image/png',
        width: part.width,
        height: part.height,
        part: part.index + 1,
        partCount: stitched.parts.length,
        bandHeight: part.bandHeight,
      },
      part.blob,
    );
  }
  job.step = 'hash source';
  await addFile({ role: 'source', name: `page.${source.extension}`, mime: source.mime }, source.blob);
  job.step = 'thumbnail';
  if (stitched.thumbnail) {
    const bitmap = await createImageBitmap(stitched.thumbnail);
    await addFile({ role: 'thumbnail', name: 'thumbnail.png', mime: 'image/png', width: bitmap.width, height: bitmap.height }, stitched.thumbnail);
    bitmap.close();
  }

  job.step = 'save';
  const evidence = await openStore();
  const caseRecord = await evidence.ensureDefaultCase({ title: translate(job.lang, 'case.defaultTitle'), role: job.settings.capturerRole });
  const parsed = parsePlatformUrl(captured.finalUrl) ?? parsePlatformUrl(captured.requestedUrl);
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const manifest = browser.runtime.getManifest();
  const record: CaptureRecord = {
    id: captureId,
    caseId: caseRecord.id,
    requestedUrl: captured.requestedUrl,
    finalUrl: captured.finalUrl,
    title: geometry.title,
    platform: parsed?.platform ?? null,
    parsed,
    identifiers: parsed ? pageIdentifiers(parsed) : [],
    selectedItems: job.selectedItems,
    mode: job.mode,
    capturedAt: capturedAt.toISOString(),
    timeZone,
    localTime: localIsoTime(capturedAt, timeZone),
    viewport: geometry.viewport,
    page: { width: Math.round(geometry.viewRect.width), height: Math.round(range.bottom - range.top) },
    devicePixelRatio: geometry.devicePixelRatio,
    scale: stitched.scale,
    scroller: job.mode === 'visible' ? 'none' : geometry.scroller,
    ...(range.limited ? { limitedTo: { screens: range.screens, reason: 'max-screens' as const } } : {}),
    browser: await browserInfo(),
    extension: { name: 'Capture & Report', version: manifest.version },
    files: files.map(({ blob: _blob, ...meta }) => meta),
    notes: '',
  };
  checkCancelled(job.signal);
  await evidence.saveCapture(record, files, job.settings.capturerRole);
  return {
    captureId,
    caseId: caseRecord.id,
    caseTitle: caseRecord.title,
    url: record.finalUrl,
    title: record.title,
    capturedAt: record.capturedAt,
    localTime: record.localTime,
    timeZone,
    platformLabel: parsed ? describePage(parsed, job.lang) : null,
    parts: stitched.parts.length,
    thumbnailFileId: files.find((file) => file.role === 'thumbnail')?.id ?? null,
    limitedToScreens: range.limited ? range.screens : null,
  };
}

/** Sortable, unique, and says nothing about the device: time plus randomness. */
function newCaptureId(at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('.', '').replace('T', '-').replace('Z', '');
  const random = Array.from(crypto.getRandomValues(new Uint8Array(4)), (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `cap-${stamp}-${random}`;
}

/** The browser's name and version only (no platform, no user agent string). */
async function browserInfo(): Promise<{ name: string; version: string }> {
  const runtime = browser.runtime as unknown as { getBrowserInfo?: () => Promise<{ name: string; version: string }> };
  if (runtime.getBrowserInfo) {
    const info = await runtime.getBrowserInfo();
    return { name: info.name, version: info.version };
  }
  const brands = (navigator as unknown as { userAgentData?: { brands: Array<{ brand: string; version: string }> } }).userAgentData?.brands ?? [];
  const brand = brands.find((entry) => !/not.?a.?brand/i.test(entry.brand) && entry.brand !== 'Chromium') ?? brands.find((entry) => entry.brand === 'Chromium');
  const full = /Chrom(?:e|ium)\/([\d.]+)/.exec(navigator.userAgent)?.[1];
  return { name: brand?.brand ?? 'Chromium', version: full ?? brand?.version ?? 'unknown' };
}
