import { translateCore, type CoreKey, type Lang } from './i18n/core';
import { registry as defaultRegistry, type PlatformRegistry } from './platforms/registry';
import type { ParsedUrl } from './platforms/types';

/**
 * What the page kind is called: the platform's own label for a kind only it has (Discord's "message in a server
 * channel"), else the shared one.
 */
export function kindLabel(parsed: ParsedUrl, lang: Lang, registry: PlatformRegistry = defaultRegistry): string {
  const own = registry.byId(parsed.platform).kindLabels?.[parsed.kind];
  return own ? own[lang] : translateCore(lang, `kind.${parsed.kind}` as CoreKey);
}

/** "Discord - message in a server channel": the platform and page kind in plain words. */
export function describePage(parsed: ParsedUrl, lang: Lang, registry: PlatformRegistry = defaultRegistry): string {
  return translateCore(lang, 'page.platformAndKind', {
    platform: registry.byId(parsed.platform).name,
    kind: kindLabel(parsed, lang, registry),
  });
}

/** "Facebook, Messenger, … and Discord": every registered platform's name, as a list in the language. */
export function platformNameList(lang: Lang, registry: PlatformRegistry = defaultRegistry): string {
  return new Intl.ListFormat(lang, { type: 'conjunction' }).format(registry.platforms.map((platform) => platform.name));
}
