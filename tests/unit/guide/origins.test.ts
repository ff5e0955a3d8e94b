/**
 * Every step, note, link, section and contact shown in the side panel says where it comes from: the guide (and
 * which part of it) or added by us (and from what source). Added material is shown with a translated marker, and
 * the report text and the police checklist never present it as the guide's.
 */
import { describe, expect, it } from 'vitest';
import { general } from '../../../lib/guide/general';
import { isAdded, originMarker } from '../../../lib/guide/origin';
import { police } from '../../../lib/guide/police';
import {
  ADDED_SOURCES,
  GUIDE_PARTS,
  type GuideLink,
  type GuideSection,
  type GuideStep,
  type Origin,
  type PlatformGuide,
} from '../../../lib/guide/types';
import type { Lang, Localized } from '../../../lib/i18n';
import { translate } from '../../../lib/i18n';
import { guide as discord } from '../../../lib/platforms/discord/steps';
import { guide as facebook } from '../../../lib/platforms/facebook/steps';
import { guide as instagram } from '../../../lib/platforms/instagram/steps';
import { guide as snapchat } from '../../../lib/platforms/snapchat/steps';
import { guide as tiktok } from '../../../lib/platforms/tiktok/steps';
import { guide as whatsapp } from '../../../lib/platforms/whatsapp/steps';
import { guide as x } from '../../../lib/platforms/x/steps';
import { guide as youtube } from '../../../lib/platforms/youtube/steps';
import { buildReportText } from '../../../lib/report/report-text';

const platformGuides: Record<string, PlatformGuide> = { discord, facebook, instagram, snapchat, tiktok, whatsapp, x, youtube };
const LANGS: Lang[] = ['nl', 'fr', 'en'];

/** One thing the side panel shows, with where it sits in the data and the text shown for it (if any). */
interface Shown {
  path: string;
  origin: unknown;
  text?: Localized;
}

function stepItems(step: GuideStep, path: string): Shown[] {
  const here = `${path}/${step.id}`;
  return [
    { path: here, origin: step.origin, text: step.text },
    ...(step.asides ?? []).map((aside, index) => ({ path: `${here}/aside ${index}`, origin: aside.origin, text: aside.text })),
    ...(step.links ?? []).map((link) => linkItem(link, here)),
    ...(step.substeps ?? []).flatMap((substep) => stepItems(substep, here)),
  ];
}

function linkItem(link: GuideLink, path: string): Shown {
  return { path: `${path}/link ${link.id}`, origin: link.origin, text: link.label };
}

function sectionItems(section: GuideSection, path: string): Shown[] {
  const here = `${path}/${section.id}`;
  return [
    { path: here, origin: section.origin, text: section.title },
    ...section.steps.flatMap((step) => stepItems(step, here)),
    ...(section.notes ?? []).map((note, index) => ({ path: `${here}/note ${index}`, origin: note.origin, text: note.text })),
  ];
}

/** Everything the side panel can show: every platform's guide, the general guidance and the police part. */
function everythingShown(): Shown[] {
  return [
    ...Object.entries(platformGuides).flatMap(([name, guide]) => [
      ...guide.sections.flatMap((section) => sectionItems(section, name)),
      ...guide.links.map((link) => linkItem(link, name)),
    ]),
    ...[general.start, general.institute, general.handoff, general.otherSites].flatMap((section) =>
      sectionItems(section, 'general'),
    ),
    ...general.links.map((link) => linkItem(link, 'general')),
    ...police.sections.flatMap((section) => sectionItems(section, 'police')),
    { path: 'police/checklist', origin: police.checklistOrigin, text: police.checklistTitle },
    ...police.checklist.flatMap((step) => stepItems(step, 'police/checklist')),
    ...police.links.map((link) => linkItem(link, 'police')),
  ];
}

/** Why an origin is not valid, or undefined when it is. */
function originProblem(origin: unknown): string | undefined {
  if (!origin || typeof origin !== 'object') return 'no origin';
  const value = origin as Record<string, unknown>;
  if (value.from === 'guide') {
    return (GUIDE_PARTS as readonly unknown[]).includes(value.part) ? undefined : `unknown guide part ${String(value.part)}`;
  }
  if (value.from === 'added') {
    return (ADDED_SOURCES as readonly unknown[]).includes(value.source) ? undefined : `unknown source ${String(value.source)}`;
  }
  return `unknown origin ${JSON.stringify(origin)}`;
}

function problems(items: Shown[]): string[] {
  return items.flatMap((item) => {
    const problem = originProblem(item.origin);
    return problem ? [`${item.path}: ${problem}`] : [];
  });
}

