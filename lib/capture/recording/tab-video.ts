/**
 * Chrome's recorder, in the offscreen document: the tab's stream (tabCapture, opened by lib/capture/tab-stream)
 * drawn frame by frame under the band into a canvas whose stream MediaRecorder records with the tab's sound.
 * tabCapture mutes the tab for the person; its sound is played back through an AudioContext so they still hear it.
 */
import { BandedCanvas } from './banded-canvas';
import { ChunkRecorder } from './chunk-recorder';
import type { RecorderHandle, RecorderOptions, RecorderResult } from './driver';

/** A still page sends no new frames: the band (its running time) is redrawn at least this often. */
const BAND_REDRAW_MS = 500;

interface VideoFrameLike {
  displayWidth: number;
  displayHeight: number;
  close(): void;
}
/** Chrome has MediaStreamTrackProcessor in windows too (not in TypeScript's DOM types). */
type TrackProcessor = new (init: { track: MediaStreamTrack }) => { readable: ReadableStream<VideoFrameLike> };

export async function startStreamRecorder(stream: MediaStream, options: Omit<RecorderOptions, 'tabId'>): Promise<RecorderHandle> {
  const [video] = stream.getVideoTracks();
  if (!video) throw new Error('The tab stream has no picture');
  const audioTracks = stream.getAudioTracks();
  const Processor = (globalThis as unknown as { MediaStreamTrackProcessor?: TrackProcessor }).MediaStreamTrackProcessor;
  if (!Processor) throw new Error('MediaStreamTrackProcessor is missing');
  const reader = new Processor({ track: video }).readable.getReader();
  const first = await reader.read();
  if (first.done) throw new Error('The tab stream ended before its first frame');
  // The size asked of Chrome (the tab's), not the first frame's: the first frames can come at a passing size.
  const settings = video.getSettings();
  const banded = new BandedCanvas(options.stampLines, settings.width ?? first.value.displayWidth, settings.height ?? first.value.displayHeight);
  const { track: canvasTrack, requestFrame } = banded.captureStream();
  let ended = false;
  const end = (reason: 'stream-ended' | 'failed', detail?: string) => {
    if (ended) return;
    ended = true;
    options.onEnded(reason, detail);
  };
  const recorder = new ChunkRecorder(new MediaStream([canvasTrack, ...audioTracks]), audioTracks.length > 0, options.onChunk, (detail) => end('failed', detail));
  const draw = (frame: VideoFrameLike) => {
    banded.drawFrame(frame as unknown as CanvasImageSource, frame.displayWidth, frame.displayHeight, recorder.durationMs);
    frame.close();
    requestFrame();
  };
  draw(first.value);

  // The person keeps hearing the tab while it is recorded.
  let audioContext: AudioContext | null = null;
  if (audioTracks.length > 0) {
    audioContext = new AudioContext();
    audioContext.createMediaStreamSource(new MediaStream(audioTracks)).connect(audioContext.destination);
  }

  let running = true;
  recorder.start();
  // A frame at once: the recorder counts time from its first frame, and the tab may send none for a while.
  banded.drawBand(0);
  requestFrame();
  const frames = (async () => {
    while (running) {
      const next = await reader.read().catch(() => ({ done: true as const, value: undefined }));
      if (next.done) break;
      if (running) draw(next.value);
      else next.value.close();
    }
  })();
  video.addEventListener('ended', () => end('stream-ended'), { once: true });
  const bandTimer = setInterval(() => {
    banded.drawBand(recorder.durationMs);
    requestFrame();
  }, BAND_REDRAW_MS);

  let result: Promise<RecorderResult> | null = null;
  return {
    mimeType: recorder.mimeType,
    method: 'tab-capture',
    audio: audioTracks.length > 0,
    frameRate: Math.round(video.getSettings().frameRate ?? 0) || null,
    stop: () =>
      (result ??= (async () => {
        running = false;
        clearInterval(bandTimer);
        banded.drawBand(recorder.durationMs);
        requestFrame();
        await recorder.stop();
        await reader.cancel().catch(() => undefined);
        await frames;
        const poster = await banded.poster();
        canvasTrack.stop();
        await audioContext?.close().catch(() => undefined);
        return { durationMs: recorder.durationMs, poster, width: banded.width, height: banded.height };
      })()),
  };
}
