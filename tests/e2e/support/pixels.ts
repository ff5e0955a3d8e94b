/** Pixel checks on decoded PNGs (pngjs): agreement with a reference, and reading markers out of an image. */
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
export function readMarkers(image: PNG, x: number): number[] {
  const found: number[] = [];
  let previous = -1;
  for (let y = 0; y < image.height; y += 1) {
    const index = decodeMarker(pixel(image, x, y));
    if (index !== null && index !== previous) found.push(index);
    previous = index ?? -1;
  }
  return found;
}

function decodeMarker(rgb: Rgb): number | null {
  const digits = rgb.map((channel) => (channel - 40) / 20);
  if (!digits.every((d) => d >= -0.15 && d <= 9.15 && Math.abs(d - Math.round(d)) < 0.15)) return null;
  const [ones, tens, hundreds] = digits.map(Math.round) as [number, number, number];
  return hundreds * 100 + tens * 10 + ones;
}
