/**
 * The manager page's data: cases, the selected case's captures, reports and trail. Loaded from the evidence store
 * of this page (IndexedDB is shared by all the extension's pages), reloaded after each change.
 */
import { openStore } from '../../lib/browser/evidence';
import type { CaptureRecord, CapturerRole, CaseRecord, ReportTracking, AuditEntry } from '../../lib/evidence/types';
import type { AuditSignatureSummary, VerifyProblem } from '../../lib/storage/evidence-store';
import type { TimestampRecord } from '../../lib/proof/timestamp-record';
import { checkedTokens, NO_TRUST, trustOfRecords } from '../../lib/proof/timestamp-state';
import { caseSigner } from '../../lib/browser/bundle';
import type { SignerStatus } from '../../lib/bundle/origin';
import type { TimestampTrust } from '../../lib/proof/timestamp-trust';
import { loadSettings } from '../../lib/browser/settings';
import { sendMessage } from '../../lib/messaging';

/** While a capture of the shown case waits for its timestamp, its state is read again this often. */
const TIMESTAMP_REFRESH_MS = 3_000;

export class ManagerState {
  cases = $state<CaseRecord[]>([]);
  selectedCaseId = $state<string | null>(null);
  captures = $state<CaptureRecord[]>([]);
  reports = $state<ReportTracking[]>([]);
  trail = $state<AuditEntry[]>([]);
  /** For an imported case: who signed its bundle, and whether the person confirmed that signer. */
  origin = $state<SignerStatus | null>(null);
  verification = $state<VerifyProblem[] | null>(null);
  /** With the verification: how many entries are signed, from before signing, imported. */
  signatures = $state<AuditSignatureSummary | null>(null);
  /** Only one image is ever shown unblurred. */
  revealedCaptureId = $state<string | null>(null);
  error = $state<string | null>(null);
  loading = $state(true);
  /** The trusted timestamps of the shown captures' files, by capture id; and whether the setting is on. */
  timestamps = $state.raw<Record<string, TimestampRecord[]>>({});
  /** Whether each stamped record (by id) was made by a real authority (lib/proof/timestamp-trust.ts). */
  timestampTrust = $state.raw<ReadonlyMap<string, TimestampTrust>>(NO_TRUST);
  timestampsOn = $state(false);
  /** Tokens already checked on this page: a stamped record never changes. */
  #checkedTokens = checkedTokens();
  #timestampTimer: ReturnType<typeof setTimeout> | null = null;
  #askedForTimestamps = false;

  selectedCase = $derived(this.cases.find((entry) => entry.id === this.selectedCaseId) ?? null);

  async load(): Promise<void> {
    // Opening the manager tries every pending timestamp at once (the background does it; nothing waits for it).
    if (!this.#askedForTimestamps) {
      this.#askedForTimestamps = true;
      void sendMessage('timestamps-run').catch(() => undefined);
    }
    const store = await openStore();
    this.cases = await store.listCases();
    if (!this.selectedCaseId || !this.cases.some((entry) => entry.id === this.selectedCaseId)) {
      this.selectedCaseId = this.cases[0]?.id ?? null;
    }
    await this.loadCase();
    this.loading = false;
  }

  /** Opens a case named by the page's address: that case if it exists, else the first as usual. */
  async show(caseId: string): Promise<void> {
    this.selectedCaseId = caseId;
    this.revealedCaptureId = null;
    this.verification = null;
    await this.load();
  }

  async select(caseId: string): Promise<void> {
    this.selectedCaseId = caseId;
    this.revealedCaptureId = null;
    this.verification = null;
    await this.loadCase();
  }

  async loadCase(): Promise<void> {
    const caseId = this.selectedCaseId;
    if (!caseId) {
      this.captures = [];
      this.reports = [];
      this.trail = [];
      this.origin = null;
      return;
    }
    const store = await openStore();
    const [captures, reports, trail] = await Promise.all([store.listCaptures(caseId), store.listReports(caseId), store.auditTrail(caseId)]);
    if (caseId !== this.selectedCaseId) return;
    // Newest first: what was just captured is what the person looks for.
    this.captures = captures.reverse();
    this.reports = reports;
    this.trail = trail;
    this.origin = (await caseSigner(store, trail)) ?? null;
    await this.loadTimestamps();
  }

  /** Reads the shown captures' timestamps, and again shortly while one is pending. */
  async loadTimestamps(): Promise<void> {
    if (this.#timestampTimer) clearTimeout(this.#timestampTimer);
    this.#timestampTimer = null;
    const store = await openStore();
    this.timestampsOn = (await loadSettings()).trustedTimestamps;
    const timestamps = Object.fromEntries(await store.timestampsOfCaptures(this.captures.map((capture) => capture.id)));
    this.timestampTrust = await trustOfRecords(Object.values(timestamps).flat(), this.#checkedTokens);
    this.timestamps = timestamps;
    const pending = Object.values(this.timestamps).some((records) => records.some((record) => record.state === 'pending'));
    if (pending && this.timestampsOn) this.#timestampTimer = setTimeout(() => void this.loadTimestamps().catch(() => undefined), TIMESTAMP_REFRESH_MS);
  }

  async createCase(input: { title: string; capturerRole: CapturerRole; capturerName?: string }): Promise<void> {
    const created = await (await openStore()).createCase(input);
    await this.load();
    await this.select(created.id);
  }

  /** Runs a change, then reloads; errors are shown, not thrown. */
  async change(action: (store: Awaited<ReturnType<typeof openStore>>) => Promise<unknown>): Promise<boolean> {
    this.error = null;
    try {
      await action(await openStore());
      await this.load();
      return true;
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
      return false;
    }
  }

  async verify(): Promise<void> {
    if (!this.selectedCaseId) return;
    const store = await openStore();
    this.verification = await store.verifyCase(this.selectedCaseId);
    this.signatures = await store.auditSignatureSummary(this.selectedCaseId);
  }
}
