import { DISCORD_EPOCH, snowflakeIso } from '../snowflake';
import type { PageKind, ParsedUrl } from '../types';
import { isWord, normalizedHost, pageResult, pathSegments, withoutFragment } from '../url-utils';

/**
 * Exact hosts only: `*.discord.com` would also claim support., status. and blog.discord.com, and
 * `*.discordapp.com` the attachment CDN, where the content script has nothing to do.
 */
export const DISCORD_HOSTS = [
  'discord.com',
  'www.discord.com',
  'ptb.discord.com',
  'canary.discord.com',
  'discordapp.com',
  'www.discordapp.com',
  'ptb.discordapp.com',
  'canary.discordapp.com',
  'discord.gg',
] as const;

const INVITE_HOST = 'discord.gg';
const CANONICAL_ORIGIN = 'https://discord.com';
/** Snowflakes from 2015 onwards have 17 to 20 decimal digits. */
const SNOWFLAKE = /^\d{17,20}$/;
/** Invite codes are random (8-10 chars) or server vanity names (2-32 letters, digits and hyphens). */
const INVITE_CODE = /^[A-Za-z0-9-]{2,32}$/;
const DM_GUILD = '@me';

export function parseDiscordUrl(url: URL): ParsedUrl | null {
  const segments = pathSegments(url);
  if (normalizedHost(url) === INVITE_HOST) return parseInvitePath(url, segments);

  const [first, second] = segments;
  if (segments.length === 0) return discordPage('home', withoutFragment(url));
  if (isWord(first, 'channels')) return parseChannelsPath(url, segments.slice(1));
  if (isWord(first, 'invite') && segments.length === 2) return inviteResult(url, second);
  if (isWord(first, 'users') && segments.length === 2) return parseUserPath(url, second);
  if (isWord(first, 'app') && segments.length === 1) return discordPage('home', withoutFragment(url));
  return discordPage('other', withoutFragment(url));
}

function parseInvitePath(url: URL, segments: string[]): ParsedUrl {
  if (segments.length === 1) return inviteResult(url, segments[0]);
  return discordPage('other', withoutFragment(url));
}

function inviteResult(url: URL, code: string | undefined): ParsedUrl {
  if (code === undefined || !INVITE_CODE.test(code)) return discordPage('other', withoutFragment(url));
  return pageResult('discord', 'invite', `https://discord.gg/${code}`, { inviteCode: code });
}

function parseUserPath(url: URL, userId: string | undefined): ParsedUrl {
  if (userId === undefined || !SNOWFLAKE.test(userId)) return discordPage('other', withoutFragment(url));
  return pageResult(
    'discord',
    'profile',
    `${CANONICAL_ORIGIN}/users/${userId}`,
    { userId },
    snowflakeIso(userId, DISCORD_EPOCH),
  );
}

/** `/channels/<guild|@me>[/<channel>[/<message>]]`; the guild, channel and message ids are all snowflakes. */
function parseChannelsPath(url: URL, parts: string[]): ParsedUrl {
  const [guild, channel, message] = parts;
  if (guild === undefined || parts.length > 3) return discordPage('other', withoutFragment(url));
  const isDirect = guild.toLowerCase() === DM_GUILD;
  if (!isDirect && !SNOWFLAKE.test(guild)) return discordPage('other', withoutFragment(url));
  if (channel !== undefined && !SNOWFLAKE.test(channel)) return discordPage('other', withoutFragment(url));
  if (message !== undefined && !SNOWFLAKE.test(message)) return discordPage('other', withoutFragment(url));

  const canonical = [CANONICAL_ORIGIN, 'channels', isDirect ? DM_GUILD : guild, channel, message]
    .filter((part) => part !== undefined)
    .join('/');
  // The most specific id says when the thing the link points at was created.
  const newestId = message ?? channel ?? (isDirect ? undefined : guild);
  const createdAt = newestId === undefined ? undefined : snowflakeIso(newestId, DISCORD_EPOCH);
  const ids = { serverId: isDirect ? undefined : guild, channelId: channel, messageId: message };
  return pageResult('discord', channelsKind(isDirect, channel, message), canonical, ids, createdAt);
}

function channelsKind(isDirect: boolean, channel: string | undefined, message: string | undefined): PageKind {
  if (message !== undefined) return isDirect ? 'dm-message' : 'server-message';
  if (channel !== undefined) return isDirect ? 'dm-channel' : 'server-channel';
  // `/channels/@me` alone is the friends list and direct-message inbox: Discord's start page.
  return isDirect ? 'home' : 'server';
}

function discordPage(kind: PageKind, url: string): ParsedUrl {
  return pageResult('discord', kind, url);
}
