/**
 * The reporting guidance must carry everything the Institute's guide says (shared/seed/ncii-removal-guide.nl.txt).
 * The checklist below was extracted by hand from the guide: distinctive Dutch phrases and facts, per platform and
 * for the police part. Each must appear (case-insensitive) in the Dutch text of that data. Structural checks
 * follow: every text is translated, step ids are unique, links are https with an explicit `confirmed` flag, and
 * exactly the links that shared/notes/platforms.md calls unconfirmed are flagged as such.
 */
import { describe, expect, it } from 'vitest';
import { general } from '../../../lib/guide/general';
import { police } from '../../../lib/guide/police';
import type { GuideLink, GuideStep, PlatformGuide } from '../../../lib/guide/types';
import { guide as discord } from '../../../lib/platforms/discord/steps';
import { guide as facebook } from '../../../lib/platforms/facebook/steps';
import { guide as instagram } from '../../../lib/platforms/instagram/steps';
import { guide as messenger } from '../../../lib/platforms/messenger/steps';
import { guide as snapchat } from '../../../lib/platforms/snapchat/steps';
import { guide as tiktok } from '../../../lib/platforms/tiktok/steps';
import { guide as whatsapp } from '../../../lib/platforms/whatsapp/steps';
import { guide as x } from '../../../lib/platforms/x/steps';
import { guide as youtube } from '../../../lib/platforms/youtube/steps';

const platformGuides: Record<string, PlatformGuide> = {
  facebook,
  messenger,
  instagram,
  snapchat,
  youtube,
  tiktok,
  x,
  whatsapp,
  discord,
};

/** Everything that is not a platform, under one name each, for the structural checks. */
const otherData: Record<string, unknown> = { general, police };

/** Distinctive phrases and facts from the guide, in Dutch. */
const checklist: Record<string, string[]> = {
  facebook: [
    'Messenger',
    'drie opties',
    'Contacteer het Instituut',
    'prioritair en snel',
    'het formulier in om Facebook te vragen de beelden te verwijderen',
    'hulp nodig bij het invullen',
    'drie puntjes',
    'Rapporteren',
    'preventief offline gehaald als ze opnieuw worden gepost',
    'eerst screenshots',
    'Facebook-URL',
    'e-mailadres',
    'persoon die de beelden heeft verspreid',
    'informatie en tips',
    'beveiligen van je Facebookprofiel',
    'handleiding van HelpWanted.nl',
  ],
  instagram: [
    'Instagram-app',
    'rechtsboven het profiel',
    'aanwijzingen op het scherm',
    'webpagina',
    'profiel van de verspreider',
    'naast de gebruikersnaam',
    'Gebruiker rapporteren',
    'rechtsboven het bericht',
    'Rapporteren als ongepast',
    'geen Instagram-profiel',
    'Instagram-account beter te beveiligen',
    'gevolgen van de verspreiding',
    'HelpWanted.nl',
  ],
  snapchat: [
    'snap, het verhaal en/of het profiel',
    'Engels',
    'drie verticale puntjes',
    '“Melden” of “Report”',
    'duidelijk uit waarom',
    'Snapchatondersteuning',
    'Een veiligheidsprobleem melden',
    'acht opties',
    'Mijn Snapchataccount',
    'nepaccount',
    'Een Verhaal.',
    'naaktafbeelding, bedreiging of pesterijen',
    'Snapkaart',
    'Snap Map',
    'Heb je nog ergens anders hulp bij nodig',
    'Context Cards',
    'Het Snapchataccount van iemand anders',
    'blokkeren of rapporteren',
    'Kunnen we op een andere manier helpen',
    'Een Verhaal van een andere Snapchatter',
    'Verkennen',
    'feedback',
    'Lenzen',
    'ongepaste lens',
  ],
  youtube: [
    'eerst contact op met het kanaal',
    'pas klacht in bij YouTube',
    'formulier',
    'geen profiel nodig',
    'drie horizontale puntjes',
    'meest passende optie',
    'Google account',
    'Gmail',
    'www.gmail.com',
  ],
  tiktok: [
    'een video, een reactie en/of een account',
    'blokkeren',
    'drie verticale bolletjes',
    'meest gepaste optie',
    'beschrijving van de melding',
    'foto’s als bewijs',
    'screenshots van een profiel of chatgesprekken',
    'reactie of video',
    'reactie onder een video',
  ],
  x: [
    'Twitter',
    'Vanuit de app',
    'Vanaf de website',
    'Tweet rapporteren',
    'gevoelige foto of video',
    'Een onbevoegde foto of video',
    'onbevoegde, intieme content van mij of van iemand anders',
    'namens wie',
    'maximaal 5',
    'maximaal vijf',
    'ter beoordeling',
    'Verstuur je rapport',
    'privégegevens',
    'An unauthorized photo or video',
    'wraak',
    'geld te verdienen',
    'oproepen om zulke beelden te verspreiden',
    'door iedereen',
    'enkel door de betrokkenen',
    'wetgever',
    'dialoog',
    'bij twijfel',
    'in jouw naam',
  ],
  whatsapp: [
    'Android',
    '“Meer”',
    '“Blokkeren” of “Rapporteren”',
    'zowel blokkeren als rapporteren',
    'en dus niet “Rapporteren”',
    'bevestig',
    'Melden en blokkeren',
    'iPhone',
    'naar beneden',
    'uitleg',
    'screenshots',
    '“Help”',
    'Contact opnemen',
    'radartje',
    'Windows Phone',
    'drie horizontale bolletjes',
    'Ondersteuning',
    'hele groep',
    'naaktbeelden',
    'Groepsinformatie',
    'Groep rapporteren',
    'privacyinstellingen',
  ],
  discord: [
    'Trust & Safety Center',
    'bedreigingen, spam',
    'lastigvallen',
    '17 of 18 cijfers',
    'niet de Discord-gebruikersnaam+tag',
    'ID-nummer van het kanaal',
    'Persoonlijke chats hebben ook kanaalnummers',
    'ID-nummer van het bericht',
    'slechts een paar berichten',
    'ID-nummer van de server',
    'servernummer',
    'beschrijving van het probleem',
    'Zonder ID-nummers kan Discord het probleem niet onderzoeken',
  ],
  police: [
    'dader gestraft',
    'lokale politiecommissariaat',
    'telefonisch een afspraak',
    'kort de context',
    'ervaring heeft met dergelijke feiten',
    'in kaart te brengen',
    'eng',
    'schaam',
    'geen schuld',
    'Jij bent het slachtoffer',
    'misdrijf',
    'verder verspreiden',
    'platform dat niet meewerkt',
    'Openbaar Ministerie',
    'op de hoogte te worden gehouden',
    'gehoord',
    'schadevergoeding',
    'welke straf',
    'identiteit',
    'niet persoonlijk kent',
    'contacteer dan het Instituut',
    'digitaal als analoog',
    'datum zichtbaar',
    'kwaadwillig opzet',
    'winstbejag',
    'geslacht',
    'commentaren',
    'al vaker',
    'algemene houding',
    'advocaat of een vertrouwenspersoon',
  ],
  general: [
    'Wees snel',
    'wijdverspreid',
    'screenshot',
    'platform (en eventueel de datum)',
    'bewijs in een eventuele rechtszaak',
    'klacht neerleggen bij de politie',
    'Instituut voor de gelijkheid van vrouwen en mannen',
    '1 juli 2020',
    'volwassen',
    'Child Focus',
    'trusted flagger',
    'Google/YouTube',
    '0800 12 800',
    'optie 1',
    'gelijkheid.manvrouw@igvm.belgie.be',
    'HelpWanted.nl',
    'gratis en anoniem',
    'StopNCII.org',
    'verlaten je toestel nooit',
    'dossiernummer en pincode',
    'niet worden hersteld',
    'Take It Down',
    'jonger dan 18',
    'URL',
    'melden',
  ],
};

