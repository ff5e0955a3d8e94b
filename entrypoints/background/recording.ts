/**
 * Starts a recording of a tab: the session (lib/capture/recording/session.ts) against the real browser. Firefox
 * records frames of the tab here in the background page; Chrome records the tab's stream in the offscreen document.
 */
import { loadSettings } from '../../lib/browser/settings';
import { browserRecordingDriver, captureTabGrabber } from '../../lib/browser/recording/driver';
import { startFrameRecorder } from '../../lib/capture/recording/tab-frames';
import { startOffscreenRecorder } from '../../lib/browser/recording/offscreen-client';
import { RecordingSession } from '../../lib/capture/recording/session';
import type { RecorderHandle, RecorderOptions, RecordingStart, RecordingWriter } from '../../lib/capture/recording/driver';
import type { Lang } from '../../lib/i18n';
import type { CapturerRole } from '../../lib/evidence/types';
import { openStore } from '../../lib/browser/evidence';
import { browserInfo } from '../../lib/browser/capture/save';
import { browser } from 'wxt/browser';

function startRecorder(options: RecorderOptions): Promise<RecorderHandle> {
  if (import.meta.env.FIREFOX) return startFrameRecorder(options, captureTabGrabber(options.tabId));
  return startOffscreenRecorder(options);
}

/** The writer of lib/storage/recordings.ts, in the background (where the unlocked key is). */
async function openWriter(start: RecordingStart, role: CapturerRole): Promise<RecordingWriter> {
  const context = { actorRole: role, browser: await browserInfo(), extension: { name: 'Capture & Report', version: browser.runtime.getManifest().version } };
  return (await openStore()).startRecording(start, context);
}

export async function newRecording(tabId: number, lang: Lang): Promise<RecordingSession> {
  const settings = await loadSettings();
  const driver = browserRecordingDriver({ role: settings.capturerRole, lang, startRecorder, openWriter: (start) => openWriter(start, settings.capturerRole) });
  return new RecordingSession({ tabId, lang, maxMs: settings.maxRecordingSeconds * 1000 }, driver);
}
