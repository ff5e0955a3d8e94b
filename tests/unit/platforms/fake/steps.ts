/** The made-up platform's reporting steps (as lib/platforms/<id>/steps.ts holds a real one's). */
import { added } from '../../../../lib/guide/origin';
import type { PlatformGuide } from '../../../../lib/guide/types';

const ours = added('platform-help');

export const guide: PlatformGuide = {
  sections: [
    {
      id: 'fakebook-form',
      origin: ours,
      title: { nl: 'Het formulier', fr: 'Le formulaire', en: 'The form' },
      steps: [
        { id: 'fakebook-open', origin: ours, text: { nl: 'Open het formulier.', fr: 'Ouvrez le formulaire.', en: 'Open the form.' } },
        {
          id: 'fakebook-fill',
          origin: ours,
          text: { nl: 'Vul het in.', fr: 'Remplissez-le.', en: 'Fill it in.' },
          substeps: [{ id: 'fakebook-link', origin: ours, text: { nl: 'Plak de link.', fr: 'Collez le lien.', en: 'Paste the link.' } }],
        },
      ],
    },
  ],
  links: [],
};
