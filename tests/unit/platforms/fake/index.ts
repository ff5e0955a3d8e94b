/**
 * A made-up platform, written the way a real one is (lib/platforms/<id>/index.ts, its steps in steps.ts):
 * everything about it in this one folder. tests/unit/platforms/adding-a-platform.test.ts registers it and finds
 * it everywhere the extension uses platforms.
 */
import { pushField } from '../../../../lib/platforms/dom-helpers';
import type {
  IdentifierField,
  ItemExtractor,
  ParsedUrl,
  PlatformId,
  PlatformModule,
} from '../../../../lib/platforms/types';

/** `https://fakebook.example/<user>/posts/<digits>`; anything else on the host is its start page. */
function parseFakeUrl(url: URL): ParsedUrl | null {
  // A platform id the production registry does not know: the test registry does.
  const platform = 'fakebook' as PlatformId;
  const post = /^\/([a-z0-9_]{1,30})\/posts\/(\d{1,20})\/?$/.exec(url.pathname);
  if (post) {
    const [, handle = '', postId = ''] = post;
    return { platform, kind: 'post', ids: { handle, postId }, url: `https://fakebook.example/${handle}/posts/${postId}` };
  }
  return { platform, kind: 'home', ids: {}, url: 'https://fakebook.example/' };
}

/** One item per `article[data-post-id]`. */
const extractFake: ItemExtractor = {
  itemKind: 'post',
  rows: (root) => Array.from(root.querySelectorAll('article[data-post-id]')),
  begin: () => ({
    read(article) {
      const fields: IdentifierField[] = [];
      const postId = article.getAttribute('data-post-id') ?? '';
      pushField(fields, 'postId', postId);
      return { item: { key: postId, kind: 'post', fields }, carry: undefined };
    },
  }),
};

export const fakebook: PlatformModule<'fakebook'> = {
  id: 'fakebook',
  name: 'Fakebook',
  badge: 'FK',
  hosts: ['*.fakebook.example'],
  parseUrl: parseFakeUrl,
  extractorFor: () => extractFake,
  kindLabels: { post: { nl: 'nepbericht', fr: 'faux message', en: 'fake post' } },
  handleText: (handle) => `~${handle}`,
  selectionLimit: 2,
};
