import { describe, expect, it } from 'vitest';
import { selectionOnPage, toggleSelection } from '../../../lib/report/selection';
import type { ExtractedItem } from '../../../lib/platforms/types';

describe('selecting items', () => {
  it('adds and removes keys in order', () => {
    expect(toggleSelection([], 'a', 'discord')).toEqual({ selected: ['a'], refused: false });
    expect(toggleSelection(['a', 'b'], 'a', 'discord')).toEqual({ selected: ['b'], refused: false });
  });

  it('refuses a sixth X post, but lets one be removed', () => {
    const five = ['1', '2', '3', '4', '5'];
    expect(toggleSelection(five, '6', 'x')).toEqual({ selected: five, refused: true, max: 5 });
    expect(toggleSelection(five, '3', 'x')).toEqual({ selected: ['1', '2', '4', '5'], refused: false });
  });

  it('sets no limit where the platform has none', () => {
    const many = Array.from({ length: 20 }, (_, index) => String(index));
    expect(toggleSelection(many, 'x', 'discord').refused).toBe(false);
    expect(toggleSelection(many, 'x', null).refused).toBe(false);
  });
});

describe('selectionOnPage', () => {
  const item = { key: 'm1' } as unknown as ExtractedItem;
  const page = 'https://discord.com/channels/1/2';
  it('gives the items selected on the captured page, the fragment aside', () => {
    expect(selectionOnPage({ url: page, items: [item] }, page)).toEqual([item]);
    expect(selectionOnPage({ url: page, items: [item] }, `${page}#m1`)).toEqual([item]);
  });
  it('gives nothing for another page, an unknown page or no selection', () => {
    expect(selectionOnPage({ url: page, items: [item] }, 'https://discord.com/channels/1/3')).toEqual([]);
    expect(selectionOnPage({ url: page, items: [item] }, '')).toEqual([]);
    expect(selectionOnPage(null, page)).toEqual([]);
  });
});
