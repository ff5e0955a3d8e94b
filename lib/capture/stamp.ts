/**
 * The evidence band: a block of text stamped ABOVE the page pixels (never over them) saying where and when the
 * capture was made. Layout is pure (text measured through a callback) so it can be tested without a canvas;
 * drawing takes any 2D context.
 */
import { localIsoTime } from '../evidence/time';
import type { CaptureMode } from '../evidence/types';
import { translateCore, type Lang } from '../i18n/core';
import { describePage } from '../page-label';
import { parsePlatformUrl } from '../platforms/registry';

export interface StampLine {
  label: string;
  value: string;
}

export interface BandLayout {
  /** Band height in image pixels. */
  heightPx: number;
  fontPx: number;
  lineHeightPx: number;
  paddingPx: number;
  /** Text rows to draw, each already fitting the width. */
  rows: Array<{ text: string; bold: boolean }>;
}

/** Break `text` into rows no wider than `maxWidth`, splitting anywhere in a long token (URLs have no spaces). */
export function wrapText(text: string, maxWidth: number, measure: (text: string) => number): string[] {
  const rows: string[] = [];
  let row = '';
  for (const char of Array.from(text)) {
    const candidate = row + char;
    if (row && measure(candidate) > maxWidth) {
      // Prefer breaking after a separator when the row has one near its end.
      const breakAt = Math.max(row.lastIndexOf(' '), row.lastIndexOf('/'), row.lastIndexOf('&'), row.lastIndexOf('?'));
      if (breakAt > row.length * 0.6) {
        rows.push(row.slice(0, breakAt + 1).trimEnd());
        row = row.slice(breakAt + 1) + char;
      } else {
        rows.push(row);
        row = char;
      }
    } else {
      row = candidate;
    }
  }
  if (row || rows.length === 0) rows.push(row);
  return rows;
}

export function layoutBand(
  lines: StampLine[],
  widthPx: number,
  scale: number,
  measure: (text: string, fontPx: number, bold: boolean) => number,
): BandLayout {
  const fontPx = Math.max(10, Math.round(13 * scale));
  const lineHeightPx = Math.round(fontPx * 1.35);
  const paddingPx = Math.round(8 * scale);
  const maxWidth = Math.max(fontPx * 4, widthPx - 2 * paddingPx);
  const rows: BandLayout['rows'] = [];
  for (const line of lines) {
    const text = line.label ? `${line.label}: ${line.value}` : line.value;
    const bold = !line.label;
    for (const row of wrapText(text, maxWidth, (candidate) => measure(candidate, fontPx, bold))) {
      rows.push({ text: row, bold });
    }
  }
  return { heightPx: rows.length * lineHeightPx + 2 * paddingPx, fontPx, lineHeightPx, paddingPx, rows };
}

type Context2D = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;

export const BAND_FONT = 'system-ui, "DejaVu Sans", Arial, sans-serif';

export function drawBand(context: Context2D, layout: BandLayout, widthPx: number): void {
  context.save();
  context.fillStyle = '#fff8e1';
  context.fillRect(0, 0, widthPx, layout.heightPx);
  context.fillStyle = '#6b4e00';
  context.fillRect(0, layout.heightPx - Math.max(1, Math.round(layout.fontPx / 10)), widthPx, Math.max(1, Math.round(layout.fontPx / 10)));
  context.fillStyle = '#1b1f24';
  context.textBaseline = 'top';
  layout.rows.forEach((row, index) => {
    context.font = `${row.bold ? '600 ' : ''}${layout.fontPx}px ${BAND_FONT}`;
    context.fillText(row.text, layout.paddingPx, layout.paddingPx + index * layout.lineHeightPx);
  });
  context.restore();
}

/**
 * The band's text: what was captured, its capture ID (the one in the record and the bundle, so a printed image can
 * be matched to its file), where and when. `{part}` and `{parts}` are filled in per image part.
 */
export function stampLines(page: {
  lang: Lang;
  mode: CaptureMode;
  captureId: string;
  url: string;
  title: string;
  capturedAt: Date;
  timeZone: string;
}): StampLine[] {
  const t = (key: Parameters<typeof translateCore>[1]) => translateCore(page.lang, key);
  const parsed = parsePlatformUrl(page.url);
  return [
    { label: '', value: `${t('app.name')} · ${t(page.mode === 'full' ? 'stamp.fullPage' : 'stamp.visibleArea')} · ${t('stamp.part')} {part}/{parts}` },
    { label: t('stamp.captureId'), value: page.captureId },
    { label: t('stamp.url'), value: page.url },
    { label: t('stamp.title'), value: page.title || '-' },
    { label: t('stamp.platform'), value: parsed ? describePage(parsed, page.lang) : t('stamp.noPlatform') },
    { label: t('stamp.utc'), value: page.capturedAt.toISOString() },
    { label: t('stamp.local'), value: `${localIsoTime(page.capturedAt, page.timeZone)} (${page.timeZone})` },
  ];
}

/** Sortable, unique, and says nothing about the device: time plus randomness. */
export function newCaptureId(at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('.', '').replace('T', '-').replace('Z', '');
  const random = Array.from(crypto.getRandomValues(new Uint8Array(4)), (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `cap-${stamp}-${random}`;
}
