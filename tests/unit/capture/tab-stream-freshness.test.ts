import { describe, expect, it } from 'vitest';
import { FrameClock, isFreshFrame } from '../../../lib/capture/tab-stream/freshness';

describe('a frame of the tab stream', () => {
  it('is fresh only when captured after the page settled', () => {
    expect(isFreshFrame({ capturedAt: 1000.5 }, 1000)).toBe(true);
    expect(isFreshFrame({ capturedAt: 1000 }, 1000)).toBe(false);
    expect(isFreshFrame({ capturedAt: 950 }, 1000)).toBe(false);
  });

  it('gets its capture time from its own stamp, mapped by the fastest delivery seen', () => {
    const clock = new FrameClock();
    // Chrome's stamps count from its own origin (µs); frames arrive 8, then 2, then 30 ms after capture.
    const first = clock.observe(5_000_000, 1_700_000_000_008);
    expect(first.capturedAt).toBe(1_700_000_000_008); // nothing better known yet: capture no earlier than receipt
    clock.observe(5_100_000, 1_700_000_000_102);
    const late = clock.observe(5_200_000, 1_700_000_000_230);
    // A frame delivered late still counts from when it was captured (2 ms of delivery is all the error left).
    expect(late.capturedAt).toBe(1_700_000_000_202);
    expect(late.receivedAt).toBe(1_700_000_000_230);
  });

  it('is judged stale when it was captured before the settle even if it arrived after', () => {
    const clock = new FrameClock();
    clock.observe(1_000_000, 10_001); // calibrates: stamp 1000 ms ≈ epoch 10,001 ms
    const inFlight = clock.observe(1_050_000, 10_080); // captured at ~10,051, delivered late at 10,080
    expect(isFreshFrame(inFlight, 10_060)).toBe(false);
    const refreshed = clock.observe(1_070_000, 10_072);
    expect(isFreshFrame(refreshed, 10_060)).toBe(true);
  });
});
