/**
 * The manager page's data: cases, the selected case's captures, reports and trail. Loaded from the evidence store
 * of this page (IndexedDB is shared by all the extension's pages), reloaded after each change.
 */
import { openStore } from '../../lib/browser/evidence';
import type { CaptureRecord, CapturerRole, CaseRecord, ReportTracking, AuditEntry } from '../../lib/evidence/types';
import type { AuditSignatureSummary, VerifyProblem } from '../../lib/storage/evidence-store';

export class ManagerState {
  cases = $state<CaseRecord[]>([]);
  selectedCaseId = $state<string | null>(null);
  captures = $state<CaptureRecord[]>([]);
  reports = $state<ReportTracking[]>([]);
  trail = $state<AuditEntry[]>([]);
  verification = $state<VerifyProblem[] | null>(null);
  /** With the verification: how many entries are signed, from before signing, imported. */
  signatures = $state<AuditSignatureSummary | null>(null);
  /** Only one image is ever shown unblurred. */
  revealedCaptureId = $state<string | null>(null);
  error = $state<string | null>(null);
  loading = $state(true);

  selectedCase = $derived(this.cases.find((entry) => entry.id === this.selectedCaseId) ?? null);

  async load(): Promise<void> {
    const store = await openStore();
    this.cases = await store.listCases();
    if (!this.selectedCaseId || !this.cases.some((entry) => entry.id === this.selectedCaseId)) {
      this.selectedCaseId = this.cases[0]?.id ?? null;
    }
    await this.loadCase();
    this.loading = false;
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
      return;
    }
    const store = await openStore();
    const [captures, reports, trail] = await Promise.all([store.listCaptures(caseId), store.listReports(caseId), store.auditTrail(caseId)]);
    if (caseId !== this.selectedCaseId) return;
    // Newest first: what was just captured is what the person looks for.
    this.captures = captures.reverse();
    this.reports = reports;
    this.trail = trail;
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
