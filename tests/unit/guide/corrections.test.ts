/**
 * The corrections of issue 13, each checked against the guide (shared/seed/ncii-removal-guide.nl.txt): nothing the
 * guide does not promise, the Institute's contacts as its own site gives them per language, the mistranslations
 * fixed, Snapchat's prompts in English with the translation beside them, and lost links or icons said plainly.
 */
import { describe, expect, it } from 'vitest';
import { general, instituteContact } from '../../../lib/guide/general';
import { police } from '../../../lib/guide/police';
import type { GuideNote, GuideStep, Lang, PlatformGuide } from '../../../lib/guide/types';
import { guide as discord } from '../../../lib/platforms/discord/steps';
import { guide as facebook } from '../../../lib/platforms/facebook/steps';
import { guide as instagram } from '../../../lib/platforms/instagram/steps';
import { guide as snapchat } from '../../../lib/platforms/snapchat/steps';
import { guide as tiktok } from '../../../lib/platforms/tiktok/steps';
import { guide as whatsapp } from '../../../lib/platforms/whatsapp/steps';
import { guide as x } from '../../../lib/platforms/x/steps';
import { guide as youtube } from '../../../lib/platforms/youtube/steps';

const allData = { discord, facebook, instagram, snapchat, tiktok, whatsapp, x, youtube, general, police };

/** Every text of one language in a piece of data. */
function texts(data: unknown, lang: Lang): string[] {
  const found: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (key === lang && typeof inner === 'string') found.push(inner);
        else walk(inner);
      }
    }
  };
  walk(data);
  return found;
}

function allSteps(guide: PlatformGuide): GuideStep[] {
  const flat = (steps: GuideStep[]): GuideStep[] => steps.flatMap((step) => [step, ...flat(step.substeps ?? [])]);
  return guide.sections.flatMap((section) => flat(section.steps));
}

