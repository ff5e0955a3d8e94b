/**
 * The maximum recording length as typed in the manager (lib/settings.ts parseMaxRecordingSeconds): whole seconds
 * from 1 to 900 accepted, anything else refused with its message in every language; stored values bounded.
 */
import { describe, expect, it } from 'vitest';
import { LANGUAGES, translate } from '../../lib/i18n';
import { DEFAULT_SETTINGS, MAX_RECORDING_SECONDS_LIMIT, MIN_RECORDING_SECONDS, normalizeSettings, parseMaxRecordingSeconds } from '../../lib/settings';

describe('maximum recording length', () => {
  it('accepts whole seconds from 1 to 900, spaces around allowed', () => {
    expect(parseMaxRecordingSeconds('1')).toEqual({ seconds: 1 });
    expect(parseMaxRecordingSeconds(' 120 ')).toEqual({ seconds: 120 });
    expect(parseMaxRecordingSeconds('900')).toEqual({ seconds: 900 });
    expect(parseMaxRecordingSeconds('0090')).toEqual({ seconds: 90 });
  });

  it('refuses what is not a whole number, and what is out of range', () => {
    for (const typed of ['', '  ', 'two', '1.5', '-3', '1e3', '12s']) expect(parseMaxRecordingSeconds(typed), typed).toEqual({ error: 'not-whole' });
    for (const typed of ['0', '901', '3600', '99999999999999999999']) expect(parseMaxRecordingSeconds(typed), typed).toEqual({ error: 'out-of-range' });
  });

  it('says what is allowed in every language, with the bounds filled in', () => {
    const bounds = { min: MIN_RECORDING_SECONDS, max: MAX_RECORDING_SECONDS_LIMIT };
    for (const lang of LANGUAGES) {
      for (const key of ['settings.maxRecording.error.not-whole', 'settings.maxRecording.error.out-of-range', 'settings.maxRecording.hint'] as const) {
        const text = translate(lang, key, bounds);
        expect(text, `${lang} ${key}`).toContain('900');
        expect(text, `${lang} ${key}`).not.toMatch(/\{\w+\}/);
      }
    }
    expect(translate('en', 'settings.maxRecording.error.out-of-range', bounds)).toBe('The length must be from 1 second to 900 seconds (15 minutes). Nothing was changed.');
    expect(translate('nl', 'settings.maxRecording.saved', { length: '0:01:30' })).toBe('Bewaard: opnames stoppen vanzelf na 0:01:30.');
  });

  it('stored values stay within the bounds (2 minutes by default)', () => {
    expect(DEFAULT_SETTINGS.maxRecordingSeconds).toBe(120);
    expect(normalizeSettings({ maxRecordingSeconds: 'long' }).maxRecordingSeconds).toBe(120);
    expect(normalizeSettings({ maxRecordingSeconds: 0 }).maxRecordingSeconds).toBe(1);
    expect(normalizeSettings({ maxRecordingSeconds: 10_000 }).maxRecordingSeconds).toBe(900);
  });
});
