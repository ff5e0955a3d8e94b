/**
 * Where the unlocked data key lives while the evidence is unlocked.
 *
 * Decision: the 32 raw bytes of the data key are kept ONLY in the extension's session storage
 * (`browser.storage.session`): held in memory by the browser, never written to disk, cleared when the browser
 * closes, and not readable by content scripts (Chrome's default access level is TRUSTED_CONTEXTS and
 * `restrictToTrustedContexts` asks for it explicitly; Firefox does not expose storage.session to content scripts).
 * Every extension context (background, popup, side panel, manager) imports it from there as a NON-extractable
 * CryptoKey and reads IndexedDB itself, so pages need not ask the background for every record.
 * Never in storage.local, IndexedDB, a URL, a message to a content script, or the DOM.
 *
 * Locking removes it from session storage; every context notices on its next use (`key()` re-reads session
 * storage and forgets its in-memory copy when the key is gone). Auto-lock: each use checks the time of the last
 * activity (`touch()`, shared by all contexts through session storage) against the idle limit (default 15
 * minutes), so an expired key is never used even if no timer ran (an MV3 background may be asleep);
 * `startAutoLock()` also removes it on time in a context that stays alive.
 *
 * The storage area is injected (SessionArea) so that this is unit-testable; lib/browser/evidence.ts passes
 * `browser.storage.session`.
 */
import { fromBase64, toBase64 } from './bytes';
import { importDataKey } from './keys';

/** The subset of `browser.storage.session` (or any StorageArea) this module uses. */
export interface SessionArea {
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export const SESSION_KEY = 'evidenceKey';
/**
 * Activity time and idle limit live beside the key, never in its record: session storage has no transactions,
 * so a `touch()` (read, then write) racing with `lock()` in another context must not write the key back.
 */
export const ACTIVITY_KEY = 'evidenceKeyActivity';
export const IDLE_KEY = 'evidenceKeyIdle';
export const DEFAULT_IDLE_MS = 15 * 60 * 1000;
/** touch() writes the activity time at most this often. */
const TOUCH_INTERVAL_MS = 15 * 1000;

interface SessionRecord {
  /** base64 of the 32 raw bytes. */
  raw: string;
  keyId: string;
  lastActive: number;
  idleMs: number;
}

/** ACTIVITY_KEY / IDLE_KEY values: they count only for the key they name. */
interface ActivityRecord {
  keyId: string;
  lastActive: number;
}
interface IdleRecord {
  keyId: string;
  idleMs: number;
}

export interface KeySessionOptions {
  /** Auto-lock after this long without activity; default 15 minutes. */
  idleMs?: number;
  now?: () => number;
}

export class KeySession {
  private readonly now: () => number;
  private idleMs: number;
  private cached: { raw: string; key: CryptoKey } | null = null;
  private lastTouchWrite = 0;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly area: SessionArea,
    options: KeySessionOptions = {},
  ) {
    this.now = options.now ?? (() => Date.now());
    this.idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
  }

  /** Keeps the key for this browser session (after unlockEvidence / enableEncryption). Zeroes `rawKey`. */
  async start(rawKey: Uint8Array<ArrayBuffer>, keyId: string): Promise<void> {
    const raw = toBase64(rawKey);
    rawKey.fill(0);
    const record: SessionRecord = { raw, keyId, lastActive: this.now(), idleMs: this.idleMs };
    await this.area.set({
      [SESSION_KEY]: record,
      [ACTIVITY_KEY]: { keyId, lastActive: record.lastActive } satisfies ActivityRecord,
      [IDLE_KEY]: { keyId, idleMs: record.idleMs } satisfies IdleRecord,
    });
    this.lastTouchWrite = record.lastActive;
  }

  /**
   * The data key (non-extractable) when unlocked and not idle for too long; null otherwise (and an expired key is
   * removed). This makes KeySession an EvidenceCipher (lib/storage/sealing.ts).
   */
  async key(): Promise<CryptoKey | null> {
    const record = await this.read();
    if (!record) {
      this.cached = null;
      return null;
    }
    if (this.now() - record.lastActive > record.idleMs) {
      await this.lock();
      return null;
    }
    if (this.cached?.raw !== record.raw) this.cached = { raw: record.raw, key: await importDataKey(fromBase64(record.raw)) };
    return this.cached.key;
  }

