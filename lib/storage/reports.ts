/** Report tracking: per case and platform, where the report stands. */
import type { CapturerRole, ReportTracking } from '../evidence/types';
import { appendAudit } from './audit-trail';
import { requireCase } from './cases';
import type { StoreCore } from './core';
import { ReportTrackingSchema } from '../evidence/schema';
import { schemaProblems } from '../evidence/validate';
import { invalid } from './errors';

/** Where the case's report stands on each platform that has been tracked. */
export async function listReports(core: StoreCore, caseId: string): Promise<ReportTracking[]> {
  return core.readAll('reports', () => core.db.getAll('reports', IDBKeyRange.bound([caseId, ''], [caseId, '\uffff'])));
}

/** Records where a report stands; the trail keeps the status and date (the answer's text stays private). */
export async function saveReport(
  core: StoreCore,
  report: Omit<ReportTracking, 'updatedAt'>,
  actorRole: CapturerRole,
): Promise<ReportTracking> {
  const details = {
    platform: report.platform,
    status: report.status,
    reportedOn: report.reportedOn ?? null,
    reference: report.reference ?? null,
  };
  return core.sealedWrite(
    ['cases', 'reports', 'audit', 'settings'],
    async (key) => {
      const saved: ReportTracking = { ...report, updatedAt: core.nowIso() };
      const problems = schemaProblems(ReportTrackingSchema, saved);
      if (problems.length > 0) throw invalid('The report is not valid; nothing was stored.', problems);
      return { saved, ...(await core.sealFor(key, 'reports', saved, report.caseId, details)) };
    },
    async (tx, p) => {
      await requireCase(tx.objectStore('cases'), report.caseId);
      await tx.objectStore('reports').put(p.toStore);
      const fields = { caseId: report.caseId, at: core.nowIso(), action: 'report-update' as const, actorRole, details };
      await appendAudit(tx.objectStore('audit'), fields, p.auditSeal);
      return p.saved;
    },
  );
}
