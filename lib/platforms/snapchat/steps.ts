/**
 * Snapchat: the guide's section "Snapchat" (shared/seed/ncii-removal-guide.nl.txt), with all eight options of
 * the web route. The guide asks for reports in English, hence `reportLanguage: 'en'`. Option names are given as
 * the guide names them in Dutch. Since the report is made in English, the buttons and questions the person meets
 * are given in English first, with the translation beside them; that English is our translation of the guide's
 * Dutch (a note, marked as our reading, says Snapchat's wording may differ).
 */
import { added, fromGuide } from '../../guide/origin';
import type { GuideLink, PlatformGuide } from '../../guide/types';

const inGuide = fromGuide('Snapchat');

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
    nl: 'Formulier van Snapchatondersteuning',
    fr: 'Formulaire de l’assistance Snapchat',
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
            nl: 'De gids geeft de knoppen en vragen van Snapchat in het Nederlands. Omdat je de melding in het Engels doet, staat de Engelse tekst hier eerst, met de vertaling erbij. Die Engelse tekst is onze vertaling van de gids: Snapchat kan het iets anders verwoorden.',
            fr: 'Le guide cite les boutons et les questions de Snapchat en néerlandais. Comme le signalement se fait en anglais, le texte anglais est donné ici en premier, avec la traduction à côté. Ce texte anglais est notre traduction du guide : Snapchat peut le formuler un peu autrement.',
            en: 'The guide quotes Snapchat’s buttons and questions in Dutch. Since the report is made in English, they are given here in English; that English is our translation of the guide, and Snapchat’s own wording may differ slightly.',
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
            nl: 'Via een webpagina doe je melding door te surfen naar Snapchatondersteuning en te klikken op “Report a safety concern” (“Een veiligheidsprobleem melden”). Je kiest dan van de acht opties de meest toepasselijke:',
            fr: 'Sur le web, vous faites un signalement en allant sur l’assistance Snapchat et en cliquant sur « Report a safety concern » (« Signaler un problème de sécurité »). Choisissez ensuite, parmi les huit options, celle qui correspond le mieux :',
            en: 'On the web, you report by going to Snapchat Support and clicking “Report a safety concern”. Then choose the most fitting of the eight options:',
          },
          links: [safetyReportingLink, requestFormLink],
          substeps: [
            {
              id: 'snap-web-my-account',
              origin: inGuide,
              text: {
                nl: 'Mijn Snapchataccount. Kies deze optie als iemand een nepaccount van jou heeft aangemaakt.',
                fr: 'My Snapchat account (mon compte Snapchat). Choisissez cette option si quelqu’un a créé un faux compte à votre nom.',
                en: 'My Snapchat account. Choose this option if someone has made a fake account pretending to be you.',
              },
            },
            {
              id: 'snap-web-story',
              origin: inGuide,
              text: {
                nl: 'Een Verhaal. Kies deze optie om een naaktafbeelding, bedreiging of pesterijen in een verhaal (Story) te rapporteren.',
                fr: 'A Story (une Story). Choisissez cette option pour signaler une image de nudité, une menace ou du harcèlement dans une Story.',
                en: 'A Story. Choose this option to report a nude image, a threat or bullying in a Story.',
              },
            },
            {
              id: 'snap-web-snap-map',
              origin: inGuide,
              text: {
                nl: 'Snapkaart. Kies deze optie als je een Snap op Snap Map wilt rapporteren. Je krijgt dan eerst instructies over hoe je deze Snap vanuit de app kan rapporteren. Heb je daarna nog steeds last van deze content? Klik dan op “Yes” (“Ja”) bij de vraag “Do you need help with anything else?” (“Heb je nog ergens anders hulp bij nodig?”). Je kan nu het formulier invullen.',
                fr: 'Snap Map. Choisissez cette option si vous voulez signaler un Snap sur la Snap Map. Vous recevez d’abord des instructions pour signaler ce Snap depuis l’application. Si ce contenu vous pose encore problème ensuite, cliquez sur « Yes » (« Oui ») à la question « Do you need help with anything else? » (« Avez-vous besoin d’aide pour autre chose ? »). Vous pouvez alors remplir le formulaire.',
                en: 'Snap Map. Choose this option if you want to report a Snap on Snap Map. You will first get instructions on how to report this Snap from the app. If this content still troubles you after that, click “Yes” at the question “Do you need help with anything else?”. You can then fill in the form.',
              },
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
                nl: 'Het Snapchataccount van iemand anders. Kies deze optie als iemand je een naaktafbeelding of een ander vervelend bericht heeft gestuurd. Eerst krijg je informatie over hoe je een persoon kan blokkeren of rapporteren. Om het profiel via de website te rapporteren, druk je op “Yes” (“Ja”) bij de vraag “Can we help in another way?” (“Kunnen we op een andere manier helpen?”).',
                fr: 'Someone else’s Snapchat account (le compte Snapchat de quelqu’un d’autre). Choisissez cette option si quelqu’un vous a envoyé une image de nudité ou un autre message désagréable. Vous recevez d’abord des informations sur la manière de bloquer ou de signaler une personne. Pour signaler le profil via le site web, cliquez sur « Yes » (« Oui ») à la question « Can we help in another way? » (« Pouvons-nous vous aider autrement ? »).',
                en: 'Someone else’s Snapchat account. Choose this option if someone has sent you a nude image or another upsetting message. First you get information on how to block or report a person. To report the profile through the website, click “Yes” at the question “Can we help in another way?”.',
              },
            },
            {
              id: 'snap-web-other-story',
              origin: inGuide,
              text: {
                nl: 'Een Verhaal van een andere Snapchatter. Kies deze optie als je een Snap van een andere Snapchatter wilt rapporteren. Om het profiel te rapporteren, druk je op “Yes” (“Ja”) bij de vraag “Can we help in another way?” (“Kunnen we op een andere manier helpen?”).',
                fr: 'Another Snapchatter’s Story (la Story d’un autre Snapchatter). Choisissez cette option si vous voulez signaler un Snap d’un autre Snapchatter. Pour signaler le profil, cliquez sur « Yes » (« Oui ») à la question « Can we help in another way? » (« Pouvons-nous vous aider autrement ? »).',
                en: 'Another Snapchatter’s Story. Choose this option if you want to report a Snap from another Snapchatter. To report the profile, click “Yes” at the question “Can we help in another way?”.',
              },
            },
            {
              id: 'snap-web-discover',
              origin: inGuide,
              text: {
                nl: 'Verkennen. Kies deze optie als je Snapchat ergens feedback over wil geven.',
                fr: 'Discover. Choisissez cette option si vous voulez donner votre avis à Snapchat sur quelque chose.',
                en: 'Discover. Choose this option if you want to give Snapchat feedback about something.',
              },
            },
            {
              id: 'snap-web-lenses',
              origin: inGuide,
              text: {
                nl: 'Lenzen. Kies deze optie als je een ongepaste lens wilt rapporteren.',
                fr: 'Lenses (lentilles). Choisissez cette option si vous voulez signaler une lentille inappropriée.',
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
