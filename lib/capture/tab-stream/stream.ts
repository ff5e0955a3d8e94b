/**
 * Offscreen side (Chrome): opens the media stream of one tab from the stream id the background got from
 * `tabCapture.getMediaStreamId`. Shared by the frame grabs (frames.ts) and the recorder (lib/capture/recording/),
 * which take what they need from the one stream.
 */

export interface TabStreamRequest {
  /** From chrome.tabCapture.getMediaStreamId({ targetTabId }) in the background; usable once. */
  streamId: string;
  /** Frame size in device pixels: the tab's viewport x its pixel ratio (Chrome scales the tab to fit otherwise). */
  width: number;
  height: number;
  /** The tab's sound too (the recorder); frame grabs need none. */
  audio?: boolean;
  /** Chrome's frame-rate cap for the stream; frame grabs ask for 60 (a frame following another within a 30 fps
   *  period is then not dropped), the recorder keeps Chrome's default. */
  maxFrameRate?: number;
}

/** Chrome's non-standard getUserMedia constraints for a tab stream. */
function tabConstraints(request: TabStreamRequest): MediaStreamConstraints {
  const source = { chromeMediaSource: 'tab', chromeMediaSourceId: request.streamId };
  const video = {
    mandatory: {
      ...source,
      minWidth: request.width,
      maxWidth: request.width,
      minHeight: request.height,
      maxHeight: request.height,
      ...(request.maxFrameRate ? { maxFrameRate: request.maxFrameRate } : {}),
    },
  };
  return { video, audio: request.audio ? { mandatory: source } : false } as unknown as MediaStreamConstraints;
}

export async function openTabStream(request: TabStreamRequest): Promise<MediaStream> {
  return navigator.mediaDevices.getUserMedia(tabConstraints(request));
}

/** Stops every track: the tab's capture indicator goes away and Chrome frees the capturer. */
export function closeTabStream(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}
