/**
 * The corrections of issues 13 and 22, each checked against the guide (shared/seed/ncii-removal-guide.nl.txt):
 * nothing the guide does not promise, the Institute's contacts as its own site gives them per language (and no
 * opening hours, which its pages give differently), the mistranslations fixed, Snapchat's English words apart from
 * the guide's text in marked asides, lost links or icons said plainly, and pages in one language marked as such.
 */
import { describe, expect, it } from 'vitest';
import { general, instituteContact } from '../../../lib/guide/general';
import { police } from '../../../lib/guide/police';
import type { GuideLink, GuideNote, GuideStep, PlatformGuide } from '../../../lib/guide/types';
import type { Lang } from '../../../lib/i18n';
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
  const whereHours = {
    nl: ['0800 12 800', 'keuze 1', 'wanneer de lijn open is, staat op de website van het Instituut'],
    fr: ['0800 12 800', 'tapez 1', 'les heures d’ouverture de la ligne sont indiquées sur le site de l’Institut'],
    en: ['0800 12 800', 'option 1', 'the line’s opening hours are on the Institute’s website'],
  };

  it('gives the number and sends the person to the Institute’s website for the hours, in every language, with the online form', () => {
    const phone = general.institute.steps.find((candidate) => candidate.id === 'institute-phone');
    for (const lang of ['nl', 'fr', 'en'] as const) {
      for (const part of whereHours[lang]) expect(instituteContact[lang]).toContain(part);
      expect(phone?.text[lang]).toContain('0800 12 800');
      expect(phone?.text[lang]).toMatch(/website van het Instituut|site de l’Institut|Institute’s website/);
    }
    expect(phone?.links?.map((link) => link.url)).toEqual(['https://igvm-iefh.belgium.be']);
    expect(instituteContact.nl).toContain('online meldformulier');
    expect(instituteContact.fr).toContain('formulaire de signalement en ligne');
    expect(instituteContact.en).toContain('online reporting form');
  });

  it('writes no opening hours into the guidance: the Institute’s own pages give different ones', () => {
    for (const lang of ['nl', 'fr', 'en'] as const) {
      const all = texts(allData, lang).join('\n');
      expect(all).not.toMatch(/\b\d{1,2}(:\d\d| h| tot \d| à \d| to \d)/);
      expect(all).not.toMatch(/maandag|dinsdag|woensdag|lundi|mardi|mercredi|Monday|Tuesday|Wednesday/);
    }
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

  it('Facebook: “tegen jou worden gedeeld” is shared against you, neither used against you nor against your will', () => {
    const tips = step(facebook, 'fb-helpwanted-guide').text;
    expect(tips.nl).toContain('tegen jou worden gedeeld');
    expect(tips.fr).toContain('soient partagées contre vous');
    expect(tips.en).toContain('from being shared against you');
    expect(texts(allData, 'fr').join('\n')).not.toMatch(/contre votre gré|utilisées contre vous/);
    expect(texts(allData, 'en').join('\n')).not.toMatch(/against your will|used against you/);
  });

  it('X: the “on behalf of” step says whom, as the guide does, without adding “yourself or someone else”', () => {
    for (const id of ['x-app-on-behalf-of', 'x-web-on-behalf-of']) {
      expect(step(x, id).text).toEqual({
        nl: 'Selecteer de relevante optie, afhankelijk van degene namens wie je content rapporteert.',
        fr: 'Sélectionnez l’option qui convient, selon la personne au nom de laquelle vous signalez le contenu.',
        en: 'Select the relevant option, depending on who you are reporting the content for.',
      });
    }
  });

  it('WhatsApp: “beperkt” is in a limited way, not quickly', () => {
    const intro = whatsapp.sections.find((section) => section.id === 'wa-block-report')?.intro;
    expect(intro?.nl).toContain('beperkt, of met uitleg erbij');
    expect(intro?.fr).toContain('de manière limitée, ou en donnant des explications');
    expect(intro?.en).toContain('in a limited way, or with an explanation');
    expect(intro?.fr).not.toContain('rapidement');
    expect(intro?.en).not.toContain('quickly');
  });
});

