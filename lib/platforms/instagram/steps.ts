/**
 * Instagram: the guide's section "Instagram" (shared/seed/ncii-removal-guide.nl.txt).
 * Two of the guide's links lost their address: "klik dan hier" for reporting without an Instagram profile, and
 * HelpWanted.nl's tips. Each step keeps the guide's words; an aside marked as our reading says the address was
 * lost and what we offer instead (Instagram's form, HelpWanted.nl's website), and those links carry that origin.
 */
import { helpWantedLink } from '../../guide/general';
import { added, fromGuide } from '../../guide/origin';
import type { GuideLink, PlatformGuide } from '../../guide/types';

const inGuide = fromGuide('Instagram');

const helpLink: GuideLink = {
  id: 'ig-help',
  origin: added('platform-help'),
  label: {
    nl: 'Hulppagina van Instagram over intieme beelden',
    fr: 'Page d’aide d’Instagram sur les images intimes',
    en: 'Instagram help page on intimate images',
  },
  url: 'https://help.instagram.com/616583228400289',
  confirmed: true,
};

const contactFormLink: GuideLink = {
  id: 'ig-contact-form',
  origin: added('our-reading'),
  label: {
    nl: 'Formulier van Instagram (ook zonder Instagram-profiel)',
    fr: 'Formulaire d’Instagram (aussi sans compte Instagram)',
    en: 'Instagram form (also without an Instagram account)',
  },
  url: 'https://help.instagram.com/contact/504521742987441',
  confirmed: false,
};

/** The guide's tips link lost its address: HelpWanted.nl's website is our reading of where they are. */
const helpWantedTipsLink: GuideLink = {
  id: 'ig-helpwanted-website',
  origin: added('our-reading'),
  label: {
    nl: 'Website van HelpWanted.nl',
    fr: 'Site web de HelpWanted.nl (en néerlandais)',
    en: 'HelpWanted.nl website (in Dutch)',
  },
  url: helpWantedLink.url,
  confirmed: helpWantedLink.confirmed,
};

