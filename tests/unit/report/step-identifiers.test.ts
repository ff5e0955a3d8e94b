import { describe, expect, it } from 'vitest';
import { stepIds } from '../../../lib/guide/step-ids';
import { platformGuides } from '../../../lib/platforms/guides';
import type { ExtractedItem, IdentifierField } from '../../../lib/platforms/types';
import { STEP_IDENTIFIERS, stepNeeds } from '../../../lib/report/step-identifiers';

const message = (id: string, userId?: string): ExtractedItem => ({
  key: id,
  kind: 'message',
  fields: [
    { key: 'messageLink', value: `https://discord.com/channels/1/2/${id}` },
    { key: 'messageId', value: id },
    ...(userId ? [{ key: 'userId' as const, value: userId }] : []),
  ],
});
const channelPage: IdentifierField[] = [
  { key: 'url', value: 'https://discord.com/channels/1/2' },
  { key: 'serverId', value: '1' },
  { key: 'channelId', value: '2' },
];

describe('identifiers offered at a reporting step', () => {
  it('names only steps that exist in the guides', () => {
    const known = new Set(Object.values(platformGuides).flatMap((guide) => guide.sections.flatMap((section) => stepIds(section.steps))));
    expect(Object.keys(STEP_IDENTIFIERS).filter((id) => !known.has(id))).toEqual([]);
  });

  it('offers the selected items’ values, each once, with how many selected items carry them', () => {
    const listed = [message('10', '7'), message('11', '7'), message('12')];
    expect(stepNeeds('discord-message-id', channelPage, listed, [listed[2]!, listed[0]!])).toEqual([
      { key: 'messageId', source: 'selected', values: ['12', '10'], count: 2 },
    ]);
    // Message 12's author showed no user id: two of the three selected messages give one.
    expect(stepNeeds('discord-user-id', channelPage, listed, listed)).toEqual([{ key: 'userId', source: 'selected', values: ['7'], count: 2 }]);
  });

  it('asks for an identifier of some kinds of items only, never from the page, when the step says so', () => {
    const asks = { commenters: [{ key: 'handle', of: ['comment', 'reply'] }] } as const;
    const author: ExtractedItem = { key: 'a', kind: 'profile', fields: [{ key: 'handle', value: '@author' }] };
    const comment = (key: string, handle: string, kind: 'comment' | 'reply' = 'comment'): ExtractedItem => ({
      key,
      kind,
      fields: [{ key: 'handle', value: handle }],
    });
    const videoPage: IdentifierField[] = [{ key: 'handle', value: '@author' }];
    const listed = [author, comment('1', '@one'), comment('2', '@two', 'reply'), comment('3', '@one')];
    expect(stepNeeds('commenters', videoPage, listed, [author, listed[1]!, listed[2]!, listed[3]!], asks)).toEqual([
      { key: 'handle', source: 'selected', values: ['@one', '@two'], count: 3 },
    ]);
    expect(stepNeeds('commenters', videoPage, listed, [author], asks)).toEqual([{ key: 'handle', source: 'none-selected' }]);
    expect(stepNeeds('commenters', videoPage, [author], [author], asks)).toEqual([]);
  });

  it('asks for a selection when the list has the identifier but nothing is selected', () => {
    expect(stepNeeds('discord-message-id', channelPage, [message('10')], [])).toEqual([{ key: 'messageId', source: 'none-selected' }]);
  });

  it('offers the page’s own identifier when the selection does not carry it', () => {
    expect(stepNeeds('discord-channel-id', channelPage, [message('10')], [message('10')])).toEqual([
      { key: 'channelId', source: 'page', values: ['2'] },
    ]);
  });

  it('offers nothing for a step without identifiers, or when the page has none of them', () => {
    expect(stepNeeds('discord-describe', [], [], [])).toEqual([]);
    expect(stepNeeds('ig-app', channelPage, [message('10')], [])).toEqual([]);
  });
});
