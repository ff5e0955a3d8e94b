import { describe, expect, it } from 'vitest';
import {
  contentScriptMatches,
  hostMatches,
  parsePlatformUrl,
  platformById,
  platforms,
  platformsForHost,
} from '../../../lib/platforms/registry';

const EXPECTED_MATCHES = [
  '*://*.facebook.com/*',
  '*://*.messenger.com/*',
  '*://api.whatsapp.com/*',
  '*://canary.discord.com/*',
  '*://canary.discordapp.com/*',
  '*://chat.whatsapp.com/*',
  '*://discord.com/*',
  '*://discord.gg/*',
  '*://discordapp.com/*',
  '*://fb.com/*',
  '*://fb.watch/*',
  '*://instagr.am/*',
  '*://instagram.com/*',
  '*://l.instagram.com/*',
  '*://m.me/*',
  '*://m.tiktok.com/*',
  '*://m.twitter.com/*',
  '*://m.youtube.com/*',
  '*://mobile.twitter.com/*',
  '*://mobile.x.com/*',
  '*://ptb.discord.com/*',
  '*://ptb.discordapp.com/*',
  '*://snapchat.com/*',
  '*://story.snapchat.com/*',
  '*://t.co/*',
  '*://t.snapchat.com/*',
  '*://tiktok.com/*',
  '*://twitter.com/*',
  '*://vm.tiktok.com/*',
  '*://vt.tiktok.com/*',
  '*://wa.me/*',
  '*://web.snapchat.com/*',
  '*://web.whatsapp.com/*',
  '*://whatsapp.com/*',
  '*://www.discord.com/*',
  '*://www.discordapp.com/*',
  '*://www.fb.com/*',
  '*://www.instagr.am/*',
  '*://www.instagram.com/*',
  '*://www.snapchat.com/*',
  '*://www.tiktok.com/*',
  '*://www.twitter.com/*',
  '*://www.whatsapp.com/*',
  '*://www.x.com/*',
  '*://www.youtube-nocookie.com/*',
  '*://www.youtube.com/*',
  '*://x.com/*',
  '*://youtu.be/*',
  '*://youtube-nocookie.com/*',
  '*://youtube.com/*',
].sort();

describe('contentScriptMatches', () => {
  const matches = contentScriptMatches();

  it('is exactly the expected list of host patterns', () => {
    expect(matches).toEqual(EXPECTED_MATCHES);
  });

  it('never matches everything or a whole foreign domain', () => {
    expect(matches).not.toContain('<all_urls>');
    for (const pattern of matches) {
      expect(pattern).toMatch(/^\*:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+\/\*$/);
      expect(pattern).not.toMatch(/^\*:\/\/\*\/|google\.com|\*\.(com|me|co|gg|am|watch)\//);
    }
  });

  it('has no duplicates', () => {
    expect(new Set(matches).size).toBe(matches.length);
  });
});

describe('hostMatches', () => {
  it.each([
    ['facebook.com', '*.facebook.com', true],
    ['www.facebook.com', '*.facebook.com', true],
    ['a.b.facebook.com', '*.facebook.com', true],
    ['WWW.FACEBOOK.COM', '*.facebook.com', true],
    ['www.facebook.com.', '*.facebook.com', true],
    ['evilfacebook.com', '*.facebook.com', false],
    ['facebook.com.evil.example', '*.facebook.com', false],
    ['x.com', 'x.com', true],
    ['www.x.com', 'x.com', false],
    ['notx.com', 'x.com', false],
  ])('%s against %s → %s', (host, pattern, expected) => {
    expect(hostMatches(host, pattern)).toBe(expected);
  });
});

describe('platformsForHost', () => {
  it('offers facebook.com to Messenger before Facebook', () => {
    expect(platformsForHost('www.facebook.com').map((platform) => platform.id)).toEqual(['messenger', 'facebook']);
  });
  it('knows every platform by id', () => {
    for (const platform of platforms) expect(platformById(platform.id)).toBe(platform);
  });
  it('returns nothing for unrelated hosts', () => {
    expect(platformsForHost('example.com')).toEqual([]);
    expect(platformsForHost('www.google.com')).toEqual([]);
  });
});

describe('parsePlatformUrl', () => {
  it.each([
    'https://facebook.com.evil.example/zuck',
    'https://evil-facebook.com/zuck',
    'https://notx.com/jack/status/20',
    'https://x.com.evil.example/jack/status/20',
    'https://xdiscord.com/channels/@me/381889573426429952',
    'https://discord.com.evil.example/channels/@me/381889573426429952',
    'https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ',
    'https://wa.me.evil.example/32470123456',
    'https://evil.example/?u=https://x.com/jack',
    'https://x.com@evil.example/jack',
  ])('rejects the look-alike %s', (input) => {
    expect(parsePlatformUrl(input)).toBeNull();
  });

  it.each(['', ' ', 'not a url', 'x.com/jack', 'javascript:alert(1)', 'ftp://x.com/jack', 'file:///etc/passwd', 'data:text/html,hi'])(
    'returns null for %j',
    (input) => {
      expect(parsePlatformUrl(input)).toBeNull();
    },
  );

  it('trims surrounding whitespace and accepts an upper-case scheme and host', () => {
    expect(parsePlatformUrl('  HTTPS://X.COM/jack  ')?.ids).toEqual({ handle: 'jack' });
  });

  it('follows a link shim and parses its destination', () => {
    const target = 'https://discord.com/channels/@me/381889573426429952';
    const parsed = parsePlatformUrl(`https://l.facebook.com/l.php?u=${encodeURIComponent(target)}`);
    expect(parsed?.kind).toBe('link-shim');
    expect(parsed?.target?.url).toBe(target);
    expect(parsed?.target?.parsed?.platform).toBe('discord');
    expect(parsed?.target?.parsed?.kind).toBe('dm-channel');
  });

  it('leaves a shim to a foreign site with target.parsed null', () => {
    const parsed = parsePlatformUrl(`https://l.facebook.com/l.php?u=${encodeURIComponent('https://example.com/')}`);
    expect(parsed?.target).toEqual({ url: 'https://example.com/', parsed: null });
  });

  it('stops following shims after a few levels', () => {
    let url = 'https://x.com/jack';
    for (let level = 0; level < 6; level += 1) url = `https://l.facebook.com/l.php?u=${encodeURIComponent(url)}`;
    let parsed = parsePlatformUrl(url);
    let depth = 0;
    while (parsed?.target?.parsed) {
      parsed = parsed.target.parsed;
      depth += 1;
    }
    expect(depth).toBeLessThanOrEqual(3);
    expect(parsed?.kind).toBe('link-shim');
  });
});
