/**
 * Assembles captured tiles into one or more PNG parts, each with the evidence band on top. A part's canvas is
 * encoded and released as soon as every one of its rows has been drawn, so memory holds at most the parts
 * still being filled (two at a tile boundary), never the whole page.
 */
import { drawBand, layoutBand, BAND_FONT, type BandLayout, type StampLine } from './stamp';
import { planDraws, planParts, type Part, type Tile } from './plan';

export interface StitchedPart {
  index: number;
  blob: Blob;
  width: number;
  height: number;
  bandHeight: number;
}

export interface StitcherOptions {
  /** Output width in CSS px (the scrolled element's visible width) and total height of the range. */
  widthCss: number;
  heightCss: number;
  /** Text of the band; `{part}` and `{parts}` in a value are replaced per part. */
  stampLines: StampLine[];
  /** Width of the thumbnail made from the top of the first part. */
  thumbnailWidth: number;
}

const measureCanvas = () => new OffscreenCanvas(1, 1).getContext('2d')!;

export class Stitcher {
  #scale = 0;
  #parts: Part[] = [];
  #band: BandLayout | null = null;
  #canvases = new Map<number, { canvas: OffscreenCanvas; rowsDone: number }>();
  #finished: StitchedPart[] = [];
  #pendingEncodes: Promise<void>[] = [];
  #thumbnail: Promise<Blob> | null = null;

  constructor(private readonly options: StitcherOptions) {}

  get scale(): number {
    return this.#scale;
  }

  get partCount(): number {
    return this.#parts.length;
  }

  get bandHeight(): number {
    return this.#band?.heightPx ?? 0;
  }

  /** Draw one tile. `source` is where the kept rows start in `image`, in CSS px; `scale` image px per CSS px. */
  add(tile: Tile, image: ImageBitmap, source: { left: number; top: number; width: number }, scale: number): void {
    if (this.#scale === 0) this.#start(scale);
    for (const step of planDraws(tile, source, this.#scale, this.#parts, this.bandHeight)) {
      const part = this.#canvasFor(step.part);
      const context = part.canvas.getContext('2d')!;
      const { x, y, width, height } = step.source;
      context.drawImage(image, x, y, width, height, 0, step.destY, width, height);
      part.rowsDone += height;
      if (part.rowsDone >= this.#parts[step.part]!.pageHeightPx) this.#finish(step.part);
    }
  }

  /** Encode what remains (rows never covered stay white) and return the parts in order. */
  async done(): Promise<{ parts: StitchedPart[]; thumbnail: Blob | null }> {
    for (const index of [...this.#canvases.keys()]) this.#finish(index);
    await Promise.all(this.#pendingEncodes);
    const thumbnail = this.#thumbnail ? await this.#thumbnail : null;
    return { parts: [...this.#finished].sort((a, b) => a.index - b.index), thumbnail };
  }

  #start(scale: number): void {
    this.#scale = scale;
    const widthPx = Math.round(this.options.widthCss * scale);
    const heightPx = Math.round(this.options.heightCss * scale);
    const context = measureCanvas();
    const measure = (text: string, fontPx: number, bold: boolean) => {
      context.font = `${bold ? '600 ' : ''}${fontPx}px ${BAND_FONT}`;
      return context.measureText(text).width;
    };
    // Lay out with the widest part label so every part gets the same band height.
    const probe = this.options.stampLines.map((line) => ({ ...line, value: line.value.replace('{part}', '999').replace('{parts}', '999') }));
    const bandHeight = layoutBand(probe, widthPx, scale, measure).heightPx;
    this.#parts = planParts(widthPx, heightPx, bandHeight);
    this.#band = { ...layoutBand(probe, widthPx, scale, measure), heightPx: bandHeight };
    this.#measure = measure;
  }

  #measure: ((text: string, fontPx: number, bold: boolean) => number) | null = null;

  #canvasFor(index: number): { canvas: OffscreenCanvas; rowsDone: number } {
    let entry = this.#canvases.get(index);
    if (!entry) {
      const part = this.#parts[index]!;
      const width = Math.round(this.options.widthCss * this.#scale);
      const canvas = new OffscreenCanvas(width, this.bandHeight + part.pageHeightPx);
      const context = canvas.getContext('2d')!;
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      const lines = this.options.stampLines.map((line) => ({
        ...line,
        value: line.value.replace('{part}', String(index + 1)).replace('{parts}', String(this.#parts.length)),
      }));
      const layout = layoutBand(lines, width, this.#scale, this.#measure!);
      drawBand(context, { ...layout, heightPx: this.bandHeight }, width);
      entry = { canvas, rowsDone: 0 };
      this.#canvases.set(index, entry);
    }
    return entry;
  }

  #finish(index: number): void {
    const entry = this.#canvases.get(index);
    if (!entry) return;
    this.#canvases.delete(index);
    const { canvas } = entry;
    if (index === 0) this.#thumbnail = this.#makeThumbnail(canvas);
    this.#pendingEncodes.push(
      canvas.convertToBlob({ type: 'image/png' }).then((blob) => {
        this.#finished.push({ index, blob, width: canvas.width, height: canvas.height, bandHeight: this.bandHeight });
        // Release the pixels now rather than when the whole capture ends.
        canvas.width = 1;
        canvas.height = 1;
      }),
    );
  }

  /** A small image of the top of the page (band excluded), shown blurred in the interface. */
  #makeThumbnail(canvas: OffscreenCanvas): Promise<Blob> {
    const width = Math.min(this.options.thumbnailWidth, canvas.width);
    const sourceHeight = Math.min(canvas.height - this.bandHeight, Math.round(canvas.width * 0.75));
    const height = Math.max(1, Math.round((sourceHeight * width) / canvas.width));
    const thumb = new OffscreenCanvas(width, height);
    thumb.getContext('2d')!.drawImage(canvas, 0, this.bandHeight, canvas.width, sourceHeight, 0, 0, width, height);
    return thumb.convertToBlob({ type: 'image/png' });
  }
}