  async isUnlocked(): Promise<boolean> {
    return (await this.key()) !== null;
  }

  /** The id of the unlocked data key, or null. */
  async keyId(): Promise<string | null> {
    return (await this.key()) ? ((await this.read())?.keyId ?? null) : null;
  }

  /** Records activity (a click, a key press, a capture): postpones auto-lock. Cheap to call often. */
  async touch(): Promise<void> {
    const now = this.now();
    // Short idle limits (tests, a cautious person) need activity recorded more often.
    if (now - this.lastTouchWrite < Math.min(TOUCH_INTERVAL_MS, this.idleMs / 4)) return;
    const record = await this.read();
    if (!record || now - record.lastActive > record.idleMs) return;
    this.lastTouchWrite = now;
    await this.area.set({ [ACTIVITY_KEY]: { keyId: record.keyId, lastActive: now } satisfies ActivityRecord });
  }

  /** Forgets the key everywhere (all contexts): lock button, quick exit, auto-lock. */
  async lock(): Promise<void> {
    this.cached = null;
    await this.area.remove(SESSION_KEY);
    await this.area.remove([ACTIVITY_KEY, IDLE_KEY]);
  }

  /** Changes the idle limit (settings); applies to the current session too. */
  async setIdleMs(idleMs: number): Promise<void> {
    if (!(idleMs > 0)) throw new RangeError('The idle time must be positive.');
    this.idleMs = idleMs;
    const record = await this.read();
    if (record) await this.area.set({ [IDLE_KEY]: { keyId: record.keyId, idleMs } satisfies IdleRecord });
  }

  /** Checks every `everyMs` whether the key has expired, and removes it then. Returns a stop function. */
  startAutoLock(everyMs = 30_000): () => void {
    this.stopAutoLock();
    this.timer = setInterval(() => void this.key().catch(() => undefined), everyMs);
    return () => this.stopAutoLock();
  }

  stopAutoLock(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  /** The key's record, with the latest activity and the idle limit recorded beside it for that key. */
  private async read(): Promise<SessionRecord | null> {
    const items = await this.area.get([SESSION_KEY, ACTIVITY_KEY, IDLE_KEY]);
    const value = items[SESSION_KEY];
    if (typeof value !== 'object' || value === null) return null;
    const record = value as Partial<SessionRecord>;
    if (
      typeof record.raw !== 'string' ||
      typeof record.keyId !== 'string' ||
      typeof record.lastActive !== 'number' ||
      typeof record.idleMs !== 'number'
    ) {
      return null;
    }
    const activity = items[ACTIVITY_KEY] as Partial<ActivityRecord> | undefined;
    const idle = items[IDLE_KEY] as Partial<IdleRecord> | undefined;
    return {
      ...(record as SessionRecord),
      lastActive:
        activity?.keyId === record.keyId && typeof activity.lastActive === 'number'
          ? Math.max(record.lastActive, activity.lastActive)
          : record.lastActive,
      idleMs: idle?.keyId === record.keyId && typeof idle.idleMs === 'number' && idle.idleMs > 0 ? idle.idleMs : record.idleMs,
    };
  }
}

/** A SessionArea in this context's memory only: for tests, and where storage.session is missing. */
export function memorySessionArea(): SessionArea {
  const items = new Map<string, unknown>();
  const list = (keys: string | string[]) => (typeof keys === 'string' ? [keys] : keys);
  return {
    get: (keys) =>
      Promise.resolve(Object.fromEntries(list(keys).filter((key) => items.has(key)).map((key) => [key, structuredClone(items.get(key))]))),
    set: (values) => {
      for (const [key, value] of Object.entries(values)) items.set(key, structuredClone(value));
      return Promise.resolve();
    },
    remove: (keys) => {
      for (const key of list(keys)) items.delete(key);
      return Promise.resolve();
    },
  };
}

/** Chrome: make sure content scripts cannot read session storage (already Chrome's default). */
export async function restrictToTrustedContexts(area: unknown): Promise<void> {
  const withLevel = area as { setAccessLevel?: (options: { accessLevel: string }) => Promise<void> };
  try {
    await withLevel.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' });
  } catch {
    // Not supported (Firefox): storage.session is not exposed to content scripts there.
  }
}
