/** Pixel checks on decoded PNGs (pngjs): agreement with a reference, and reading markers out of an image. */
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

export type Rgb = [number, number, number];

export function pixel(image: PNG, x: number, y: number): Rgb {
  const i = (y * image.width + x) * 4;
  return [image.data[i]!, image.data[i + 1]!, image.data[i + 2]!];
}

/** Rows [fromRow, fromRow + height) of `image` as a new image (e.g. the page pixels below the evidence band). */
export function cropRows(image: PNG, fromRow: number, height = image.height - fromRow): PNG {
  const out = new PNG({ width: image.width, height });
  image.data.copy(out.data, 0, fromRow * image.width * 4, (fromRow + height) * image.width * 4);
  return out;
}

/** Stack images vertically (the parts of one capture). */
export function stack(images: PNG[]): PNG {
  const width = images[0]!.width;
  const out = new PNG({ width, height: images.reduce((sum, image) => sum + image.height, 0) });
  let offset = 0;
  for (const image of images) {
    image.data.copy(out.data, offset);
    offset += image.data.length;
  }
  return out;
}

/** Share of pixels whose channels all differ by at most `tolerance`; images of different size compare on their overlap and count the rest as different. */
export function agreement(actual: PNG, reference: PNG, tolerance = 8): number {
  const width = Math.min(actual.width, reference.width);
  const height = Math.min(actual.height, reference.height);
  let same = 0;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const a = (y * actual.width + x) * 4;
      const b = (y * reference.width + x) * 4;
      if (
        Math.abs(actual.data[a]! - reference.data[b]!) <= tolerance &&
        Math.abs(actual.data[a + 1]! - reference.data[b + 1]!) <= tolerance &&
        Math.abs(actual.data[a + 2]! - reference.data[b + 2]!) <= tolerance
      ) {
        same += 1;
      }
    }
  }
  return same / (Math.max(actual.width, reference.width) * Math.max(actual.height, reference.height));
}

export function near(a: Rgb, b: Rgb, tolerance: number): boolean {
  return Math.abs(a[0] - b[0]) <= tolerance && Math.abs(a[1] - b[1]) <= tolerance && Math.abs(a[2] - b[2]) <= tolerance;
}

/** Rows of column `x` whose colour is near `color`. */
export function rowsWithColor(image: PNG, x: number, color: Rgb, tolerance = 10): number[] {
  const rows: number[] = [];
  for (let y = 0; y < image.height; y += 1) if (near(pixel(image, x, y), color, tolerance)) rows.push(y);
  return rows;
}

/** Whether an image has any detail at all (a blank part is one flat colour). */
export function distinctColors(image: PNG, limit = 16): number {
  const seen = new Set<number>();
  for (let i = 0; i < image.data.length && seen.size < limit; i += 4 * 97) {
    seen.add((image.data[i]! << 16) | (image.data[i + 1]! << 8) | image.data[i + 2]!);
  }
  return seen.size;
}

/**
 * Read the message markers of the Discord-like fixture down column `x`: each marker is a run of rows of one colour
 * whose channels are 40 + 20*d for the digits of the message index.
 */
export function readMarkers(image: PNG, x: number, minRun = 1): number[] {
  const found: number[] = [];
  let run = { index: -1, rows: 0, start: 0 };
  let last = { index: -1, end: -10 };
  // A marker counts where it holds for `minRun` rows. In a video frame (minRun > 1) a row or two can read as
  // something else, even inside a marker at a seam between screens (the colour of the rows around it bleeds in):
  // the same marker again within 2 rows is the same one.
  const close = (end: number) => {
    if (run.index < 0 || run.rows < minRun) return;
    if (!(minRun > 1 && run.index === last.index && run.start - last.end <= 3)) found.push(run.index);
    last = { index: run.index, end };
  };
  for (let y = 0; y < image.height; y += 1) {
    const index = decodeMarker(pixel(image, x, y)) ?? -1;
    if (index === run.index) run.rows += 1;
    else {
      close(y);
      run = { index, rows: 1, start: y };
    }
  }
  close(image.height);
  return found;
}

