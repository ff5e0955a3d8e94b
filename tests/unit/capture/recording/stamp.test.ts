import { describe, expect, it } from 'vitest';
import { formatElapsed, linesAt, recordingStampLines } from '../../../../lib/capture/recording/stamp';

const page = { captureId: 'cap-1', url: 'https://www.youtube.com/watch?v=abc', title: 'Clip', startedAt: new Date('2026-11-30T17:00:00.000Z'), timeZone: 'Europe/Brussels' };

describe('recording band', () => {
  it.each([
    ['en', 'recording of the tab', 'Started (UTC)'],
    ['nl', 'opname van het tabblad', 'Gestart (UTC)'],
    ['fr', 'enregistrement de l’onglet', 'Début (UTC)'],
  ] as const)('%s: a heading with the running time, then the screenshot band lines', (lang, heading, started) => {
    const lines = recordingStampLines({ ...page, lang });
    expect(lines[0]!.value).toContain(heading);
    expect(lines.find((line) => line.label === started)?.value).toBe('2026-11-30T17:00:00.000Z');
    expect(lines.map((line) => line.value)).toEqual(expect.arrayContaining(['cap-1', page.url, 'Clip', '2026-11-30T18:00:00+01:00 (Europe/Brussels)']));
    expect(lines.some((line) => line.value.includes('YouTube'))).toBe(true);
    expect(linesAt(lines, 83_999)[0]!.value).toMatch(/· 0:01:23$/);
    expect(lines[0]!.value).toContain('{elapsed}'); // the template itself is left as it was
  });

  it('formats the running time in whole seconds', () => {
    expect(formatElapsed(0)).toBe('0:00:00');
    expect(formatElapsed(999)).toBe('0:00:00');
    expect(formatElapsed(61_000)).toBe('0:01:01');
    expect(formatElapsed(15 * 60_000)).toBe('0:15:00');
    expect(formatElapsed(3_600_000 + 5_000)).toBe('1:00:05');
    expect(formatElapsed(-5)).toBe('0:00:00');
  });
});
