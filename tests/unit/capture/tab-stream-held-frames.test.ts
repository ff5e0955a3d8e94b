/** The offscreen document's held frames (lib/capture/tab-stream/held-frames.ts): each taken once, memory bounded. */
import { describe, expect, it } from 'vitest';
import { HeldFrames } from '../../../lib/capture/tab-stream/held-frames';

describe('held frames', () => {
  it('gives each frame\'s pixels once, by id', async () => {
    const held = new HeldFrames<string>();
    const first = held.hold(Promise.resolve('png 1'));
    const second = held.hold(Promise.resolve('png 2'));
    expect(first).not.toBe(second);
    expect(await held.take(second)).toBe('png 2');
    expect(await held.take(first)).toBe('png 1');
    await expect(held.take(first)).rejects.toThrow(`No frame ${first} is held`);
    expect(held.size).toBe(0);
  });

  it('keeps at most its limit, dropping the oldest', async () => {
    const held = new HeldFrames<number>(2);
    const ids = [1, 2, 3].map((n) => held.hold(Promise.resolve(n)));
    expect(held.size).toBe(2);
    await expect(held.take(ids[0]!)).rejects.toThrow(/taken already, or dropped/);
    expect(await held.take(ids[2]!)).toBe(3);
  });

  it('passes on an encoding that failed, and leaves no unhandled rejection for a frame never asked for', async () => {
    const held = new HeldFrames<string>(1);
    const failed = held.hold(Promise.reject(new Error('encoding failed')));
    await expect(held.take(failed)).rejects.toThrow('encoding failed');
    held.hold(Promise.reject(new Error('dropped unasked')));
    held.clear();
    expect(held.size).toBe(0);
  });
});
