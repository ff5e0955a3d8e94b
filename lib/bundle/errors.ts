/**
 * Why a bundle could not be written or read. `detail` is precise English for logs and bug reports; the interface
 * shows the `bundle.error.<code>` message of lib/i18n, with `path` (the file or manifest field concerned).
 */
export type BundleErrorCode =
  /** The file is not a ZIP at all. */
  | 'not-a-zip'
  /** A ZIP that ends too early: an interrupted download or copy. */
  | 'truncated'
  /** The ZIP's own structure (headers, table of contents) was changed or is not what this tool writes. */
  | 'damaged'
  /** A ZIP, but not an evidence bundle (no manifest.json). */
  | 'not-a-bundle'
  /** Made by a newer version of the tool, with a format this version cannot read. */
  | 'unsupported-version'
  /** manifest.json is not valid; `path` names the field. */
  | 'invalid-manifest'
  /** A file's content differs from what was recorded (its SHA-256, CRC-32 or size); `path` names the file. */
  | 'file-changed'
  /** A file the manifest or SHA256SUMS lists is not in the ZIP (or, on export, no longer in the browser). */
  | 'file-missing'
  /** The ZIP holds a file that the manifest does not list. */
  | 'unexpected-file'
  /** SHA256SUMS does not list exactly the bundle's files with the manifest's hashes. */
  | 'sums-mismatch'
  /** The audit trail's hash chain is broken; `path` is `audit[<index>]`, `seq` in the detail. */
  | 'audit-broken'
  /** A capture's file hashes are not the ones its audit trail recorded. */
  | 'not-audited'
  /** A signature (manifest.json.sig, SHA256SUMS.sig) does not match its file and public-key.pem; `path` names the file. */
  | 'bad-signature'
  /** A trusted timestamp (`.tsr`) does not stamp its file, does not verify, or says otherwise than the manifest. */
  | 'bad-timestamp'
  /** On export: over 4 GiB, or more files than a bundle holds (limits.ts). */
  | 'too-large'
  /** On import: more entries than a bundle holds (limits.ts), refused from the ZIP's end record alone. */
  | 'too-many-files';

export class BundleError extends Error {
  override readonly name = 'BundleError';

  constructor(
    readonly code: BundleErrorCode,
    readonly detail: string,
    readonly path?: string,
  ) {
    super(path ? `${code}: ${path}: ${detail}` : `${code}: ${detail}`);
  }
}
