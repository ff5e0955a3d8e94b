/**
 * Facebook and Messenger: the guide's section "Facebook en Messenger" (shared/seed/ncii-removal-guide.nl.txt).
 * Messenger reuses this guide as is (lib/platforms/messenger/steps.ts).
 * The guide's HelpWanted.nl "handleiding" link lost its address: an aside, marked as our reading, says so; the
 * guide's own link to HelpWanted.nl stays.
 */
import { helpWantedLink, instituteContactAside, instituteLink } from '../../guide/general';
import { added, fromGuide } from '../../guide/origin';
import type { GuideLink, PlatformGuide } from '../../guide/types';

const inGuide = fromGuide('Facebook en Messenger');

const formLink: GuideLink = {
  id: 'fb-form',
  origin: inGuide,
  label: {
    nl: 'Formulier van Facebook om intieme beelden te laten verwijderen',
    fr: 'Formulaire de Facebook pour demander le retrait d’images intimes',
    en: 'Facebook form to ask for intimate images to be removed',
  },
  url: 'https://www.facebook.com/help/contact/634636250523119',
  confirmed: false,
};

const notWithoutMyConsentLink: GuideLink = {
  id: 'fb-not-without-my-consent',
  origin: inGuide,
  label: {
    nl: 'Facebook: informatie en tips voor slachtoffers (Not Without My Consent)',
    fr: 'Facebook : informations et conseils pour les victimes (Not Without My Consent)',
    en: 'Facebook: information and tips for victims (Not Without My Consent)',
  },
  url: 'https://www.facebook.com/safety/notwithoutmyconsent',
  confirmed: true,
};

const metaNciiLink: GuideLink = {
  id: 'meta-ncii',
  origin: added('platform-help'),
  label: {
    nl: 'Meta: intieme beelden gedeeld zonder toestemming',
    fr: 'Meta : images intimes partagées sans consentement',
    en: 'Meta: intimate images shared without consent',
  },
  url: 'https://about.meta.com/actions/safety/topics/bullying-harassment/ncii',
  confirmed: true,
};

