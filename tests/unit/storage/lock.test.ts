/**
 * The interface's lock API (lib/browser/lock.ts) end to end over fake-indexeddb and WXT's fake browser (its
 * storage.session). Uses the production PBKDF2 iteration count: a handful of derivations only.
 */
import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../lib/browser/evidence';
import {
  changePassphrase,
  lock,
  lockStatus,
  removePassphrase,
  setPassphrase,
  unlock,
  WrongPassphraseError,
} from '../../../lib/browser/lock';
import { SESSION_KEY } from '../../../lib/crypto/session';
import { makeCapture } from './helpers';

describe('lock API', () => {
  it('set, lock, refuse a wrong passphrase, unlock, change, remove', async () => {
    expect(await lockStatus()).toEqual({ passphrase: 'none' });
    const store = await openStore();
    const caseRecord = await store.ensureDefaultCase({ title: 'Before the passphrase' });
    const first = await makeCapture(caseRecord.id);
    await store.saveCapture(first.record, first.files, 'victim');

    await setPassphrase('first pass phrase');
    expect(await lockStatus()).toEqual({ passphrase: 'set', unlocked: true, converting: null });
    expect(Object.keys(await fakeBrowser.storage.session.get(SESSION_KEY))).toEqual([SESSION_KEY]);
    const second = await makeCapture(caseRecord.id);
    await store.saveCapture(second.record, second.files, 'victim');

    await lock();
    expect(await lockStatus()).toEqual({ passphrase: 'set', unlocked: false, converting: null });
    expect(await fakeBrowser.storage.session.get(SESSION_KEY)).toEqual({});
    await expect(store.listCaptures(caseRecord.id)).rejects.toMatchObject({ code: 'locked' });

    await expect(unlock('wrong')).rejects.toBeInstanceOf(WrongPassphraseError);
    expect((await lockStatus()).passphrase).toBe('set');
    await expect(store.listCases()).rejects.toMatchObject({ code: 'locked' });
    await unlock('first pass phrase');
    expect((await store.listCaptures(caseRecord.id)).map((capture) => capture.id).sort()).toEqual(
      [first.record.id, second.record.id].sort(),
    );

    await changePassphrase('first pass phrase', 'second pass phrase');
    await lock();
    await expect(unlock('first pass phrase')).rejects.toBeInstanceOf(WrongPassphraseError);
    await unlock('second pass phrase');
    expect(await store.verifyCase(caseRecord.id)).toEqual([]);

    await removePassphrase('second pass phrase');
    expect(await lockStatus()).toEqual({ passphrase: 'none' });
    expect(await store.verifyCase(caseRecord.id)).toEqual([]);
    expect((await store.listCaptures(caseRecord.id)).length).toBe(2);
  });
});