function decodeMarker(rgb: Rgb): number | null {
  const digits = rgb.map((channel) => (channel - 40) / 20);
  if (!digits.every((d) => d >= -0.15 && d <= 9.15 && Math.abs(d - Math.round(d)) < 0.15)) return null;
  const [ones, tens, hundreds] = digits.map(Math.round) as [number, number, number];
  return hundreds * 100 + tens * 10 + ones;
}

/**
 * Share of pixels pixelmatch finds alike at `threshold` (0.1: its perceptual colour distance, which forgives the tab
 * stream's video colour conversion but not another picture). Images of different size count as wholly different.
 */
export function perceptualAgreement(actual: PNG, reference: PNG, threshold = 0.1): number {
  if (actual.width !== reference.width || actual.height !== reference.height) return 0;
  const differing = pixelmatch(actual.data, reference.data, null, actual.width, actual.height, { threshold, includeAA: true });
  return 1 - differing / (actual.width * actual.height);
}

/**
 * The tab stream's video colour conversion, undone: an affine map of RGB fitted (least squares, every `step`-th
 * pixel) from `video` to `reference`, an exact render of the same page, then applied to every pixel of `video`.
 * Colour markers can then be read from the video image itself (readMarkers): a misplaced or stale screen would
 * still show other markers, since the map is one for the whole image. Rows equal to the reference byte for byte
 * were taken by the exact method (after a fallback): they are neither fitted nor changed.
 */
export function correctVideoColours(video: PNG, reference: PNG, step = 7): PNG {
  const normal = Array.from({ length: 4 }, () => new Array<number>(4).fill(0));
  const rhs = Array.from({ length: 3 }, () => new Array<number>(4).fill(0));
  const rowBytes = video.width * 4;
  const exactRow = (row: number) => row < reference.height && video.data.subarray(row * rowBytes, (row + 1) * rowBytes).equals(reference.data.subarray(row * rowBytes, (row + 1) * rowBytes));
  const exactRows = Array.from({ length: video.height }, (_, row) => exactRow(row));
  const pixels = Math.min(video.data.length, reference.data.length) / 4;
  for (let p = 0; p < pixels; p += step) {
    if (exactRows[Math.floor(p / video.width)]) continue;
    const x = [video.data[p * 4]!, video.data[p * 4 + 1]!, video.data[p * 4 + 2]!, 1];
    for (let i = 0; i < 4; i += 1) {
      for (let j = 0; j < 4; j += 1) normal[i]![j]! += x[i]! * x[j]!;
      for (let c = 0; c < 3; c += 1) rhs[c]![i]! += x[i]! * reference.data[p * 4 + c]!;
    }
  }
  const coefficients = rhs.map((column) => solve4(normal.map((row) => [...row]), [...column]));
  const out = new PNG({ width: video.width, height: video.height });
  for (let p = 0; p < video.data.length; p += 4) {
    if (exactRows[Math.floor(p / rowBytes)]) {
      video.data.copy(out.data, p, p, p + 4);
      continue;
    }
    const x = [video.data[p]!, video.data[p + 1]!, video.data[p + 2]!, 1];
    for (let c = 0; c < 3; c += 1) out.data[p + c] = Math.max(0, Math.min(255, Math.round(x.reduce((sum, v, i) => sum + v * coefficients[c]![i]!, 0))));
    out.data[p + 3] = 255;
  }
  return out;
}

/** Gaussian elimination with partial pivoting for a 4x4 system. */
function solve4(a: number[][], b: number[]): number[] {
  for (let col = 0; col < 4; col += 1) {
    let pivot = col;
    for (let row = col + 1; row < 4; row += 1) if (Math.abs(a[row]![col]!) > Math.abs(a[pivot]![col]!)) pivot = row;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    [b[col], b[pivot]] = [b[pivot]!, b[col]!];
    for (let row = col + 1; row < 4; row += 1) {
      const factor = a[row]![col]! / a[col]![col]!;
      for (let k = col; k < 4; k += 1) a[row]![k]! -= factor * a[col]![k]!;
      b[row]! -= factor * b[col]!;
    }
  }
  const x = new Array<number>(4).fill(0);
  for (let row = 3; row >= 0; row -= 1) {
    let sum = b[row]!;
    for (let k = row + 1; k < 4; k += 1) sum -= a[row]![k]! * x[k]!;
    x[row] = sum / a[row]![row]!;
  }
  return x;
}
