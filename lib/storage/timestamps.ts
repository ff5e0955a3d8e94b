/**
 * RFC 3161 timestamps as stored (store `timestamps`, database version 6): one record per evidence file of a
 * capture saved while trusted timestamps were on, and one per audit-chain head stamped at an export. Queued
 * `pending` AFTER the capture's own transaction committed (a capture is never held up by a timestamp), stamped
 * by lib/proof/timestamping.ts, which the background runs (lib/browser/timestamping.ts).
 *
 * Records are in clear and never sealed: they hold hashes the files store already keeps in clear, the
 * authority's answer and retry bookkeeping, so stamping goes on while the evidence is locked. They are not
 * evidence themselves (a token proves itself), so they get no audit entry.
 */
import type { StoreCore } from './core';
import type { TimestampRecord } from '../proof/timestamp-record';

/**
 * Per authority URL, the SHA-256 (hex) of the shipped root its first kept answer reached (lib/proof/timestamping.ts).
 * Replaces `timestampPins` (base64 DER of whatever top certificate the first answer carried), which is no longer
 * read and is removed by the next pin.
 */
export const TIMESTAMP_PINS_SETTING = 'timestampRootPins';
const OLD_PINS_SETTING = 'timestampPins';

export function fileTimestampId(fileId: string): string {
  return `file:${fileId}`;
}

export function auditTimestampId(caseId: string, seq: number): string {
  return `audit:${caseId}:${seq}`;
}

function pendingRecord(now: string, fields: Pick<TimestampRecord, 'id' | 'subject' | 'captureId' | 'fileId' | 'caseId' | 'seq' | 'sha256'>): TimestampRecord {
  return {
    ...fields,
    state: 'pending',
    queuedAt: now,
    attempts: 0,
    nextAttemptAt: now,
    lastError: null,
    authorityUrl: null,
    response: null,
    genTime: null,
    authority: null,
    serial: null,
    chain: [],
  };
}

/**
 * Queues every file of the capture (screenshot parts, page source, thumbnail) that has no timestamp record yet.
 * Reads only what the files store keeps in clear (id, capture, SHA-256). Returns how many were queued.
 */
export async function queueCaptureTimestamps(core: StoreCore, captureId: string): Promise<number> {
  return core.write(['files', 'timestamps'], async (tx) => {
    const files = await tx.objectStore('files').index('byCapture').getAll(captureId);
    let queued = 0;
    for (const file of files) {
      const id = fileTimestampId(file.id);
      if (await tx.objectStore('timestamps').getKey(id)) continue;
      const fields = { id, subject: 'file' as const, captureId, fileId: file.id, caseId: null, seq: null, sha256: file.sha256 };
      await tx.objectStore('timestamps').add(pendingRecord(core.nowIso(), fields));
      queued++;
    }
    return queued;
  });
}

/**
 * Queues the captures saved since `sinceIso` (when timestamps were switched on) that have files without a record:
 * a capture whose queueing was cut short (the background stopped right after its save) is stamped later.
 */
export async function queueMissedCaptures(core: StoreCore, sinceIso: string): Promise<number> {
  const captures = await core.read(() => core.db.getAll('captures'));
  const known = new Set(await core.read(() => core.db.getAllKeys('timestamps')));
  let queued = 0;
  for (const capture of captures) {
    if (capture.capturedAt < sinceIso) continue;
    const fileIds = await core.read(() => core.db.getAllKeysFromIndex('files', 'byCapture', capture.id));
    if (fileIds.every((fileId) => known.has(fileTimestampId(fileId)))) continue;
    queued += await queueCaptureTimestamps(core, capture.id);
  }
  return queued;
}

/** Queues the audit-chain head (its text's SHA-256) of a case; the existing record when already queued. */
export async function queueAuditHeadTimestamp(core: StoreCore, caseId: string, seq: number, sha256: string): Promise<TimestampRecord> {
  const id = auditTimestampId(caseId, seq);
  return core.write(['timestamps'], async (tx) => {
    const existing = await tx.objectStore('timestamps').get(id);
    if (existing) return existing;
    const record = pendingRecord(core.nowIso(), { id, subject: 'audit-head', captureId: null, fileId: null, caseId, seq, sha256 });
    await tx.objectStore('timestamps').add(record);
    return record;
  });
}

/** The pending records, oldest first; only those due at `now` unless `all`. */
export async function pendingTimestamps(core: StoreCore, now: Date, all: boolean): Promise<TimestampRecord[]> {
  const pending = await core.read(() => core.db.getAllFromIndex('timestamps', 'byState', 'pending'));
  const due = all ? pending : pending.filter((record) => record.nextAttemptAt <= now.toISOString());
  return due.sort((a, b) => (a.queuedAt < b.queuedAt ? -1 : a.queuedAt > b.queuedAt ? 1 : 0));
}

