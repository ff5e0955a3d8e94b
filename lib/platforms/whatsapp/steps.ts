/**
 * WhatsApp: the guide's section "Whatsapp" (shared/seed/ncii-removal-guide.nl.txt). Reporting happens in the app,
 * so there are no report links. The guide's "[hier]" link for more information on blocking and privacy settings
 * lost its address: a note, marked as our reading, says so plainly and where that information is found.
 */
import { added, fromGuide } from '../../guide/origin';
import type { PlatformGuide } from '../../guide/types';

const inGuide = fromGuide('Whatsapp');

export const guide: PlatformGuide = {
  sections: [
    {
      id: 'wa-block-report',
      origin: inGuide,
      title: {
        nl: 'Een contact blokkeren of rapporteren',
        fr: 'Bloquer ou signaler un contact',
        en: 'Blocking or reporting a contact',
      },
      intro: {
        nl: 'Worden er intieme beelden van jou verspreid via WhatsApp? Dan kan je het contact blokkeren of rapporteren: beperkt, of met uitleg erbij. Wil je een contact enkel blokkeren of rapporteren, dan doe je dit zo:',
        fr: 'Des images intimes de vous sont diffusées sur WhatsApp ? Vous pouvez bloquer ou signaler le contact : de manière limitée, ou en donnant des explications. Si vous voulez seulement bloquer ou signaler un contact, procédez comme ceci :',
        en: 'Are intimate images of you being shared on WhatsApp? You can block or report the contact: in a limited way, or with an explanation. If you only want to block or report a contact, this is how:',
      },
      steps: [
        {
          id: 'wa-android-block-report',
          origin: inGuide,
          text: {
            nl: 'Op een Android-gsm: open het gesprek met de persoon die je wilt blokkeren, klik op de drie verticale bolletjes, selecteer “Meer” en kies dan de optie “Blokkeren” of “Rapporteren”.',
            fr: 'Sur un téléphone Android : ouvrez la conversation avec la personne que vous voulez bloquer, touchez les trois points verticaux, sélectionnez « Plus », puis choisissez l’option « Bloquer » ou « Signaler ».',
            en: 'On an Android phone: open the chat with the person you want to block, tap the three vertical dots, select “More”, then choose the option “Block” or “Report”.',
          },
          substeps: [
            {
              id: 'wa-android-block-and-report',
              origin: inGuide,
              text: {
                nl: 'Wil je iemand zowel blokkeren als rapporteren? Kies dan de optie “Blokkeren” (en dus niet “Rapporteren”), bevestig dat je wilt blokkeren en klik daarna op “Melden en blokkeren”.',
                fr: 'Vous voulez à la fois bloquer et signaler quelqu’un ? Choisissez alors l’option « Bloquer » (et donc pas « Signaler »), confirmez que vous voulez bloquer, puis touchez « Signaler et bloquer ».',
                en: 'Do you want to both block and report someone? Then choose the option “Block” (not “Report”), confirm that you want to block, and then tap “Report and block”.',
              },
            },
          ],
        },
        {
          id: 'wa-iphone-block-report',
          origin: inGuide,
          text: {
            nl: 'Op een iPhone: open het profiel van de persoon die je wilt blokkeren, klik op de naam van die persoon en scrol naar beneden tot je de optie “Rapporteren” ziet. Volg de verdere instructies.',
            fr: 'Sur un iPhone : ouvrez le profil de la personne que vous voulez bloquer, touchez son nom et faites défiler vers le bas jusqu’à l’option « Signaler ». Suivez ensuite les instructions.',
            en: 'On an iPhone: open the profile of the person you want to block, tap their name and scroll down until you see the option “Report”. Follow the further instructions.',
          },
        },
      ],
      notes: [
        {
          text: {
            nl: 'Voor meer informatie over het blokkeren van contacten en de gevolgen daarvan, en over je privacyinstellingen, verwijst de gids naar een link waarvan het adres verloren ging. Onze lezing: die informatie staat in de hulppagina’s van WhatsApp.',
            fr: 'Pour plus d’informations sur le blocage de contacts et ses conséquences, ainsi que sur vos paramètres de confidentialité, le guide renvoie à un lien dont l’adresse a été perdue. Notre lecture : ces informations se trouvent dans les pages d’aide de WhatsApp.',
            en: 'For more information on blocking contacts and what that does, and on your privacy settings, the guide points to a link whose address was lost. Our reading: that information is in WhatsApp’s help pages.',
          },
          origin: added('our-reading'),
        },
      ],
    },
    {
      id: 'wa-explain',
      origin: inGuide,
      title: {
        nl: 'Uitleg geven en screenshots toevoegen',
        fr: 'Donner des explications et ajouter des captures d’écran',
        en: 'Giving an explanation and adding screenshots',
      },
      intro: {
        nl: 'Wil je liever ook uitleg geven over de situatie en eventueel screenshots toevoegen? Dat kan zo:',
        fr: 'Vous préférez aussi expliquer la situation et éventuellement ajouter des captures d’écran ? Voici comment :',
        en: 'Would you rather also explain the situation and perhaps add screenshots? This is how:',
      },
      steps: [
        {
          id: 'wa-explain-android',
          origin: inGuide,
          text: {
            nl: 'Op een Android-gsm tik je op de drie verticale bolletjes, dan op “Instellingen”, dan op “Help” en dan op “Contact opnemen”.',
            fr: 'Sur un téléphone Android, touchez les trois points verticaux, puis « Paramètres », puis « Aide », puis « Nous contacter ».',
            en: 'On an Android phone, tap the three vertical dots, then “Settings”, then “Help”, then “Contact us”.',
          },
        },
        {
          id: 'wa-explain-iphone',
          origin: inGuide,
          text: {
            nl: 'Op een iPhone tik je op “Instellingen” (het radartje), dan op “Help” en dan op “Contact opnemen”.',
            fr: 'Sur un iPhone, touchez « Réglages » (la roue dentée), puis « Aide », puis « Nous contacter ».',
            en: 'On an iPhone, tap “Settings” (the gear icon), then “Help”, then “Contact us”.',
          },
        },
        {
          id: 'wa-explain-windows-phone',
          origin: inGuide,
          text: {
            nl: 'Op een Windows Phone ga je naar het menu door op de drie horizontale bolletjes te klikken. Selecteer dan “Instellingen”, dan “Info” en vervolgens “Ondersteuning”.',
            fr: 'Sur un Windows Phone, ouvrez le menu en touchant les trois points horizontaux. Sélectionnez ensuite « Paramètres », puis « Infos », puis « Assistance ».',
            en: 'On a Windows Phone, open the menu by tapping the three horizontal dots. Then select “Settings”, then “About”, then “Support”.',
          },
        },
      ],
    },
    {
      id: 'wa-group',
      origin: inGuide,
      title: {
        nl: 'Een hele groep rapporteren',
        fr: 'Signaler tout un groupe',
        en: 'Reporting a whole group',
      },
      steps: [
        {
          id: 'wa-report-group',
          origin: inGuide,
          text: {
            nl: 'Je kan ook een hele groep rapporteren, bijvoorbeeld wanneer er naaktbeelden in de groep worden gedeeld. Open de chat, klik op de menuknop of de groepsnaam, klik vervolgens op “Groepsinformatie” en selecteer dan onderaan “Groep rapporteren”.',
            fr: 'Vous pouvez aussi signaler tout un groupe, par exemple quand des images de nudité y sont partagées. Ouvrez la discussion, touchez le bouton de menu ou le nom du groupe, puis « Infos du groupe », et sélectionnez tout en bas « Signaler le groupe ».',
            en: 'You can also report a whole group, for example when nude images are being shared in it. Open the chat, tap the menu button or the group name, then “Group info”, and at the bottom select “Report group”.',
          },
        },
      ],
    },
  ],
  links: [],
};
