/**
 * Reporting guidance as structured data, faithful to the Institute's guide (shared/seed/ncii-removal-guide.nl.txt).
 * Text is kept per language beside its structure, so a step and its translations can never drift apart.
 */

export type Lang = 'nl' | 'fr' | 'en';

/** One piece of text in every interface language. */
export type Localized = Record<Lang, string>;

export interface GuideLink {
  /** Stable id, used in tests and to keep progress. */
  id: string;
  label: Localized;
  url: string;
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
  /** Sub-steps or options (e.g. Snapchat's eight categories), shown nested; each can be ticked too. */
  substeps?: GuideStep[];
  links?: GuideLink[];
}

export interface GuideSection {
  id: string;
  title: Localized;
  /** Introductory prose before the steps (e.g. "contact the channel first"). */
  intro?: Localized;
  steps: GuideStep[];
  /** Background notes from the guide (e.g. who may report on X). */
  notes?: Localized[];
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
  /** How to reach the Institute (and HelpWanted.nl); no opening hours or postal address, as they vary. */
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
  checklist: GuideStep[];
  links: GuideLink[];
}
