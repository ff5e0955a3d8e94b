import { describe, expect, it } from 'vitest';
import { catalog, format, LANGUAGES, pickLanguage, translate, translateCore } from '../../lib/i18n';
import { en, enCore, type CoreKey } from '../../lib/i18n/en';
import { IDENTIFIER_KEYS, ITEM_KINDS } from '../../lib/evidence/schema';

describe('interface languages', () => {
  it.each(LANGUAGES)('%s has every key, none empty, same placeholders as English', (lang) => {
    const messages = catalog(lang);
    expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(messages)) {
      expect(text.trim(), `${lang}:${key}`).not.toBe('');
      const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect(placeholders(text), `${lang}:${key}`).toEqual(placeholders(en[key as keyof typeof en]));
    }
  });

  it('label every identifier key and every item kind of the evidence model', () => {
    const missing = [...IDENTIFIER_KEYS.map((key) => `id.${key}`), ...ITEM_KINDS.map((kind) => `item.${kind}`)].filter(
      (key) => !(key in en),
    );
    expect(missing).toEqual([]);
  });

  it('give the background the same strings as the pages, in every language (lib/i18n/core.ts)', () => {
    for (const lang of LANGUAGES) {
      for (const key of Object.keys(enCore) as CoreKey[]) {
        expect(translateCore(lang, key, { platform: 'Discord', kind: 'x' }), `${lang}:${key}`).toBe(
          translate(lang, key, { platform: 'Discord', kind: 'x' }),
        );
      }
    }
    expect(translateCore('fr', 'stamp.captureId')).toBe(catalog('fr')['stamp.captureId']);
  });

  it("have every shared page kind's label among the background's strings (the band and the toolbar name the page)", () => {
    const kinds = Object.keys(en).filter((key) => key.startsWith('kind.'));
    expect(kinds.length).toBeGreaterThan(10);
    expect(kinds.filter((key) => !(key in enCore))).toEqual([]);
  });

  it('picks the first supported browser language, English otherwise', () => {
    expect(pickLanguage(['nl-BE', 'fr-BE', 'en'])).toBe('nl');
    expect(pickLanguage(['fr_BE'])).toBe('fr');
    expect(pickLanguage(['de-DE', 'FR'])).toBe('fr');
    expect(pickLanguage(['de-DE'])).toBe('en');
    expect(pickLanguage([])).toBe('en');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('{a} - {b}', { a: 'Discord', b: 1 })).toBe('Discord - 1');
    expect(format('{missing}', {})).toBe('{missing}');
    expect(translate('nl', 'kind.dm-channel')).toBe('privégesprek');
  });
});
