/** The evidence store of this extension context (background or page): opened once, shared. */
import { browser } from 'wxt/browser';
import { KeySession, memorySessionArea, restrictToTrustedContexts, type SessionArea } from '../crypto/session';
import { openEvidenceDb, type EvidenceDb } from '../storage/db';
import { EvidenceStore, requestPersistence } from '../storage/evidence-store';

let openedDb: Promise<EvidenceDb> | null = null;
let opened: Promise<EvidenceStore> | null = null;
let session: KeySession | null = null;

/**
 * What the person must know about this context's connection: 'blocked' while an upgrade waits for an older page
 * of ours to be closed, 'updated' once a newer version took the database (this page must be reopened).
 */
export type DatabaseNotice = 'blocked' | 'updated' | null;
type NoticeListener = (notice: DatabaseNotice) => void;
let notice: DatabaseNotice = null;
const noticeListeners = new Set<NoticeListener>();

/** Calls `listener` now and on every change; returns the unsubscribe. */
export function watchDatabaseNotice(listener: NoticeListener): () => void {
  noticeListeners.add(listener);
  listener(notice);
  return () => noticeListeners.delete(listener);
}

export function setDatabaseNotice(next: DatabaseNotice): void {
  if (notice === 'updated' && next !== 'updated') return; // Only reopening the page clears that one.
  notice = next;
  for (const listener of noticeListeners) listener(next);
}

/**
 * True when this page outlived its extension (updated, reloaded or removed while it was open): its background and
 * the extension's APIs no longer answer, and only reopening the page helps.
 */
export function extensionGone(): boolean {
  return !browser.runtime?.id;
}

/**
 * After a connection to the background closed or a call failed: when the extension is gone, the page says "the
 * extension was updated, please reopen" (the 'updated' notice) instead of failing or waiting. Returns whether it is.
 */
export function noticeIfExtensionGone(): boolean {
  if (!extensionGone()) return false;
  setDatabaseNotice('updated');
  return true;
}

/** This context's connection to the evidence database (also used by lib/browser/lock.ts). */
export function openDb(): Promise<EvidenceDb> {
  openedDb ??= openEvidenceDb(undefined, {
    onBlocked: () => setDatabaseNotice('blocked'),
    onClosedForUpgrade: () => setDatabaseNotice('updated'),
    // Closed by the browser, not by a newer version: the next use opens it again.
    onTerminated: forgetConnection,
  }).then((db) => {
    setDatabaseNotice(null);
    return db;
  });
  openedDb.catch((error: unknown) => {
    // A newer version already upgraded the database: this page is older than its data and must be reopened.
    if (error instanceof Error && error.name === 'VersionError') setDatabaseNotice('updated');
    forgetConnection();
  });
  return openedDb;
}

function forgetConnection(): void {
  openedDb = null;
  opened = null;
}

/**
 * One connection per background lifetime; persistence is asked for once, on first use. The store takes the data
 * key from the key session when a passphrase is set, and reports StorageError 'locked' while locked.
 */
export function openStore(): Promise<EvidenceStore> {
  opened ??= openDb().then((db) => {
    void requestPersistence().catch(() => false);
    const store = new EvidenceStore(db, { cipher: keySession() });
    // Audit entries a crash left unsigned (after their write, before their signature) are signed now.
    void store.signPendingAudit().catch(() => 0);
    return store;
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
