/**
 * Guidance that is not tied to one platform: the guide's opening advice, how to reach the Institute,
 * the hand-off services (StopNCII, Take It Down) and what to do on a site that is not one of the nine.
 *
 * Sources: shared/seed/ncii-removal-guide.nl.txt (opening part), the Institute's own site (contacts) and
 * shared/notes/platforms.md (hand-off services). The guide itself gives no phone number, hours or e-mail address:
 * every contact here is marked as added, from the Institute's website.
 */
import { added, fromGuide } from './origin';
import type { AddedNote, GeneralGuide, GuideLink } from './types';
import type { Localized } from '../i18n';

/** Free phone number of the Institute; option 1 is the line for this kind of report. */
export const INSTITUTE_PHONE = '0800 12 800';

/**
 * Only the Institute's Dutch pages give this e-mail address, so only the Dutch text shows it: each language shows
 * the contacts the Institute's site confirms in that language (phone and online form in all three).
 */
export const INSTITUTE_EMAIL_NL = 'gelijkheid.manvrouw@igvm.belgie.be';

export const instituteName: Localized = {
  nl: 'Instituut voor de gelijkheid van vrouwen en mannen',
  fr: 'Institut pour l’égalité des femmes et des hommes',
  en: 'Institute for the Equality of Women and Men',
};

/** The Institute's website; the guide's "contact the Institute [here]" links point at the Institute. */
export const instituteLink: GuideLink = {
  id: 'institute-website',
  origin: fromGuide('Facebook en Messenger'),
  label: {
    nl: 'Website van het Instituut voor de gelijkheid van vrouwen en mannen',
    fr: 'Site web de l’Institut pour l’égalité des femmes et des hommes',
    en: 'Website of the Institute for the Equality of Women and Men',
  },
  url: 'https://igvm-iefh.belgium.be',
  confirmed: true,
};

export const helpWantedLink: GuideLink = {
  id: 'helpwanted',
  origin: fromGuide('Facebook en Messenger'),
  label: {
    nl: 'HelpWanted.nl',
    fr: 'HelpWanted.nl (en néerlandais)',
    en: 'HelpWanted.nl (in Dutch)',
  },
  url: 'https://www.helpwanted.nl',
  confirmed: true,
};

export const stopNciiLink: GuideLink = {
  id: 'stopncii',
  origin: added('service-site'),
  label: { nl: 'StopNCII.org', fr: 'StopNCII.org', en: 'StopNCII.org' },
  url: 'https://stopncii.org',
  confirmed: true,
};

export const takeItDownLink: GuideLink = {
  id: 'take-it-down',
  origin: added('service-site'),
  label: {
    nl: 'Take It Down (takeitdown.ncmec.org)',
    fr: 'Take It Down (takeitdown.ncmec.org)',
    en: 'Take It Down (takeitdown.ncmec.org)',
  },
  url: 'https://takeitdown.ncmec.org',
  confirmed: true,
};

/**
 * The contact facts, shown beside guide steps that say "contact the Institute". No opening hours: the Institute's
 * own pages give different hours for the line, so the text sends the person to its website for them.
 */
export const instituteContact: Localized = {
  nl: `Je kan het Instituut gratis bellen op ${INSTITUTE_PHONE} (keuze 1); wanneer de lijn open is, staat op de website van het Instituut. Je kan ook het online meldformulier op die website gebruiken, of mailen naar ${INSTITUTE_EMAIL_NL}.`,
  fr: `Vous pouvez appeler gratuitement l’Institut au ${INSTITUTE_PHONE} (tapez 1) ; les heures d’ouverture de la ligne sont indiquées sur le site de l’Institut. Vous pouvez aussi utiliser le formulaire de signalement en ligne sur ce site.`,
  en: `You can call the Institute free of charge on ${INSTITUTE_PHONE} (option 1); the line’s opening hours are on the Institute’s website. You can also use the online reporting form on that website.`,
};

/** The contact facts as a note beside a guide step that says "contact the Institute": the guide gives none. */
export const instituteContactAside: AddedNote = { text: instituteContact, origin: added('institute-site') };

