/**
 * Export and import of evidence bundles from an extension page (the manager). The ZIP is written with the
 * downloads API, and only when the person asks: nothing reaches the downloads folder or list before that.
 */
import { browser } from 'wxt/browser';
import { BlobCollector } from '../bundle/blob-collector';
import { BundleError } from '../bundle/errors';
import { defaultBundleFileName, writeBundle } from '../bundle/export';
import { readBundle } from '../bundle/import';
import { planImport } from '../bundle/import-plan';
import { installationSigner } from '../bundle/signature';
import { importedTimestampRecords } from '../bundle/timestamps';
import type { CapturerRole, CaseRecord } from '../evidence/types';
import type { Lang } from '../i18n';
import type { EvidenceStore } from '../storage/evidence-store';
import { loadSettings } from './settings';
import { stampAuditHeadForExport } from './timestamping';

/**
 * `downloads` is an optional permission, asked for on the person's first export. It must be requested straight
 * from the click (before any other await), or the browser refuses.
 */
export function requestDownloadPermission(): Promise<boolean> {
  return browser.permissions.request({ permissions: ['downloads'] });
}

export interface ExportOutcome {
  fileName: string;
  sha256: string;
  bytes: number;
  captures: number;
  /** Trusted timestamps on, but the audit head could not be stamped: why (the bundle was made without it). */
  auditHeadFailure: string | null;
  /** Where the browser saved the file (its full path), when it says. */
  savedTo: string | null;
  /** Discreet mode: the export's entry was removed from the browser's downloads list (the file stays). */
  erasedFromList: boolean;
}

export async function exportCase(
  store: EvidenceStore,
  caseRecord: CaseRecord,
  options: { lang: Lang; role: CapturerRole; captureIds?: readonly string[] },
): Promise<ExportOutcome> {
  await store.signPendingAudit();
  const all = await store.listCaptures(caseRecord.id);
  const captures = options.captureIds ? all.filter((capture) => options.captureIds!.includes(capture.id)) : all;
  const [audit, reports, key] = await Promise.all([
    store.auditTrail(caseRecord.id),
    store.listReports(caseRecord.id),
    store.installationKey(),
  ]);
  // Trusted timestamps: the tokens kept for the exported files, and the trail's head stamped now when they are on.
  const fileTokens = [...(await store.timestampsOfCaptures(captures.map((capture) => capture.id))).values()].flat();
  const auditHead = await stampAuditHeadForExport(store, audit.at(-1));
  // The ZIP is assembled as a Blob whose evidence parts are references to the stored files (read once, to hash
  // them, never kept); only headers, manifest, report and sums are new bytes. So the export holds no copy of
  // the evidence in memory, whatever the size of the case.
  const collected = new BlobCollector();
  const result = await writeBundle(
    {
      caseRecord,
      captures,
      audit,
      reports,
      getFileData: (meta) => store.getFileData(meta.id),
      lang: options.lang,
      tool: { name: 'Capture & Report', version: browser.runtime.getManifest().version },
      exportedBy: { role: options.role, ...(caseRecord.capturerName ? { name: caseRecord.capturerName } : {}) },
      scope: options.captureIds ? 'selection' : 'case',
      signer: installationSigner(key),
      timestamps: { files: fileTokens, auditHead: auditHead.record },
    },
    (chunk, _final, origin) => collected.add(chunk, origin),
  );
  const fileName = defaultBundleFileName();
  const saved = await download(collected.blob('application/zip'), fileName);
  await store.recordExport(
    caseRecord.id,
    { fileName, bundleSha256: result.sha256, scope: options.captureIds ? 'selection' : 'case', captureIds: captures.map((capture) => capture.id) },
    options.role,
  );
  return { fileName, sha256: result.sha256, bytes: result.bytes, captures: captures.length, auditHeadFailure: auditHead.failure, ...saved };
}

/**
 * Saves the blob under a neutral name and resolves once the browser has written it, with where; in discreet mode
 * its entry then leaves the downloads list (`downloads.erase` keeps the file, where `removeFile` would delete it).
 */
async function download(blob: Blob, fileName: string): Promise<Pick<ExportOutcome, 'savedTo' | 'erasedFromList'>> {
  const url = URL.createObjectURL(blob);
  try {
    const id = await browser.downloads.download({ url, filename: fileName, conflictAction: 'uniquify', saveAs: false });
    await new Promise<void>((resolve, reject) => {
      const onChanged = (delta: { id: number; state?: { current?: string }; error?: { current?: string } }) => {
        if (delta.id !== id) return;
        if (delta.state?.current === 'complete') {
          browser.downloads.onChanged.removeListener(onChanged);
          resolve();
        } else if (delta.state?.current === 'interrupted') {
          browser.downloads.onChanged.removeListener(onChanged);
          reject(new Error(`download interrupted: ${delta.error?.current ?? 'unknown'}`));
        }
      };
      browser.downloads.onChanged.addListener(onChanged);
      void browser.downloads.search({ id }).then(([item]) => {
        if (item?.state === 'complete') onChanged({ id, state: { current: 'complete' } });
      });
    });
    const [item] = await browser.downloads.search({ id });
    const erasedFromList = (await loadSettings()).discreetMode && (await eraseFromList(id));
    return { savedTo: item?.filename || null, erasedFromList };
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The file stays where it is; a failure leaves the entry listed, and the manager says so by not saying it is gone. */
async function eraseFromList(id: number): Promise<boolean> {
  return browser.downloads.erase({ id }).then(
    (erased) => erased.includes(id),
    () => false,
  );
}

export interface ImportOutcome {
  caseRecord: CaseRecord;
  /** The signer's fingerprint (a version 2 bundle), or null (version 1, unsigned). */
  signer: { fingerprint: string } | null;
  /** The timestamps (version 4), all checked against their files: how many by a known authority, how many not. */
  timestamps: { trusted: number; unverified: number };
}

/**
 * Verifies the whole bundle (every hash, the manifest, the audit chain, the signatures) before anything is
 * written, then stores it as a new case marked as imported, in one transaction. Throws BundleError with the
 * precise reason otherwise.
 */
export async function importBundle(store: EvidenceStore, file: File, role: CapturerRole): Promise<ImportOutcome> {
  // Read in slices: the ZIP (a video may make it hundreds of megabytes) is never held in memory whole.
  const bundle = await readBundle(file);
  const plan = planImport(bundle, { bundleName: file.name, importedAt: new Date(), actorRole: role });
  await store.importCase(plan);
  // The verified tokens are kept with the imported case (shown in the manager, carried by a later export). In their
  // own write after the case's: a failure here loses no evidence, and the bundle itself still holds them.
  const head = bundle.manifest.audit.at(-1);
  const tokens = await importedTimestampRecords(bundle.timestamps, bundle.manifest.files, bundle.files, head, new Date().toISOString());
  await store.storeImportedTimestamps(tokens).catch(() => 0);
  const trusted = bundle.timestampTrust.filter((entry) => entry.trust.kind === 'trusted').length;
  return { caseRecord: plan.caseRecord, signer: bundle.signer, timestamps: { trusted, unverified: bundle.timestampTrust.length - trusted } };
}

export { BundleError };
