import { translate, type Lang } from './i18n';
import { platformById } from './platforms/registry';
import type { ParsedUrl } from './platforms/types';

/** "Discord - message in a server channel": the platform and page kind in plain words. */
export function describePage(parsed: ParsedUrl, lang: Lang): string {
  return translate(lang, 'page.platformAndKind', {
    platform: platformById(parsed.platform).name,
    kind: translate(lang, `kind.${parsed.kind}`),
  });
}

/** Two letters for the toolbar badge; platform names are brands and are not translated. */
export const BADGE_TEXT: Record<ParsedUrl['platform'], string> = {
  facebook: 'FB',
  messenger: 'MS',
  instagram: 'IG',
  snapchat: 'SC',
  youtube: 'YT',
  tiktok: 'TT',
  x: 'X',
  whatsapp: 'WA',
  discord: 'DC',
};
