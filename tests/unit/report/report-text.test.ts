import { describe, expect, it } from 'vitest';
import { guide as snapchatGuide } from '../../../lib/platforms/snapchat/steps';
import { guide as discordGuide } from '../../../lib/platforms/discord/steps';
import type { ExtractedItem } from '../../../lib/platforms/types';
import { allIdentifiersText, buildReportText, itemFields, reportLanguage } from '../../../lib/report/report-text';

const message: ExtractedItem = {
  key: '1096362300000000001',
  kind: 'message',
  fields: [
    { key: 'messageLink', value: 'https://discord.com/channels/1096362223539851269/1096362225574088711/1096362300000000001' },
    { key: 'messageId', value: '1096362300000000001' },
    { key: 'authorName', value: 'newbie' },
    { key: 'time', value: '2024-03-01T00:00:00.000Z' },
  ],
  excerpt: 'hello',
};

const capture = {
  capturedAt: '2026-11-28T15:02:11.123Z',
  url: 'https://discord.com/channels/1096362223539851269/1096362225574088711',
  files: [{ name: 'c1/screenshot-1.png', sha256: 'a'.repeat(64) }],
};

describe('report text', () => {
  it('lists the page, the selected items and the captures with their SHA-256, in the chosen language', () => {
    const text = buildReportText({
      lang: 'en',
      platformName: 'Discord',
      pageFields: [
        { key: 'serverId', value: '1096362223539851269' },
        { key: 'channelId', value: '1096362225574088711' },
      ],
      items: [message],
      captures: [capture],
    });
    expect(text).toBe(
      [
        'Report: intimate images shared without consent (Discord)',
        '',
        'This content shares intimate images without the consent of the person shown. Please remove it and prevent it from being shared again.',
        '',
        'Where:',
        '- Server ID: 1096362223539851269',
        '- Channel ID: 1096362225574088711',
        '',
        'Reported items (1):',
        '1. Message link: https://discord.com/channels/1096362223539851269/1096362225574088711/1096362300000000001',
        '   Message ID: 1096362300000000001',
        '   Author: newbie',
        '   User ID: unknown',
        '   Time (UTC): 2024-03-01T00:00:00.000Z',
        '',
        'Evidence kept (captures, time in UTC, SHA-256):',
        '- 2026-11-28T15:02:11.123Z - https://discord.com/channels/1096362223539851269/1096362225574088711',
        `  c1/screenshot-1.png: ${'a'.repeat(64)}`,
        '',
      ].join('\n'),
    );
  });

  it('is written in Dutch and French too, and says when there is no capture yet', () => {
    const nl = buildReportText({ lang: 'nl', platformName: 'X (Twitter)', pageFields: [], items: [], captures: [] });
    expect(nl).toContain('Melding: intieme beelden verspreid zonder toestemming (X (Twitter))');
    expect(nl).toContain('Nog geen vastlegging van dit platform in het huidige dossier.');
    const fr = buildReportText({ lang: 'fr', platformName: 'Discord', pageFields: [], items: [message], captures: [] });
    expect(fr).toContain('ID de l’utilisateur: inconnu');
    expect(fr).not.toContain('Où:');
  });

  it('keeps a known user id and adds no "unknown" to posts', () => {
    const withUser: ExtractedItem = { ...message, fields: [...message.fields, { key: 'userId', value: '327086233773670400' }] };
    expect(itemFields('en', withUser).filter((field) => field.key === 'userId')).toEqual([
      { key: 'userId', value: '327086233773670400' },
    ]);
    const post: ExtractedItem = { key: '1', kind: 'post', fields: [{ key: 'postUrl', value: 'https://x.com/a/status/1' }] };
    expect(itemFields('en', post)).toEqual(post.fields);
  });

  it('adds no "unknown" user id to a chat app’s message: those apps publish no ids at all', () => {
    const whatsapp: ExtractedItem = {
      key: 'false_32470123456@c.us_3A12F0908922EFDD735D',
      kind: 'message',
      fields: [
        { key: 'authorName', value: 'Jo Sender' },
        { key: 'timeShown', value: '21:02, 05/12/2026' },
      ],
    };
    expect(itemFields('en', whatsapp)).toEqual(whatsapp.fields);
    const text = buildReportText({ lang: 'en', platformName: 'WhatsApp', pageFields: [], items: [whatsapp], captures: [] });
    expect(text).toContain('1. Author: Jo Sender\n   Time (as shown): 21:02, 05/12/2026');
    expect(text).not.toContain('User ID');
  });

  it('writes Snapchat reports in English whatever the interface language', () => {
    expect(reportLanguage(snapchatGuide, 'nl')).toBe('en');
    expect(reportLanguage(discordGuide, 'fr')).toBe('fr');
    expect(reportLanguage(undefined, 'nl')).toBe('nl');
  });

  it('"copy all" gives every identifier, page first, one block per item', () => {
    const text = allIdentifiersText('en', [{ key: 'serverId', value: '1' }], [message]);
    expect(text.split('\n\n')).toHaveLength(2);
    expect(text.startsWith('Server ID: 1\n\nMessage link: https://discord.com/')).toBe(true);
    expect(allIdentifiersText('en', [], [])).toBe('\n');
  });

  it('says what each item is when the selection mixes kinds (a video’s author and its comments)', () => {
    const author: ExtractedItem = {
      key: '@maker',
      kind: 'profile',
      fields: [
        { key: 'profileUrl', value: 'https://www.tiktok.com/@maker' },
        { key: 'handle', value: '@maker' },
      ],
    };
    const comment: ExtractedItem = {
      key: '7300000000000000001',
      kind: 'comment',
      fields: [
        { key: 'handle', value: '@someone' },
        { key: 'profileUrl', value: 'https://www.tiktok.com/@someone' },
        { key: 'timeShown', value: '2d ago' },
      ],
      excerpt: 'never sent',
    };
    const text = buildReportText({ lang: 'en', platformName: 'TikTok', pageFields: [], items: [author, comment], captures: [] });
    expect(text).toContain(
      [
        'Reported items (2):',
        '1. Account',
        '   Profile link: https://www.tiktok.com/@maker',
        '   Account: @maker',
        '2. Comment',
        '   Account: @someone',
        '   Profile link: https://www.tiktok.com/@someone',
        '   Time (as shown): 2d ago',
      ].join('\n'),
    );
    expect(text).not.toContain('never sent');
    expect(buildReportText({ lang: 'fr', platformName: 'TikTok', pageFields: [], items: [author, comment], captures: [] })).toContain(
      '2. Commentaire\n   Compte: @someone',
    );
    expect(allIdentifiersText('en', [], [author, comment]).split('\n\n')[1]).toBe(
      'Comment\nAccount: @someone\nProfile link: https://www.tiktok.com/@someone\nTime (as shown): 2d ago\n',
    );
  });
});
