import { isFacebookPageHost } from '../facebook/url';
import type { PageKind, ParsedUrl } from '../types';
import { isWord, linkShimResult, normalizedHost, pageResult, pathSegments, withoutFragment } from '../url-utils';

/**
 * Messenger shares facebook.com with Facebook (facebook.com/messages/...), so it lists Facebook's hosts too; the
 * registry asks Messenger first, and Messenger returns null for every facebook.com page outside /messages.
 */
export const MESSENGER_HOSTS = ['*.messenger.com', 'm.me', '*.facebook.com'] as const;

const ME_HOST = 'm.me';
/** Outbound link wrapper of messenger.com, like l.facebook.com. */
const LINK_SHIM_HOST = 'l.messenger.com';
/**
 * Threads open at facebook.com/messages/t/<id>: Meta moved Messenger's web client there from messenger.com, which
 * now redirects, so that is the address that keeps working.
 */
const THREAD_ORIGIN = 'https://www.facebook.com/messages';
/** Thread ids are numeric; a user name also opens the conversation with that person. */
const THREAD_ID = /^[A-Za-z0-9.]{1,80}$/;
const ME_USERNAME = /^[A-Za-z0-9.]{1,80}$/;
const INVITE_CODE = /^[A-Za-z0-9_-]{4,64}$/;

export function parseMessengerUrl(url: URL): ParsedUrl | null {
  const host = normalizedHost(url);
  if (host === ME_HOST) return parseMeLink(url);
  if (host === LINK_SHIM_HOST) {
    return isWord(pathSegments(url)[0], 'l.php') ? linkShimResult('messenger', url, url.searchParams.get('u')) : null;
  }
  if (host === 'messenger.com' || host.endsWith('.messenger.com')) return parseThreadPath(url, pathSegments(url));
  return parseFacebookMessagesPath(url);
}

/** On facebook.com only `/messages/...` is Messenger; everything else belongs to Facebook. */
function parseFacebookMessagesPath(url: URL): ParsedUrl | null {
  if (!isFacebookPageHost(normalizedHost(url))) return null;
  const [first, ...rest] = pathSegments(url);
  if (!isWord(first, 'messages')) return null;
  return parseThreadPath(url, rest);
}

/** `t/<thread>`, `e2ee/t/<thread>` (end-to-end encrypted threads); anything else is the inbox. */
function parseThreadPath(url: URL, segments: string[]): ParsedUrl {
  const encrypted = isWord(segments[0], 'e2ee');
  const [section, threadId] = encrypted ? segments.slice(1) : segments;
  if (isWord(section, 't') && threadId !== undefined && THREAD_ID.test(threadId)) {
    const canonical = `${THREAD_ORIGIN}/${encrypted ? 'e2ee/' : ''}t/${threadId}`;
    return pageResult('messenger', 'chat', canonical, { chatId: threadId });
  }
  return messengerPage('chat', url);
}

/** m.me/<user> opens a conversation with a person or page; m.me/j/<code> joins a group chat. */
function parseMeLink(url: URL): ParsedUrl {
  const segments = pathSegments(url);
  const [first, second] = segments;
  if (isWord(first, 'j') && segments.length === 2 && second !== undefined && INVITE_CODE.test(second)) {
    return pageResult('messenger', 'invite', `https://m.me/j/${second}`, { inviteCode: second });
  }
  if (segments.length === 1 && first !== undefined && ME_USERNAME.test(first)) {
    return pageResult('messenger', 'chat', `https://m.me/${first}`, { handle: first });
  }
  return messengerPage('other', url);
}

function messengerPage(kind: PageKind, url: URL): ParsedUrl {
  return pageResult('messenger', kind, withoutFragment(url));
}
