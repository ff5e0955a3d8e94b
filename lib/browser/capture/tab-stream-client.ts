/**
 * Background side (Chrome): a stream of one tab, opened in the offscreen document, and frames grabbed from it.
 * The background asks Chrome for the tab's stream id (tabCapture); only the offscreen document can open it.
 */
import { offscreenDocuments } from '../offscreen';
import { sendMessage } from '../../messaging';
import type { TabStreamFrame, TabStreamPixels } from '../../capture/tab-stream/types';

export interface TabStreamLink {
  readonly key: string;
  /** Size of the frames Chrome delivers (device px). */
  readonly width: number;
  readonly height: number;
  /** A frame captured after `after` (epoch ms), held in the offscreen document; rejects when none comes in time or the stream ended. */
  grab(after: number): Promise<TabStreamFrame>;
  /** The pixels of a frame `grab` took, as a PNG data: URL. */
  pixels(frameId: string): Promise<TabStreamPixels>;
  /** True once the stream has ended by itself (tab closed, browser stopped it) or was closed. */
  readonly ended: boolean;
  close(): Promise<void>;
}

interface TabCaptureApi {
  tabCapture: { getMediaStreamId(options: { targetTabId: number }): Promise<string> };
}

const endedListeners = new Map<string, () => void>();
let nextUser = 1;

/** The offscreen document says a stream ended by itself (router: 'tab-stream-ended'). */
export function tabStreamEnded(key: string): void {
  endedListeners.get(key)?.();
}

/**
 * Opens a stream of `tabId` with frames of `size` device px. Needs the tab to be capturable (activeTab). The
 * offscreen document is made while the size is still being measured.
 */
export async function openTabStream(tabId: number, size: { width: number; height: number } | Promise<{ width: number; height: number }>): Promise<TabStreamLink> {
  const user = `tab-stream-${nextUser++}`;
  const documents = offscreenDocuments();
  await documents.acquire(user);
  let key: string | null = null;
  try {
    const { width, height } = await size;
    const { tabCapture } = (globalThis as unknown as { chrome: TabCaptureApi }).chrome;
    const streamId = await tabCapture.getMediaStreamId({ targetTabId: tabId });
    const opened = await sendMessage('tab-stream-open', { streamId, width, height });
    key = opened.key;
    return linkTo(opened, () => documents.release(user));
  } catch (error) {
    if (key) await sendMessage('tab-stream-close', { key }).catch(() => undefined);
    await documents.release(user);
    throw error;
  }
}

function linkTo(opened: { key: string; width: number; height: number }, release: () => Promise<void>): TabStreamLink {
  const { key } = opened;
  let ended = false;
  const finish = async () => {
    if (ended) return;
    ended = true;
    endedListeners.delete(key);
    await release();
  };
  endedListeners.set(key, () => void finish());
  return {
    key,
    width: opened.width,
    height: opened.height,
    get ended() {
      return ended;
    },
    async grab(after) {
      if (ended) throw new Error('The tab stream ended');
      return sendMessage('tab-stream-frame', { key, after });
    },
    async pixels(frameId) {
      if (ended) throw new Error('The tab stream ended');
      return sendMessage('tab-stream-pixels', { key, frameId });
    },
    async close() {
      if (ended) return;
      await sendMessage('tab-stream-close', { key }).catch(() => undefined);
      await finish();
    },
  };
}
