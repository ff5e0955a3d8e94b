/**
 * Filing a complaint with the police (Belgium), from the guide's part "Klacht neerleggen bij de politie"
 * (shared/seed/ncii-removal-guide.nl.txt). The guide's "[link]" to more information on collecting evidence lost
 * its address: the checklist says so plainly, and that asking the Institute is our reading, not the guide's.
 * The Institute's contacts beside the guide's "contact the Institute" are marked as from the Institute's site.
 */
import { instituteContactAside, instituteLink } from './general';
import { added, fromGuide } from './origin';
import type { PoliceGuide } from './types';

/** The guide's part with the checklist. */
const checklist = fromGuide('Waar moet je op letten bij het indienen van een klacht?');

export const police: PoliceGuide = {
  sections: [
    {
      id: 'police-how',
      origin: fromGuide('Klacht neerleggen bij de politie'),
      title: {
        nl: 'Klacht neerleggen bij de politie',
        fr: 'Porter plainte auprès de la police',
        en: 'Filing a complaint with the police',
      },
      intro: {
        nl: 'Als je wil dat de dader gestraft wordt voor wat hij gedaan heeft, dan moet je klacht neerleggen bij de politie.',
        fr: 'Si vous voulez que l’auteur soit puni pour ce qu’il a fait, vous devez porter plainte auprès de la police.',
        en: 'If you want the person who did this to be punished for it, you need to file a complaint with the police.',
      },
      steps: [
        {
          id: 'police-go',
          origin: fromGuide('Klacht neerleggen bij de politie'),
          text: {
            nl: 'Ga gewoon naar je lokale politiecommissariaat, of maak telefonisch een afspraak.',
            fr: 'Rendez-vous simplement à votre commissariat de police local, ou prenez rendez-vous par téléphone.',
            en: 'Simply go to your local police station, or phone them to make an appointment.',
          },
        },
        {
          id: 'police-appointment',
          origin: fromGuide('Klacht neerleggen bij de politie'),
          text: {
            nl: 'Bij het maken van een afspraak kan je al zeggen waarover het gaat en kort de context uitleggen. Zo kan je een afspraak maken met de juiste politieambtenaar, die misschien al ervaring heeft met dergelijke feiten.',
            fr: 'En prenant rendez-vous, vous pouvez déjà dire de quoi il s’agit et expliquer brièvement le contexte. Vous pourrez ainsi avoir rendez-vous avec la bonne personne au sein de la police, qui a peut-être déjà l’expérience de ce type de faits.',
            en: 'When you make the appointment, you can already say what it is about and briefly explain the situation. That way you can meet the right police officer, who may already have experience with this kind of case.',
          },
        },
      ],
      notes: [
        {
          text: {
            nl: 'Een klacht bij de politie is ook nuttig omdat zo officiële klachten over dit thema worden bijgehouden. Dat helpt om het probleem in kaart te brengen.',
            fr: 'Une plainte à la police est aussi utile parce que les plaintes officielles sur ce sujet sont ainsi recensées. Cela aide à mieux cerner le problème.',
            en: 'A complaint to the police is also useful because official complaints on this issue are recorded. That helps to map the problem.',
          },
          origin: fromGuide('Klacht neerleggen bij de politie'),
        },
        {
          text: {
            nl: 'Het kan soms eng zijn om klacht in te dienen bij de politie. Misschien heb je schrik voor de reactie van de politieambtenaren, misschien schaam je je voor de feiten, misschien weet je niet goed wat er daarna gebeurt… Vergeet echter niet dat jou geen schuld treft. Jij bent het slachtoffer.',
            fr: 'Porter plainte à la police peut faire peur. Vous craignez peut-être la réaction des policiers, vous avez peut-être honte de ce qui s’est passé, vous ne savez peut-être pas bien ce qui se passera ensuite… N’oubliez pas que vous n’êtes pas en faute. C’est vous la victime.',
            en: 'Going to the police can feel scary. Maybe you are afraid of how the officers will react, maybe you feel ashamed of what happened, maybe you don’t really know what happens next… But remember: none of this is your fault. You are the victim.',
          },
          origin: fromGuide('Klacht neerleggen bij de politie'),
        },
        {
          text: {
            nl: 'Hieronder vind je algemene informatie over de rol van de politie en het gerecht. Aarzel niet om het Instituut te contacteren als je verdere vragen hebt.',
            fr: 'Vous trouverez ci-dessous des informations générales sur le rôle de la police et de la justice. N’hésitez pas à contacter l’Institut si vous avez d’autres questions.',
            en: 'Below you will find general information on the role of the police and the justice system. Don’t hesitate to contact the Institute if you have more questions.',
          },
          origin: fromGuide('Klacht neerleggen bij de politie'),
        },
      ],
    },
    {
      id: 'police-consequences',
      origin: fromGuide('Wat zijn de gevolgen van een klacht?'),
      title: {
        nl: 'Wat zijn de gevolgen van een klacht?',
        fr: 'Quelles sont les suites d’une plainte ?',
        en: 'What happens after a complaint?',
      },
      steps: [],
      notes: [
        {
          text: {
            nl: 'Het verspreiden of tonen van intieme beelden zonder de toestemming van de persoon die erop staat, is een misdrijf. Je kan hiervoor klacht neerleggen bij de politie.',
            fr: 'Diffuser ou montrer des images intimes sans le consentement de la personne qui y figure est une infraction. Vous pouvez porter plainte pour cela auprès de la police.',
            en: 'Sharing or showing intimate images without the consent of the person in them is a criminal offence. You can file a complaint with the police about it.',
          },
          origin: fromGuide('Wat zijn de gevolgen van een klacht?'),
        },
        {
          text: {
            nl: 'Dat kan zowel tegen de persoon die de beelden eerst gemaakt of verspreid heeft, als tegen de personen die de beelden daarna verder verspreiden. Ook is het mogelijk om gerechtelijke stappen te ondernemen tegen een platform dat niet meewerkt aan de verwijdering van de beelden.',
            fr: 'Vous pouvez porter plainte aussi bien contre la personne qui a réalisé ou diffusé les images en premier que contre les personnes qui les ont ensuite diffusées à leur tour. Il est aussi possible d’entamer une action en justice contre une plateforme qui ne collabore pas au retrait des images.',
            en: 'You can do so against the person who first made or shared the images, and also against people who shared them further afterwards. It is also possible to take legal action against a platform that does not cooperate in removing the images.',
          },
          origin: fromGuide('Wat zijn de gevolgen van een klacht?'),
        },
        {
          text: {
            nl: 'Wanneer je klacht neerlegt, bezorgt de politie die aan het Openbaar Ministerie (OM). Het Openbaar Ministerie beslist over het verdere verloop van het onderzoek, en of de dader vervolgd wordt door hem naar de rechtbank door te verwijzen.',
            fr: 'Quand vous portez plainte, la police la transmet au ministère public (parquet). Le ministère public décide de la suite de l’enquête, et s’il poursuit l’auteur en le renvoyant devant le tribunal.',
            en: 'When you file a complaint, the police pass it on to the public prosecutor’s office (Openbaar Ministerie / ministère public). The public prosecutor decides how the investigation continues, and whether to prosecute the offender by referring them to court.',
          },
          origin: fromGuide('Wat zijn de gevolgen van een klacht?'),
        },
      ],
    },
    {
      id: 'police-keep-in-mind',
      origin: fromGuide('Waar moet je rekening mee houden?'),
      title: {
        nl: 'Waar moet je rekening mee houden?',
        fr: 'De quoi devez-vous tenir compte ?',
        en: 'What should you keep in mind?',
      },
      steps: [],
      notes: [
        {
          text: {
            nl: 'Wanneer je klacht indient, beslist het Openbaar Ministerie wat er verder gebeurt. Als slachtoffer heb je vooral het recht om op de hoogte te worden gehouden, om te worden gehoord en om een schadevergoeding te vragen.',
            fr: 'Une fois votre plainte déposée, c’est le ministère public qui décide de la suite. En tant que victime, vous avez surtout le droit de recevoir des informations sur l’affaire, de faire entendre votre point de vue et de demander une indemnisation.',
            en: 'Once you have filed a complaint, the public prosecutor decides what happens next. As a victim, you mainly have the right to be kept informed, to be heard, and to ask for compensation.',
          },
          origin: fromGuide('Waar moet je rekening mee houden?'),
        },
        {
          text: {
            nl: 'Jij kan niet beslissen of de dader voor de rechter moet verschijnen, of welke straf er gevraagd wordt.',
            fr: 'Ce n’est pas vous qui décidez si l’auteur doit comparaître devant un juge, ni quelle peine sera demandée.',
            en: 'You cannot decide whether the offender has to appear in court, or what sentence will be asked for.',
          },
          origin: fromGuide('Waar moet je rekening mee houden?'),
        },
        {
          text: {
            nl: 'Wanneer het OM een onderzoek opent, wordt de dader daarvan op de hoogte gebracht, en vaak ook van jouw identiteit. Voor sommige slachtoffers kan dat moeilijk zijn: zo kan iemand die de beelden verder verspreid heeft, maar ze niet zelf gemaakt heeft en je niet persoonlijk kent, toch te weten komen wie je bent.',
            fr: 'Quand le ministère public ouvre une enquête, l’auteur en est informé, et souvent aussi de votre identité. Cela peut être difficile pour certaines victimes : une personne qui a diffusé les images sans les avoir prises elle-même et sans vous connaître personnellement peut ainsi apprendre qui vous êtes.',
            en: 'When the public prosecutor opens an investigation, the offender is told about it, and often also about who you are. For some victims this can be hard: someone who shared the images further, but did not make them and does not know you personally, may still find out who you are.',
          },
          origin: fromGuide('Waar moet je rekening mee houden?'),
        },
        {
          text: {
            nl: 'Is dat een obstakel voor jou? Contacteer dan het Instituut om samen te bekijken wat de mogelijkheden zijn.',
            fr: 'C’est un obstacle pour vous ? Contactez alors l’Institut pour voir ensemble quelles sont les possibilités.',
            en: 'If that is a problem for you, contact the Institute so you can look at the options together.',
          },
          origin: fromGuide('Waar moet je rekening mee houden?'),
        },
        instituteContactAside,
      ],
    },
  ],

  checklistTitle: {
    nl: 'Waar moet je op letten bij het indienen van een klacht?',
    fr: 'À quoi faire attention en portant plainte ?',
    en: 'What to pay attention to when you file a complaint',
  },
  checklistOrigin: checklist,
  checklistIntro: {
    nl: 'Heb je besloten om klacht in te dienen bij de politie? Dan kan je je voorbereiden door bewijs te verzamelen.',
    fr: 'Vous avez décidé de porter plainte à la police ? Vous pouvez vous y préparer en rassemblant des preuves.',
    en: 'Have you decided to file a complaint with the police? You can prepare by gathering evidence.',
  },
  checklist: [
    {
      id: 'police-evidence',
      origin: checklist,
      text: {
        nl: 'Neem al je bewijsmateriaal mee, indien mogelijk zowel digitaal als analoog (op papier). Het gaat onder meer om de screenshots die je gemaakt hebt voordat je de platformen vroeg om de beelden te verwijderen.',
        fr: 'Apportez toutes vos preuves, si possible à la fois sous forme numérique et sur papier. Il s’agit notamment des captures d’écran que vous avez faites avant de demander aux plateformes de retirer les images.',
        en: 'Bring all your evidence, if possible both digitally and on paper. This includes the screenshots you took before you asked the platforms to remove the images.',
      },
      substeps: [
        {
          id: 'police-evidence-digital',
          origin: checklist,
          text: {
            nl: 'Bewijs in digitale vorm.',
            fr: 'Les preuves sous forme numérique.',
            en: 'Evidence in digital form.',
          },
          // The guide says only "digitaal": where to carry it is our advice, shown apart with its marker.
          asides: [
            {
              text: {
                nl: 'Bijvoorbeeld op je gsm of op een usb-stick.',
                fr: 'Par exemple sur votre téléphone ou sur une clé USB.',
                en: 'For example on your phone or on a USB stick.',
              },
              origin: added('our-advice'),
            },
          ],
        },
        {
          id: 'police-evidence-paper',
          origin: checklist,
          text: {
            nl: 'Bewijs op papier (afgedrukt).',
            fr: 'Les preuves sur papier (imprimées).',
            en: 'Evidence on paper (printed).',
          },
        },
        {
          id: 'police-evidence-dates',
          origin: checklist,
          text: {
            nl: 'Probeer bij screenshots altijd ook de datum zichtbaar op te nemen.',
            fr: 'Sur les captures d’écran, essayez toujours de faire apparaître la date.',
            en: 'On screenshots, always try to make the date visible too.',
          },
        },
        {
          id: 'police-evidence-more-info',
          origin: added('our-reading'),
          text: {
            nl: 'De gids verwijst hier naar een link met meer informatie over hoe en welk bewijs je kan verzamelen, maar het adres van die link ging verloren. Die informatie kan je ook aan het Instituut vragen.',
            fr: 'Le guide renvoie ici à un lien vers plus d’informations sur les preuves à rassembler et la manière de le faire, mais l’adresse de ce lien a été perdue. Vous pouvez aussi demander ces informations à l’Institut.',
            en: 'The guide points here to a link with more information on what evidence to gather and how, but the link’s address was lost. You can also ask the Institute for this information.',
          },
          links: [instituteLink],
        },
      ],
    },
    {
      id: 'police-malice-profit',
      origin: checklist,
      text: {
        nl: 'Een dader die met kwaadwillig opzet of uit winstbejag handelt, riskeert strengere straffen. Vermoed je dat dit het geval is bij jouw dader? Vermeld dit dan ook aan de politie.',
        fr: 'Un auteur qui agit avec une intention malveillante ou dans un but lucratif risque des peines plus lourdes. Si vous pensez que c’est le cas de votre auteur, dites-le aussi à la police.',
        en: 'An offender who acts with malicious intent or to make money risks heavier penalties. If you think this applies to the person who did this to you, tell the police too.',
      },
    },
    {
      id: 'police-gender-motive',
      origin: checklist,
      text: {
        nl: 'Een dader die de feiten pleegde omdat het slachtoffer van een bepaald geslacht is, of omdat hij negatieve gevoelens heeft tegenover alle leden van dat geslacht, kan ook zwaarder bestraft worden. Dit kan onder meer blijken uit commentaren die de dader postte, uit het feit dat de dader dit al vaker gedaan heeft, of uit een algemene houding van de dader. Breng hiervan, als je kan, ook bewijs mee.',
        fr: 'Un auteur qui a commis les faits parce que la victime est d’un certain sexe, ou parce qu’il a des sentiments négatifs envers toutes les personnes de ce sexe, peut aussi être puni plus lourdement. Cela peut ressortir, entre autres, de commentaires qu’il a publiés, du fait qu’il a déjà agi ainsi plusieurs fois, ou de son attitude générale. Si vous le pouvez, apportez-en aussi des preuves.',
        en: 'An offender who acted because of the victim’s gender, or because they have negative feelings towards everyone of that gender, can also be punished more heavily. This can show, for example, in comments the offender posted, in the fact that they have done this before, or in their general attitude. If you can, bring evidence of this too.',
      },
    },
    {
      id: 'police-support-person',
      origin: checklist,
      text: {
        nl: 'Vergeet niet dat je je altijd mag laten bijstaan door een advocaat of een vertrouwenspersoon.',
        fr: 'N’oubliez pas que vous pouvez toujours vous faire accompagner par un avocat ou une personne de confiance.',
        en: 'Remember that you can always have a lawyer or someone you trust with you.',
      },
    },
  ],

  links: [instituteLink],
};
