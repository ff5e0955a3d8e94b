/**
 * The auto-lock delay: a setting (15 minutes by default, bounded), applied to the key session when unlocking and
 * at once to a running session when changed.
 */
import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { describe, expect, it } from 'vitest';
import { lock, setAutoLockDelay, setPassphrase, unlock } from '../../../lib/browser/lock';
import { IDLE_KEY, SESSION_KEY } from '../../../lib/crypto/session';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../../lib/settings';

describe('auto-lock delay', () => {
  it('defaults to 15 minutes and stays between 1 second and 1 day', () => {
    expect(DEFAULT_SETTINGS.autoLockSeconds).toBe(900);
    expect(normalizeSettings(undefined).autoLockSeconds).toBe(900);
    expect(normalizeSettings({ autoLockSeconds: 'soon' }).autoLockSeconds).toBe(900);
    expect(normalizeSettings({ autoLockSeconds: 0 }).autoLockSeconds).toBe(1);
    expect(normalizeSettings({ autoLockSeconds: 2.4 }).autoLockSeconds).toBe(2);
    expect(normalizeSettings({ autoLockSeconds: 10 ** 9 }).autoLockSeconds).toBe(86_400);
  });

  it('is applied when unlocking, and at once when changed while unlocked', async () => {
    const idleOf = async () => ((await fakeBrowser.storage.session.get(IDLE_KEY))[IDLE_KEY] as { idleMs: number }).idleMs;
    await setPassphrase('a long enough pass phrase');
    expect(await idleOf()).toBe(900_000);
    await setAutoLockDelay(120);
    expect(await idleOf()).toBe(120_000);
    await lock();
    expect(await fakeBrowser.storage.session.get(SESSION_KEY)).toEqual({});
    await unlock('a long enough pass phrase');
    expect(await idleOf()).toBe(120_000);
    expect(((await fakeBrowser.storage.session.get(SESSION_KEY))[SESSION_KEY] as { idleMs: number }).idleMs).toBe(120_000);
  });
});
