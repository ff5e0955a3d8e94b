/**
 * Reporting guidance as structured data, faithful to the Institute's guide (shared/seed/ncii-removal-guide.nl.txt).
 * Text is kept per language beside its structure, so a step and its translations can never drift apart.
 */

import type { Lang, Localized } from '../i18n';

/**
 * The guide's parts, by their headings as the guide writes them (shared/seed/ncii-removal-guide.nl.txt): an item
 * from the guide names the part it comes from, so a reader can find it there.
 */
export const GUIDE_PARTS = [
  'Wat kan je zelf doen?',
  'Hoe haal je de beelden offline?',
  'Facebook en Messenger',
  'Instagram',
  'Snapchat',
  'Youtube',
  'TikTok',
  'Twitter',
  'Whatsapp',
  'Discord',
  'Klacht neerleggen bij de politie',
  'Wat zijn de gevolgen van een klacht?',
  'Waar moet je rekening mee houden?',
  'Waar moet je op letten bij het indienen van een klacht?',
] as const;

export type GuidePart = (typeof GUIDE_PARTS)[number];

/**
 * Where material that is not the guide's comes from: the Institute's own website, the platform's own help pages,
 * the hand-off service's own website (StopNCII.org, Take It Down), our own advice, or our reading of the guide
 * (where its link or picture was lost from its text, or where we translate a label it quotes).
 */
export const ADDED_SOURCES = ['institute-site', 'platform-help', 'service-site', 'our-advice', 'our-reading'] as const;

export type AddedSource = (typeof ADDED_SOURCES)[number];

/** In the guide, in this part. */
export interface FromGuide {
  from: 'guide';
  part: GuidePart;
}

/** Not in the guide: added by us, from this source. The interface marks it, and nothing presents it as the guide's. */
export interface Added {
  from: 'added';
  source: AddedSource;
}

/** Where a step, note, link or contact comes from. Every one carries it (tests/unit/guide/origins.test.ts). */
export type Origin = FromGuide | Added;

/** A note shown with a section or a step (e.g. who may report on X), with its origin. */
export interface GuideNote {
  text: Localized;
  origin: Origin;
}

/** A note that is not the guide's, attached to a guide step (e.g. the Institute's hours beside "contact the Institute"). */
export interface AddedNote {
  text: Localized;
  origin: Added;
}

export interface GuideLink {
  /** Stable id, used in tests and to keep progress. */
  id: string;
  label: Localized;
  url: string;
  /**
   * The guide's text has lost every link address: a link "from the guide" is one the guide gives (its purpose),
   * with the address we found for it (shared/notes/platforms.md); `confirmed` says how sure that address is.
   */
  origin: Origin;
  /**
   * False when the address was seen only in third-party material: the interface shows it with a note
   * ("this link could not be confirmed") and never presents it as certain.
   */
  confirmed: boolean;
}

export interface GuideStep {
  /** Stable id, unique within its platform; progress ticks are stored against it. */
  id: string;
  text: Localized;
  origin: Origin;
  /** Material that is not the guide's, shown under the step with its marker: never mixed into `text`. */
  asides?: AddedNote[];
  /** Sub-steps or options (e.g. Snapchat's eight categories), shown nested; each can be ticked too. */
  substeps?: GuideStep[];
  links?: GuideLink[];
}

export interface GuideSection {
  id: string;
  /** Of the title and intro. A section that is all added material says so once, above its steps. */
  origin: Origin;
  title: Localized;
  /** Introductory prose before the steps (e.g. "contact the channel first"). */
  intro?: Localized;
  steps: GuideStep[];
  /** Background notes (e.g. who may report on X), each with its origin. */
  notes?: GuideNote[];
}

export interface PlatformGuide {
  /** Sections in the order the guide gives them (e.g. "in the app", "on the website", "with the form"). */
  sections: GuideSection[];
  /** Language a report to this platform should be written in, when the guide demands one (Snapchat: English). */
  reportLanguage?: Lang;
  links: GuideLink[];
}

/**
 * Guidance that belongs to no single platform (lib/guide/general.ts). Each part is one section, so the
 * interface can place them independently (e.g. `start` above the platform list, `otherSites` for unknown sites).
 */
export interface GeneralGuide {
  /** The guide's opening advice: act fast, screenshot first with platform and date visible. */
  start: GuideSection;
  /** How to reach the Institute (and HelpWanted.nl): the contacts confirmed on the Institute's site, per language. */
  institute: GuideSection;
  /** Hand-off services that block re-uploads by hash: StopNCII.org (adults), Take It Down (images from before 18). */
  handoff: GuideSection;
  /** What to do on a site that is not one of the supported platforms. */
  otherSites: GuideSection;
  links: GuideLink[];
}

/**
 * The guide's police-complaint guidance (lib/guide/police.ts): explanatory sections, then a checklist to tick
 * while preparing the complaint. The checklist has its own title and intro so it can also stand alone
 * (e.g. printed, or shown next to the evidence export).
 */
export interface PoliceGuide {
  sections: GuideSection[];
  checklistTitle: Localized;
  checklistIntro: Localized;
  /** Of the checklist's title and intro; each checklist step carries its own. */
  checklistOrigin: Origin;
  checklist: GuideStep[];
  links: GuideLink[];
}
