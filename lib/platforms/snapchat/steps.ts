/**
 * Snapchat: the guide's section "Snapchat" (shared/seed/ncii-removal-guide.nl.txt), with all eight options of
 * the web route. The guide asks for reports in English, hence `reportLanguage: 'en'`. Each step holds the guide's
 * words (in French and English, their translation). Since the report is made in English, the English button and
 * questions the person meets stand beside four steps in asides marked as our reading: that English is our
 * translation of the guide's Dutch (a note says Snapchat's wording may differ), never mixed into the guide's text.
 */
import { added, fromGuide } from '../../guide/origin';
import type { AddedNote, GuideLink, PlatformGuide } from '../../guide/types';
import type { Localized } from '../../i18n';

const inGuide = fromGuide('Snapchat');

/** An aside giving, in every language, the English words Snapchat's English pages show (our translation). */
function inEnglish(words: Localized): AddedNote {
  return { text: words, origin: added('our-reading') };
}

const yesAt = (question: string): Localized => ({
  nl: `In het Engels: “Yes” bij de vraag “${question}”.`,
  fr: `En anglais : « Yes » à la question « ${question} ».`,
  en: `In English: “Yes” at the question “${question}”.`,
});

const safetyReportingLink: GuideLink = {
  id: 'snap-safety-reporting',
  origin: inGuide,
  label: {
    nl: 'Snapchatondersteuning: een veiligheidsprobleem melden',
    fr: 'Assistance Snapchat : signaler un problème de sécurité',
    en: 'Snapchat Support: report a safety concern',
  },
  url: 'https://values.snap.com/safety/safety-reporting',
  confirmed: true,
};

const requestFormLink: GuideLink = {
  id: 'snap-request-form',
  origin: added('platform-help'),
  label: {
    nl: 'Formulier van Snapchatondersteuning (in het Engels)',
    fr: 'Formulaire de l’assistance Snapchat (en anglais)',
    en: 'Snapchat Support form',
  },
  url: 'https://help.snapchat.com/hc/en-us/requests/new',
  confirmed: false,
};

