import type { PageKind, ParsedUrl } from '../types';
import { isWord, normalizedHost, pageResult, pathSegments, safeDecode, withoutFragment } from '../url-utils';

/**
 * Exact hosts rather than `*.whatsapp.com`: faq. and business.whatsapp.com are documentation sites where the content
 * script has nothing to do.
 */
export const WHATSAPP_HOSTS = [
  'web.whatsapp.com',
  'api.whatsapp.com',
  'chat.whatsapp.com',
  'whatsapp.com',
  'www.whatsapp.com',
  'wa.me',
] as const;

const WEB_HOST = 'web.whatsapp.com';
const API_HOST = 'api.whatsapp.com';
const INVITE_HOST = 'chat.whatsapp.com';
const WA_ME_HOST = 'wa.me';
/** International numbers (E.164) have at most 15 digits; the shortest real ones about 7. */
const PHONE_DIGITS = /^\d{7,15}$/;
const INVITE_CODE = /^[A-Za-z0-9]{8,64}$/;
const OPAQUE_CODE = /^[A-Za-z0-9_-]{4,64}$/;

export function parseWhatsAppUrl(url: URL): ParsedUrl | null {
  const host = normalizedHost(url);
  const segments = pathSegments(url);
  switch (host) {
    case WA_ME_HOST:
      return parseWaMePath(url, segments);
    case INVITE_HOST:
      return parseInvitePath(url, segments);
    case API_HOST:
      return parseSendPath(url, segments);
    case WEB_HOST:
      return parseWebPath(url, segments);
    default:
      return parseMainSitePath(url, segments);
  }
}

/**
 * The international digits of a phone number as links write it (`+32 470 12 34 56`, `32470123456`): a leading
 * `+`, spaces, dots, hyphens and parentheses are dropped. Undefined when what remains is not 7-15 digits.
 */
export function normalizePhone(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  const decoded = safeDecode(raw) ?? raw;
  const digits = decoded.replace(/^\+/, '').replace(/[\s().-]/g, '');
  return PHONE_DIGITS.test(digits) ? digits : undefined;
}

function chatWithPhone(url: URL, raw: string | null | undefined): ParsedUrl {
  const phone = normalizePhone(raw);
  if (phone === undefined) return whatsappPage('other', url);
  return pageResult('whatsapp', 'chat', `https://wa.me/${phone}`, { phone });
}

/** wa.me/<phone>, wa.me/message/<code> and wa.me/qr/<code> (business and contact QR links). */
function parseWaMePath(url: URL, segments: string[]): ParsedUrl {
  const [first, second] = segments;
  if (segments.length === 1) return chatWithPhone(url, first);
  if (segments.length === 2 && (isWord(first, 'message') || isWord(first, 'qr'))) {
    if (second === undefined || !OPAQUE_CODE.test(second)) return whatsappPage('other', url);
    return pageResult('whatsapp', 'short-link', `https://wa.me/${first?.toLowerCase()}/${second}`, { code: second });
  }
  return whatsappPage('other', url);
}

/** chat.whatsapp.com/<code> and the older chat.whatsapp.com/invite/<code>: group invitations. */
function parseInvitePath(url: URL, segments: string[]): ParsedUrl {
  const code = segments.length === 1 ? segments[0] : isWord(segments[0], 'invite') ? segments[1] : undefined;
  if (code === undefined || segments.length > 2 || !INVITE_CODE.test(code)) return whatsappPage('other', url);
  return pageResult('whatsapp', 'invite', `https://chat.whatsapp.com/${code}`, { inviteCode: code });
}

/** api.whatsapp.com/send?phone=<digits>: the long form of wa.me/<digits>. */
function parseSendPath(url: URL, segments: string[]): ParsedUrl {
  if (segments.length === 1 && isWord(segments[0], 'send')) return chatWithPhone(url, url.searchParams.get('phone'));
  return whatsappPage('other', url);
}

/**
 * WhatsApp Web keeps one address while chats change, so the address alone says only "the chat client", except
 * for /send?phone= (opens a chat) and /accept?code= (a group invitation).
 */
function parseWebPath(url: URL, segments: string[]): ParsedUrl {
  const [first] = segments;
  if (isWord(first, 'send') && url.searchParams.has('phone')) return chatWithPhone(url, url.searchParams.get('phone'));
  if (isWord(first, 'accept')) {
    const code = url.searchParams.get('code');
    if (code === null || !INVITE_CODE.test(code)) return whatsappPage('other', url);
    return pageResult('whatsapp', 'invite', `https://chat.whatsapp.com/${code}`, { inviteCode: code });
  }
  if (first === undefined) return pageResult('whatsapp', 'chat', 'https://web.whatsapp.com/');
  return whatsappPage('other', url);
}

/** whatsapp.com: the marketing site, except /channel/<code> (a WhatsApp channel) and /send?phone=. */
function parseMainSitePath(url: URL, segments: string[]): ParsedUrl {
  const [first, second] = segments;
  if (isWord(first, 'channel') && segments.length === 2 && second !== undefined && OPAQUE_CODE.test(second)) {
    return pageResult('whatsapp', 'channel', `https://whatsapp.com/channel/${second}`, { code: second });
  }
  if (isWord(first, 'send') && segments.length === 1) return chatWithPhone(url, url.searchParams.get('phone'));
  return whatsappPage('other', url);
}

function whatsappPage(kind: PageKind, url: URL): ParsedUrl {
  return pageResult('whatsapp', kind, withoutFragment(url));
}