export const guide: PlatformGuide = {
  sections: [
    {
      id: 'ig-report',
      origin: inGuide,
      title: {
        nl: 'Rapporteren op Instagram',
        fr: 'Signaler sur Instagram',
        en: 'Reporting on Instagram',
      },
      intro: {
        nl: 'Worden er intieme beelden van jou verspreid via Instagram? Dan kan je de beelden en de persoon die ze verspreidt rapporteren volgens dit stappenplan.',
        fr: 'Des images intimes de vous sont diffusées sur Instagram ? Vous pouvez signaler les images et la personne qui les diffuse en suivant ces étapes.',
        en: 'Are intimate images of you being shared on Instagram? You can report the images and the person sharing them by following these steps.',
      },
      steps: [
        {
          id: 'ig-app',
          origin: inGuide,
          text: {
            nl: 'Via de Instagram-app rapporteer je zo:',
            fr: 'Dans l’application Instagram, vous faites un signalement comme ceci :',
            en: 'In the Instagram app, you report like this:',
          },
          substeps: [
            {
              id: 'ig-app-dots',
              origin: inGuide,
              text: {
                nl: 'Klik op de drie puntjes rechtsboven het profiel of bericht.',
                fr: 'Cliquez sur les trois petits points en haut à droite du profil ou de la publication.',
                en: 'Tap the three dots at the top right of the profile or post.',
              },
            },
            {
              id: 'ig-app-report',
              origin: inGuide,
              text: {
                nl: 'Klik vervolgens op “Rapporteren”.',
                fr: 'Cliquez ensuite sur « Signaler ».',
                en: 'Then tap “Report”.',
              },
            },
            {
              id: 'ig-app-follow',
              origin: inGuide,
              text: {
                nl: 'Volg de verdere aanwijzingen op het scherm.',
                fr: 'Suivez les instructions qui s’affichent à l’écran.',
                en: 'Follow the further instructions on the screen.',
              },
            },
          ],
        },
        {
          id: 'ig-web-profile',
          origin: inGuide,
          text: {
            nl: 'Via de webpagina van Instagram rapporteer je het profiel van de verspreider zo:',
            fr: 'Sur le site web d’Instagram, vous signalez le profil de la personne qui diffuse les images comme ceci :',
            en: 'On the Instagram website, you report the profile of the person sharing the images like this:',
          },
          substeps: [
            {
              id: 'ig-web-profile-dots',
              origin: inGuide,
              text: {
                nl: 'Klik op het profiel op de drie puntjes naast de gebruikersnaam.',
                fr: 'Sur le profil, cliquez sur les trois petits points à côté du nom d’utilisateur.',
                en: 'On the profile, click the three dots next to the username.',
              },
            },
            {
              id: 'ig-web-profile-report',
              origin: inGuide,
              text: {
                nl: 'Klik vervolgens op “Gebruiker rapporteren”.',
                fr: 'Cliquez ensuite sur « Signaler l’utilisateur ».',
                en: 'Then click “Report user”.',
              },
            },
            {
              id: 'ig-web-profile-follow',
              origin: inGuide,
              text: {
                nl: 'Volg de verdere instructies.',
                fr: 'Suivez les instructions suivantes.',
                en: 'Follow the further instructions.',
              },
            },
          ],
        },
        {
          id: 'ig-web-post',
          origin: inGuide,
          text: {
            nl: 'Via de webpagina van Instagram rapporteer je het bericht zo:',
            fr: 'Sur le site web d’Instagram, vous signalez la publication comme ceci :',
            en: 'On the Instagram website, you report the post like this:',
          },
          substeps: [
            {
              id: 'ig-web-post-dots',
              origin: inGuide,
              text: {
                nl: 'Klik op de drie puntjes rechtsboven het bericht.',
                fr: 'Cliquez sur les trois petits points en haut à droite de la publication.',
                en: 'Click the three dots at the top right of the post.',
              },
            },
            {
              id: 'ig-web-post-report',
              origin: inGuide,
              text: {
                nl: 'Klik vervolgens op “Rapporteren als ongepast”.',
                fr: 'Cliquez ensuite sur « Signaler comme inapproprié ».',
                en: 'Then click “Report as inappropriate”.',
              },
            },
            {
              id: 'ig-web-post-follow',
              origin: inGuide,
              text: {
                nl: 'Volg de verdere instructies.',
                fr: 'Suivez les instructions suivantes.',
                en: 'Follow the further instructions.',
              },
            },
          ],
        },
        {
          id: 'ig-no-account',
          origin: inGuide,
          text: {
            nl: 'Wil je intieme beelden of profielen aangeven, maar heb je geen Instagram-profiel? Dan verwijst de gids je naar een link.',
            fr: 'Vous voulez signaler des images intimes ou des profils, mais vous n’avez pas de compte Instagram ? Le guide vous renvoie alors à un lien.',
            en: 'Do you want to report intimate images or profiles, but you don’t have an Instagram account? Then the guide points you to a link.',
          },
          asides: [
            {
              text: {
                nl: 'Het adres van die link ging verloren. Onze lezing: de gids bedoelt een formulier van Instagram, zoals het formulier hieronder.',
                fr: 'L’adresse de ce lien a été perdue. Notre lecture : le guide parle d’un formulaire d’Instagram, comme celui ci-dessous.',
                en: 'That link’s address was lost. Our reading: the guide means an Instagram form, such as the one below.',
              },
              origin: added('our-reading'),
            },
          ],
          links: [contactFormLink, helpLink],
        },
      ],
    },
    {
      id: 'ig-tips',
      origin: inGuide,
      title: {
        nl: 'Tips',
        fr: 'Conseils',
        en: 'Tips',
      },
      steps: [
        {
          id: 'ig-helpwanted-tips',
          origin: inGuide,
          text: {
            nl: 'Wil je tips om je Instagram-account beter te beveiligen? Wil je de gevolgen van de verspreiding van je intieme beelden beperken? HelpWanted.nl biedt je een heleboel tips.',
            fr: 'Vous voulez des conseils pour mieux sécuriser votre compte Instagram ? Vous voulez limiter les conséquences de la diffusion de vos images intimes ? HelpWanted.nl propose de nombreux conseils (en néerlandais).',
            en: 'Would you like tips to secure your Instagram account better? Would you like to limit the consequences of your intimate images being shared? HelpWanted.nl offers lots of tips (in Dutch).',
          },
          asides: [
            {
              text: {
                nl: 'Voor die tips verwijst de gids naar een link waarvan het adres verloren ging. Onze lezing: zoek ze op de website van HelpWanted.nl.',
                fr: 'Pour ces conseils, le guide renvoie à un lien dont l’adresse a été perdue. Notre lecture : cherchez-les sur le site de HelpWanted.nl.',
                en: 'For those tips, the guide points to a link whose address was lost. Our reading: look for them on the HelpWanted.nl website.',
              },
              origin: added('our-reading'),
            },
          ],
          links: [helpWantedTipsLink],
        },
      ],
    },
  ],
  links: [helpLink, contactFormLink, helpWantedTipsLink],
};
