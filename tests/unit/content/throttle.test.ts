import { describe, expect, it } from 'vitest';
import { throttleIdle, type ThrottleTimers } from '../../../lib/content/throttle';
import { itemsSignature } from '../../../lib/content/item-signature';

/** Fake timers: time moves only when told; idle callbacks run at once. */
function fakeTimers() {
  let now = 0;
  let queue: Array<{ at: number; run: () => void }> = [];
  const timers: ThrottleTimers = {
    now: () => now,
    setTimeout: (run, ms) => {
      const entry = { at: now + ms, run };
      queue.push(entry);
      return entry;
    },
    clearTimeout: (handle) => {
      queue = queue.filter((entry) => entry !== handle);
    },
    whenIdle: (run) => run(),
  };
  const advance = (ms: number) => {
    now += ms;
    for (;;) {
      const due = queue.filter((entry) => entry.at <= now);
      if (due.length === 0) return;
      queue = queue.filter((entry) => entry.at > now);
      due.forEach((entry) => entry.run());
    }
  };
  return { timers, advance };
}

describe('throttled, idle-scheduled extraction', () => {
  it('runs at most once per interval however often it is asked', () => {
    const { timers, advance } = fakeTimers();
    let runs = 0;
    const throttled = throttleIdle(() => runs++, 300, timers);
    throttled.request();
    advance(0);
    expect(runs).toBe(1);
    for (let step = 0; step < 30; step++) {
      throttled.request();
      advance(10);
    }
    // 300 ms of requests every 10 ms: one more run at the 300 ms mark, not thirty.
    expect(runs).toBe(2);
    advance(1000);
    expect(runs).toBe(2);
  });

  it('does nothing after cancel', () => {
    const { timers, advance } = fakeTimers();
    let runs = 0;
    const throttled = throttleIdle(() => runs++, 300, timers);
    throttled.request();
    throttled.cancel();
    advance(1000);
    throttled.request();
    advance(1000);
    expect(runs).toBe(0);
  });
});

describe('item signature', () => {
  it('changes when a field or excerpt changes, not otherwise', () => {
    const item = { key: '1', kind: 'post' as const, fields: [{ key: 'postId' as const, value: '1' }] };
    expect(itemsSignature([item])).toBe(itemsSignature([{ ...item }]));
    expect(itemsSignature([item])).not.toBe(itemsSignature([{ ...item, excerpt: 'x' }]));
    expect(itemsSignature([item])).not.toBe(itemsSignature([{ ...item, fields: [{ key: 'postId', value: '2' }] }]));
  });
});
