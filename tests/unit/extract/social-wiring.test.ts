import { describe, expect, it } from 'vitest';
import { extractFacebook } from '../../../lib/platforms/facebook/extract';
import { extractInstagram, extractInstagramComments } from '../../../lib/platforms/instagram/extract';
import { extractMessenger } from '../../../lib/platforms/messenger/extract';
import { extractorOn } from '../../../lib/platforms/extraction';
import { parsePlatformUrl, platformById } from '../../../lib/platforms/registry';
import { extractSnapchat } from '../../../lib/platforms/snapchat/extract';
import { extractWhatsApp } from '../../../lib/platforms/whatsapp/extract';
import type { ItemExtractor } from '../../../lib/platforms/types';

/** The extractor the content script uses on the page at `address`. */
function extractorAt(address: string): ItemExtractor | null {
  const parsed = parsePlatformUrl(address);
  if (parsed === null) throw new Error(`no platform for ${address}`);
  return extractorOn(platformById(parsed.platform), parsed);
}

describe('which extractor reads which page', () => {
  it('Instagram: a post or reel its author and comments, a profile or the feed their posts; stories and chats nothing', () => {
    expect(extractorAt('https://www.instagram.com/p/DWD5jrEoGa8/')).toBe(extractInstagramComments);
    expect(extractorAt('https://www.instagram.com/reel/DWD5jrEoGa8/')).toBe(extractInstagramComments);
    expect(extractorAt('https://www.instagram.com/alice.example/')).toBe(extractInstagram);
    expect(extractorAt('https://www.instagram.com/alice.example/reels/')).toBe(extractInstagram);
    expect(extractorAt('https://www.instagram.com/')).toBe(extractInstagram);
    expect(extractorAt('https://www.instagram.com/stories/alice.example/3300000000000000000/')).toBeNull();
    expect(extractorAt('https://www.instagram.com/direct/t/340282366841710300949128/')).toBeNull();
  });

  it('Facebook: feeds, profiles, groups and one-post pages; share and short links nothing', () => {
    for (const page of ['https://www.facebook.com/', 'https://www.facebook.com/dana.example', 'https://www.facebook.com/groups/987654321098765', 'https://www.facebook.com/photo/?fbid=1', 'https://m.facebook.com/story.php?story_fbid=1&id=2']) {
      expect(extractorAt(page), page).toBe(extractFacebook);
    }
    expect(extractorAt('https://www.facebook.com/share/p/AbCdEf123/')).toBeNull();
    expect(extractorAt('https://fb.watch/AbCdEf123/')).toBeNull();
  });

  it('the chat apps: their open conversation only', () => {
    expect(extractorAt('https://www.facebook.com/messages/t/100012345678901')).toBe(extractMessenger);
    expect(extractorAt('https://web.whatsapp.com/')).toBe(extractWhatsApp);
    expect(extractorAt('https://wa.me/32470123456')).toBeNull();
    expect(extractorAt('https://www.snapchat.com/web/2f1c8a4e-0b6d-4c1e-9d3a-5e7f8a9b0c1d')).toBe(extractSnapchat);
    expect(extractorAt('https://www.snapchat.com/add/someone')).toBeNull();
  });

  it('the chat apps say they publish no message ids; the others do not', () => {
    const noIds = ['messenger', 'whatsapp', 'snapchat'] as const;
    for (const id of noIds) expect(platformById(id).publishesNoMessageIds, id).toBe(true);
    for (const id of ['discord', 'x', 'facebook', 'instagram'] as const) expect(platformById(id).publishesNoMessageIds, id).toBeUndefined();
  });
});