export const guide: PlatformGuide = {
  sections: [
    {
      id: 'fb-evidence',
      origin: inGuide,
      title: {
        nl: 'Eerst: bewijs bewaren',
        fr: 'D’abord : garder des preuves',
        en: 'First: keep evidence',
      },
      intro: {
        nl: 'Worden er intieme beelden van jou verspreid via Facebook of Messenger? Vergeet dan niet om eerst bewijs te bewaren, voordat je iets meldt.',
        fr: 'Des images intimes de vous sont diffusées sur Facebook ou Messenger ? N’oubliez pas de garder d’abord des preuves, avant de faire un signalement.',
        en: 'Are intimate images of you being shared on Facebook or Messenger? Remember to keep evidence first, before you report anything.',
      },
      steps: [
        {
          id: 'fb-screenshots',
          origin: inGuide,
          text: {
            nl: 'Maak eerst screenshots.',
            fr: 'Faites d’abord des captures d’écran.',
            en: 'Take screenshots first.',
          },
        },
        {
          id: 'fb-save-profile-url',
          origin: inGuide,
          text: {
            nl: 'Sla de Facebook-URL op van het profiel van de persoon die de beelden heeft verspreid.',
            fr: 'Enregistrez l’URL Facebook du profil de la personne qui a diffusé les images.',
            en: 'Save the Facebook URL of the profile of the person who shared the images.',
          },
        },
        {
          id: 'fb-save-profile-email',
          origin: inGuide,
          text: {
            nl: 'Sla ook het e-mailadres op van het profiel van de persoon die de beelden heeft verspreid.',
            fr: 'Enregistrez aussi l’adresse e-mail du profil de la personne qui a diffusé les images.',
            en: 'Also save the e-mail address of the profile of the person who shared the images.',
          },
        },
      ],
    },
    {
      id: 'fb-options',
      origin: inGuide,
      title: {
        nl: 'Drie opties',
        fr: 'Trois possibilités',
        en: 'Three options',
      },
      intro: {
        nl: 'Om de beelden van Facebook of Messenger te laten verwijderen, heb je drie opties.',
        fr: 'Pour faire retirer les images de Facebook ou de Messenger, vous avez trois possibilités.',
        en: 'To get the images removed from Facebook or Messenger, you have three options.',
      },
      steps: [
        {
          id: 'fb-option-institute',
          origin: inGuide,
          asides: [instituteContactAside],
          text: {
            nl: 'Contacteer het Instituut. Het Instituut en Facebook werken goed samen, waardoor de verwijderingsaanvragen van het Instituut prioritair en snel behandeld worden.',
            fr: 'Contactez l’Institut. L’Institut et Facebook collaborent bien : les demandes de retrait de l’Institut sont traitées en priorité et rapidement.',
            en: 'Contact the Institute. The Institute and Facebook work well together, so the Institute’s removal requests are handled with priority and quickly.',
          },
          links: [instituteLink],
        },
        {
          id: 'fb-option-form',
          origin: inGuide,
          text: {
            nl: 'Vul zelf het formulier in om Facebook te vragen de beelden te verwijderen. Heb je vragen of heb je hulp nodig bij het invullen van het formulier? Contacteer dan het Instituut.',
            fr: 'Remplissez vous-même le formulaire pour demander à Facebook de retirer les images. Vous avez des questions ou besoin d’aide pour remplir le formulaire ? Contactez l’Institut.',
            en: 'Fill in the form yourself to ask Facebook to remove the images. Do you have questions, or need help filling in the form? Contact the Institute.',
          },
          links: [formLink, instituteLink],
        },
        {
          id: 'fb-option-report-menu',
          origin: inGuide,
          text: {
            nl: 'Meld het intieme beeld op Facebook door te klikken op de drie puntjes en dan op “Rapporteren”. Zo worden de beelden niet enkel verwijderd, maar ook preventief offline gehaald als ze opnieuw worden gepost.',
            fr: 'Signalez l’image intime sur Facebook en cliquant sur les trois petits points, puis sur « Signaler ». Ainsi, les images ne sont pas seulement retirées : elles sont aussi bloquées d’avance si quelqu’un les publie à nouveau.',
            en: 'Report the intimate image on Facebook by clicking the three dots and then “Report”. This way the images are not only removed, but also taken down preventively if they are posted again.',
          },
        },
      ],
    },
    {
      id: 'fb-more-info',
      origin: inGuide,
      title: {
        nl: 'Meer informatie en tips',
        fr: 'Plus d’informations et de conseils',
        en: 'More information and tips',
      },
      steps: [
        {
          id: 'fb-info-tips',
          origin: inGuide,
          text: {
            nl: 'Naast het mogelijk maken om de intieme beelden te verwijderen, biedt Facebook ook algemene informatie en tips aan voor slachtoffers.',
            fr: 'En plus de permettre le retrait des images intimes, Facebook propose aussi des informations générales et des conseils pour les victimes.',
            en: 'Besides letting you get intimate images removed, Facebook also offers general information and tips for victims.',
          },
          links: [notWithoutMyConsentLink, metaNciiLink],
        },
        {
          id: 'fb-helpwanted-guide',
          origin: inGuide,
          text: {
            nl: 'Wil je meer weten over het beveiligen van je Facebookprofiel en tips over hoe je voorkomt dat je intieme foto’s tegen jou worden gedeeld? Dan kan je de handleiding van HelpWanted.nl volgen.',
            fr: 'Vous voulez en savoir plus sur la sécurisation de votre profil Facebook, et des conseils pour éviter que vos photos intimes soient partagées contre vous ? Vous pouvez suivre le manuel de HelpWanted.nl (en néerlandais).',
            en: 'Want to know more about securing your Facebook profile, and tips on preventing your intimate photos from being shared against you? You can follow HelpWanted.nl’s manual (in Dutch).',
          },
          asides: [
            {
              text: {
                nl: 'Voor die handleiding verwijst de gids naar een link waarvan het adres verloren ging. Onze lezing: zoek ze op de website van HelpWanted.nl.',
                fr: 'Pour ce manuel, le guide renvoie à un lien dont l’adresse a été perdue. Notre lecture : cherchez-le sur le site de HelpWanted.nl.',
                en: 'For that manual, the guide points to a link whose address was lost. Our reading: look for it on the HelpWanted.nl website.',
              },
              origin: added('our-reading'),
            },
          ],
          links: [helpWantedLink],
        },
      ],
    },
  ],
  links: [formLink, notWithoutMyConsentLink, metaNciiLink, instituteLink, helpWantedLink],
};
