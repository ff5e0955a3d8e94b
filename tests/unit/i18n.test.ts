import { describe, expect, it } from 'vitest';
import { catalog, format, LANGUAGES, pickLanguage, translate } from '../../lib/i18n';
import { en } from '../../lib/i18n/en';
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
