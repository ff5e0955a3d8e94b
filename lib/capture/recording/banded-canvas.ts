/**
 * The picture that is recorded: the evidence band on top (lib/capture/stamp.ts's layout and drawing, with the
 * running time) and the tab's frame below it, never under the band. Every frame drawn here redraws the band, so the
 * running time is burned into every frame of the video. Runs where there is a DOM: Chrome's offscreen document,
 * Firefox's background page.
 */
import { BAND_FONT, drawBand, layoutBand, type BandLayout, type StampLine } from '../stamp';
import { ELAPSED_PLACEHOLDER, formatElapsed } from './stamp';

/** The band's scale for a frame `widthPx` wide: its text is sized as on a 1280-px wide screenshot. */
export function bandScale(widthPx: number): number {
  return Math.max(1, widthPx / 1280);
}

/** Video encoders want even sizes. */
const even = (px: number) => Math.max(2, Math.ceil(px / 2) * 2);

export class BandedCanvas {
  readonly canvas: HTMLCanvasElement;
  readonly width: number;
  readonly height: number;
  readonly bandHeight: number;
  readonly #context: CanvasRenderingContext2D;
  readonly #layout: BandLayout;

  /** `frameWidth` x `frameHeight`: the size of the tab's frames at the start (later ones are fitted into it). */
  constructor(lines: StampLine[], frameWidth: number, frameHeight: number, doc: Document = document) {
    this.canvas = doc.createElement('canvas');
    this.#context = this.canvas.getContext('2d', { alpha: false })!;
    const measure = (text: string, fontPx: number, bold: boolean) => {
      this.#context.font = `${bold ? '600 ' : ''}${fontPx}px ${BAND_FONT}`;
      return this.#context.measureText(text.replace(ELAPSED_PLACEHOLDER, '00:00:00')).width;
    };
    this.width = even(frameWidth);
    this.#layout = layoutBand(lines, this.width, bandScale(this.width), measure);
    this.bandHeight = even(this.#layout.heightPx);
    this.height = this.bandHeight + even(frameHeight);
    this.canvas.width = this.width;
    this.canvas.height = this.height;
    this.#context.fillStyle = '#000';
    this.#context.fillRect(0, 0, this.width, this.height);
  }

  /** Draws a frame of the tab below the band (scaled to fit, centred, when the tab changed size), then the band. */
  drawFrame(frame: CanvasImageSource, frameWidth: number, frameHeight: number, elapsedMs: number): void {
    const area = { width: this.width, height: this.height - this.bandHeight };
    const scale = Math.min(area.width / frameWidth, area.height / frameHeight);
    const width = Math.round(frameWidth * scale);
    const height = Math.round(frameHeight * scale);
    if (width !== area.width || height !== area.height) {
      this.#context.fillStyle = '#000';
      this.#context.fillRect(0, this.bandHeight, area.width, area.height);
    }
    this.#context.drawImage(frame, Math.floor((area.width - width) / 2), this.bandHeight + Math.floor((area.height - height) / 2), width, height);
    this.drawBand(elapsedMs);
  }

  /** The band alone (the page part stays as last drawn): keeps the running time moving on a still page. */
  drawBand(elapsedMs: number): void {
    const elapsed = formatElapsed(elapsedMs);
    const rows = this.#layout.rows.map((row) => ({ ...row, text: row.text.replace(ELAPSED_PLACEHOLDER, elapsed) }));
    this.#context.fillStyle = '#fff8e1';
    this.#context.fillRect(0, 0, this.width, this.bandHeight);
    drawBand(this.#context, { ...this.#layout, rows }, this.width);
  }

  /**
   * The canvas as a video track that gets a frame exactly when `requestFrame` is called (after each draw), so the
   * video's frame times are the draws' times. Chrome asks the track for a frame, Firefox the stream.
   */
  captureStream(): { track: MediaStreamTrack; requestFrame(): void } {
    const stream = this.canvas.captureStream(0) as MediaStream & { requestFrame?: () => void };
    const track = stream.getVideoTracks()[0] as MediaStreamTrack & { requestFrame?: () => void };
    return { track, requestFrame: () => (track.requestFrame ? track.requestFrame() : stream.requestFrame?.()) };
  }

  /** The current picture, band included, as a PNG (the recording's poster frame). */
  poster(): Promise<Blob> {
    return new Promise((resolve, reject) => this.canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('poster: no image'))), 'image/png'));
  }
}
