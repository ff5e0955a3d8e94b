/**
 * Offscreen side (Chrome): serves the background's tab-stream messages. Each open stream has a key; its frames are
 * read by a FrameSource. A stream that ends by itself (tab closed, capture stopped by the browser) is reported to
 * the background, which then stops using it.
 */
import { onMessage, sendMessage } from '../../messaging';
import { encodePixels, FrameSource } from '../../capture/tab-stream/frames';
import { HeldFrames } from '../../capture/tab-stream/held-frames';
import type { TabStreamPixels } from '../../capture/tab-stream/types';
import { closeTabStream, openTabStream } from '../../capture/tab-stream/stream';

interface OpenStream {
  stream: MediaStream;
  frames: FrameSource;
  /** Frames taken, until the background asks for their pixels. */
  held: HeldFrames<TabStreamPixels>;
}

const streams = new Map<string, OpenStream>();
let nextKey = 1;

export function serveTabStreams(): void {
  onMessage('tab-stream-open', async ({ streamId, width, height }) => {
    const stream = await openTabStream({ streamId, width, height, maxFrameRate: 60 });
    const track = stream.getVideoTracks()[0];
    if (!track) {
      closeTabStream(stream);
      throw new Error('The tab stream has no picture');
    }
    const key = `tab-stream-${nextKey++}`;
    streams.set(key, { stream, frames: new FrameSource(track), held: new HeldFrames() });
    track.addEventListener('ended', () => {
      if (!streams.has(key)) return;
      closeStream(key);
      void sendMessage('tab-stream-ended', { key }).catch(() => undefined);
    });
    const settings = track.getSettings();
    return { key, width: settings.width ?? width, height: settings.height ?? height };
  });
  // A frame is answered as soon as it is taken; its pixels are encoded meanwhile and asked for next.
  onMessage('tab-stream-frame', async ({ key, after }) => {
    const open = openStream(key);
    const started = performance.now();
    const { frame, timing } = await open.frames.grab(after);
    const { displayWidth: width, displayHeight: height } = frame;
    // Encoded after this answer has gone (a task later): the background asks for the pixels next.
    const frameId = open.held.hold(new Promise((resolve) => setTimeout(resolve, 0)).then(() => encodePixels(frame)));
    return { frameId, width, height, timing, spent: { 'offscreen fresh frame': performance.now() - started } };
  });
  onMessage('tab-stream-pixels', ({ key, frameId }) => openStream(key).held.take(frameId));
  onMessage('tab-stream-close', ({ key }) => {
    closeStream(key);
    return true;
  });
}

function openStream(key: string): OpenStream {
  const open = streams.get(key);
  if (!open) throw new Error('No such tab stream (it ended)');
  return open;
}

function closeStream(key: string): void {
  const open = streams.get(key);
  if (!open) return;
  streams.delete(key);
  open.frames.close();
  open.held.clear();
  closeTabStream(open.stream);
}
