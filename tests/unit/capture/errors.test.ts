import { describe, expect, it } from 'vitest';
import { CaptureError, isPermissionRefusal, toCaptureError } from '../../../lib/capture/errors';
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

describe('the browser refusing the capture', () => {
  it.each([
    "Either the '<all_urls>' or 'activeTab' permission is required.",
    'Cannot access contents of the page. Extension manifest must request permission to access the respective host.',
    'Missing host permission for the tab',
  ])('"%s" asks the person to click the toolbar button, in every language', (words) => {
    const error = toCaptureError(new Error(words), 'tiles');
    expect(error.code).toBe('not-allowed');
    expect(error.message).toContain(words);
    expect(translate('en', 'capture.error.not-allowed')).toContain('toolbar');
    expect(translate('nl', 'capture.error.not-allowed')).toContain('werkbalk');
    expect(translate('fr', 'capture.error.not-allowed')).toContain('barre d’outils');
  });

  it('leaves other failures as they are', () => {
    expect(isPermissionRefusal(new Error('Tabs cannot be edited right now'))).toBe(false);
    expect(toCaptureError(new Error('No tab with id: 4.'), 'start').code).toBe('failed');
  });
});