const checklistSources: Record<string, unknown> = { ...platformGuides, ...otherData };

/** Every value found under a `nl` key, anywhere in the structure: the Dutch text, flattened. */
function dutchText(data: unknown): string {
  const parts: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (key === 'nl' && typeof inner === 'string') parts.push(inner);
        else walk(inner);
      }
    }
  };
  walk(data);
  return parts.join('\n');
}

/** Every object that looks like a Localized value (has an nl, fr or en key). */
function localizedValues(data: unknown): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if ('nl' in record || 'fr' in record || 'en' in record) found.push(record);
      else Object.values(record).forEach(walk);
    }
  };
  walk(data);
  return found;
}

/** Every object with a `url` key: the links, wherever they sit. */
function linksIn(data: unknown): GuideLink[] {
  const found: GuideLink[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if ('url' in record) found.push(record as unknown as GuideLink);
      else Object.values(record).forEach(walk);
    }
  };
  walk(data);
  return found;
}

function allSteps(steps: GuideStep[]): GuideStep[] {
  return steps.flatMap((step) => [step, ...allSteps(step.substeps ?? [])]);
}

function stepIds(guide: PlatformGuide): string[] {
  return guide.sections.flatMap((section) => allSteps(section.steps)).map((step) => step.id);
}

describe('guide coverage checklist', () => {
  it('holds at least 60 items', () => {
    const total = Object.values(checklist).reduce((sum, items) => sum + items.length, 0);
    expect(total).toBeGreaterThanOrEqual(60);
  });

  for (const [name, items] of Object.entries(checklist)) {
    it(`${name}: the Dutch text carries every item from the guide`, () => {
      const text = dutchText(checklistSources[name]).toLowerCase();
      const missing = items.filter((item) => !text.includes(item.toLowerCase()));
      expect(missing).toEqual([]);
    });
  }

  it('Snapchat lists all eight web options as substeps and asks for English', () => {
    expect(snapchat.reportLanguage).toBe('en');
    const web = snapchat.sections.flatMap((section) => section.steps).find((step) => step.id === 'snap-web');
    expect(web?.substeps).toHaveLength(8);
  });

  it('X gives the same seven steps in the app and on the website', () => {
    const steps = x.sections.flatMap((section) => section.steps);
    expect(steps.find((step) => step.id === 'x-app')?.substeps).toHaveLength(7);
    expect(steps.find((step) => step.id === 'x-web')?.substeps).toHaveLength(7);
  });

  it('Discord asks for the four ID numbers', () => {
    expect(discord.sections.find((section) => section.id === 'discord-ids')?.steps).toHaveLength(4);
  });

  it('Facebook offers three options, and Messenger reuses the Facebook guide unchanged', () => {
    expect(facebook.sections.find((section) => section.id === 'fb-options')?.steps).toHaveLength(3);
    expect(messenger).toBe(facebook);
  });

  it('Instagram gives four routes', () => {
    expect(instagram.sections.find((section) => section.id === 'ig-report')?.steps).toHaveLength(4);
  });

  it('the police checklist covers evidence, motives and support', () => {
    expect(police.checklist.map((step) => step.id)).toEqual([
      'police-evidence',
      'police-malice-profit',
      'police-gender-motive',
      'police-support-person',
    ]);
  });
});

