import { describe, expect, it } from 'vitest';
import { stepIds } from '../../../lib/guide/step-ids';
import { platforms } from '../../../lib/platforms/registry';
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
    const known = new Set(platforms.flatMap(({ guide }) => guide.sections.flatMap((section) => stepIds(section.steps))));
    expect(Object.keys(STEP_IDENTIFIERS).filter((id) => !known.has(id))).toEqual([]);
  });

  it('offers the selected items’ values, each once, with how many items are selected', () => {
    const listed = [message('10', '7'), message('11', '7'), message('12')];
    expect(stepNeeds('discord-message-id', channelPage, listed, [listed[2]!, listed[0]!])).toEqual([
      { key: 'messageId', source: 'selected', values: ['12', '10'], count: 2 },
    ]);
    expect(stepNeeds('discord-user-id', channelPage, listed, listed)).toEqual([{ key: 'userId', source: 'selected', values: ['7'], count: 3 }]);
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
