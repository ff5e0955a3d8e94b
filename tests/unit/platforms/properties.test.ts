import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PAGE_KINDS as PAGE_KIND_LIST } from '../../../lib/evidence/schema';
import { hostMatches, parsePlatformUrl, platforms, platformsForHost } from '../../../lib/platforms/registry';
import { catalog, LANGUAGES } from '../../../lib/i18n';
import type { PageKind, ParsedUrl, PlatformModule } from '../../../lib/platforms/types';
import { DISCORD_EPOCH_ISO, expectedSnowflakeTime, X_EPOCH_ISO } from './helpers';

const PAGE_KINDS: ReadonlySet<PageKind> = new Set<PageKind>(PAGE_KIND_LIST);

/** Every host pattern, with `*.` removed: the registrable domain it stands for. */
const BASE_HOSTS = [...new Set(platforms.flatMap((platform) => platform.hosts.map((host) => host.replace(/^\*\./, ''))))];

function ownsHost(platform: PlatformModule, hostname: string): boolean {
  return platform.hosts.some((pattern) => hostMatches(hostname, pattern));
}

function isPlatformHost(hostname: string): boolean {
  return platformsForHost(hostname).length > 0;
}

/** The invariants every non-null result keeps, whatever the input. */
function expectWellFormed(parsed: ParsedUrl, hostname: string): void {
  const platform = platforms.find((candidate) => candidate.id === parsed.platform);
  expect(platform && ownsHost(platform, hostname)).toBe(true);
  expect(PAGE_KINDS.has(parsed.kind)).toBe(true);
  expect(() => new URL(parsed.url)).not.toThrow();
  expect(new URL(parsed.url).protocol).toMatch(/^https?:$/);
  for (const value of Object.values(parsed.ids)) expect(typeof value).toBe('string');
  if (parsed.createdAt !== undefined) expect(new Date(parsed.createdAt).toISOString()).toBe(parsed.createdAt);
}

/** Hosts of ours, with a random or typical subdomain where the pattern is a wildcard. */
const platformHostname = fc.oneof(
  fc.constantFrom(...platforms.flatMap((platform) => platform.hosts.filter((host) => !host.startsWith('*.')))),
  fc.tuple(
    fc.constantFrom(...platforms.flatMap((platform) => platform.hosts.filter((host) => host.startsWith('*.')))),
    fc.oneof(fc.constantFrom('', 'www.', 'm.', 'l.', 'lm.', 'mbasic.', 'fr-fr.', 'developers.'), fc.domain().map((d) => `${d}.`)),
  ).map(([pattern, subdomain]) => `${subdomain}${pattern.slice(2)}`),
);

/** Platform-looking paths: known first segments mixed with random segments, ids and handles. */
const segment = fc.oneof(
  fc.webSegment(),
  fc.constantFrom(
    'channels', '@me', 'status', 'statuses', 'i', 'web', 'messages', 't', 'e2ee', 'p', 'reel', 'reels', 'tv', 'stories',
    'highlights', 'direct', 'share', 'watch', 'shorts', 'live', 'embed', 'v2', 'channel', 'c', 'user', 'groups', 'posts',
    'permalink', 'videos', 'photos', 'photo', 'profile.php', 'people', 'add', 'spotlight', 's', 'o', 'invite', 'send',
    'video', 'l.php', 'flx', 'warn', 'redirect', 'j', 'qr', 'message', 'accept', 'constructor', '__proto__', 'toString',
  ),
  fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }).map(String),
  fc.stringMatching(/^@?[A-Za-z0-9_.-]{1,32}$/),
);
const path = fc.array(segment, { maxLength: 5 }).map((segments) => `/${segments.join('/')}`);
const query = fc.oneof(
  fc.constant(''),
  fc.webQueryParameters().map((q) => `?${q}`),
  fc.tuple(fc.constantFrom('v', 'u', 'q', 'id', 'fbid', 'story_fbid', 'phone', 'code', 'screen_name', 'user_id'), fc.string())
    .map(([key, value]) => `?${key}=${encodeURIComponent(value)}`),
);
const platformUrl = fc
  .tuple(fc.constantFrom('https', 'http'), platformHostname, path, query, fc.oneof(fc.constant(''), fc.webFragments().map((f) => `#${f}`)))
  .map(([scheme, host, urlPath, urlQuery, fragment]) => `${scheme}://${host}${urlPath}${urlQuery}${fragment}`);

