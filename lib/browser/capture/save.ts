/**
 * Saving a finished capture: hash every file, build the record, and store record, files and audit entry in one
 * transaction (lib/storage). Until that transaction commits nothing is written.
 */
import { browser } from 'wxt/browser';
import { openStore } from '../evidence';
import { sha256Hex } from '../../evidence/hash';
import type { CaptureRecord, FileMeta, StoredFile } from '../../evidence/types';
import { fitCaptureRecord } from '../../evidence/fit-capture';
import { translateCore } from '../../i18n/core';
import type { CaptureSummary } from '../../capture/status';
import { describePage } from '../../page-label';
import { pageIdentifiers } from '../../platforms/page-identifiers';
import { parsePlatformUrl } from '../../platforms/registry';
import { selectionOnPage } from '../../report/selection';
import type { CapturerRole } from '../../evidence/types';
import { CaptureError } from '../../capture/errors';
import type { FinishedCapture } from '../../capture/driver';
import { localIsoTime } from '../../evidence/time';

export async function saveCapture(captured: FinishedCapture, role: CapturerRole, signal: AbortSignal): Promise<CaptureSummary> {
  const { geometry, range, stitched, source, capturedAt, captureId, request } = captured;
  const files: StoredFile[] = [];
  const addFile = async (meta: Omit<FileMeta, 'id' | 'captureId' | 'size' | 'sha256'>, blob: Blob) => {
    files.push({ ...meta, id: `${captureId}/${meta.name}`, captureId, size: blob.size, sha256: await sha256Hex(blob), blob });
  };
  for (const part of stitched.parts) {
    await addFile(
      {
        role: 'screenshot',
        name: stitched.parts.length > 1 ? `screenshot-part${part.index + 1}.png` : 'screenshot.png',
        mime: 'image/png',
        width: part.width,
        height: part.height,
        part: part.index + 1,
        partCount: stitched.parts.length,
        bandHeight: part.bandHeight,
      },
      part.blob,
    );
  }
  await addFile({ role: 'source', name: `page.${source.extension}`, mime: source.mime }, source.blob);
  if (stitched.thumbnail) {
    const bitmap = await createImageBitmap(stitched.thumbnail);
    await addFile({ role: 'thumbnail', name: 'thumbnail.png', mime: 'image/png', width: bitmap.width, height: bitmap.height }, stitched.thumbnail);
    bitmap.close();
  }

  const evidence = await openStore();
  const caseRecord = await evidence.ensureDefaultCase({ title: translateCore(request.lang, 'case.defaultTitle'), role });
  const parsed = parsePlatformUrl(captured.finalUrl) ?? parsePlatformUrl(captured.requestedUrl);
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  // What the page gave, fitted to the evidence schema's limits (lib/evidence/fit-capture.ts).
  const record: CaptureRecord = fitCaptureRecord({
    id: captureId,
    caseId: caseRecord.id,
    requestedUrl: captured.requestedUrl,
    finalUrl: captured.finalUrl,
    title: geometry.title,
    platform: parsed?.platform ?? null,
    parsed,
    identifiers: parsed ? pageIdentifiers(parsed) : [],
    selectedItems: selectionOnPage(request.selection, captured.requestedUrl),
    mode: request.mode,
    capturedAt: capturedAt.toISOString(),
    timeZone,
    localTime: localIsoTime(capturedAt, timeZone),
    viewport: geometry.viewport,
    page: { width: Math.round(geometry.viewRect.width), height: Math.round(range.bottom - range.top) },
    devicePixelRatio: geometry.devicePixelRatio,
    scale: stitched.scale,
    scroller: request.mode === 'visible' ? 'none' : geometry.scroller,
    captureMethod: captured.method,
    ...(range.limited ? { limitedTo: { screens: range.screens, reason: 'max-screens' as const } } : {}),
    browser: await browserInfo(),
    extension: { name: 'Capture & Report', version: browser.runtime.getManifest().version },
    files: files.map(({ blob: _blob, ...meta }) => meta),
    notes: '',
  });
  // Stopped meanwhile (quick exit): the transaction below must not start.
  if (signal.aborted) throw signal.reason instanceof CaptureError ? signal.reason : new CaptureError('cancelled');
  await evidence.saveCapture(record, files, role);
  return {
    captureId,
    caseId: caseRecord.id,
    caseTitle: caseRecord.title,
    url: record.finalUrl,
    title: record.title,
    capturedAt: record.capturedAt,
    localTime: record.localTime,
    timeZone,
    platformLabel: parsed ? describePage(parsed, request.lang) : null,
    parts: stitched.parts.length,
    thumbnailFileId: files.find((file) => file.role === 'thumbnail')?.id ?? null,
    limitedTo: range.limited ? { screens: range.screens, anchor: geometry.scroller === 'inner' ? 'current-bottom' : 'top' } : null,
  };
}

/** The browser's name and version only (no platform, no user agent string). */
export async function browserInfo(): Promise<{ name: string; version: string }> {
  const runtime = browser.runtime as unknown as { getBrowserInfo?: () => Promise<{ name: string; version: string }> };
  if (runtime.getBrowserInfo) {
    const info = await runtime.getBrowserInfo();
    return { name: info.name, version: info.version };
  }
  const brands = (navigator as unknown as { userAgentData?: { brands: Array<{ brand: string; version: string }> } }).userAgentData?.brands ?? [];
  const brand = brands.find((entry) => !/not.?a.?brand/i.test(entry.brand) && entry.brand !== 'Chromium') ?? brands.find((entry) => entry.brand === 'Chromium');
  const full = /Chrom(?:e|ium)\/([\d.]+)/.exec(navigator.userAgent)?.[1];
  return { name: brand?.brand ?? 'Chromium', version: full ?? brand?.version ?? 'unknown' };
}
