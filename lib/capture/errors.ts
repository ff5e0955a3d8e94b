/**
 * What a capture failure means for the person. Each code has a plain message in every language
 * (`capture.error.<code>`); only unexpected failures carry technical details (the step and the browser's words).
 */
import type { CaptureErrorCode } from './status';
import { StorageError } from '../storage/evidence-store';

export class CaptureError extends Error {
  constructor(
    readonly code: CaptureErrorCode,
    detail?: string,
  ) {
    super(detail ?? code);
  }
}

/**
 * True for the browser's refusal to let the extension read or capture the page, as each browser words it
 * (Chromium: "Either the '<all_urls>' or 'activeTab' permission is required.", "Cannot access contents of the
 * page..."; Firefox: "Missing host permission for the tab"). A side panel following a tab the person never clicked
 * the toolbar button on meets it: the page itself could be captured, once the person grants it.
 */
export function isPermissionRefusal(error: unknown): boolean {
  const message = String((error as { message?: unknown } | null)?.message ?? error);
  return /\bpermission\b|Cannot access contents of/i.test(message);
}

/** Maps anything a capture step threw; `step` names the step for the technical details. */
export function toCaptureError(error: unknown, step: string): CaptureError {
  if (error instanceof CaptureError) return error;
  if (error instanceof StorageError) {
    // The disk is full, or the evidence locked itself meanwhile (auto-lock, quick exit): say so, not "failed".
    if (error.code === 'quota') return new CaptureError('storage-full', error.message);
    if (error.code === 'locked') return new CaptureError('locked', error.message);
    return new CaptureError('failed', `${step}: ${error.code}: ${error.message} ${error.problems.join('; ')}`.trim());
  }
  if (isPermissionRefusal(error)) return new CaptureError('not-allowed', `${step}: ${String(error)}`);
  const words = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new CaptureError('failed', `${step}: ${words}`);
}
