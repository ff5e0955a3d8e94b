/**
 * Discord: the guide's section "Discord" (shared/seed/ncii-removal-guide.nl.txt): the Trust & Safety Center and
 * the four ID numbers. The guide's "[hier]" link on finding the numbers lost its address: a note, marked as our
 * reading, says so plainly.
 * The note on message links comes from shared/notes/platforms.md (Discord's form asks for message links).
 */
import { added, fromGuide } from '../../guide/origin';
import type { GuideLink, PlatformGuide } from '../../guide/types';

const inGuide = fromGuide('Discord');

const requestLink: GuideLink = {
  id: 'discord-request',
  origin: inGuide,
  label: {
    nl: 'Discord Trust & Safety Center: melding maken',
    fr: 'Discord Trust & Safety Center : faire un signalement',
    en: 'Discord Trust & Safety Center: submit a report',
  },
  url: 'https://dis.gd/request',
  confirmed: true,
};

const reportLink: GuideLink = {
  id: 'discord-report',
  origin: added('platform-help'),
  label: {
    nl: 'Meldformulier van Discord',
    fr: 'Formulaire de signalement de Discord',
    en: 'Discord report form',
  },
  url: 'https://discord.com/report',
  confirmed: true,
};

export const guide: PlatformGuide = {
  sections: [
    {
      id: 'discord-ids',
      origin: inGuide,
      title: {
        nl: 'De nodige gegevens verzamelen',
        fr: 'Rassembler les informations nécessaires',
        en: 'Gathering the details you need',
      },
      intro: {
        nl: 'Worden er intieme beelden van jou verspreid via Discord? Je kan bij het Trust & Safety Center van Discord een melding maken van bedreigingen, spam of lastigvallen. Hiervoor heb je een aantal gegevens nodig:',
        fr: 'Des images intimes de vous sont diffusées sur Discord ? Vous pouvez signaler des menaces, du spam ou du harcèlement auprès du Trust & Safety Center de Discord. Pour cela, vous avez besoin de quelques informations :',
        en: 'Are intimate images of you being shared on Discord? You can report threats, spam or harassment to Discord’s Trust & Safety Center. For this you need a few details:',
      },
      steps: [
        {
          id: 'discord-user-id',
          origin: inGuide,
          text: {
            nl: 'ID-nummer van de gebruiker: de reeks van 17 of 18 cijfers die aangeeft over welke gebruiker je een melding maakt. Dit is niet de Discord-gebruikersnaam+tag.',
            fr: 'Numéro d’identification (ID) de l’utilisateur : la série de 17 ou 18 chiffres qui indique quel utilisateur vous signalez. Ce n’est pas le nom d’utilisateur Discord + tag.',
            en: 'The user’s ID number: the series of 17 or 18 digits that shows which user you are reporting. This is not the Discord username + tag.',
          },
        },
        {
          id: 'discord-channel-id',
          origin: inGuide,
          text: {
            nl: 'ID-nummer van het kanaal: het unieke nummer dat aangeeft waar het bericht in kwestie gestuurd werd. Persoonlijke chats hebben ook kanaalnummers.',
            fr: 'ID du salon (canal) : le numéro unique qui indique où le message en question a été envoyé. Les conversations privées ont aussi un numéro de salon.',
            en: 'The channel’s ID number: the unique number that shows where the message was sent. Private chats (DMs) have channel numbers too.',
          },
        },
        {
          id: 'discord-message-id',
          origin: inGuide,
          text: {
            nl: 'ID-nummer van het bericht: het unieke nummer van het bericht dat je meldt. Gaat het om een groot aantal berichten? Dan volstaat het om de nummers van slechts een paar berichten in het gesprek toe te voegen.',
            fr: 'ID du message : le numéro unique du message que vous signalez. S’il s’agit de nombreux messages, il suffit d’ajouter les numéros de quelques messages de la conversation.',
            en: 'The message’s ID number: the unique number of the message you are reporting. If there are many messages, adding the numbers of just a few messages in the conversation is enough.',
          },
        },
        {
          id: 'discord-server-id',
          origin: inGuide,
          text: {
            nl: 'ID-nummer van de server: maak je een melding van een server, geef dan ook het servernummer op.',
            fr: 'ID du serveur : si vous signalez un serveur, indiquez aussi le numéro du serveur.',
            en: 'The server’s ID number: if you are reporting a server, give the server number too.',
          },
        },
      ],
      notes: [
        {
          text: {
            nl: 'Voor meer informatie over het vinden van deze nummers verwijst de gids naar een link waarvan het adres verloren ging. Onze lezing: de hulppagina’s van Discord leggen uit hoe je ze vindt.',
            fr: 'Pour plus d’informations sur la manière de trouver ces numéros, le guide renvoie à un lien dont l’adresse a été perdue. Notre lecture : les pages d’aide de Discord expliquent comment les trouver.',
            en: 'For more information on finding these numbers, the guide points to a link whose address was lost. Our reading: Discord’s help pages explain how to find them.',
          },
          origin: added('our-reading'),
        },
      ],
    },
    {
      id: 'discord-report',
      origin: inGuide,
      title: {
        nl: 'De melding maken',
        fr: 'Faire le signalement',
        en: 'Making the report',
      },
      steps: [
        {
          id: 'discord-describe',
          origin: inGuide,
          text: {
            nl: 'Geef bij je melding een beschrijving van het probleem dat je wil melden, en voeg de ID-nummers toe. Zonder ID-nummers kan Discord het probleem niet onderzoeken.',
            fr: 'Dans votre signalement, décrivez le problème que vous voulez signaler et ajoutez les numéros d’identification (ID). Sans ces numéros, Discord ne peut pas examiner le problème.',
            en: 'In your report, describe the problem you want to report and add the ID numbers. Without the ID numbers, Discord cannot look into the problem.',
          },
          links: [requestLink, reportLink],
        },
      ],
      notes: [
        {
          text: {
            nl: 'Het formulier van Discord vraagt vaak ook links naar de berichten. Zo’n berichtlink (discord.com/channels/…) bevat de nummers van de server, het kanaal en het bericht. Screenshots alleen worden meestal niet aanvaard.',
            fr: 'Le formulaire de Discord demande souvent aussi les liens vers les messages. Un tel lien de message (discord.com/channels/…) contient les numéros du serveur, du salon et du message. Des captures d’écran seules ne sont généralement pas acceptées.',
            en: 'Discord’s form often also asks for links to the messages. Such a message link (discord.com/channels/…) contains the numbers of the server, the channel and the message. Screenshots alone are usually not accepted.',
          },
          origin: added('platform-help'),
        },
      ],
    },
  ],
  links: [requestLink, reportLink],
};