export const guide: PlatformGuide = {
  reportLanguage: 'en',
  sections: [
    {
      id: 'snap-report',
      origin: inGuide,
      title: {
        nl: 'Melden bij Snapchat',
        fr: 'Signaler à Snapchat',
        en: 'Reporting to Snapchat',
      },
      intro: {
        nl: 'Worden er intieme beelden van jou verspreid via Snapchat? Dan kan je een melding doen van de snap, het verhaal en/of het profiel van de verspreider, via de app of de webpagina.',
        fr: 'Des images intimes de vous sont diffusées sur Snapchat ? Vous pouvez signaler le snap, la story et/ou le profil de la personne qui les diffuse, dans l’application ou sur le site web.',
        en: 'Are intimate images of you being shared on Snapchat? You can report the snap, the story and/or the profile of the person sharing them, in the app or on the website.',
      },
      notes: [
        {
          text: {
            nl: 'Let erop dat je deze melding in het Engels doet.',
            fr: 'Attention : faites ce signalement en anglais.',
            en: 'Please make this report in English.',
          },
          origin: inGuide,
        },
        {
          text: {
            nl: 'De gids geeft de knoppen en vragen van Snapchat in het Nederlands. Omdat je de melding in het Engels doet, staat bij die stappen ook de Engelse tekst, apart gemarkeerd. Die Engelse tekst is onze vertaling van de gids: Snapchat kan het iets anders verwoorden.',
            fr: 'Le guide cite les boutons et les questions de Snapchat en néerlandais. Comme le signalement se fait en anglais, le texte anglais est aussi donné à côté de ces étapes, marqué à part. Ce texte anglais est notre traduction du guide : Snapchat peut le formuler un peu autrement.',
            en: 'The guide quotes Snapchat’s buttons and questions in Dutch. Since the report is made in English, the English words are also given beside those steps, marked apart. That English is our translation of the guide, and Snapchat’s own wording may differ slightly.',
          },
          origin: added('our-reading'),
        },
      ],
      steps: [
        {
          id: 'snap-app',
          origin: inGuide,
          text: {
            nl: 'Via de app doe je melding door op de drie verticale puntjes te klikken en de optie “Melden” of “Report” te kiezen. Leg vervolgens duidelijk uit waarom je deze melding doet.',
            fr: 'Dans l’application, vous faites un signalement en touchant les trois points verticaux et en choisissant l’option « Signaler » ou « Report ». Expliquez ensuite clairement pourquoi vous faites ce signalement.',
            en: 'In the app, you report by tapping the three vertical dots and choosing “Report”. Then explain clearly why you are making this report.',
          },
        },
        {
          id: 'snap-web',
          origin: inGuide,
          text: {
            nl: 'Via een webpagina doe je melding door te surfen naar Snapchatondersteuning en te klikken op “Een veiligheidsprobleem melden”. Je kiest dan van de acht opties de meest toepasselijke:',
            fr: 'Sur le web, vous faites un signalement en allant sur l’assistance Snapchat et en cliquant sur « Signaler un problème de sécurité ». Choisissez ensuite, parmi les huit options, celle qui correspond le mieux :',
            en: 'On the web, you report by going to Snapchat Support and clicking “Report a safety concern”. Then choose the most fitting of the eight options:',
          },
          asides: [
            inEnglish({
              nl: 'In het Engels: “Report a safety concern”.',
              fr: 'En anglais : « Report a safety concern ».',
              en: 'In English: “Report a safety concern”.',
            }),
          ],
          links: [safetyReportingLink, requestFormLink],
          substeps: [
            {
              id: 'snap-web-my-account',
              origin: inGuide,
              text: {
                nl: 'Mijn Snapchataccount. Kies deze optie als iemand een nepaccount van jou heeft aangemaakt.',
                fr: 'Mon compte Snapchat. Choisissez cette option si quelqu’un a créé un faux compte à votre nom.',
                en: 'My Snapchat account. Choose this option if someone has made a fake account pretending to be you.',
              },
            },
            {
              id: 'snap-web-story',
              origin: inGuide,
              text: {
                nl: 'Een Verhaal. Kies deze optie om een naaktafbeelding, bedreiging of pesterijen in een verhaal (Story) te rapporteren.',
                fr: 'Une Story. Choisissez cette option pour signaler une image de nudité, une menace ou du harcèlement dans une Story.',
                en: 'A Story. Choose this option to report a nude image, a threat or bullying in a Story.',
              },
            },
            {
              id: 'snap-web-snap-map',
              origin: inGuide,
              text: {
                nl: 'Snapkaart. Kies deze optie als je een Snap op Snap Map wilt rapporteren. Je krijgt dan eerst instructies over hoe je deze Snap vanuit de app kan rapporteren. Heb je daarna nog steeds last van deze content? Klik dan op “Ja” bij de vraag “Heb je nog ergens anders hulp bij nodig?”. Je kan nu het formulier invullen.',
                fr: 'Snap Map. Choisissez cette option si vous voulez signaler un Snap sur la Snap Map. Vous recevez d’abord des instructions pour signaler ce Snap depuis l’application. Si ce contenu vous pose encore problème ensuite, cliquez sur « Oui » à la question « Avez-vous besoin d’aide pour autre chose ? ». Vous pouvez alors remplir le formulaire.',
                en: 'Snap Map. Choose this option if you want to report a Snap on Snap Map. You will first get instructions on how to report this Snap from the app. If this content still troubles you after that, click “Yes” at the question “Do you need help with anything else?”. You can then fill in the form.',
              },
              asides: [inEnglish(yesAt('Do you need help with anything else?'))],
            },
            {
              id: 'snap-web-context-cards',
              origin: inGuide,
              text: {
                nl: 'Context Cards. Kies deze optie als je iets van Context Cards wilt rapporteren.',
                fr: 'Context Cards. Choisissez cette option si vous voulez signaler quelque chose dans les Context Cards.',
                en: 'Context Cards. Choose this option if you want to report something from Context Cards.',
              },
            },
            {
              id: 'snap-web-other-account',
              origin: inGuide,
              text: {
                nl: 'Het Snapchataccount van iemand anders. Kies deze optie als iemand je een naaktafbeelding of een ander vervelend bericht heeft gestuurd. Eerst krijg je informatie over hoe je een persoon kan blokkeren of rapporteren. Om het profiel via de website te rapporteren, druk je op “Ja” bij de vraag “Kunnen we op een andere manier helpen?”.',
                fr: 'Le compte Snapchat de quelqu’un d’autre. Choisissez cette option si quelqu’un vous a envoyé une image de nudité ou un autre message désagréable. Vous recevez d’abord des informations sur la manière de bloquer ou de signaler une personne. Pour signaler le profil via le site web, cliquez sur « Oui » à la question « Pouvons-nous vous aider autrement ? ».',
                en: 'Someone else’s Snapchat account. Choose this option if someone has sent you a nude image or another upsetting message. First you get information on how to block or report a person. To report the profile through the website, click “Yes” at the question “Can we help in another way?”.',
              },
              asides: [inEnglish(yesAt('Can we help in another way?'))],
            },
            {
              id: 'snap-web-other-story',
              origin: inGuide,
              text: {
                nl: 'Een Verhaal van een andere Snapchatter. Kies deze optie als je een Snap van een andere Snapchatter wilt rapporteren. Om het profiel te rapporteren, druk je op “Ja” bij de vraag “Kunnen we op een andere manier helpen?”.',
                fr: 'La Story d’un autre Snapchatter. Choisissez cette option si vous voulez signaler un Snap d’un autre Snapchatter. Pour signaler le profil, cliquez sur « Oui » à la question « Pouvons-nous vous aider autrement ? ».',
                en: 'Another Snapchatter’s Story. Choose this option if you want to report a Snap from another Snapchatter. To report the profile, click “Yes” at the question “Can we help in another way?”.',
              },
              asides: [inEnglish(yesAt('Can we help in another way?'))],
            },
            {
              id: 'snap-web-discover',
              origin: inGuide,
              text: {
                nl: 'Verkennen. Kies deze optie als je Snapchat ergens feedback over wil geven.',
                fr: 'Découvrir. Choisissez cette option si vous voulez donner votre avis à Snapchat sur quelque chose.',
                en: 'Discover. Choose this option if you want to give Snapchat feedback about something.',
              },
            },
            {
              id: 'snap-web-lenses',
              origin: inGuide,
              text: {
                nl: 'Lenzen. Kies deze optie als je een ongepaste lens wilt rapporteren.',
                fr: 'Lentilles. Choisissez cette option si vous voulez signaler une lentille inappropriée.',
                en: 'Lenses. Choose this option if you want to report an inappropriate Lens.',
              },
            },
          ],
        },
      ],
    },
  ],
  links: [safetyReportingLink, requestFormLink],
};
