import { describe, expect, it } from 'vitest';
import type { ExtractedItem } from '../../../lib/platforms/types';
import { freshList, mergeList, SHOWN_LIMIT, visibleRows, type ShownItem } from '../../../lib/report/shown-items';

const item = (key: string, text = `message ${key}`): ExtractedItem => ({
  key,
  kind: 'message',
  fields: [{ key: 'messageId', value: key }],
  excerpt: text,
});
const keys = (rows: readonly ShownItem[]) => rows.map((row) => `${row.item.key}${row.onPage ? '' : ' (gone)'}`);

describe('the list of items the side panel shows', () => {
  it('starts in the page order', () => {
    expect(keys(freshList([item('a'), item('b')]))).toEqual(['a', 'b']);
  });

  it('keeps shown items in their place as the page scrolls, marks those that left and adds new ones last', () => {
    const shown = freshList([item('1'), item('2'), item('3'), item('4')]);
    // Scrolled down: 1 and 2 left at the top, 5 and 6 arrived at the bottom.
    const scrolled = mergeList(shown, [item('3'), item('4'), item('5'), item('6')]);
    expect(keys(scrolled)).toEqual(['1 (gone)', '2 (gone)', '3', '4', '5', '6']);
    // Scrolled back up: older messages arrive above, but the list does not move under the reader.
    expect(keys(mergeList(scrolled, [item('0'), item('1'), item('2'), item('3')]))).toEqual(['1', '2', '3', '4 (gone)', '5 (gone)', '6 (gone)', '0']);
  });

  it('takes the newest fields of an item that stays', () => {
    const [row] = mergeList(freshList([item('a', 'old')]), [item('a', 'edited')]);
    expect(row).toEqual({ item: item('a', 'edited'), onPage: true });
  });

  it('draws the first rows of a long list, plus selected ones after them, or all when asked', () => {
    const shown = freshList(Array.from({ length: 50 }, (_, index) => item(String(index))));
    expect(keys(visibleRows(shown, [], false))).toEqual(keys(shown.slice(0, SHOWN_LIMIT)));
    expect(keys(visibleRows(shown, ['3', '42'], false))).toEqual([...keys(shown.slice(0, SHOWN_LIMIT)), '42']);
    expect(visibleRows(shown, [], true)).toHaveLength(50);
    const short = shown.slice(0, SHOWN_LIMIT);
    expect(visibleRows(short, [], false)).toHaveLength(SHOWN_LIMIT);
  });
});
