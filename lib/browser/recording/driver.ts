/**
 * The recording driver of the real browser (see driver.ts): thin calls to the extension APIs, no rules (those are
 * in session.ts). Runs in the background. The recorder itself is given by the caller: Firefox's frame recorder
 * runs right here (tab-frames.ts); Chrome's runs in the offscreen document.
 */
import { browser } from 'wxt/browser';
import { lockStatus, watchLock } from '../lock';
import { openStore } from '../evidence';
import { translateCore, type Lang } from '../../i18n/core';
import type { CapturerRole } from '../../evidence/types';
import { decode, readTab, watch } from '../capture/driver';
import { captureBlockReason } from '../../capture/restrictions';
import type { RecorderHandle, RecorderOptions, RecordingDriver, RecordingStart, RecordingWriter } from '../../capture/recording/driver';

async function isLocked(): Promise<boolean> {
  const lock = await lockStatus();
  return lock.passphrase === 'set' && !lock.unlocked;
}

export function browserRecordingDriver(options: {
  role: CapturerRole;
  lang: Lang;
  startRecorder: (options: RecorderOptions) => Promise<RecorderHandle>;
  openWriter: (start: RecordingStart) => Promise<RecordingWriter>;
}): RecordingDriver {
  return {
    needsTabInFront: import.meta.env.FIREFOX,
    readTab: async (tabId) => {
      const facts = await readTab(tabId);
      if (!facts) return null;
      const tab = await browser.tabs.get(tabId).catch(() => null);
      return { ...facts, title: tab?.title ?? '' };
    },
    blockReason: async (url) => captureBlockReason(url, await browser.extension.isAllowedFileSchemeAccess().catch(() => false)),
    isLocked,
    caseId: async () => (await (await openStore()).ensureDefaultCase({ title: translateCore(options.lang, 'case.defaultTitle'), role: options.role })).id,
    startRecorder: options.startRecorder,
    openWriter: options.openWriter,
    watch,
    watchLock: (onLocked) => watchLock(() => void isLocked().then((locked) => locked && onLocked(), () => undefined)),
    clock: {
      now: () => performance.now(),
      every: (ms, run) => {
        const timer = setInterval(run, ms);
        return () => clearInterval(timer);
      },
    },
    now: () => new Date(),
  };
}

/** Firefox: frames of the tab with tabs.captureTab (JPEG: it encodes several times faster than PNG). */
export function captureTabGrabber(tabId: number): { grab(): Promise<ImageBitmap> } {
  const tabs = browser.tabs as unknown as { captureTab(tabId: number, options: { format: 'jpeg'; quality: number }): Promise<string> };
  return {
    grab: async () => {
      return decode(await tabs.captureTab(tabId, { format: 'jpeg', quality: 92 }));
    },
  };
}
