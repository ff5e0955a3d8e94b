/**
 * One content script per site (wxt.config.ts, addPlatformContentScripts, builds one for each group of
 * `contentScriptGroups`): each carries only its platforms, no page is matched by two, together they match exactly
 * the registry's patterns, and what a content script cannot read (a link shim's destination on another site) the
 * extension's pages read.
 */
import { describe, expect, it } from 'vitest';
import { pageInfo } from '../../../lib/content/page-announcer';
import { withShimTarget } from '../../../lib/browser/tabs';
import { contentScriptGroups, contentScriptName, createRegistry, hostMatches } from '../../../lib/platforms/lookup';
import { parsePlatformUrl, platforms, registry } from '../../../lib/platforms/registry';

const groups = contentScriptGroups(platforms);
const groupOf = (id: string) => groups.find((group) => group.some((platform) => platform.id === id))!;

describe('contentScriptGroups', () => {
  it('puts Messenger and Facebook (facebook.com/messages) together, in the registry order, and every other alone', () => {
    expect(groups.map(contentScriptName)).toEqual([
      'messenger-facebook',
      'instagram',
      'snapchat',
      'youtube',
      'tiktok',
      'x',
      'whatsapp',
      'discord',
    ]);
    expect(groups.flat().map((platform) => platform.id).sort()).toEqual(platforms.map((platform) => platform.id).sort());
  });

  it('matches together exactly the registry patterns, and no host in two groups', () => {
    const patterns = groups.map((group) => createRegistry(group).contentScriptMatches());
    expect(patterns.flat().sort()).toEqual(registry.contentScriptMatches());
    const hosts = groups.map((group) => group.flatMap((platform) => [...platform.hosts]));
    hosts.forEach((own, index) => {
      for (const other of hosts.slice(index + 1)) {
        for (const host of own) {
          for (const theirs of other) {
            const bare = (pattern: string) => pattern.replace(/^\*\./, 'sub.');
            expect(hostMatches(bare(host), theirs) || hostMatches(bare(theirs), host), `${host} / ${theirs}`).toBe(false);
          }
        }
      }
    });
  });

  it('joins groups that a later platform overlaps both of, and keeps the list order', () => {
    const made = (id: string, hosts: string[]) => ({ ...platforms[0], id, hosts }) as unknown as (typeof platforms)[number];
    const a = made('a', ['a.example']);
    const b = made('b', ['b.example']);
    const c = made('c', ['c.example']);
    const both = made('both', ['*.a.example', 'b.example']);
    expect(contentScriptGroups([a, b, c, both]).map(contentScriptName)).toEqual(['a-b-both', 'c']);
  });

  it("reads its own platforms' pages as the whole registry does", () => {
    const pages = [
      'https://www.facebook.com/messages/t/100012345678901',
      'https://www.facebook.com/zuck/posts/10102577175875681',
      'https://discord.com/channels/81384788765712384/81384788765712400',
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      'https://x.com/jack/status/20',
    ];
    for (const url of pages) {
      const parsed = parsePlatformUrl(url)!;
      expect(createRegistry(groupOf(parsed.platform)).parseUrl(url)).toEqual(parsed);
    }
  });
});

describe("a link shim's destination on another site", () => {
  const target = 'https://discord.com/channels/@me/381889573426429952';
  const shim = `https://l.facebook.com/l.php?u=${encodeURIComponent(target)}`;

  it('is left unread by the content script and read by the pages, as the whole registry reads it', () => {
    const seen = pageInfo(shim, 'Leaving Facebook', createRegistry(groupOf('facebook')));
    expect(seen.parsed?.kind).toBe('link-shim');
    expect(seen.parsed?.target).toEqual({ url: target, parsed: null });
    expect(withShimTarget(seen)).toEqual({ url: shim, title: 'Leaving Facebook', parsed: parsePlatformUrl(shim) });
    expect(withShimTarget(seen).parsed?.target?.parsed?.platform).toBe('discord');
  });

  it('is left as it is when the content script read it, or when it is on no platform', () => {
    const own = `https://l.facebook.com/l.php?u=${encodeURIComponent('https://www.facebook.com/zuck')}`;
    const read = pageInfo(own, '', createRegistry(groupOf('facebook')));
    expect(withShimTarget(read)).toBe(read);
    const foreign = pageInfo(`https://l.facebook.com/l.php?u=${encodeURIComponent('https://example.com/')}`, '', registry);
    expect(withShimTarget(foreign).parsed?.target).toEqual({ url: 'https://example.com/', parsed: null });
  });
});

describe("each platform's folder", () => {
  it('exports its module under its id (the generated content scripts import it so)', async () => {
    for (const platform of platforms) {
      const folder = (await import(`../../../lib/platforms/${platform.id}/index.ts`)) as Record<string, unknown>;
      expect(folder[platform.id], `lib/platforms/${platform.id}/index.ts`).toBe(platform);
    }
  });
});
