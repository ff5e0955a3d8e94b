/**
 * What to store for a verified bundle: pure, no IndexedDB. The store writes the plan in one transaction
 * (EvidenceStore.importCase, see the note at the end of lib/bundle/FORMAT.md).
 *
 * Ids are kept: the case, capture and file ids are part of the audit entries' hashed content (caseId, captureId),
 * so renaming anything would break the chain that proves the evidence. A bundle whose case is already in the
 * browser (imported twice, or exported from here) must therefore be refused by the store, not renamed.
 */
import type {
  AuditEntry,
  CaptureRecord,
  CapturerRole,
  CaseRecord,
  ReportTracking,
  StoredFile,
} from '../evidence/types';
import { nextEntry } from '../storage/audit';
import type { VerifiedBundle } from './import';

export interface ImportPlan {
  /** The case as exported, marked `imported` (this bundle's SHA-256, time, file name). */
  caseRecord: CaseRecord;
  captures: CaptureRecord[];
  /** Every evidence file, with its data, ids, names and hashes unchanged. */
  files: StoredFile[];
  reports: ReportTracking[];
  /** The bundle's whole trail, then one 'import' entry chained to it. */
  audit: AuditEntry[];
}

export interface ImportOptions {
  /** The file name the person chose (shown in the case, recorded in the trail). */
  bundleName: string;
  importedAt: Date;
  /** Role of the person importing (often 'staff'). */
  actorRole: CapturerRole;
}

export function planImport(bundle: VerifiedBundle, options: ImportOptions): ImportPlan {
  const { manifest } = bundle;
  const importedAt = options.importedAt.toISOString();
  const caseRecord: CaseRecord = {
    ...manifest.case,
    imported: { bundleSha256: bundle.bundleSha256, importedAt, bundleName: options.bundleName },
  };
  const paths = new Map(manifest.files.map((file) => [file.fileId, file.path]));
  const files: StoredFile[] = manifest.captures.flatMap((capture) =>
    capture.files.map((meta) => {
      const data = bundle.files.get(paths.get(meta.id) ?? '');
      if (!data) throw new Error(`planImport: no data for ${meta.id}; pass a bundle from readBundle`);
      // A slice of the ZIP file given its type: no bytes are copied here.
      return { ...meta, blob: new Blob([data], { type: meta.mime }) };
    }),
  );
  const importEntry = nextEntry(manifest.audit.at(-1), {
    caseId: manifest.case.id,
    at: importedAt,
    action: 'import',
    actorRole: options.actorRole,
    details: {
      bundleSha256: bundle.bundleSha256,
      bundleName: options.bundleName,
      format: `${manifest.format} ${manifest.formatVersion}`,
      tool: `${manifest.tool.name} ${manifest.tool.version}`,
      exportedAt: manifest.exportedAt,
      exportedByRole: manifest.exportedBy.role,
      scope: manifest.scope,
      captureIds: manifest.captures.map((capture) => capture.id),
      fileCount: files.length,
      ...(bundle.signer ? { signerFingerprint: bundle.signer.fingerprint } : {}),
    },
  });
  return {
    caseRecord,
    captures: manifest.captures.map((capture) => ({ ...capture })),
    files,
    reports: manifest.reports.map((report) => ({ ...report })),
    audit: [...manifest.audit, importEntry],
  };
}
