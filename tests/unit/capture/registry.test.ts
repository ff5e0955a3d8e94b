import { describe, expect, it } from 'vitest';
import { CaptureRegistry, type RegisteredCapture } from '../../../lib/capture/registry';
import type { CaptureStatus } from '../../../lib/capture/status';

function capture(state: CaptureStatus['state']) {
  const status = { state, ...(state === 'running' ? { phase: 'capturing', done: 1, total: 3 } : { code: 'failed' }) } as CaptureStatus;
  const fake = { status, cancelled: null as string | null, cancel: (code = 'cancelled') => void (fake.cancelled = code) };
  return fake satisfies RegisteredCapture;
}

describe('CaptureRegistry', () => {
  it('refuses a second capture of a busy tab (running, or waiting to be saved), not of another tab', () => {
    const registry = new CaptureRegistry();
    const first = capture('running');
    expect(registry.add(1, first)).toBe(true);
    expect(registry.isBusy(1)).toBe(true);
    expect(registry.add(1, capture('running'))).toBe(false);
    expect(registry.get(1)).toBe(first);
    expect(registry.add(2, capture('running'))).toBe(true);
    first.status = { state: 'unsaved', code: 'storage-full' };
    expect(registry.add(1, capture('running'))).toBe(false);
    first.status = { state: 'failed', code: 'hidden' };
    expect(registry.add(1, capture('running'))).toBe(true);
  });

  it('shows a finished capture to a popup opened again for ten minutes, then forgets it', () => {
    let now = 0;
    const registry = new CaptureRegistry(() => now);
    const done = capture('failed');
    registry.add(1, done);
    expect(registry.get(1)).toBe(done);
    now += 9 * 60_000;
    expect(registry.get(1)).toBe(done);
    now += 2 * 60_000;
    expect(registry.get(1)).toBeNull();
    expect(registry.get(3)).toBeNull();
  });

  it('quick exit stops every capture', () => {
    const registry = new CaptureRegistry();
    const a = capture('running');
    const b = capture('unsaved');
    registry.add(1, a);
    registry.add(2, b);
    registry.cancelAll('locked');
    expect([a.cancelled, b.cancelled]).toEqual(['locked', 'locked']);
    expect(registry.get(1)).toBeNull();
  });
});
