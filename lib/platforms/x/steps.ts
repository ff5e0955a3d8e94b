/**
 * X (formerly Twitter): the guide's section "Twitter" (shared/seed/ncii-removal-guide.nl.txt): the app route and
 * the web route with their seven steps each, the private-information form and the background note on who may
 * report. Menu labels are the guide's (from the Twitter era); a note says they may now read "post" for "Tweet".
 * The guide shows the menu icon as an image lost in the text version: the step keeps the guide's words, and an
 * aside marked as our reading says so and names X's "More" icon (three dots).
 * X's take-it-down form (platforms.md, confirmed) is not in the guide and is only offered as a platform link.
 */
import { instituteContactAside, instituteLink } from '../../guide/general';
import { added, fromGuide } from '../../guide/origin';
import type { GuideLink, GuideStep, PlatformGuide } from '../../guide/types';

const inGuide = fromGuide('Twitter');

const privateInformationFormLink: GuideLink = {
  id: 'x-private-information-form',
  origin: inGuide,
  label: {
    nl: 'Formulier van X voor het rapporteren van privégegevens',
    fr: 'Formulaire de X pour signaler des informations privées',
    en: 'X form for reporting private information',
  },
  url: 'https://help.x.com/forms/private_information',
  confirmed: false,
};

const takeItDownFormLink: GuideLink = {
  id: 'x-take-it-down-form',
  origin: added('platform-help'),
  label: {
    nl: 'Formulier van X om intieme beelden zonder toestemming te melden (geen account nodig)',
    fr: 'Formulaire de X pour signaler des images intimes diffusées sans consentement (sans compte)',
    en: 'X form to report intimate images shared without consent (no account needed)',
  },
  url: 'https://help.x.com/forms/safety-and-sensitive-content/take-it-down',
  confirmed: true,
};

/** The seven steps, the same in the app and on the website; `prefix` keeps the ids unique. */
function reportSteps(prefix: string): GuideStep[] {
  return [
    {
      id: `${prefix}-report-tweet`,
      origin: inGuide,
      text: {
        nl: 'Selecteer “Tweet rapporteren” via het icoon.',
        fr: 'Sélectionnez « Signaler le Tweet » via l’icône.',
        en: 'Select “Report Tweet” using the icon.',
      },
      asides: [
        {
          text: {
            nl: 'In de gids staat hier een afbeelding van het icoon, die in de tekst verloren ging. Onze lezing: op X is dat het icoon “Meer” (drie puntjes) bij de post.',
            fr: 'Le guide montre ici une image de l’icône, qui a été perdue dans le texte. Notre lecture : sur X, c’est l’icône « Plus » (trois points) du post.',
            en: 'The guide shows a picture of the icon here, which was lost from its text. Our reading: on X, it is the “More” icon (three dots) on the post.',
          },
          origin: added('our-reading'),
        },
      ],
    },
    {
      id: `${prefix}-sensitive-media`,
      origin: inGuide,
      text: {
        nl: 'Selecteer “De Tweet bevat een gevoelige foto of video”.',
        fr: 'Sélectionnez « Le Tweet contient une photo ou une vidéo sensible ».',
        en: 'Select “The Tweet contains a sensitive photo or video”.',
      },
    },
    {
      id: `${prefix}-unauthorized-media`,
      origin: inGuide,
      text: {
        nl: 'Selecteer “Een onbevoegde foto of video”.',
        fr: 'Sélectionnez « Une photo ou une vidéo non autorisée ».',
        en: 'Select “An unauthorized photo or video”.',
      },
    },
    {
      id: `${prefix}-intimate-content`,
      origin: inGuide,
      text: {
        nl: 'Selecteer “Het bevat onbevoegde, intieme content van mij of van iemand anders”.',
        fr: 'Sélectionnez « Il contient du contenu intime non autorisé me concernant ou concernant quelqu’un d’autre ».',
        en: 'Select “It contains unauthorized intimate content of me or someone else”.',
      },
    },
    {
      id: `${prefix}-on-behalf-of`,
      origin: inGuide,
      text: {
        nl: 'Selecteer de relevante optie, afhankelijk van degene namens wie je content rapporteert.',
        fr: 'Sélectionnez l’option qui convient, selon la personne au nom de laquelle vous signalez le contenu.',
        en: 'Select the relevant option, depending on who you are reporting the content for.',
      },
    },
    {
      id: `${prefix}-select-tweets`,
      origin: inGuide,
      text:
        prefix === 'x-app'
          ? {
              nl: 'Selecteer maximaal 5 Tweets die je ter beoordeling wil rapporteren.',
              fr: 'Sélectionnez au maximum 5 Tweets que vous voulez signaler pour examen.',
              en: 'Select up to 5 Tweets that you want to report for review.',
            }
          : {
              nl: 'Selecteer maximaal vijf Tweets die je ter beoordeling wil rapporteren.',
              fr: 'Sélectionnez au maximum cinq Tweets que vous voulez signaler pour examen.',
              en: 'Select up to five Tweets that you want to report for review.',
            },
    },
    {
      id: `${prefix}-send`,
      origin: inGuide,
      text: {
        nl: 'Verstuur je rapport.',
        fr: 'Envoyez votre signalement.',
        en: 'Send your report.',
      },
    },
  ];
}