describe('Snapchat', () => {
  /** The four steps where the person meets an English button or question, and the English words beside each. */
  const englishBeside: Record<string, string> = {
    'snap-web': '“Report a safety concern”',
    'snap-web-snap-map': '“Yes” at the question “Do you need help with anything else?”',
    'snap-web-other-account': '“Yes” at the question “Can we help in another way?”',
    'snap-web-other-story': '“Yes” at the question “Can we help in another way?”',
  };

  it('keeps the guide’s words in the steps: no English inserted into the Dutch or French text', () => {
    const english = /Report a safety concern|“Yes”|« Yes »|anything else\?|another way\?|My Snapchat account|A Story|Someone else’s|Another Snapchatter’s|Lenses|Discover/;
    for (const candidate of allSteps(snapchat)) {
      expect(candidate.text.nl, candidate.id).not.toMatch(english);
      expect(candidate.text.fr, candidate.id).not.toMatch(english);
    }
    expect(step(snapchat, 'snap-web').text.nl).toContain('klikken op “Een veiligheidsprobleem melden”');
    expect(step(snapchat, 'snap-web-snap-map').text.nl).toContain('“Ja” bij de vraag “Heb je nog ergens anders hulp bij nodig?”');
    for (const id of ['snap-web-other-account', 'snap-web-other-story']) {
      expect(step(snapchat, id).text.nl).toContain('“Ja” bij de vraag “Kunnen we op een andere manier helpen?”');
      expect(step(snapchat, id).text.fr).toContain('« Oui » à la question « Pouvons-nous vous aider autrement ? »');
    }
    expect(step(snapchat, 'snap-web-my-account').text.fr).toMatch(/^Mon compte Snapchat\./);
  });

  it('gives the English words beside those four steps, in asides marked as our reading, in every language', () => {
    for (const [id, words] of Object.entries(englishBeside)) {
      const asides = step(snapchat, id).asides ?? [];
      expect(asides, id).toHaveLength(1);
      expect(asides[0]?.origin).toEqual({ from: 'added', source: 'our-reading' });
      expect(asides[0]?.text.en).toBe(`In English: ${words}.`);
      expect(asides[0]?.text.nl).toMatch(/^In het Engels: /);
      expect(asides[0]?.text.fr).toMatch(/^En anglais : /);
    }
    const withEnglishAside = allSteps(snapchat).filter((candidate) => candidate.asides?.length).map((candidate) => candidate.id);
    expect(withEnglishAside.sort()).toEqual(Object.keys(englishBeside).sort());
  });

  it('says that this English is our translation of the guide’s Dutch, marked as our reading', () => {
    const translation = notes(snapchat).find((note) => note.origin.from === 'added');
    expect(translation?.origin).toEqual({ from: 'added', source: 'our-reading' });
    expect(translation?.text.en).toContain('our translation of the guide');
  });
});

describe('nothing the guide does not say, shown as the guide’s', () => {
  it('the start note credits the guide to the help of HelpWanted.nl, as its footnote does, and names no author', () => {
    const [note] = general.start.notes ?? [];
    expect(note?.text.nl).toBe(
      'Deze handleiding werd opgesteld met de hulp van HelpWanted.nl, waar je nog meer info over de strijd tegen digitale seksuele uitbuiting kan vinden.',
    );
    for (const lang of ['nl', 'fr', 'en'] as const) expect(note?.text[lang]).not.toMatch(/Instit/);
  });

  it('the Institute’s intro says what its part of the guide says, nothing about a police complaint', () => {
    expect(general.institute.origin).toEqual({ from: 'guide', part: 'Hoe haal je de beelden offline?' });
    expect(general.institute.intro?.nl).toBe(
      'Lukt het je niet om de beelden zelf offline te halen, of heb je een vraag? Dan kan je het Instituut voor de gelijkheid van vrouwen en mannen contacteren om je te helpen.',
    );
    for (const lang of ['nl', 'fr', 'en'] as const) expect(general.institute.intro?.[lang]).not.toMatch(/politie|police/);
  });

  it('Instagram without a profile: the guide’s “klik dan hier”, and Instagram’s form as our reading, not as the guide’s', () => {
    const noAccount = step(instagram, 'ig-no-account');
    expect(noAccount.text.nl).toBe('Wil je intieme beelden of profielen aangeven, maar heb je geen Instagram-profiel? Dan verwijst de gids je naar een link.');
    for (const lang of ['nl', 'fr', 'en'] as const) expect(noAccount.text[lang]).not.toMatch(/formulier|formulaire|form\b/);
    expect(noAccount.asides?.map((aside) => aside.origin)).toEqual([{ from: 'added', source: 'our-reading' }]);
    expect(noAccount.asides?.[0]?.text.nl).toMatch(/^Het adres van die link ging verloren\. Onze lezing: /);
    const form = noAccount.links?.find((link) => link.id === 'ig-contact-form');
    expect(form?.origin).toEqual({ from: 'added', source: 'our-reading' });
    expect(form?.confirmed).toBe(false);
  });

  it('police: “digitaal” as the guide says it; the phone or USB stick is our advice, in a marked aside', () => {
    const digital = police.checklist.flatMap((item) => item.substeps ?? []).find((item) => item.id === 'police-evidence-digital');
    expect(digital?.text).toEqual({ nl: 'Bewijs in digitale vorm.', fr: 'Les preuves sous forme numérique.', en: 'Evidence in digital form.' });
    expect(digital?.asides?.map((aside) => aside.origin)).toEqual([{ from: 'added', source: 'our-advice' }]);
    expect(digital?.asides?.[0]?.text.nl).toBe('Bijvoorbeeld op je gsm of op een usb-stick.');
  });
});