function step(guide: PlatformGuide, id: string): GuideStep {
  const found = allSteps(guide).find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no step ${id}`);
  return found;
}

function notes(guide: PlatformGuide): GuideNote[] {
  return guide.sections.flatMap((section) => section.notes ?? []);
}

describe('YouTube', () => {
  it('promises nothing the guide does not: no word of the Institute contacting the channel; the safety advice is marked as ours', () => {
    for (const lang of ['nl', 'fr', 'en'] as const) {
      expect(texts(youtube, lang).join('\n')).not.toMatch(/Instit/);
    }
    const [safety] = notes(youtube);
    expect(safety?.text.en).toBe('Only do this if you feel safe doing so.');
    expect(safety?.origin).toEqual({ from: 'added', source: 'our-advice' });
  });

  it('in French, asks to submit a request to YouTube, not to file a complaint (which reads as the police’s)', () => {
    const french = texts(youtube, 'fr').join('\n');
    expect(french).not.toMatch(/plainte/);
    expect(step(youtube, 'yt-contact-channel').text.fr).toBe(
      'Contactez d’abord la chaîne qui diffuse vos images. N’introduisez une demande auprès de YouTube que si les images n’ont toujours pas été retirées de la chaîne après cela.',
    );
  });
});

describe('the Institute’s contact', () => {
  const hours = {
    nl: ['0800 12 800', 'keuze 1', 'maandag, dinsdag, donderdag en vrijdag van 9 tot 12 uur', 'woensdag van 13 tot 16 uur', 'antwoordapparaat'],
    fr: ['0800 12 800', 'tapez 1', 'lundi, mardi, jeudi et vendredi de 9 h à 12 h', 'mercredi de 13 h à 16 h', 'répondeur'],
    en: ['0800 12 800', 'option 1', 'Monday, Tuesday, Thursday and Friday from 9:00 to 12:00', 'Wednesday from 13:00 to 16:00', 'answering machine'],
  };

  it('gives the hours with the number, in every language, and the online form', () => {
    for (const lang of ['nl', 'fr', 'en'] as const) {
      for (const part of hours[lang]) expect(instituteContact[lang]).toContain(part);
      const phone = general.institute.steps.find((candidate) => candidate.id === 'institute-phone');
      for (const part of hours[lang].filter((item) => !/keuze|tapez|option/.test(item))) expect(phone?.text[lang]).toContain(part);
    }
    expect(instituteContact.nl).toContain('online meldformulier');
    expect(instituteContact.fr).toContain('formulaire de signalement en ligne');
    expect(instituteContact.en).toContain('online reporting form');
  });

  it('shows the e-mail address only in Dutch, the language of the Institute’s pages that give it', () => {
    expect(texts(allData, 'nl').join('\n')).toContain('gelijkheid.manvrouw@igvm.belgie.be');
    for (const lang of ['fr', 'en'] as const) {
      const withAddress = texts(allData, lang).filter((text) => text.includes('@'));
      expect(withAddress).toEqual([]);
    }
  });

  it('is marked as from the Institute’s website wherever it stands beside the guide’s words', () => {
    const beside = [
      ...(step(facebook, 'fb-option-institute').asides ?? []),
      ...notes(x).filter((note) => note.text === instituteContact),
      ...police.sections.flatMap((section) => section.notes ?? []).filter((note) => note.text === instituteContact),
    ];
    expect(beside).toHaveLength(3);
    for (const note of beside) expect(note.origin).toEqual({ from: 'added', source: 'institute-site' });
    expect(step(facebook, 'fb-option-institute').text.nl).not.toContain('0800');
  });
});

describe('translations', () => {
  it('French: “Waar moet je rekening mee houden?” is « De quoi devez-vous tenir compte ? »', () => {
    const section = police.sections.find((candidate) => candidate.id === 'police-keep-in-mind');
    expect(section?.title).toEqual({
      nl: 'Waar moet je rekening mee houden?',
      fr: 'De quoi devez-vous tenir compte ?',
      en: 'What should you keep in mind?',
    });
  });

  it('Facebook: “tegen jou worden gedeeld” is used against you, not shared against your will', () => {
    const tips = step(facebook, 'fb-helpwanted-guide').text;
    expect(tips.nl).toContain('tegen jou worden gedeeld');
    expect(tips.fr).toContain('soient utilisées contre vous');
    expect(tips.en).toContain('from being used against you');
    expect(texts(allData, 'fr').join('\n')).not.toContain('contre votre gré');
    expect(texts(allData, 'en').join('\n')).not.toContain('against your will');
  });
});

describe('Snapchat', () => {
  it('gives the buttons and questions in English first, with the translation beside them, in Dutch and French', () => {
    expect(step(snapchat, 'snap-web').text.nl).toContain('“Report a safety concern” (“Een veiligheidsprobleem melden”)');
    expect(step(snapchat, 'snap-web').text.fr).toContain('« Report a safety concern » (« Signaler un problème de sécurité »)');
    expect(step(snapchat, 'snap-web-snap-map').text.nl).toContain(
      '“Yes” (“Ja”) bij de vraag “Do you need help with anything else?” (“Heb je nog ergens anders hulp bij nodig?”)',
    );
    expect(step(snapchat, 'snap-web-snap-map').text.fr).toContain(
      '« Yes » (« Oui ») à la question « Do you need help with anything else? » (« Avez-vous besoin d’aide pour autre chose ? »)',
    );
    for (const id of ['snap-web-other-account', 'snap-web-other-story']) {
      expect(step(snapchat, id).text.nl).toContain('“Yes” (“Ja”) bij de vraag “Can we help in another way?” (“Kunnen we op een andere manier helpen?”)');
      expect(step(snapchat, id).text.fr).toContain('« Yes » (« Oui ») à la question « Can we help in another way? » (« Pouvons-nous vous aider autrement ? »)');
      expect(step(snapchat, id).text.en).toContain('“Yes” at the question “Can we help in another way?”');
    }
    expect(step(snapchat, 'snap-web-my-account').text.fr).toMatch(/^My Snapchat account \(mon compte Snapchat\)\./);
  });

  it('says that this English is our translation of the guide’s Dutch, marked as our reading', () => {
    const translation = notes(snapchat).find((note) => note.origin.from === 'added');
    expect(translation?.origin).toEqual({ from: 'added', source: 'our-reading' });
    expect(translation?.text.en).toContain('our translation of the guide');
  });
});

describe('lost links and icons, said plainly', () => {
  const readingOf = (asides: GuideNote[] | undefined) => asides?.filter((aside) => aside.origin.from === 'added');

  it('TikTok and X keep the guide’s “the icon” and say in a marked aside that its picture was lost, and our reading', () => {
    const tiktokStep = step(tiktok, 'tiktok-comment-or-video');
    expect(tiktokStep.text.nl).toBe('Je rapporteert een reactie of video door op het icoon te klikken, daarna op “Melden” te klikken en vervolgens de instructies te volgen.');
    expect(readingOf(tiktokStep.asides)).toEqual([
      expect.objectContaining({ origin: { from: 'added', source: 'our-reading' } }),
    ]);
    expect(tiktokStep.asides?.[0]?.text.en).toMatch(/^The guide shows a picture of the icon here, which was lost from its text\. Our reading/);
    for (const id of ['x-app-report-tweet', 'x-web-report-tweet']) {
      const xStep = step(x, id);
      expect(xStep.text).toEqual({
        nl: 'Selecteer “Tweet rapporteren” via het icoon.',
        fr: 'Sélectionnez « Signaler le Tweet » via l’icône.',
        en: 'Select “Report Tweet” using the icon.',
      });
      expect(xStep.asides?.[0]?.origin).toEqual({ from: 'added', source: 'our-reading' });
      expect(xStep.asides?.[0]?.text.nl).toContain('Onze lezing: op X is dat het icoon “Meer” (drie puntjes) bij de post.');
    }
  });

  it('WhatsApp’s and Discord’s “[hier]” and the police “[link]”: the guide’s link lost its address, and the rest is our reading', () => {
    const lostNotes = [
      ...notes(whatsapp).filter((note) => note.text.nl.includes('verloren')),
      ...notes(discord).filter((note) => note.text.nl.includes('verloren')),
    ];
    expect(lostNotes).toHaveLength(2);
    for (const note of lostNotes) {
      expect(note.origin).toEqual({ from: 'added', source: 'our-reading' });
      expect(note.text.nl).toMatch(/verwijst de gids naar een link waarvan het adres verloren ging\. Onze lezing: /);
      expect(note.text.fr).toMatch(/le guide renvoie à un lien dont l’adresse a été perdue\. Notre lecture : /);
      expect(note.text.en).toMatch(/the guide points to a link whose address was lost\. Our reading: /);
    }
    const evidence = police.checklist.flatMap((item) => item.substeps ?? []).find((item) => item.id === 'police-evidence-more-info');
    expect(evidence?.origin).toEqual({ from: 'added', source: 'our-reading' });
    expect(evidence?.text.en).toBe(
      'The guide points here to a link with more information on what evidence to gather and how, but the link’s address was lost. You can also ask the Institute for this information.',
    );
  });
});
