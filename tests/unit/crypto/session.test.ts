import { describe, expect, it } from 'vitest';
import { decryptJson, encryptJson } from '../../../lib/crypto/cipher';
import { createKeyring } from '../../../lib/crypto/keys';
import { DEFAULT_IDLE_MS, KeySession, memorySessionArea, SESSION_KEY } from '../../../lib/crypto/session';

async function started(options: { idleMs?: number } = {}) {
  const area = memorySessionArea();
  let now = 1_000_000;
  const clock = { advance: (ms: number) => (now += ms) };
  const session = new KeySession(area, { ...options, now: () => now });
  const keyring = await createKeyring('pass', { iterations: 1_000, exportRaw: true });
  await session.start(keyring.rawKey!, keyring.record.keyId);
  return { area, session, clock, keyring, other: new KeySession(area, { now: () => now }) };
}

describe('key session', () => {
  it('gives every context sharing the area the same usable, non-extractable key', async () => {
    const { session, other, keyring } = await started();
    const key = await session.key();
    expect(key?.extractable).toBe(false);
    const sealed = await encryptJson(keyring.dataKey, 'secret');
    expect(await decryptJson((await other.key())!, sealed)).toBe('secret');
    expect(await other.keyId()).toBe(keyring.record.keyId);
  });

  it('zeroes the raw bytes it was given', async () => {
    const { keyring } = await started();
    expect(keyring.rawKey!.every((byte) => byte === 0)).toBe(true);
  });

  it('lock() clears it for every context', async () => {
    const { session, other, area } = await started();
    expect(await other.isUnlocked()).toBe(true);
    await session.lock();
    expect(await other.key()).toBeNull();
    expect(await area.get(SESSION_KEY)).toEqual({});
  });

  it('auto-locks after 15 minutes idle by default; activity postpones it', async () => {
    const { session, clock, area } = await started();
    clock.advance(DEFAULT_IDLE_MS - 60_000);
    await session.touch();
    clock.advance(DEFAULT_IDLE_MS - 60_000);
    expect(await session.isUnlocked()).toBe(true);
    clock.advance(60_001 + 60_000);
    expect(await session.key()).toBeNull();
    expect(await area.get(SESSION_KEY)).toEqual({});
    await session.touch(); // no effect once locked
    expect(await session.isUnlocked()).toBe(false);
  });

  it('a touch racing with lock() in another context does not bring the key back', async () => {
    const { session, other, clock, area } = await started();
    clock.advance(20_000);
    const touching = session.touch(); // has read the key's record...
    await other.lock(); // ...which another page removes before the touch writes
    await touching;
    expect(await session.key()).toBeNull();
    expect(await other.isUnlocked()).toBe(false);
    expect(await area.get(SESSION_KEY)).toEqual({});
  });

  it('uses a configured idle time, also for the running session', async () => {
    const { session, clock } = await started({ idleMs: 1_000 });
    clock.advance(1_001);
    expect(await session.key()).toBeNull();
    const second = await started();
    await second.session.setIdleMs(500);
    second.clock.advance(501);
    expect(await second.other.key()).toBeNull();
  });
});
