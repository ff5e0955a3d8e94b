/** The evidence store of this extension context (background or page): opened once, shared. */
import { browser } from 'wxt/browser';
import { KeySession, memorySessionArea, restrictToTrustedContexts, type SessionArea } from '../crypto/session';
import { openEvidenceDb, type EvidenceDb } from '../storage/db';
import { EvidenceStore, requestPersistence } from '../storage/evidence-store';

let openedDb: Promise<EvidenceDb> | null = null;
let opened: Promise<EvidenceStore> | null = null;
let session: KeySession | null = null;

/** This context's connection to the evidence database (also used by lib/browser/lock.ts). */
export function openDb(): Promise<EvidenceDb> {
  openedDb ??= openEvidenceDb();
  return openedDb;
}

/**
 * One connection per background lifetime; persistence is asked for once, on first use. The store takes the data
 * key from the key session when a passphrase is set, and reports StorageError 'locked' while locked.
 */
export function openStore(): Promise<EvidenceStore> {
  opened ??= openDb().then((db) => {
    void requestPersistence().catch(() => false);
    return new EvidenceStore(db, { cipher: keySession() });
  });
  return opened;
}

/** Where the unlocked data key is kept: the browser's session storage, shared by the extension's contexts. */
export function keySession(): KeySession {
  session ??= new KeySession(sessionArea());
  return session;
}

function sessionArea(): SessionArea {
  const area = (browser.storage as { session?: SessionArea }).session;
  if (!area) return memorySessionArea(); // Browsers without storage.session: each page unlocks for itself.
  void restrictToTrustedContexts(area);
  return area;
}
