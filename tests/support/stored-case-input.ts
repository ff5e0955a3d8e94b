/**
 * What writeBundle needs to export one stored case, gathered from the store as the manager gathers it
 * (components/manager/manager-state.svelte.ts): shared by the tests and benchmarks that export from a real store.
 */
import type { BundleInput } from '../../lib/bundle/export';
import { installationSigner } from '../../lib/bundle/signature';
import type { CapturerRole } from '../../lib/evidence/types';
import type { EvidenceStore } from '../../lib/storage/evidence-store';

export async function storedCaseInput(store: EvidenceStore, caseId: string, role: CapturerRole): Promise<BundleInput> {
  return {
    caseRecord: (await store.getCase(caseId))!,
    captures: await store.listCaptures(caseId),
    audit: await store.auditTrail(caseId),
    reports: await store.listReports(caseId),
    getFileData: (meta) => store.getFileData(meta.id),
    lang: 'en',
    tool: { name: 'Capture & Report', version: '0.1.0' },
    exportedBy: { role },
    signer: installationSigner(await store.installationKey()),
  };
}
