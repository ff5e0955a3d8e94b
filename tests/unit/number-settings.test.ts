/**
 * The manager's number settings as typed (lib/settings.ts parseWholeNumber): the maximum recording length (whole
 * seconds from 1 to 900) and the screens per full-page capture (1 to 200). Anything else is refused with its message
 * in every language; stored values are bounded.
 */
import { describe, expect, it } from 'vitest';
import { LANGUAGES, translate, type MessageKey } from '../../lib/i18n';
import {
  DEFAULT_SETTINGS,
  MAX_RECORDING_SECONDS_LIMIT,
  MAX_SCREENS_LIMIT,
  MIN_RECORDING_SECONDS,
  MIN_SCREENS,
  normalizeSettings,
  parseWholeNumber,
} from '../../lib/settings';

const seconds = { min: MIN_RECORDING_SECONDS, max: MAX_RECORDING_SECONDS_LIMIT };
const screens = { min: MIN_SCREENS, max: MAX_SCREENS_LIMIT };

function expectMessagesFilledIn(keys: MessageKey[], params: Record<string, number>, mustContain: string): void {
  for (const lang of LANGUAGES) {
    for (const key of keys) {
      const text = translate(lang, key, params);
      expect(text, `${lang} ${key}`).toContain(mustContain);
      expect(text, `${lang} ${key}`).not.toMatch(/\{\w+\}/);
    }
  }
}

describe('a whole number typed in a setting', () => {
  it('accepts whole numbers within the bounds, spaces around allowed', () => {
    expect(parseWholeNumber('1', seconds)).toEqual({ value: 1 });
    expect(parseWholeNumber(' 120 ', seconds)).toEqual({ value: 120 });
    expect(parseWholeNumber('900', seconds)).toEqual({ value: 900 });
    expect(parseWholeNumber('0090', seconds)).toEqual({ value: 90 });
  });

  it('refuses what is not a whole number, and what is out of range', () => {
    for (const typed of ['', '  ', 'two', '1.5', '-3', '1e3', '12s']) expect(parseWholeNumber(typed, seconds), typed).toEqual({ error: 'not-whole' });
    for (const typed of ['0', '901', '3600', '99999999999999999999']) expect(parseWholeNumber(typed, seconds), typed).toEqual({ error: 'out-of-range' });
  });
});

describe('maximum recording length', () => {
  it('says what is allowed in every language, with the bounds filled in', () => {
    expectMessagesFilledIn(['settings.maxRecording.error.not-whole', 'settings.maxRecording.error.out-of-range', 'settings.maxRecording.hint'], seconds, '900');
    expect(translate('en', 'settings.maxRecording.error.out-of-range', seconds)).toBe('The length must be from 1 second to 900 seconds (15 minutes). Nothing was changed.');
    expect(translate('nl', 'settings.maxRecording.saved', { length: '0:01:30' })).toBe('Bewaard: opnames stoppen vanzelf na 0:01:30.');
  });

  it('stored values stay within the bounds (2 minutes by default)', () => {
    expect(DEFAULT_SETTINGS.maxRecordingSeconds).toBe(120);
    expect(normalizeSettings({ maxRecordingSeconds: 'long' }).maxRecordingSeconds).toBe(120);
    expect(normalizeSettings({ maxRecordingSeconds: 0 }).maxRecordingSeconds).toBe(1);
    expect(normalizeSettings({ maxRecordingSeconds: 10_000 }).maxRecordingSeconds).toBe(900);
  });
});

describe('screens per full-page capture', () => {
  it('accepts 1 to 200 screens and refuses the rest', () => {
    expect(parseWholeNumber('1', screens)).toEqual({ value: 1 });
    expect(parseWholeNumber('200', screens)).toEqual({ value: 200 });
    expect(parseWholeNumber('3', screens)).toEqual({ value: 3 });
    for (const typed of ['0', '201', '1000']) expect(parseWholeNumber(typed, screens), typed).toEqual({ error: 'out-of-range' });
    for (const typed of ['', 'many', '2.5', '-1']) expect(parseWholeNumber(typed, screens), typed).toEqual({ error: 'not-whole' });
  });

  it('says what is allowed in every language, with the bounds and the default filled in', () => {
    const params = { ...screens, default: DEFAULT_SETTINGS.maxScreens };
    expectMessagesFilledIn(['settings.maxScreens.error.not-whole', 'settings.maxScreens.error.out-of-range', 'settings.maxScreens.hint'], params, '200');
    expect(translate('en', 'settings.maxScreens.hint', params)).toContain('Default: 60.');
    expect(translate('fr', 'settings.maxScreens.error.out-of-range', params)).toBe('Le nombre d’écrans doit être de 1 à 200. Rien n’a été modifié.');
    expect(translate('en', 'settings.maxScreens.saved', { screens: 3 })).toBe('Saved: a full-page capture takes at most 3 screens.');
  });

  it('stored values stay within the bounds (60 by default)', () => {
    expect(DEFAULT_SETTINGS.maxScreens).toBe(60);
    expect(normalizeSettings({ maxScreens: 'long' }).maxScreens).toBe(60);
    expect(normalizeSettings({ maxScreens: 0 }).maxScreens).toBe(1);
    expect(normalizeSettings({ maxScreens: 2.6 }).maxScreens).toBe(3);
    expect(normalizeSettings({ maxScreens: 10_000 }).maxScreens).toBe(200);
  });
});