describe('parsePlatformUrl properties', () => {
  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (input) => {
        const parsed = parsePlatformUrl(input);
        if (parsed) expectWellFormed(parsed, new URL(input.trim()).hostname);
      }),
    );
  });

  it('never throws on web URLs, and only answers for hosts the platform lists', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (input) => {
        const parsed = parsePlatformUrl(input);
        if (parsed) expectWellFormed(parsed, new URL(input).hostname);
      }),
    );
  });

  it('parses platform-looking URLs without a parser ever throwing, and keeps every invariant', () => {
    fc.assert(
      fc.property(platformUrl, (input) => {
        const url = new URL(input);
        // Call the modules directly: the registry would hide a throwing parser behind its catch.
        for (const platform of platformsForHost(url.hostname)) {
          let parsed: ParsedUrl | null = null;
          expect(() => {
            parsed = platform.parseUrl(url);
          }).not.toThrow();
          if (parsed) expectWellFormed(parsed, url.hostname);
        }
        const parsed = parsePlatformUrl(input);
        if (parsed) expectWellFormed(parsed, url.hostname);
      }),
    );
  });

  it('rejects foreign domains', () => {
    fc.assert(
      fc.property(fc.domain(), path, (domain, urlPath) => {
        fc.pre(!isPlatformHost(domain));
        expect(parsePlatformUrl(`https://${domain}${urlPath}`)).toBeNull();
      }),
    );
  });

  it('rejects look-alikes that append a domain to ours (x.com.evil.example)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...BASE_HOSTS), fc.domain(), path, (host, domain, urlPath) => {
        fc.pre(!isPlatformHost(domain));
        expect(parsePlatformUrl(`https://${host}.${domain}${urlPath}`)).toBeNull();
      }),
    );
  });

  it('rejects look-alikes that prefix our domain (evil-facebook.com, notx.com)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...BASE_HOSTS), fc.stringMatching(/^[a-z0-9-]{1,12}$/), path, (host, prefix, urlPath) => {
        const hostname = `${prefix}${host}`;
        fc.pre(!/^-|-$/.test(prefix) && !isPlatformHost(hostname));
        expect(parsePlatformUrl(`https://${hostname}${urlPath}`)).toBeNull();
      }),
    );
  });
});

/** Discord snowflakes: 17 to 20 digits, at most 2^64 - 1. */
const discordId = fc.bigInt({ min: 10n ** 16n, max: (1n << 64n) - 1n }).map(String);
const X_RESERVED = new Set(['home', 'explore', 'search', 'i', 'settings', 'messages', 'notifications', 'compose', 'login', 'logout', 'signup', 'tos', 'privacy', 'hashtag', 'intent', 'share', 'account', 'about', 'download', 'jobs', 'lists', 'bookmarks', 'communities', 'premium_sign_up', 'status', 'statuses', 'web', 'oauth', 'jump', 'flow', 'who_to_follow', 'connect_people', 'your_twitter_data', 'en']);
const xHandle = fc.stringMatching(/^[A-Za-z0-9_]{1,15}$/).filter((handle) => !X_RESERVED.has(handle.toLowerCase()));

describe('page-kind labels', () => {
  it.each([...PAGE_KINDS])('%s is labelled once: in the shared dictionary or by the one platform that has it', (kind) => {
    const owners = platforms.filter((platform) => platform.kindLabels?.[kind] !== undefined);
    for (const lang of LANGUAGES) {
      const shared = (catalog(lang) as Record<string, string | undefined>)[`kind.${kind}`];
      const labels = [shared, ...owners.map((platform) => platform.kindLabels?.[kind]?.[lang])].filter(Boolean);
      expect(labels, `${lang}: ${kind}`).toHaveLength(1);
    }
  });
});

describe('round trips', () => {
  it('Discord message links give back their ids and creation time', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('discord.com', 'ptb.discord.com', 'canary.discord.com', 'discordapp.com', 'canary.discordapp.com'),
        fc.option(discordId, { nil: undefined }),
        discordId,
        fc.option(discordId, { nil: undefined }),
        (host, guild, channel, message) => {
          const guildPart = guild ?? '@me';
          const tail = message === undefined ? '' : `/${message}`;
          const parsed = parsePlatformUrl(`https://${host}/channels/${guildPart}/${channel}${tail}`);
          const expectedIds: Record<string, string> = { channelId: channel };
          if (guild !== undefined) expectedIds.serverId = guild;
          if (message !== undefined) expectedIds.messageId = message;
          expect(parsed?.ids).toStrictEqual(expectedIds);
          expect(parsed?.url).toBe(`https://discord.com/channels/${guildPart}/${channel}${tail}`);
          expect(parsed?.createdAt).toBe(expectedSnowflakeTime(message ?? channel, DISCORD_EPOCH_ISO));
          const kind = `${guild === undefined ? 'dm' : 'server'}-${message === undefined ? 'channel' : 'message'}`;
          expect(parsed?.kind).toBe(kind);
        },
      ),
    );
  });

  it('X status links give back handle, id and (for snowflakes) creation time', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('x.com', 'twitter.com', 'mobile.twitter.com', 'www.x.com'),
        xHandle,
        fc.bigInt({ min: 1n, max: (1n << 63n) - 1n }).map(String),
        (host, handle, postId) => {
          const parsed = parsePlatformUrl(`https://${host}/${handle}/status/${postId}?s=20`);
          expect(parsed?.kind).toBe('post');
          expect(parsed?.ids).toStrictEqual({ handle, postId });
          expect(parsed?.url).toBe(`https://x.com/${handle}/status/${postId}`);
          expect(parsed?.createdAt).toBe(postId.length > 13 ? expectedSnowflakeTime(postId, X_EPOCH_ISO) : undefined);
        },
      ),
    );
  });

  it('YouTube video ids survive every URL form', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z0-9_-]{11}$/).filter((id) => !['videoseries', 'live_stream'].includes(id.toLowerCase())),
        fc.constantFrom('https://www.youtube.com/watch?v=', 'https://m.youtube.com/embed/', 'https://youtu.be/', 'https://www.youtube-nocookie.com/embed/'),
        (videoId, prefix) => {
          const parsed = parsePlatformUrl(`${prefix}${videoId}`);
          expect(parsed?.ids).toStrictEqual({ videoId });
          expect(parsed?.url).toBe(`https://www.youtube.com/watch?v=${videoId}`);
        },
      ),
    );
  });
});