describe('guide data structure', () => {
  const everything: Record<string, unknown> = { ...platformGuides, ...otherData };

  for (const [name, data] of Object.entries(everything)) {
    it(`${name}: every text has non-empty nl, fr and en`, () => {
      const values = localizedValues(data);
      expect(values.length).toBeGreaterThan(0);
      for (const value of values) {
        for (const lang of ['nl', 'fr', 'en'] as const) {
          const text = value[lang];
          expect(typeof text, `${lang} of ${JSON.stringify(value).slice(0, 80)}`).toBe('string');
          expect((text as string).trim(), `${lang} of ${JSON.stringify(value).slice(0, 80)}`).not.toBe('');
        }
        expect(Object.keys(value).sort()).toEqual(['en', 'fr', 'nl']);
      }
    });

    it(`${name}: no markdown link or placeholder from the guide is left`, () => {
      const text = JSON.stringify(data);
      expect(text).not.toMatch(/\]\(#\)|\[hier\]|\*[^*\s][^*]*\*/);
    });

    it(`${name}: every link is https and has a boolean confirmed flag`, () => {
      for (const link of linksIn(data)) {
        expect(new URL(link.url).protocol, link.url).toBe('https:');
        expect(typeof link.confirmed, link.url).toBe('boolean');
        expect(link.id, link.url).toMatch(/\S/);
      }
    });
  }

  for (const [name, guide] of Object.entries(platformGuides)) {
    it(`${name}: step and section ids are unique`, () => {
      const ids = stepIds(guide);
      expect(ids.length).toBeGreaterThan(0);
      expect(new Set(ids).size).toBe(ids.length);
      const sectionIds = guide.sections.map((section) => section.id);
      expect(new Set(sectionIds).size).toBe(sectionIds.length);
    });

    it(`${name}: links used in steps are also listed in the platform links, once each`, () => {
      const listed = new Set(guide.links.map((link) => link.url));
      expect(listed.size).toBe(guide.links.length);
      for (const link of linksIn(guide.sections)) expect(listed.has(link.url), link.url).toBe(true);
    });
  }

  it('police and general: step ids are unique', () => {
    const ids = [
      ...police.sections.flatMap((section) => allSteps(section.steps)),
      ...allSteps(police.checklist),
      ...[general.start, general.institute, general.handoff, general.otherSites].flatMap((section) =>
        allSteps(section.steps),
      ),
    ].map((step) => step.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('exactly the links the notes call unconfirmed are flagged unconfirmed', () => {
    const links = linksIn(everything);
    const unconfirmed = new Set(links.filter((link) => !link.confirmed).map((link) => link.url));
    expect([...unconfirmed].sort()).toEqual(
      [
        'https://www.facebook.com/help/contact/634636250523119',
        'https://help.instagram.com/contact/504521742987441',
        'https://help.x.com/forms/private_information',
        'https://help.snapchat.com/hc/en-us/requests/new',
      ].sort(),
    );
    const confirmed = new Set(links.filter((link) => link.confirmed).map((link) => link.url));
    expect([...confirmed].sort()).toEqual(
      [
        'https://dis.gd/request',
        'https://discord.com/report',
        'https://help.x.com/forms/safety-and-sensitive-content/take-it-down',
        'https://about.meta.com/actions/safety/topics/bullying-harassment/ncii',
        'https://www.facebook.com/safety/notwithoutmyconsent',
        'https://help.instagram.com/616583228400289',
        'https://support.tiktok.com/en/safety-hc/report-a-problem/report-sexual-abuse',
        'https://support.google.com/youtube/answer/142443',
        'https://values.snap.com/safety/safety-reporting',
        'https://igvm-iefh.belgium.be',
        'https://www.helpwanted.nl',
        'https://stopncii.org',
        'https://takeitdown.ncmec.org',
      ].sort(),
    );
  });
});
