/**
 * Trusted timestamps in the background: queue a capture's files once it is saved, stamp what is pending, and try
 * again later. Runs only while the setting is on and the browser grants the chosen authority's host; otherwise
 * nothing is sent and the records stay pending. One run at a time.
 */
import { browser } from 'wxt/browser';
import { authorityById, authorityPermission } from '../proof/authorities';
import { utf8 } from '../crypto/bytes';
import { sha256Hex } from '../evidence/hash';
import { auditHeadText, describeFailure, stampOne, stampPending } from '../proof/timestamping';
import type { TimestampRecord } from '../proof/timestamp-record';
import type { EvidenceStore } from '../storage/evidence-store';
import { postTimestampQuery } from '../proof/tsa-client';
import { openStore } from './evidence';
import { loadSettings, settingsItem } from './settings';

let running: Promise<void> | null = null;
/** A run was asked for while one ran: `all` if any of those asks wanted every pending record. */
let queued: { all: boolean } | null = null;
let timer: ReturnType<typeof setTimeout> | null = null;
/** setTimeout's limit; a later retry waits for the next wake-up anyway. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** At start-up: every pending record is tried; and again whenever the setting is switched on or changed. */
export function startTimestamping(): void {
  void runTimestamps({ all: true });
  settingsItem.watch((next, previous) => {
    if (next?.trustedTimestamps && (!previous?.trustedTimestamps || previous.timestampAuthority !== next.timestampAuthority)) {
      void runTimestamps({ all: true });
    }
  });
}

/** Right after a capture was saved (its transaction committed): queue its files and stamp them. */
export async function timestampCapture(captureId: string): Promise<void> {
  if (!(await loadSettings()).trustedTimestamps) return;
  await (await openStore()).queueCaptureTimestamps(captureId);
  await runTimestamps({ all: false });
}

/** Stamps the pending records (due ones, or `all`); never rejects. */
export function runTimestamps(options: { all: boolean }): Promise<void> {
  if (running) {
    queued = { all: (queued?.all ?? false) || options.all };
    return running;
  }
  running = runOnce(options.all)
    .catch(() => undefined)
    .finally(() => {
      running = null;
      const next = queued;
      queued = null;
      if (next) void runTimestamps(next);
    });
  return running;
}

async function runOnce(all: boolean): Promise<void> {
  const settings = await loadSettings();
  const authority = authorityById(settings.timestampAuthority);
  if (!settings.trustedTimestamps || !authority) return;
  // Revoked in the browser's settings meanwhile: send nothing; the manager says the permission is missing.
  if (!(await browser.permissions.contains({ origins: [authorityPermission(authority.url)] }))) return;
  const store = await openStore();
  if (all && settings.timestampsSince) await store.queueMissedCaptures(settings.timestampsSince);
  await stampPending(store, postTimestampQuery, authority.url, { all });
  const pending = await store.pendingTimestamps(new Date(), true);
  if (pending.length > 0) {
    const next = Math.min(...pending.map((record) => Date.parse(record.nextAttemptAt)));
    schedule(next - Date.now());
  }
}

function schedule(delayMs: number): void {
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = null;
    void runTimestamps({ all: false });
  }, Math.min(MAX_TIMER_MS, Math.max(1_000, delayMs)));
}

/**
 * At an export, with trusted timestamps on: the case's audit-chain head (the last entry the bundle holds) is
 * stamped now, so the bundle can carry it. Returns the stamped record, or why not (the export goes on without
 * it; nothing is left pending, since that bundle will not carry a later token).
 */
export async function stampAuditHeadForExport(
  store: EvidenceStore,
  head: { caseId: string; seq: number; hash: string } | undefined,
): Promise<{ record: TimestampRecord | null; failure: string | null }> {
  const settings = await loadSettings();
  const authority = authorityById(settings.timestampAuthority);
  if (!head || !settings.trustedTimestamps || !authority) return { record: null, failure: null };
  if (!(await browser.permissions.contains({ origins: [authorityPermission(authority.url)] }))) return { record: null, failure: 'no-permission' };
  const sha256 = await sha256Hex(utf8(auditHeadText(head)));
  const queued = await store.queueAuditHeadTimestamp(head.caseId, head.seq, sha256);
  if (queued.state === 'stamped') return { record: queued, failure: null };
  try {
    await store.recordStamp(queued.id, await stampOne(store, postTimestampQuery, authority.url, sha256));
  } catch (error) {
    await store.dropTimestamp(queued.id);
    return { record: null, failure: describeFailure(error).code };
  }
  return { record: (await store.getTimestamp(queued.id)) ?? null, failure: null };
}
