/**
 * A recording in report.html (lib/bundle/report.ts): how long, why it ended, sound, frame rate, a clear mark when
 * it is partial, and the video file beside the report, linked by its relative path (never embedded: the report
 * stays small, and the video opens from the extracted folder in the person's own player).
 */
import type { CaptureRecord } from '../evidence/types';
import { translate, type Lang } from '../i18n';
import { esc } from './html';
import type { BundleFile } from './manifest';

/** The recording's row value for the report's details list; empty for other captures. */
export function recordingDetails(capture: CaptureRecord, lang: Lang): string {
  const recording = capture.recording;
  if (!recording) return '';
  const length = recording.durationMs === null ? translate(lang, 'manager.recording.unknownLength') : clock(recording.durationMs);
  const parts = [
    translate(lang, 'manager.recording.length', { length }),
    translate(lang, `bundle.report.endedBy.${recording.endedBy}`),
    recording.audio ? translate(lang, 'bundle.report.withSound') : translate(lang, 'manager.recording.noSound'),
    recording.frameRate ? translate(lang, 'bundle.report.frameRate', { fps: Math.round(recording.frameRate * 10) / 10 }) : '',
    recording.mimeType,
  ].filter(Boolean);
  return esc(parts.join('; '));
}

/** The partial-recording warning and the link to the video file; empty for other captures. */
export function recordingBlock(capture: CaptureRecord, lang: Lang, files: Map<string, BundleFile>): string {
  if (!capture.recording) return '';
  const video = capture.files.find((meta) => meta.role === 'video');
  const file = video ? files.get(video.id) : undefined;
  const partial = capture.recording.partial ? `<p class="warning partial">${esc(translate(lang, 'bundle.report.partial'))}</p>\n` : '';
  const link = file
    ? `<p class="video">${esc(translate(lang, 'bundle.report.video'))} <a href="${esc(file.path)}" class="mono">${esc(file.path)}</a> · ${esc(translate(lang, 'bundle.report.extractFirst'))}</p>`
    : '';
  return partial + link;
}

function clock(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
