import { describe, expect, it } from 'vitest';
import { DEFAULT_NEUTRAL_URL, ShiftTripleDetector, safeNeutralUrl } from '../../lib/quick-exit';

describe('ShiftTripleDetector', () => {
  it('fires on three quick Shift presses', () => {
    const detector = new ShiftTripleDetector();
    expect(detector.keydown('Shift', false, 0)).toBe(false);
    expect(detector.keydown('Shift', false, 300)).toBe(false);
    expect(detector.keydown('Shift', false, 600)).toBe(true);
    // and starts over
    expect(detector.keydown('Shift', false, 700)).toBe(false);
  });

  it('ignores held Shift (auto-repeat), slow presses, and Shift used for typing capitals', () => {
    const detector = new ShiftTripleDetector();
    detector.keydown('Shift', false, 0);
    expect(detector.keydown('Shift', true, 50)).toBe(false);
    expect(detector.keydown('Shift', true, 100)).toBe(false);
    expect(detector.keydown('Shift', false, 2000)).toBe(false); // too slow: counts as a first press
    detector.keydown('Shift', false, 2100);
    detector.keydown('A', false, 2150); // typing a capital letter
    expect(detector.keydown('Shift', false, 2200)).toBe(false);
  });
});

describe('safeNeutralUrl', () => {
  it('accepts web addresses only', () => {
    expect(safeNeutralUrl('https://example.org/weather')).toBe('https://example.org/weather');
    expect(safeNeutralUrl('javascript:alert(1)')).toBe(DEFAULT_NEUTRAL_URL);
    expect(safeNeutralUrl('data:text/html,hi')).toBe(DEFAULT_NEUTRAL_URL);
    expect(safeNeutralUrl(undefined)).toBe(DEFAULT_NEUTRAL_URL);
    expect(safeNeutralUrl('not a url')).toBe(DEFAULT_NEUTRAL_URL);
  });
});
