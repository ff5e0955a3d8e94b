/**
 * What a capture failure means for the person. Each code has a plain message in every language
 * (`capture.error.<code>`); only unexpected failures carry technical details (the step and the browser's words).
 */
import type { CaptureErrorCode } from '../messaging/protocol';
import { StorageError } from '../storage/evidence-store';

export class CaptureError extends Error {
  constructor(
    readonly code: CaptureErrorCode,
    detail?: string,
  ) {
    super(detail ?? code);
  }
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
  const words = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new CaptureError('failed', `${step}: ${words}`);
}
