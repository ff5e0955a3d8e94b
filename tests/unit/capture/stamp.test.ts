import { describe, expect, it } from 'vitest';
import { localIsoTime } from '../../../lib/evidence/time';
import { layoutBand, wrapText } from '../../../lib/capture/stamp';

const monospace = (text: string) => text.length * 10;

describe('wrapText', () => {
  it('breaks long URLs without spaces, preferring separators', () => {
    const rows = wrapText('https://discord.com/channels/81384788765712384/81384788765712385/175928847299117063', 300, monospace);
    for (const row of rows) expect(monospace(row)).toBeLessThanOrEqual(300);
    expect(rows.join('')).toBe('https://discord.com/channels/81384788765712384/81384788765712385/175928847299117063');
    expect(rows[0]!.endsWith('/')).toBe(true);
  });

  it('keeps short text on one row, and empty text as one empty row', () => {
    expect(wrapText('Title: a post', 300, monospace)).toEqual(['Title: a post']);
    expect(wrapText('', 300, monospace)).toEqual(['']);
  });
});

describe('layoutBand', () => {
  it('grows with the text and the scale, and records its height', () => {
    const lines = [
      { label: '', value: 'Capture & Report · full page · part 1/1' },
      { label: 'URL', value: 'https://example.org/'.padEnd(400, 'x') },
    ];
    const measure = (text: string, fontPx: number) => text.length * fontPx * 0.6;
    const at1 = layoutBand(lines, 1280, 1, measure);
    const at2 = layoutBand(lines, 2560, 2, measure);
    expect(at1.rows.length).toBeGreaterThan(2);
    expect(at1.heightPx).toBe(at1.rows.length * at1.lineHeightPx + 2 * at1.paddingPx);
    expect(at2.heightPx).toBeGreaterThan(at1.heightPx * 1.8);
    for (const row of at1.rows) expect(measure(row.text, at1.fontPx)).toBeLessThanOrEqual(1280 - 2 * at1.paddingPx);
  });
});

describe('localIsoTime', () => {
  it('gives the wall-clock time with the zone offset', () => {
    const winter = new Date('2026-11-28T15:02:11.500Z');
    const summer = new Date('2026-07-01T10:00:00Z');
    expect(localIsoTime(winter, 'Europe/Brussels')).toBe('2026-11-28T16:02:11+01:00');
    expect(localIsoTime(summer, 'Europe/Brussels')).toBe('2026-07-01T12:00:00+02:00');
    expect(localIsoTime(winter, 'UTC')).toBe('2026-11-28T15:02:11+00:00');
    expect(localIsoTime(winter, 'America/St_Johns')).toBe('2026-11-28T11:32:11-03:30');
  });
});
