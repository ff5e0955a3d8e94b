/**
 * After an install, update or reload (Chrome), the content script goes into the open platform tabs that have no
 * live copy, never beside a live one, and never into a tab still loading or discarded.
 */
import { describe, expect, it, vi } from 'vitest';
import { injectIntoOpenTabs, type OpenTab } from '../../../lib/browser/content-reinjection';

function deps(tabs: OpenTab[], live: number[], refusing: number[] = []) {
  return {
    tabs: async () => tabs,
    answers: async (tabId: number) => live.includes(tabId),
    inject: vi.fn(async (tabId: number) => {
      if (refusing.includes(tabId)) throw new Error('Cannot access contents of the page');
    }),
  };
}

describe('injectIntoOpenTabs', () => {
  it('injects into loaded tabs without a live copy only', async () => {
    const open = deps(
      [
        { id: 1, status: 'complete' },
        { id: 2, status: 'complete' },
        { id: 3, status: 'loading' },
        { id: 4, status: 'complete', discarded: true },
        { status: 'complete' },
      ],
      [2],
    );
    expect(await injectIntoOpenTabs(open)).toEqual([1]);
    expect(open.inject).toHaveBeenCalledTimes(1);
  });

  it('goes on past a tab that refuses (closed or navigated meanwhile)', async () => {
    const open = deps([{ id: 5, status: 'complete' }, { id: 6, status: 'complete' }], [], [5]);
    expect(await injectIntoOpenTabs(open)).toEqual([6]);
  });

  it('does nothing with no open platform tab', async () => {
    const open = deps([], []);
    expect(await injectIntoOpenTabs(open)).toEqual([]);
    expect(open.inject).not.toHaveBeenCalled();
  });
});
