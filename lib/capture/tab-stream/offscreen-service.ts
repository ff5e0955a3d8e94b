/**
 * Offscreen side (Chrome): serves the background's tab-stream messages. Each open stream has a key; its frames are
 * read by a FrameSource. A stream that ends by itself (tab closed, capture stopped by the browser) is reported to
 * the background, which then stops using it.
 */
import { onMessage, sendMessage } from '../../messaging';
import { FrameSource } from './frames';
import { closeTabStream, openTabStream } from './stream';

interface OpenStream {
  stream: MediaStream;
  frames: FrameSource;
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
    streams.set(key, { stream, frames: new FrameSource(track) });
    track.addEventListener('ended', () => {
      if (!streams.has(key)) return;
      closeStream(key);
      void sendMessage('tab-stream-ended', { key }).catch(() => undefined);
    });
    const settings = track.getSettings();
    return { key, width: settings.width ?? width, height: settings.height ?? height };
  });
  onMessage('tab-stream-frame', ({ key, after }) => {
    const open = streams.get(key);
    if (!open) throw new Error('No such tab stream (it ended)');
    return open.frames.grab(after);
  });
  onMessage('tab-stream-close', ({ key }) => {
    closeStream(key);
    return true;
  });
}

function closeStream(key: string): void {
  const open = streams.get(key);
  if (!open) return;
  streams.delete(key);
  open.frames.close();
  closeTabStream(open.stream);
}