export const guide: PlatformGuide = {
  sections: [
    {
      id: 'x-report',
      origin: inGuide,
      title: {
        nl: 'Melden bij X (Twitter)',
        fr: 'Signaler à X (Twitter)',
        en: 'Reporting to X (Twitter)',
      },
      intro: {
        nl: 'Worden er intieme beelden van jou verspreid via Twitter (nu X)? Dan kan je melding maken vanuit de app of de website.',
        fr: 'Des images intimes de vous sont diffusées sur Twitter (aujourd’hui X) ? Vous pouvez faire un signalement depuis l’application ou le site web.',
        en: 'Are intimate images of you being shared on Twitter (now X)? You can report from the app or the website.',
      },
      steps: [
        {
          id: 'x-app',
          origin: inGuide,
          text: {
            nl: 'Vanuit de app maak je zo melding:',
            fr: 'Depuis l’application, vous faites un signalement comme ceci :',
            en: 'From the app, you report like this:',
          },
          substeps: reportSteps('x-app'),
        },
        {
          id: 'x-web',
          origin: inGuide,
          text: {
            nl: 'Vanaf de website maak je zo melding:',
            fr: 'Depuis le site web, vous faites un signalement comme ceci :',
            en: 'From the website, you report like this:',
          },
          substeps: reportSteps('x-web'),
        },
        {
          id: 'x-private-information-form',
          origin: inGuide,
          text: {
            nl: 'Je kan ook melding maken via het formulier voor het rapporteren van privégegevens, door de optie “An unauthorized photo or video” te selecteren.',
            fr: 'Vous pouvez aussi faire un signalement via le formulaire pour signaler des informations privées, en sélectionnant l’option « An unauthorized photo or video » (une photo ou une vidéo non autorisée).',
            en: 'You can also report through the form for reporting private information, by selecting the option “An unauthorized photo or video”.',
          },
          links: [privateInformationFormLink],
        },
      ],
      notes: [
        {
          text: {
            nl: 'Twitter heet nu X, en Tweets heten nu posts. Daarom kunnen de knoppen en opties iets anders heten dan hier beschreven.',
            fr: 'Twitter s’appelle désormais X, et les Tweets s’appellent désormais des posts. Les boutons et options peuvent donc porter un nom un peu différent de celui indiqué ici.',
            en: 'Twitter is now called X, and Tweets are now called posts. So the buttons and options may have slightly different names than described here.',
          },
          origin: added('our-advice'),
        },
        {
          text: {
            nl: 'Achtergrondinformatie: Twitter maakt een onderscheid in wie kan vragen om beelden offline te halen, afhankelijk van om welke beelden het gaat. Naaktbeelden die zonder toestemming verspreid werden en duidelijk gedeeld werden uit wraak of om geld te verdienen, of berichten die oproepen om zulke beelden te verspreiden, kunnen door iedereen aangegeven worden. Beelden die zonder toestemming om een andere reden verspreid werden, kunnen enkel door de betrokkenen zelf aangegeven worden.',
            fr: 'Contexte : Twitter fait une distinction, selon le type d’images, entre les personnes qui peuvent demander leur retrait. Les images de nudité diffusées sans consentement et clairement partagées par vengeance ou pour gagner de l’argent, ou les messages qui appellent à diffuser de telles images, peuvent être signalés par tout le monde. Les images diffusées sans consentement pour une autre raison ne peuvent être signalées que par les personnes concernées elles-mêmes.',
            en: 'Background: Twitter distinguishes who can ask for images to be taken offline, depending on the kind of images. Nude images shared without consent that were clearly shared out of revenge or to make money, or messages calling for such images to be spread, can be reported by anyone. Images shared without consent for any other reason can only be reported by the people concerned themselves.',
          },
          origin: inGuide,
        },
        {
          text: {
            nl: 'Dit druist in tegen de idee van de wetgever. Het Instituut zal dan ook in dialoog treden met Twitter om dit probleem aan te kaarten. In afwachting hiervan, en bij twijfel, kan je het Instituut contacteren om in jouw naam op te treden.',
            fr: 'Cela va à l’encontre de l’intention du législateur. L’Institut va donc engager le dialogue avec Twitter pour soulever ce problème. En attendant, et en cas de doute, vous pouvez contacter l’Institut pour qu’il agisse en votre nom.',
            en: 'This goes against what the lawmakers intended. The Institute will therefore raise this problem in a dialogue with Twitter. In the meantime, and whenever you are in doubt, you can contact the Institute to act on your behalf.',
          },
          origin: inGuide,
        },
        instituteContactAside,
      ],
    },
  ],
  links: [privateInformationFormLink, takeItDownFormLink, instituteLink],
};
