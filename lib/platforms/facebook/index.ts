import type { PageKind, PlatformModule } from '../types';
import { extractFacebook } from './extract';
import { FACEBOOK_HOSTS, parseFacebookUrl } from './url';

/** Pages that show posts: feeds, profiles, groups, and a post, photo or video page (its one post). */
const WITH_POSTS: ReadonlySet<PageKind> = new Set<PageKind>(['home', 'profile', 'group', 'post', 'photo', 'video', 'reel', 'live', 'other']);

export const facebook: PlatformModule<'facebook'> = {
  id: 'facebook',
  name: 'Facebook',
  badge: 'FB',
  hosts: FACEBOOK_HOSTS,
  parseUrl: parseFacebookUrl,
  extractorFor: (page) => (WITH_POSTS.has(page.kind) ? extractFacebook : null),
  kindLabels: { group: { nl: 'groep', fr: 'groupe', en: 'group' } },
};
