/**
 * Background side (Chrome): a recorder in the offscreen document (offscreen-service.ts). The background asks Chrome
 * for the tab's stream id (tabCapture; only the offscreen document can open it), the offscreen document records and
 * sends the chunks over a `recording-chunks` port, in order, ending with what the recorder gives at the stop.
 */
import type { Browser } from 'wxt/browser';
import { browser } from 'wxt/browser';
import { offscreenDocuments } from '../offscreen';
import { fromBase64 } from '../../crypto/bytes';
import { sendMessage } from '../../messaging';
import type { RecordingChunkMessage } from '../../messaging/protocol';
import type { RecorderHandle, RecorderOptions, RecorderResult } from '../../capture/recording/driver';

interface TabCaptureApi {
  tabCapture: { getMediaStreamId(options: { targetTabId: number }): Promise<string> };
}

/** Recordings whose offscreen port has not said hello yet, by capture id. */
const waitingForPort = new Map<string, (port: Browser.runtime.Port) => void>();

/** A `recording-chunks` port from the offscreen document, handed over by the router once its sender is checked. */
export function serveRecordingChunksPort(port: Browser.runtime.Port): void {
  const onHello = (message: unknown) => {
    const hello = message as RecordingChunkMessage;
    if (hello.type !== 'hello') return;
    port.onMessage.removeListener(onHello);
    const take = waitingForPort.get(hello.captureId);
    if (!take) return port.disconnect();
    waitingForPort.delete(hello.captureId);
    take(port);
  };
  port.onMessage.addListener(onHello);
}

export async function startOffscreenRecorder(options: RecorderOptions): Promise<RecorderHandle> {
  const user = `recording-${options.captureId}`;
  const documents = offscreenDocuments();
  await documents.acquire(user);
  try {
    const size = await viewportSize(options.tabId);
    const { tabCapture } = (globalThis as unknown as { chrome: TabCaptureApi }).chrome;
    const streamId = await tabCapture.getMediaStreamId({ targetTabId: options.tabId });
    const portReady = new Promise<Browser.runtime.Port>((resolve) => waitingForPort.set(options.captureId, resolve));
    const started = await sendMessage('recording-start', {
      captureId: options.captureId,
      streamId,
      width: size.width,
      height: size.height,
      stampLines: options.stampLines,
    });
    return follow(await portReady, started, options, () => documents.release(user));
  } catch (error) {
    waitingForPort.delete(options.captureId);
    await documents.release(user);
    throw error;
  }
}

/**
 * The tab's viewport in device pixels, which Chrome's frames must have to be neither scaled nor letterboxed (the
 * tab's own width and height can differ from its viewport: measured here, 1278x712 for a 1280x800 viewport).
 */
async function viewportSize(tabId: number): Promise<{ width: number; height: number }> {
  try {
    const [result] = await browser.scripting.executeScript({
      target: { tabId, frameIds: [0] },
      func: () => ({ width: Math.round(innerWidth * devicePixelRatio), height: Math.round(innerHeight * devicePixelRatio) }),
    });
    const measured = result?.result as { width: number; height: number } | undefined;
    if (measured && measured.width > 0 && measured.height > 0) return measured;
  } catch {
    // A page no script may run in: the tab's own size will do.
  }
  const tab = await browser.tabs.get(tabId);
  return { width: tab.width ?? 1280, height: tab.height ?? 800 };
}

function follow(
  port: Browser.runtime.Port,
  started: { mimeType: string; audio: boolean; frameRate: number | null },
  options: RecorderOptions,
  release: () => Promise<void>,
): RecorderHandle {
  let resolveStopped: (result: RecorderResult) => void = () => {};
  let rejectStopped: (error: Error) => void = () => {};
  const stopped = new Promise<RecorderResult>((resolve, reject) => {
    resolveStopped = resolve;
    rejectStopped = reject;
  });
  let done = false;
  port.onMessage.addListener((message: unknown) => {
    const event = message as RecordingChunkMessage;
    if (event.type === 'chunk') options.onChunk(fromBase64(event.data));
    else if (event.type === 'ended') options.onEnded(event.reason, event.detail);
    else if (event.type === 'stopped') {
      done = true;
      const poster = new Blob([fromBase64(event.poster)], { type: 'image/png' });
      resolveStopped({ durationMs: event.durationMs, poster, width: event.width, height: event.height });
    }
  });
  port.onDisconnect.addListener(() => {
    if (done) return;
    // The offscreen document went away (closed, crashed): the recording cannot be finished.
    rejectStopped(new Error('The offscreen document stopped during the recording'));
    options.onEnded('failed', 'The offscreen document stopped during the recording');
  });
  let stopping: Promise<RecorderResult> | null = null;
  return {
    mimeType: started.mimeType,
    method: 'tab-capture',
    audio: started.audio,
    frameRate: started.frameRate,
    stop: () =>
      (stopping ??= (async () => {
        try {
          await sendMessage('recording-stop', { captureId: options.captureId });
          return await stopped;
        } finally {
          await release();
        }
      })()),
  };
}
