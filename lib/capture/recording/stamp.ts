/**
 * The band of a recording: the lines of a screenshot's band (lib/capture/stamp.ts: capture ID, address, title,
 * platform, UTC and local time of the start) under a heading that says it is a recording and shows its running
 * time. `{elapsed}` is replaced on every frame (formatElapsed), so every frame says when in the recording it is.
 */
import { translateCore, type Lang } from '../../i18n/core';
import { stampLines, type StampLine } from '../stamp';

export const ELAPSED_PLACEHOLDER = '{elapsed}';

export function recordingStampLines(page: { lang: Lang; captureId: string; url: string; title: string; startedAt: Date; timeZone: string }): StampLine[] {
  const t = (key: Parameters<typeof translateCore>[1]) => translateCore(page.lang, key);
  const [, captureId, url, title, platform, utc, local] = stampLines({ ...page, mode: 'visible', capturedAt: page.startedAt });
  return [
    { label: '', value: `${t('app.name')} · ${t('stamp.recording')} · ${ELAPSED_PLACEHOLDER}` },
    captureId!,
    url!,
    title!,
    platform!,
    { label: t('stamp.recordingStarted'), value: utc!.value },
    { label: local!.label, value: local!.value },
  ];
}

/** 0:00:07 style: hours, minutes, seconds of the running time (whole seconds, rounded down). */
export function formatElapsed(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

/** The lines with the running time filled in. */
export function linesAt(lines: StampLine[], elapsedMs: number): StampLine[] {
  const elapsed = formatElapsed(elapsedMs);
  return lines.map((line) => (line.value.includes(ELAPSED_PLACEHOLDER) ? { ...line, value: line.value.replace(ELAPSED_PLACEHOLDER, elapsed) } : line));
}