export async function getTimestamp(core: StoreCore, id: string): Promise<TimestampRecord | undefined> {
  return core.read(() => core.db.get('timestamps', id));
}

/** The timestamp records of one capture's files. */
export async function captureTimestamps(core: StoreCore, captureId: string): Promise<TimestampRecord[]> {
  return core.read(() => core.db.getAllFromIndex('timestamps', 'byCapture', captureId));
}

/** The timestamp records of the given captures' files, by capture id (one read for a whole case). */
export async function timestampsOfCaptures(core: StoreCore, captureIds: readonly string[]): Promise<Map<string, TimestampRecord[]>> {
  const wanted = new Set(captureIds);
  const byCapture = new Map<string, TimestampRecord[]>();
  for (const record of await core.read(() => core.db.getAll('timestamps'))) {
    if (record.captureId === null || !wanted.has(record.captureId)) continue;
    byCapture.set(record.captureId, [...(byCapture.get(record.captureId) ?? []), record]);
  }
  return byCapture;
}

export type StampResult = Pick<TimestampRecord, 'authorityUrl' | 'response' | 'genTime' | 'authority' | 'serial' | 'chain'>;

/** A pending record becomes stamped (once: a stamped record is never replaced). */
export async function recordStamp(core: StoreCore, id: string, result: StampResult): Promise<void> {
  await core.write(['timestamps'], async (tx) => {
    const record = await tx.objectStore('timestamps').get(id);
    if (!record || record.state !== 'pending') return;
    await tx.objectStore('timestamps').put({ ...record, ...result, state: 'stamped', attempts: record.attempts + 1, lastError: null });
  });
}

/** A failed attempt: the reason, and when to try again. */
export async function recordAttemptFailure(
  core: StoreCore,
  id: string,
  error: { code: string; message: string },
  nextAttemptAt: Date,
): Promise<void> {
  await core.write(['timestamps'], async (tx) => {
    const record = await tx.objectStore('timestamps').get(id);
    if (!record || record.state !== 'pending') return;
    await tx.objectStore('timestamps').put({
      ...record,
      attempts: record.attempts + 1,
      nextAttemptAt: nextAttemptAt.toISOString(),
      lastError: { ...error, at: core.nowIso() },
    });
  });
}

/** A record whose file was deleted meanwhile: nothing left to stamp. */
export async function dropTimestamp(core: StoreCore, id: string): Promise<void> {
  await core.write(['timestamps'], async (tx) => {
    await tx.objectStore('timestamps').delete(id);
  });
}

/** Whether the evidence file a record is about still exists. */
export async function fileExists(core: StoreCore, fileId: string): Promise<boolean> {
  return (await core.read(() => core.db.getKey('files', fileId))) !== undefined;
}

/** The SHA-256 of the root an authority is pinned to, or null before its first kept answer. */
export async function timestampPin(core: StoreCore, authorityUrl: string): Promise<string | null> {
  const setting = await core.read(() => core.db.get('settings', TIMESTAMP_PINS_SETTING));
  const pins = (setting?.value ?? {}) as Record<string, string>;
  return pins[authorityUrl] ?? null;
}

/**
 * Pins an authority to a root: when it has no pin yet, or still the pin `replacing` (one whose root this version no
 * longer ships). A pin set meanwhile by another answer stays: first use wins.
 */
export async function pinTimestampAuthority(core: StoreCore, authorityUrl: string, rootSha256: string, replacing: string | null): Promise<void> {
  await core.write(['settings'], async (tx) => {
    const setting = await tx.objectStore('settings').get(TIMESTAMP_PINS_SETTING);
    const pins = { ...((setting?.value ?? {}) as Record<string, string>) };
    if ((pins[authorityUrl] ?? null) !== replacing) return;
    pins[authorityUrl] = rootSha256;
    await tx.objectStore('settings').put({ key: TIMESTAMP_PINS_SETTING, value: pins });
    await tx.objectStore('settings').delete(OLD_PINS_SETTING);
  });
}

/** Tokens that came in a verified bundle (lib/bundle/timestamps.ts): stored as stamped, unless a record exists. */
export async function storeImportedTimestamps(core: StoreCore, records: readonly TimestampRecord[]): Promise<number> {
  return core.write(['timestamps'], async (tx) => {
    let stored = 0;
    for (const record of records) {
      if (await tx.objectStore('timestamps').getKey(record.id)) continue;
      await tx.objectStore('timestamps').add(record);
      stored++;
    }
    return stored;
  });
}
