/**
 * The platforms evidence can come from, by id. Records and bundles name them (lib/bundle/FORMAT.md), so the list
 * belongs to the evidence model, at the ground of lib/. Each id has its folder under lib/platforms/<id>/ and its
 * line in lib/platforms/registry.ts: the compiler checks that the registry lists exactly these ids.
 */
export const PLATFORM_IDS = [
  'messenger',
  'facebook',
  'instagram',
  'snapchat',
  'youtube',
  'tiktok',
  'x',
  'whatsapp',
  'discord',
] as const;

export type PlatformId = (typeof PLATFORM_IDS)[number];
