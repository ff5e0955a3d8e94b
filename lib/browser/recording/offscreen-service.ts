/**
 * Offscreen side (Chrome): records a tab's stream (lib/capture/tab-stream/stream.ts opens it, sound included) with
 * the band (tab-video.ts), and sends the background its chunks, in order, over one `recording-chunks` port per
 * recording; then what the recorder gives at the end (duration, poster frame). Runtime ports carry JSON only in
 * Chrome (a Uint8Array arrives as an object of numbered keys, measured: docs/recording.md), so chunks travel as base64.
 */
import type { Browser } from 'wxt/browser';
import { toBase64 } from '../../crypto/bytes';
import { connectPort, onMessage } from '../../messaging';
import type { RecordingChunkMessage } from '../../messaging/protocol';
import { closeTabStream, openTabStream } from '../../capture/tab-stream/stream';
import type { RecorderHandle } from '../../capture/recording/driver';
import { startStreamRecorder } from '../../capture/recording/tab-video';

const recordings = new Map<string, { handle: RecorderHandle; stream: MediaStream; port: Browser.runtime.Port }>();

export function serveRecordings(): void {
  onMessage('recording-start', async ({ captureId, streamId, width, height, stampLines }) => {
    const stream = await openTabStream({ streamId, width, height, audio: true });
    const port = connectPort('recording-chunks');
    const send = (message: RecordingChunkMessage) => port.postMessage(message);
    send({ type: 'hello', captureId });
    try {
      const handle = await startStreamRecorder(stream, {
        captureId,
        stampLines,
        onChunk: (chunk) => send({ type: 'chunk', data: toBase64(chunk) }),
        onEnded: (reason, detail) => send({ type: 'ended', reason, ...(detail ? { detail } : {}) }),
      });
      recordings.set(captureId, { handle, stream, port });
      return { mimeType: handle.mimeType, audio: handle.audio, frameRate: handle.frameRate };
    } catch (error) {
      closeTabStream(stream);
      port.disconnect();
      throw error;
    }
  });
  onMessage('recording-stop', async ({ captureId }) => {
    const recording = recordings.get(captureId);
    if (!recording) return true as const;
    recordings.delete(captureId);
    const { durationMs, poster, width, height } = await recording.handle.stop();
    closeTabStream(recording.stream);
    const posterData = toBase64(new Uint8Array(await poster.arrayBuffer()));
    recording.port.postMessage({ type: 'stopped', durationMs, poster: posterData, width, height } satisfies RecordingChunkMessage);
    recording.port.disconnect();
    return true as const;
  });
}