describe('origins', () => {
  const shown = everythingShown();

  it('every section, step, note, aside and link has an origin: a part of the guide or an added source', () => {
    expect(shown.length).toBeGreaterThan(150);
    expect(problems(shown)).toEqual([]);
  });

  it('the check itself fails on an item without an origin or with an unknown part or source', () => {
    const bare = { id: 'bare', text: { nl: 'a', fr: 'a', en: 'a' } } as unknown as GuideStep;
    const wrongPart = { ...bare, id: 'wrong-part', origin: { from: 'guide', part: 'Tumblr' } } as unknown as GuideStep;
    const wrongSource = { ...bare, id: 'wrong-source', origin: { from: 'added', source: 'a forum' } } as unknown as GuideStep;
    expect(problems([bare, wrongPart, wrongSource].flatMap((step) => stepItems(step, 'fake')))).toEqual([
      'fake/bare: no origin',
      'fake/wrong-part: unknown guide part Tumblr',
      'fake/wrong-source: unknown source a forum',
    ]);
  });

  it('material from the guide shows no marker; added material shows its source’s marker in nl, fr and en', () => {
    const markers: Record<Lang, Record<string, string>> = {
      nl: {
        'institute-site': 'Niet uit de gids: van de website van het Instituut',
        'platform-help': 'Niet uit de gids: uit de hulppagina’s van het platform zelf',
        'service-site': 'Niet uit de gids: van de website van de dienst zelf',
        'our-advice': 'Niet uit de gids: ons eigen advies',
        'our-reading': 'Niet de woorden van de gids: onze lezing ervan',
      },
      fr: {
        'institute-site': 'Pas dans le guide : d’après le site de l’Institut',
        'platform-help': 'Pas dans le guide : d’après les pages d’aide de la plateforme',
        'service-site': 'Pas dans le guide : d’après le site du service lui-même',
        'our-advice': 'Pas dans le guide : notre propre conseil',
        'our-reading': 'Pas les mots du guide : notre lecture',
      },
      en: {
        'institute-site': 'Not in the guide: from the Institute’s website',
        'platform-help': 'Not in the guide: from the platform’s own help pages',
        'service-site': 'Not in the guide: from the service’s own website',
        'our-advice': 'Not in the guide: our own advice',
        'our-reading': 'Not the guide’s words: our reading of it',
      },
    };
    const addedItems = shown.filter((item) => isAdded(item.origin as Origin));
    const guideItems = shown.filter((item) => !isAdded(item.origin as Origin));
    expect(addedItems.length).toBeGreaterThan(10);
    expect(guideItems.length).toBeGreaterThan(100);
    for (const lang of LANGS) {
      for (const item of addedItems) {
        const origin = item.origin as Origin & { from: 'added' };
        expect(originMarker(lang, origin), item.path).toBe(markers[lang][origin.source]);
      }
      for (const item of guideItems) expect(originMarker(lang, item.origin as Origin), item.path).toBeUndefined();
    }
  });

  it('a step does not repeat the marker its section already shows, but does show a different one', () => {
    const section = general.otherSites;
    expect(originMarker('en', section.origin)).toBe('Not in the guide: our own advice');
    for (const step of section.steps) expect(originMarker('en', step.origin, section.origin)).toBeUndefined();
    const contact = general.institute.steps.find((step) => step.id === 'institute-phone');
    expect(originMarker('fr', contact!.origin, general.institute.origin)).toBe('Pas dans le guide : d’après le site de l’Institut');
  });

  it('the police checklist: every item from the guide’s part on filing a complaint, or marked as added', () => {
    const items = [
      { path: 'checklist', origin: police.checklistOrigin },
      ...police.checklist.flatMap((step) => stepItems(step, 'checklist')),
    ];
    // Links are checked with every link above: the Institute's comes from another part of the guide.
    for (const item of items.filter((shownItem) => !shownItem.path.includes('/link '))) {
      const origin = item.origin as Origin;
      if (origin.from === 'guide') expect(origin.part, item.path).toBe('Waar moet je op letten bij het indienen van een klacht?');
      else expect(originMarker('nl', origin), item.path).toMatch(/^Niet (uit|de woorden van) de gids/);
    }
  });

  it('no added text is mixed into a text from the guide (contacts and readings are asides, with their marker)', () => {
    const addedTexts = shown.filter((item) => isAdded(item.origin as Origin) && item.text).map((item) => item.text!);
    const guideTexts = shown.filter((item) => !isAdded(item.origin as Origin) && item.text).map((item) => item.text!);
    for (const lang of LANGS) {
      for (const addedText of addedTexts) {
        const inside = guideTexts.find((text) => text[lang] !== addedText[lang] && text[lang].includes(addedText[lang]));
        expect(inside, addedText[lang]).toBeUndefined();
      }
    }
  });

  it('the report text quotes nothing of the guidance, so nothing added can read as the guide’s', () => {
    const addedTexts = shown.filter((item) => isAdded(item.origin as Origin) && item.text).map((item) => item.text!);
    for (const lang of LANGS) {
      const report = buildReportText({ lang, platformName: 'Snapchat', pageFields: [], items: [], captures: [] });
      for (const text of addedTexts) expect(report).not.toContain(text[lang]);
      expect(report.toLowerCase()).not.toMatch(/\b(gids|guide)\b/);
      // The one thing said of the guide beside the report is the guide's own advice (Snapchat: in English).
      expect(translate(lang, 'report.languageNote', { language: 'X', platform: 'Snapchat' })).toMatch(/gids|guide/);
      expect(snapchat.reportLanguage).toBe('en');
    }
  });
});
