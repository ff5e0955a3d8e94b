/**
 * The case new captures go to (the evidence store's default case), and its captures, for the side panel: step
 * ticks are kept per case, and the report text lists the case's captures with their SHA-256.
 *
 * Reading the default case creates it when there is none yet, exactly as the first capture would (same title,
 * same role), so ticks made before the first capture belong to the case that capture will land in.
 */
import { openStore } from '../../lib/browser/evidence';
import { loadSettings } from '../../lib/browser/settings';
import type { CaptureRecord } from '../../lib/evidence/types';
import { translate, type Lang } from '../../lib/i18n';
import type { PlatformId } from '../../lib/platforms/types';
import type { ReportCapture } from '../../lib/report/report-text';

export class CurrentCase {
  id = $state<string | null>(null);
  title = $state('');
  captures = $state<CaptureRecord[]>([]);

  async refresh(lang: Lang): Promise<void> {
    try {
      const [store, settings] = await Promise.all([openStore(), loadSettings()]);
      const record = await store.ensureDefaultCase({
        title: translate(lang, 'case.defaultTitle'),
        role: settings.capturerRole,
      });
      const captures = await store.listCaptures(record.id);
      this.id = record.id;
      this.title = record.title;
      this.captures = captures;
    } catch {
      // No evidence store (private window, storage refused): steps still work, kept under a placeholder case.
      this.id ??= 'no-case';
    }
  }

  /** The captures of this platform, oldest first, with the files that prove them (not the thumbnails). */
  capturesOf(platform: PlatformId): ReportCapture[] {
    return this.captures
      .filter((capture) => capture.platform === platform)
      .sort((a, b) => a.capturedAt.localeCompare(b.capturedAt))
      .map((capture) => ({
        capturedAt: capture.capturedAt,
        url: capture.finalUrl,
        files: capture.files
          .filter((file) => file.role !== 'thumbnail')
          .map((file) => ({ name: file.name, sha256: file.sha256 })),
      }));
  }
}
