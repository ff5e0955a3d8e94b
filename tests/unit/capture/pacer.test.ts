import { describe, expect, it } from 'vitest';
import { CapturePacer, isRetryableCaptureError, type PacerClock } from '../../../lib/capture/pacer';

/** A clock that only moves when someone sleeps: the test runs instantly and sees every wait. */
function fakeClock() {
  let now = 0;
  const sleeps: number[] = [];
  const clock: PacerClock = {
    now: () => now,
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw signal.reason;
      sleeps.push(ms);
      now += ms;
    },
  };
  return { clock, sleeps, advance: (ms: number) => (now += ms), now: () => now };
}

describe('CapturePacer', () => {
  it('never lets three calls fall within one second', async () => {
    const { clock, now } = fakeClock();
    const pacer = new CapturePacer(2, 1000, 25, clock);
    const times: number[] = [];
    for (let i = 0; i < 10; i += 1) await pacer.call(async () => times.push(now()));
    for (let i = 2; i < times.length; i += 1) expect(times[i]! - times[i - 2]!).toBeGreaterThanOrEqual(1000);
    // ... and wastes no time: ten calls in about 4.5 s, the quota floor.
    expect(times.at(-1)!).toBeLessThanOrEqual(4 * 1025 + 1);
  });

  it('retries on the quota error with backoff, then succeeds', async () => {
    const { clock } = fakeClock();
    const pacer = new CapturePacer(2, 1000, 25, clock);
    let attempts = 0;
    const result = await pacer.call(async () => {
      attempts += 1;
      if (attempts < 3) throw new Error('This request exceeds the MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND quota.');
      return 'image';
    });
    expect(result).toBe('image');
    expect(attempts).toBe(3);
  });

  it('gives up after its attempts, and at once on errors that will not pass', async () => {
    const { clock } = fakeClock();
    const pacer = new CapturePacer(2, 1000, 25, clock);
    let attempts = 0;
    await expect(pacer.call(async () => {
      attempts += 1;
      throw new Error('Failed to capture tab: image readback failed');
    }, undefined, 4)).rejects.toThrow('readback');
    expect(attempts).toBe(4);
    attempts = 0;
    await expect(pacer.call(async () => {
      attempts += 1;
      throw new Error('Taking screenshots has been disabled');
    })).rejects.toThrow('disabled');
    expect(attempts).toBe(1);
  });

  it('knows which errors are worth retrying', () => {
    expect(isRetryableCaptureError(new Error('This request exceeds the MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND quota.'))).toBe(true);
    expect(isRetryableCaptureError('Failed to capture tab: image readback failed')).toBe(true);
    expect(isRetryableCaptureError(new Error('Failed to capture tab: view is invisible'))).toBe(false);
  });
});

describe('one pacer shared by concurrent captures', () => {
  it('keeps two captures running at once under the quota together', async () => {
    const { clock, now } = fakeClock();
    const pacer = new CapturePacer(2, 1000, 25, clock);
    const times: number[] = [];
    const capture = async (count: number) => {
      for (let i = 0; i < count; i += 1) await pacer.call(async () => times.push(now()));
    };
    await Promise.all([capture(6), capture(6)]);
    expect(times).toHaveLength(12);
    for (let i = 2; i < times.length; i += 1) expect(times[i]! - times[i - 2]!).toBeGreaterThanOrEqual(1000);
  });

  it('an aborted wait frees the turn for the other capture', async () => {
    const { clock } = fakeClock();
    const pacer = new CapturePacer(2, 1000, 25, clock);
    const controller = new AbortController();
    controller.abort(new Error('stopped'));
    await expect(pacer.call(async () => 'never', controller.signal)).rejects.toThrow('stopped');
    await expect(pacer.call(async () => 'image')).resolves.toBe('image');
  });
});