export const general: GeneralGuide = {
  start: {
    id: 'start',
    origin: fromGuide('Wat kan je zelf doen?'),
    title: {
      nl: 'Wat kan je zelf doen?',
      fr: 'Que pouvez-vous faire vous-même ?',
      en: 'What can you do yourself?',
    },
    intro: {
      nl: 'Staan er intieme beelden van jou op het internet, zonder je toestemming? Dan kan je twee dingen doen: de beelden offline halen en/of klacht neerleggen bij de politie.',
      fr: 'Des images intimes de vous se trouvent sur internet sans votre accord ? Vous pouvez faire deux choses : faire retirer les images et/ou porter plainte auprès de la police.',
      en: 'Are there intimate images of you on the internet without your consent? There are two things you can do: get the images taken offline, and/or file a complaint with the police.',
    },
    steps: [
      {
        id: 'start-act-fast',
        origin: fromGuide('Hoe haal je de beelden offline?'),
        text: {
          nl: 'Wees snel. Eenmaal beelden wijdverspreid zijn op het internet, is het zeer moeilijk de verspreiding tegen te gaan. Grijp dus meteen in wanneer je intieme beelden van jou ziet opduiken.',
          fr: 'Agissez vite. Une fois que des images sont largement diffusées sur internet, il est très difficile d’arrêter leur diffusion. Réagissez donc dès que vous voyez apparaître des images intimes de vous.',
          en: 'Act quickly. Once images have spread widely on the internet, it is very hard to stop them spreading. So step in as soon as you see intimate images of yourself appear.',
        },
      },
      {
        id: 'start-screenshot',
        origin: fromGuide('Hoe haal je de beelden offline?'),
        text: {
          nl: 'Neem eerst een screenshot van het intieme beeld, waarop het platform (en eventueel de datum) duidelijk zichtbaar is. Dit kan later dienen als bewijs in een eventuele rechtszaak.',
          fr: 'Faites d’abord une capture d’écran de l’image intime, sur laquelle la plateforme (et si possible la date) est clairement visible. Elle pourra servir plus tard de preuve dans une éventuelle procédure en justice.',
          en: 'First take a screenshot of the intimate image, with the platform (and if possible the date) clearly visible. It can serve later as evidence if there is a court case.',
        },
      },
      {
        id: 'start-follow-steps',
        origin: fromGuide('Hoe haal je de beelden offline?'),
        text: {
          nl: 'Je kan de beelden zelf offline halen door het stappenplan voor het platform te volgen. Lukt het je niet of heb je een vraag? Dan kan je het Instituut contacteren om je te helpen.',
          fr: 'Vous pouvez faire retirer les images vous-même en suivant les étapes prévues pour la plateforme. Vous n’y arrivez pas ou vous avez une question ? Vous pouvez contacter l’Institut, qui vous aidera.',
          en: 'You can get the images taken offline yourself by following the steps for the platform. If it doesn’t work, or if you have a question, you can contact the Institute for help.',
        },
        links: [instituteLink],
      },
    ],
    notes: [
      {
        text: {
          nl: 'Deze handleiding werd opgesteld met de hulp van HelpWanted.nl, waar je nog meer info over de strijd tegen digitale seksuele uitbuiting kan vinden.',
          fr: 'Ce guide a été rédigé avec l’aide de HelpWanted.nl, où vous trouverez encore plus d’informations sur la lutte contre l’exploitation sexuelle numérique.',
          en: 'This guide was written with the help of HelpWanted.nl, where you can find more information on fighting online sexual exploitation.',
        },
        origin: fromGuide('Hoe haal je de beelden offline?'),
      },
    ],
  },

  institute: {
    id: 'institute',
    origin: fromGuide('Hoe haal je de beelden offline?'),
    title: {
      nl: 'Het Instituut contacteren',
      fr: 'Contacter l’Institut',
      en: 'Contact the Institute',
    },
    intro: {
      nl: 'Lukt het je niet om de beelden zelf offline te halen, of heb je een vraag? Dan kan je het Instituut voor de gelijkheid van vrouwen en mannen contacteren om je te helpen.',
      fr: 'Vous n’arrivez pas à faire retirer les images vous-même, ou vous avez une question ? Vous pouvez alors contacter l’Institut pour l’égalité des femmes et des hommes, qui vous aidera.',
      en: 'If you cannot get the images taken offline yourself, or if you have a question, you can contact the Institute for the Equality of Women and Men for help.',
    },
    steps: [
      {
        id: 'institute-phone',
        origin: added('institute-site'),
        text: {
          nl: `Bel gratis naar ${INSTITUTE_PHONE} en kies optie 1. Wanneer de lijn open is, staat op de website van het Instituut.`,
          fr: `Appelez gratuitement le ${INSTITUTE_PHONE} et tapez 1. Les heures d’ouverture de la ligne sont indiquées sur le site de l’Institut.`,
          en: `Call ${INSTITUTE_PHONE} free of charge and choose option 1. The line’s opening hours are on the Institute’s website.`,
        },
        links: [instituteLink],
      },
      {
        id: 'institute-website',
        origin: added('institute-site'),
        text: {
          nl: `Op de website van het Instituut vind je ook een online meldformulier. Je kan ook mailen naar ${INSTITUTE_EMAIL_NL}.`,
          fr: 'Sur le site web de l’Institut, vous trouverez aussi un formulaire de signalement en ligne.',
          en: 'The Institute’s website also has an online reporting form.',
        },
        links: [instituteLink],
      },
      {
        id: 'institute-helpwanted',
        origin: added('service-site'),
        text: {
          nl: 'Wil je liever eerst anoniem met iemand praten? HelpWanted.nl is een Nederlandse hulplijn, gratis en anoniem.',
          fr: 'Vous préférez d’abord parler à quelqu’un de manière anonyme ? HelpWanted.nl est une ligne d’aide néerlandaise (en néerlandais), gratuite et anonyme.',
          en: 'Would you rather talk to someone anonymously first? HelpWanted.nl is a Dutch helpline (in Dutch), free and anonymous.',
        },
        links: [helpWantedLink],
      },
    ],
    notes: [
      {
        text: {
          nl: 'Sinds 1 juli 2020 is het Instituut bevoegd om volwassen slachtoffers te helpen van het verspreiden van intieme beelden zonder toestemming. Ben je jonger dan 18? Dan kan je terecht bij Child Focus.',
          fr: 'Depuis le 1er juillet 2020, l’Institut est compétent pour aider les victimes adultes de diffusion non consentie d’images intimes. Vous avez moins de 18 ans ? Vous pouvez vous adresser à Child Focus.',
          en: 'Since 1 July 2020, the Institute has been competent to help adult victims of intimate images shared without consent. If you are under 18, you can turn to Child Focus.',
        },
        origin: added('institute-site'),
      },
      {
        text: {
          nl: 'Het Instituut is een betrouwbare melder (trusted flagger) bij Facebook en Google/YouTube.',
          fr: 'L’Institut est un signaleur de confiance (trusted flagger) auprès de Facebook et de Google/YouTube.',
          en: 'The Institute is a trusted flagger with Facebook and Google/YouTube.',
        },
        origin: added('institute-site'),
      },
    ],
  },

  handoff: {
    id: 'handoff',
    origin: added('service-site'),
    title: {
      nl: 'Verdere verspreiding voorkomen',
      fr: 'Empêcher que les images soient à nouveau diffusées',
      en: 'Stop the images from being shared again',
    },
    intro: {
      nl: 'Deze diensten helpen om te voorkomen dat je beelden (opnieuw) worden gedeeld op platformen die meewerken. Je hoeft je beelden aan niemand te tonen.',
      fr: 'Ces services aident à empêcher que vos images soient (à nouveau) partagées sur les plateformes qui y participent. Vous n’avez à montrer vos images à personne.',
      en: 'These services help stop your images from being shared (again) on platforms that take part. You do not have to show your images to anyone.',
    },
    steps: [
      {
        id: 'handoff-stopncii',
        origin: added('service-site'),
        text: {
          nl: 'Ben je volwassen? Gebruik StopNCII.org. Het maakt op je eigen toestel een digitale vingerafdruk (hash) van je beelden; de beelden zelf verlaten je toestel nooit. Bewaar je dossiernummer en pincode goed: die kunnen niet worden hersteld als je ze kwijt bent.',
          fr: 'Vous êtes adulte ? Utilisez StopNCII.org. Le service crée sur votre propre appareil une empreinte numérique (hash) de vos images ; les images elles-mêmes ne quittent jamais votre appareil. Conservez bien votre numéro de dossier et votre code PIN : ils ne peuvent pas être récupérés si vous les perdez.',
          en: 'Are you an adult? Use StopNCII.org. It makes a digital fingerprint (hash) of your images on your own device; the images themselves never leave your device. Keep your case number and PIN safe: they cannot be recovered if you lose them.',
        },
        links: [stopNciiLink],
      },
      {
        id: 'handoff-take-it-down',
        origin: added('service-site'),
        text: {
          nl: 'Werden de beelden gemaakt toen je jonger was dan 18 (ook als je nu ouder bent)? Gebruik dan Take It Down. Het is anoniem en de vingerafdruk (hash) wordt ook op je eigen toestel gemaakt.',
          fr: 'Les images ont été prises quand vous aviez moins de 18 ans (même si vous avez plus de 18 ans aujourd’hui) ? Utilisez alors Take It Down. C’est anonyme, et l’empreinte (hash) est elle aussi créée sur votre propre appareil.',
          en: 'Were the images taken when you were under 18 (even if you are older now)? Then use Take It Down. It is anonymous, and the fingerprint (hash) is also made on your own device.',
        },
        links: [takeItDownLink],
      },
    ],
  },

  otherSites: {
    id: 'other-sites',
    origin: added('our-advice'),
    title: {
      nl: 'Een andere website',
      fr: 'Un autre site web',
      en: 'Another website',
    },
    intro: {
      nl: 'Staan je beelden op een website of app die hier niet apart vermeld staat? Deze stappen helpen je op weg.',
      fr: 'Vos images se trouvent sur un site ou une application qui n’est pas repris ici séparément ? Ces étapes vous aideront.',
      en: 'Are your images on a website or app that is not listed here separately? These steps will help you get started.',
    },
    steps: [
      {
        id: 'other-capture',
        origin: added('our-advice'),
        text: {
          nl: 'Leg eerst bewijs vast: neem een screenshot waarop de website en de datum zichtbaar zijn, en bewaar het adres (de URL) van de pagina.',
          fr: 'Conservez d’abord des preuves : faites une capture d’écran sur laquelle le site et la date sont visibles, et gardez l’adresse (l’URL) de la page.',
          en: 'First capture evidence: take a screenshot with the website and the date visible, and keep the address (URL) of the page.',
        },
      },
      {
        id: 'other-report-link',
        origin: added('our-advice'),
        text: {
          nl: 'Zoek op de website een knop of link om te melden (bijvoorbeeld “Melden”, “Rapporteren”, “Report” of “Abuse”) of een contactadres, vaak onderaan de pagina. Vraag daar om de beelden te verwijderen.',
          fr: 'Cherchez sur le site un bouton ou un lien de signalement (par exemple « Signaler », « Report » ou « Abuse ») ou une adresse de contact, souvent en bas de la page. Demandez-y le retrait des images.',
          en: 'Look on the website for a button or link to report (for example “Report” or “Abuse”) or a contact address, often at the bottom of the page. Ask there for the images to be removed.',
        },
      },
      {
        id: 'other-institute',
        origin: added('our-advice'),
        text: {
          nl: 'Lukt het niet, of weet je niet hoe? Ben je volwassen, dan kan het Instituut je helpen. Ben je jonger dan 18, dan kan je terecht bij Child Focus.',
          fr: 'Vous n’y arrivez pas, ou vous ne savez pas comment faire ? Si vous êtes adulte, l’Institut peut vous aider. Si vous avez moins de 18 ans, vous pouvez vous adresser à Child Focus.',
          en: 'If it doesn’t work, or you are not sure how: if you are an adult, the Institute can help you. If you are under 18, you can turn to Child Focus.',
        },
        links: [instituteLink],
      },
      {
        id: 'other-police',
        origin: added('our-advice'),
        text: {
          nl: 'Je kan ook klacht neerleggen bij de politie. Hoe je dat doet, lees je bij “Klacht neerleggen bij de politie”.',
          fr: 'Vous pouvez aussi porter plainte auprès de la police. Vous trouverez comment faire sous « Porter plainte auprès de la police ».',
          en: 'You can also file a complaint with the police. You can read how under “Filing a complaint with the police”.',
        },
      },
    ],
  },

  links: [instituteLink, helpWantedLink, stopNciiLink, takeItDownLink],
};