describe('added material that says no more than its source', () => {
  it('priority is promised only where the guide promises it: at Facebook, for the Institute’s requests', () => {
    for (const lang of ['nl', 'fr', 'en'] as const) {
      const generalText = texts(general, lang).join('\n');
      expect(generalText).not.toMatch(/voorrang|prioritair|priorit/i);
    }
    const flagger = general.institute.notes?.find((note) => note.text.en.includes('trusted flagger'));
    expect(flagger?.text.en).toBe('The Institute is a trusted flagger with Facebook and Google/YouTube.');
    expect(step(facebook, 'fb-option-institute').text.nl).toContain('prioritair en snel');
  });

  it('on another website, the Institute’s help is for adults, and those under 18 are sent to Child Focus', () => {
    const other = general.otherSites.steps.find((candidate) => candidate.id === 'other-institute');
    expect(other?.text.nl).toContain('Ben je volwassen, dan kan het Instituut je helpen');
    expect(other?.text.nl).toContain('jonger dan 18');
    expect(other?.text.fr).toContain('Si vous êtes adulte');
    expect(other?.text.en).toContain('if you are an adult');
    for (const lang of ['nl', 'fr', 'en'] as const) expect(other?.text[lang]).toContain('Child Focus');
  });
});

describe('pages in one language', () => {
  const allLinks = Object.values(allData).flatMap((data) => {
    const found: GuideLink[] = [];
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') {
        if ('url' in value) found.push(value as GuideLink);
        else Object.values(value).forEach(walk);
      }
    };
    walk(data);
    return found;
  });

  it('a page whose address is an English one is marked “(in English)” in Dutch and French, as Dutch-only pages are marked', () => {
    const english = allLinks.filter((link) => /\/en(-[a-z]{2})?\//.test(new URL(link.url).pathname));
    expect(new Set(english.map((link) => link.url))).toEqual(
      new Set(['https://support.tiktok.com/en/safety-hc/report-a-problem/report-sexual-abuse', 'https://help.snapchat.com/hc/en-us/requests/new']),
    );
    for (const link of english) {
      expect(link.label.nl, link.url).toMatch(/\(in het Engels\)$/);
      expect(link.label.fr, link.url).toMatch(/\(en anglais\)$/);
      expect(link.label.en, link.url).not.toMatch(/in English/);
    }
    for (const link of allLinks.filter((candidate) => candidate.url.includes('helpwanted.nl'))) {
      expect(link.label.fr).toMatch(/\(en néerlandais\)$/);
      expect(link.label.en).toMatch(/\(in Dutch\)$/);
    }
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

  it('Facebook’s HelpWanted.nl “handleiding” and Instagram’s HelpWanted.nl tips: the link lost its address, said plainly', () => {
    for (const [guide, id] of [
      [facebook, 'fb-helpwanted-guide'],
      [instagram, 'ig-helpwanted-tips'],
    ] as const) {
      const lost = step(guide, id).asides ?? [];
      expect(lost, id).toHaveLength(1);
      expect(lost[0]?.origin).toEqual({ from: 'added', source: 'our-reading' });
      expect(lost[0]?.text.nl).toMatch(/verwijst de gids naar een link waarvan het adres verloren ging\. Onze lezing: /);
      expect(lost[0]?.text.fr).toMatch(/le guide renvoie à un lien dont l’adresse a été perdue\. Notre lecture : /);
      expect(lost[0]?.text.en).toMatch(/the guide points to a link whose address was lost\. Our reading: /);
    }
    // Facebook's guide links HelpWanted.nl itself; Instagram's does not: there the website is our reading.
    expect(step(facebook, 'fb-helpwanted-guide').links?.[0]?.origin).toEqual({ from: 'guide', part: 'Facebook en Messenger' });
    expect(step(instagram, 'ig-helpwanted-tips').links?.[0]?.origin).toEqual({ from: 'added', source: 'our-reading' });
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
