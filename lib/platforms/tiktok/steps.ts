/**
 * TikTok: the guide's section "TikTok" (shared/seed/ncii-removal-guide.nl.txt). In the guide, step 2 shows an
 * icon as an image that is lost in the text version ("door te klikken op , daarna ..."): the step keeps the
 * guide's words, and an aside marked as our reading says so and which button TikTok's help pages name.
 */
import { added, fromGuide } from '../../guide/origin';
import type { GuideLink, PlatformGuide } from '../../guide/types';

const inGuide = fromGuide('TikTok');

const reportSexualAbuseLink: GuideLink = {
  id: 'tiktok-report-sexual-abuse',
  origin: added('platform-help'),
  label: {
    nl: 'TikTok: seksueel misbruik melden (in het Engels)',
    fr: 'TikTok : signaler des abus sexuels (en anglais)',
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
            nl: 'Je rapporteert een reactie of video door op het icoon te klikken, daarna op “Melden” te klikken en vervolgens de instructies te volgen.',
            fr: 'Vous signalez un commentaire ou une vidéo en touchant l’icône, puis « Signaler », et en suivant ensuite les instructions.',
            en: 'You report a comment or video by tapping the icon, then “Report”, and then following the instructions.',
          },
          asides: [
            {
              text: {
                nl: 'In de gids staat hier een afbeelding van het icoon, die in de tekst verloren ging. Onze lezing, volgens de hulppagina’s van TikTok: bij een video tik je in de app op de deelknop (de pijl) naast de video, of houd je de video ingedrukt; op de website ga je naar “Meer opties”.',
                fr: 'Le guide montre ici une image de l’icône, qui a été perdue dans le texte. Notre lecture, d’après les pages d’aide de TikTok : pour une vidéo, dans l’application, touchez le bouton de partage (la flèche) à côté de la vidéo, ou maintenez la vidéo enfoncée ; sur le site web, allez à « Plus d’options ».',
                en: 'The guide shows a picture of the icon here, which was lost from its text. Our reading, from TikTok’s help pages: for a video, in the app, tap the Share button (the arrow) beside the video, or press and hold the video; on the website, go to “More options”.',
              },
              origin: added('our-reading'),
            },
          ],
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
