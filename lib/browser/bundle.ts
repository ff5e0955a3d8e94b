/**
 * Export and import of evidence bundles from an extension page (the manager), never the service worker (the
 * browser may stop it mid-export). The file is written with the downloads API, and only when the person asks:
 * nothing reaches the downloads folder or list before that. An export is encrypted with age unless the person
 * chose otherwise (lib/bundle/encrypted.ts); an encrypted import is decrypted and authenticated whole first.
 */
import { browser } from 'wxt/browser';
import { ageFileNeeds, HEADER_PEEK_BYTES, peekAgeHeader } from '../crypto/age-header';
import { AgeError, type AgeUnlock } from '../crypto/age-stream';
import { decryptToBlob, encryptedOutput, plainOutput, type ExportProtection } from '../bundle/encrypted';
import { BundleError } from '../bundle/errors';
import { defaultBundleFileName, writeBundle } from '../bundle/export';
import { readBundle } from '../bundle/import';
import { planImport } from '../bundle/import-plan';
import { importedSigner, signerStatus, type SignerStatus } from '../bundle/origin';
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
  /** The ZIP's SHA-256 (inside the age file when encrypted): what the receiving side's import records. */
  sha256: string;
  bytes: number;
  protection: ExportProtection['kind'];
  /** SHA-256 of the age file itself, when encrypted. */
  encryptedSha256: string | null;
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
  options: { lang: Lang; role: CapturerRole; protection: ExportProtection; captureIds?: readonly string[] },
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
  // them, never kept); only headers, manifest, report and sums are new bytes. Encrypted, every byte is new, and
  // goes to the browser's blob storage a few megabytes at a time. Either way the page holds little of the case.
  const { protection } = options;
  const output = protection.kind === 'none' ? plainOutput() : await encryptedOutput(protection);
  let result: Awaited<ReturnType<typeof writeBundle>>;
  try {
    result = await writeBundle(
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
        origin: await caseSigner(store, audit),
      },
      output.sink,
    );
  } catch (error) {
    await output.abort(error);
    throw error;
  }
  const file = await output.finish();
  const fileName = defaultBundleFileName(new Date(), protection.kind === 'none' ? 'zip' : 'age');
  const saved = await downloadFile(file.blob, fileName);
  await store.recordExport(
    caseRecord.id,
    {
      fileName,
      bundleSha256: result.sha256,
      scope: options.captureIds ? 'selection' : 'case',
      captureIds: captures.map((capture) => capture.id),
      protection: protection.kind,
      ...(protection.kind === 'recipients' ? { recipients: [...protection.recipients] } : {}),
      ...(file.sha256 ? { encryptedSha256: file.sha256 } : {}),
    },
    options.role,
  );
  return {
    fileName,
    sha256: result.sha256,
    bytes: result.bytes,
    protection: protection.kind,
    encryptedSha256: file.sha256,
    captures: captures.length,
    auditHeadFailure: auditHead.failure,
    ...saved,
  };
}

/**
 * Saves the blob under a neutral name and resolves once the browser has written it, with where; in discreet mode
 * its entry then leaves the downloads list (`downloads.erase` keeps the file, where `removeFile` would delete it).
 * The one way this extension saves a file (a bundle, a key file).
 */
