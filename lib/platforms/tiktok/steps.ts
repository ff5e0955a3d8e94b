/**
 * TikTok: the guide's section "TikTok" (shared/seed/ncii-removal-guide.nl.txt). In the guide, step 2 shows an
 * icon as an image that is lost in the text version ("door te klikken op , daarna ..."); the text names the
 * icon generically instead of guessing which one it was.
 */
import { added, fromGuide } from '../../guide/origin';
import type { GuideLink, PlatformGuide } from '../../guide/types';

const inGuide = fromGuide('TikTok');

const reportSexualAbuseLink: GuideLink = {
  id: 'tiktok-report-sexual-abuse',
  origin: added('platform-help'),
  label: {
    nl: 'TikTok: seksueel misbruik melden',
    fr: 'TikTok : signaler des abus sexuels',
    en: 'TikTok: report sexual abuse',
  },
  url: 'https://support.tiktok.com/en/safety-hc/report-a-problem/report-sexual-abuse',
  confirmed: true,
};

export const guide: PlatformGuide = {
  sections: [
    {
      id: 'tiktok-report',
      origin: inGuide,
      title: {
        nl: 'Melden bij TikTok',
        fr: 'Signaler à TikTok',
        en: 'Reporting to TikTok',
      },
      intro: {
        nl: 'Worden er intieme beelden van jou verspreid via TikTok? Dan kan je een video, een reactie en/of een account melden, om die te rapporteren of te blokkeren.',
        fr: 'Des images intimes de vous sont diffusées sur TikTok ? Vous pouvez signaler une vidéo, un commentaire et/ou un compte, pour le faire examiner ou le bloquer.',
        en: 'Are intimate images of you being shared on TikTok? You can report a video, a comment and/or an account, to have it reviewed or to block it.',
      },
      steps: [
        {
          id: 'tiktok-account',
          origin: inGuide,
          text: {
            nl: 'Je rapporteert een account door te klikken op “Melden” onder de drie verticale bolletjes en de meest gepaste optie te kiezen. Maak ook gebruik van de mogelijkheid om een beschrijving van de melding en foto’s als bewijs toe te voegen, zoals screenshots van een profiel of chatgesprekken.',
            fr: 'Vous signalez un compte en touchant « Signaler » sous les trois points verticaux et en choisissant l’option la plus adaptée. Profitez aussi de la possibilité d’ajouter une description de votre signalement et des photos comme preuves, par exemple des captures d’écran d’un profil ou de conversations.',
            en: 'You report an account by tapping “Report” under the three vertical dots and choosing the most fitting option. Also use the option to add a description of your report and pictures as evidence, such as screenshots of a profile or of chats.',
          },
        },
        {
          id: 'tiktok-comment-or-video',
          origin: inGuide,
          text: {
            nl: 'Je rapporteert een reactie of video door op het icoon bij de reactie of video te klikken, daarna op “Melden” te klikken en vervolgens de instructies te volgen.',
            fr: 'Vous signalez un commentaire ou une vidéo en touchant l’icône à côté du commentaire ou de la vidéo, puis « Signaler », et en suivant ensuite les instructions.',
            en: 'You report a comment or video by tapping the icon next to the comment or video, then “Report”, and then following the instructions.',
          },
        },
        {
          id: 'tiktok-comment-under-video',
          origin: inGuide,
          text: {
            nl: 'Je rapporteert een reactie onder een video door de reactie te selecteren, vervolgens op “Melden” te klikken en de instructies verder te volgen.',
            fr: 'Vous signalez un commentaire sous une vidéo en sélectionnant le commentaire, puis en touchant « Signaler » et en suivant les instructions.',
            en: 'You report a comment under a video by selecting the comment, then tapping “Report” and following the instructions.',
          },
        },
      ],
    },
  ],
  links: [reportSexualAbuseLink],
};
