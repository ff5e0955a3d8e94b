/**
 * Discreet mode's looks (lib/discreet/look.ts): which title and icon each page and the toolbar button show, and that
 * nothing shown in discreet mode names the tool or what it is for, in any of the three languages.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NEUTRAL_ICONS, OWN_ICONS, pageIcon, pageTitle, toolbarLook, type OwnPage } from '../../../lib/discreet/look';
import { LANGUAGES, translate } from '../../../lib/i18n';
import { parsePlatformUrl } from '../../../lib/platforms/registry';

const PAGES: OwnPage[] = ['manager', 'popup', 'sidepanel'];
const root = path.resolve(import.meta.dirname, '..', '..', '..');

/** Every word of the tool's names and description, and of what it is for, in every language. */
function tellingWords(): string[] {
  const words = new Set(['evidence', 'bewijs', 'preuve', 'report', 'melden', 'signal', 'capture', 'vastleggen', 'intim', 'consent']);
  for (const lang of LANGUAGES) {
    for (const word of translate(lang, 'app.name').toLowerCase().split(/\W+/u)) if (word.length > 2) words.add(word);
  }
  for (const locale of ['en', 'nl', 'fr']) {
    const messages = JSON.parse(readFileSync(path.join(root, 'public', '_locales', locale, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
    for (const word of messages.extName!.message.toLowerCase().split(/[^\p{L}]+/u)) if (word.length > 2) words.add(word);
  }
  return [...words];
}

function namesNothing(text: string): void {
  const lower = text.toLowerCase();
  for (const word of tellingWords()) expect(lower, `"${text}" holds "${word}"`).not.toContain(word);
}

describe('page titles', () => {
  it.each(LANGUAGES)('discreet mode: every page has the same neutral title in %s, naming nothing', (lang) => {
    const titles = new Set(PAGES.map((page) => pageTitle(page, lang, true)));
    expect(titles.size).toBe(1);
    for (const title of titles) namesNothing(title);
  });

  it('normally each page has its own title with the tool’s name in the language', () => {
    expect(pageTitle('manager', 'en', false)).toBe('Capture & Report - evidence');
    expect(pageTitle('sidepanel', 'nl', false)).toBe('Vastleggen & Melden - stappen');
    expect(pageTitle('popup', 'fr', false)).toBe('Capturer & Signaler');
    expect(pageTitle('manager', 'nl', true)).toBe('Notities');
  });

  it('the favicon is the note pad in discreet mode, our icon otherwise', () => {
    expect(pageIcon(true)).toBe(NEUTRAL_ICONS[32]);
    expect(pageIcon(false)).toBe(OWN_ICONS[32]);
  });

  it('every page’s HTML starts neutral (title and icon), so none shows our name before its script runs', () => {
    for (const page of PAGES) {
      const html = readFileSync(path.join(root, 'entrypoints', page, 'index.html'), 'utf8');
      const title = /<title>([^<]*)<\/title>/.exec(html)?.[1];
      expect(title, page).toBe(translate('en', 'discreet.neutralTitle'));
      expect(html, page).toContain(`<link rel="icon" href="${NEUTRAL_ICONS[32]}" />`);
    }
  });
});

describe('toolbar button', () => {
  const discord = parsePlatformUrl('https://discord.com/channels/81384788765712384/81384788765712385');

  it.each(LANGUAGES)('discreet mode in %s: the neutral title and icon, no badge, even on a platform page', (lang) => {
    for (const parsed of [discord, null]) {
      const look = toolbarLook(true, lang, parsed);
      expect(look).toEqual({ title: pageTitle('popup', lang, true), badge: '', icons: NEUTRAL_ICONS });
      namesNothing(look.title);
    }
  });

  it('normally our name, the platform and page kind, and the platform’s badge', () => {
    expect(discord).not.toBeNull();
    const look = toolbarLook(false, 'en', discord);
    expect(look.title).toMatch(/^Capture & Report: Discord - /);
    expect(look.badge).not.toBe('');
    expect(look.icons).toBe(OWN_ICONS);
    expect(toolbarLook(false, 'nl', null)).toEqual({ title: 'Vastleggen & Melden', badge: '', icons: OWN_ICONS });
  });
});