export async function downloadFile(blob: Blob, fileName: string): Promise<Pick<ExportOutcome, 'savedTo' | 'erasedFromList'>> {
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

/**
 * What a picked file asks for before it can be imported: nothing (a ZIP, or not a bundle), a passphrase or a key.
 * An age file cut inside its header is refused here (AgeError 'cut-short').
 */
export async function encryptedFileNeeds(file: Blob): Promise<'passphrase' | 'key' | 'unsupported' | null> {
  const header = peekAgeHeader(new Uint8Array(await file.slice(0, HEADER_PEEK_BYTES).arrayBuffer()));
  if (header.kind === 'not-age') return null;
  if (header.kind === 'incomplete') throw new AgeError('cut-short', `The file (${file.size} bytes) ends inside its header.`);
  return ageFileNeeds(header.stanzas);
}

/**
 * The ZIP inside an age file, as a File of the same name: decrypted whole and every chunk verified before this
 * resolves (AgeError otherwise: a wrong passphrase or key, a file cut short or changed). Then importBundle
 * verifies the ZIP as for any other bundle: the age layer is one step in front of the import, nothing more.
 */
export async function openEncryptedBundle(file: File, unlock: AgeUnlock, control: ImportControl = {}): Promise<File> {
  const plain = await decryptToBlob(file, unlock, {
    ...(control.signal ? { signal: control.signal } : {}),
    onProgress: (done, total) => control.onProgress?.({ phase: 'opening', done, total }),
  });
  return new File([plain], file.name, { type: 'application/zip' });
}

/**
 * Who signed the bundle a case was imported from, and whether the person confirmed that signer (lib/bundle/origin.ts);
 * undefined for a case made here.
 */
export async function caseSigner(store: EvidenceStore, trail: Parameters<typeof importedSigner>[0]): Promise<SignerStatus | undefined> {
  const fingerprint = importedSigner(trail);
  if (fingerprint === undefined) return undefined;
  return signerStatus(fingerprint, fingerprint === null ? undefined : await store.confirmedSender(fingerprint));
}

export interface ImportOutcome {
  caseRecord: CaseRecord;
  /** Who signed the bundle (version 2 and later), and whether the person confirmed that signer; or unsigned. */
  signer: SignerStatus;
  /** The timestamps (version 4), all checked against their files: how many by a known authority, how many not. */
  timestamps: { trusted: number; unverified: number };
}

/** Where an import stands: decrypting an age file, checking the ZIP (bytes hashed), or storing the case. */
export interface ImportProgress {
  phase: 'opening' | 'checking' | 'storing';
  done: number;
  total: number;
}

export interface ImportControl {
  /** The Cancel button: honoured until the case is being stored (then the one transaction is short, and runs whole). */
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
}

/**
 * Verifies the whole bundle (every hash, the manifest, the audit chain, the signatures) before anything is
 * written, then stores it as a new case marked as imported, in one transaction. Throws BundleError with the
 * precise reason otherwise, or the signal's AbortError when cancelled (isCancelled): nothing is written then.
 */
export async function importBundle(store: EvidenceStore, file: File, role: CapturerRole, control: ImportControl = {}): Promise<ImportOutcome> {
  // Read in slices: the ZIP (a video may make it hundreds of megabytes) is never held in memory whole, and the
  // page answers between slices.
  const bundle = await readBundle(file, {}, {
    ...(control.signal ? { signal: control.signal } : {}),
    onProgress: (done, total) => control.onProgress?.({ phase: 'checking', done, total }),
  });
  const plan = planImport(bundle, { bundleName: file.name, importedAt: new Date(), actorRole: role });
  control.signal?.throwIfAborted();
  control.onProgress?.({ phase: 'storing', done: 0, total: 1 });
  await store.importCase(plan);
  // The verified tokens are kept with the imported case (shown in the manager, carried by a later export). In their
  // own write after the case's: a failure here loses no evidence, and the bundle itself still holds them.
  const head = bundle.manifest.audit.at(-1);
  const tokens = await importedTimestampRecords(bundle.timestamps, bundle.manifest.files, bundle.files, head, new Date().toISOString());
  await store.storeImportedTimestamps(tokens).catch(() => 0);
  const trusted = bundle.timestampTrust.filter((entry) => entry.trust.kind === 'trusted').length;
  const fingerprint = bundle.signer?.fingerprint ?? null;
  const signer = signerStatus(fingerprint, fingerprint === null ? undefined : await store.confirmedSender(fingerprint));
  return { caseRecord: plan.caseRecord, signer, timestamps: { trusted, unverified: bundle.timestampTrust.length - trusted } };
}

export { BundleError };
export { isCancelled } from '../pacer';
