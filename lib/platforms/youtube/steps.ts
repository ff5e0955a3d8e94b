/**
 * YouTube: the guide's section "Youtube" (shared/seed/ncii-removal-guide.nl.txt): contact the channel first,
 * then the form (no account needed) or "Report" under the video (needs a Google account).
 */
import { added, fromGuide } from '../../guide/origin';
import type { GuideLink, PlatformGuide } from '../../guide/types';

const inGuide = fromGuide('Youtube');

const privacyFormLink: GuideLink = {
  id: 'yt-privacy-form',
  origin: inGuide,
  label: {
    nl: 'Formulier van YouTube (privacyklacht)',
    fr: 'Formulaire de YouTube (signalement d’une atteinte à la vie privée)',
    en: 'YouTube form (privacy complaint)',
  },
  url: 'https://support.google.com/youtube/answer/142443',
  confirmed: true,
};

export const guide: PlatformGuide = {
  sections: [
    {
      id: 'yt-channel-first',
      origin: inGuide,
      title: {
        nl: 'Eerst: het kanaal contacteren',
        fr: 'D’abord : contacter la chaîne',
        en: 'First: contact the channel',
      },
      intro: {
        nl: 'Worden er intieme beelden van jou verspreid via YouTube?',
        fr: 'Des images intimes de vous sont diffusées sur YouTube ?',
        en: 'Are intimate images of you being shared on YouTube?',
      },
      steps: [
        {
          id: 'yt-contact-channel',
          origin: inGuide,
          text: {
            nl: 'Neem eerst contact op met het kanaal dat je beelden verspreidt. Dien pas klacht in bij YouTube als de beelden daarna nog niet van het kanaal verwijderd werden.',
            fr: 'Contactez d’abord la chaîne qui diffuse vos images. N’introduisez une demande auprès de YouTube que si les images n’ont toujours pas été retirées de la chaîne après cela.',
            en: 'First contact the channel that is sharing your images. Only file a complaint with YouTube if the images have still not been removed from the channel after that.',
          },
        },
      ],
      // Not in the guide: contacting the person who shares the images can be unsafe, so the tool says so gently.
      // The guide promises nothing about the Institute contacting the channel, so neither does this note.
      notes: [
        {
          text: {
            nl: 'Doe dit alleen als je je daar veilig bij voelt.',
            fr: 'Ne le faites que si vous vous sentez en sécurité pour le faire.',
            en: 'Only do this if you feel safe doing so.',
          },
          origin: added('our-advice'),
        },
      ],
    },
    {
      id: 'yt-report',
      origin: inGuide,
      title: {
        nl: 'Melden bij YouTube',
        fr: 'Signaler à YouTube',
        en: 'Reporting to YouTube',
      },
      intro: {
        nl: 'Je kan op twee manieren melding maken bij YouTube.',
        fr: 'Vous pouvez faire un signalement à YouTube de deux manières.',
        en: 'You can report to YouTube in two ways.',
      },
      steps: [
        {
          id: 'yt-form',
          origin: inGuide,
          text: {
            nl: 'Vul het formulier in. Hiervoor heb je geen profiel nodig.',
            fr: 'Remplissez le formulaire. Vous n’avez pas besoin de compte pour cela.',
            en: 'Fill in the form. You don’t need an account for this.',
          },
          links: [privacyFormLink],
        },
        {
          id: 'yt-report-video',
          origin: inGuide,
          text: {
            nl: 'Klik op “Melden” onder de drie horizontale puntjes onder het filmpje en kies de meest passende optie. Hiervoor heb je wel een Google account nodig (bijvoorbeeld van Gmail). Je kan gemakkelijk een Google account aanmaken op www.gmail.com.',
            fr: 'Cliquez sur « Signaler » sous les trois points horizontaux sous la vidéo et choisissez l’option qui convient le mieux. Pour cela, vous avez besoin d’un compte Google (par exemple un compte Gmail). Vous pouvez facilement créer un compte Google sur www.gmail.com.',
            en: 'Click “Report” under the three horizontal dots below the video and choose the most fitting option. For this you do need a Google account (for example a Gmail account). You can easily create a Google account at www.gmail.com.',
          },
        },
      ],
    },
  ],
  links: [privacyFormLink],
};
