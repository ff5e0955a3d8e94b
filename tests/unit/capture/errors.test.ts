import { describe, expect, it } from 'vitest';
import { CaptureError, toCaptureError } from '../../../lib/capture/errors';
import { translate } from '../../../lib/i18n';
import { StorageError } from '../../../lib/storage/evidence-store';

describe('toCaptureError', () => {
  it('a full disk says so, with a plain message and nothing technical', () => {
    const error = toCaptureError(new StorageError('quota', 'QuotaExceededError'), 'save');
    expect(error.code).toBe('storage-full');
    expect(translate('en', 'capture.error.storage-full')).toContain('Nothing was saved');
    expect(translate('nl', 'capture.error.storage-full')).toContain('Er werd niets bewaard');
  });

  it('evidence locked meanwhile asks for the passphrase', () => {
    expect(toCaptureError(new StorageError('locked', 'locked'), 'save').code).toBe('locked');
  });

  it('keeps capture errors as they are, and names the step of anything unexpected', () => {
    const cancelled = new CaptureError('cancelled');
    expect(toCaptureError(cancelled, 'tiles')).toBe(cancelled);
    const unexpected = toCaptureError(new DOMException('gone', 'NotFoundError'), 'page source');
    expect(unexpected.code).toBe('failed');
    expect(unexpected.message).toBe('page source: NotFoundError: gone');
    const invalid = toCaptureError(new StorageError('invalid', 'inconsistent', { problems: ['size mismatch'] }), 'save');
    expect(invalid.code).toBe('failed');
    expect(invalid.message).toContain('size mismatch');
  });
});
