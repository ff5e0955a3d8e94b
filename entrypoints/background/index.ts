/**
 * The background: answers the other contexts through one router (lib/messaging/router.ts), runs captures
 * (capture-port.ts), keeps the toolbar button in step with the platform of each
 * tab and with discreet mode (toolbar.ts), and opens the welcome page once, right after installation.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { startRouter } from '../../lib/messaging/router';
import { forgetSelectionsOfClosedTabs } from '../../lib/browser/selection';
import { serveAgentPort } from '../../lib/browser/capture/driver';
import { applyAgentStyle, finishPutBacks, takePutBack } from '../../lib/capture/agent-style';
import { browserReinjectionDeps, injectIntoOpenTabs } from '../../lib/browser/content-reinjection';
import { tabStreamEnded } from '../../lib/browser/capture/tab-stream-client';
import { serveCapturePort, setUpCaptures } from './capture-port';
import { serveRecordingPort, setUpRecordings } from './recording-port';
import { serveRecordingChunksPort } from '../../lib/browser/recording/offscreen-client';
import { onQuickExitLock, quickExit } from './quick-exit';
import { keySession, openStore } from '../../lib/browser/evidence';
import { lock } from '../../lib/browser/lock';
import { runTimestamps, startTimestamping } from '../../lib/browser/timestamping';
import { removeOwnVisitsAsRecorded } from '../../lib/browser/own-history';
import { loadSettings } from '../../lib/browser/settings';
import { keepToolbarLook, showPageOnToolbar } from './toolbar';

export default defineBackground(() => {
  startRouter(
    {
      'page-info': (info, sender) => {
        // The tab may have closed meanwhile; the badge then has nowhere to go, which is fine.
        if (sender.tab?.id !== undefined) showPageOnToolbar(sender.tab.id, info).catch(() => undefined);
      },
      'quick-exit': ({ tabId }, sender) => quickExit(tabId, sender.tab?.id),
      'tab-stream-ended': ({ key }) => tabStreamEnded(key),
      'agent-style': (change, sender) => applyAgentStyle(sender.tab?.id, change),
      'page-put-back': (_request, sender) => takePutBack(sender.tab?.id),
      // The manager opened: every pending timestamp is tried now, not at its next retry.
      'timestamps-run': () => void runTimestamps({ all: true }),
    },
    { capture: serveCapturePort, recording: serveRecordingPort, 'recording-chunks': serveRecordingChunksPort, 'capture-agent': serveAgentPort },
  );
  // Discreet mode: the toolbar button's look, and each visit of our pages out of the history as it is recorded.
  keepToolbarLook();
  removeOwnVisitsAsRecorded(async () => (await loadSettings()).discreetMode);
  setUpCaptures();
  setUpRecordings();
  // The passphrase lock: forget the key after the idle time (also checked on every use), and on quick exit.
  keySession().startAutoLock();
  onQuickExitLock(lock);
  forgetSelectionsOfClosedTabs();
  // Recordings cut by a crash or a closed browser become marked partial recordings or are removed; only here, in
  // the background, where recordings are written (a page would not know which are still being recorded). Then
  // the chunks of an import cut off before its transaction are removed (a live import's are left alone).
  void openStore()
    .then(async (store) => {
      await store.recoverInterruptedRecordings().catch(() => undefined);
      await store.sweepOrphanChunks();
    })
    .catch(() => undefined);
  startTimestamping();
  // Pages a capture could not put back itself (Firefox ended it with the add-on's reload or update).
  void finishPutBacks().catch(() => undefined);

  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') {
      browser.tabs.create({ url: browser.runtime.getURL('/manager.html#welcome') }).catch(() => undefined);
    }
    // Chrome: platform pages open before this install, update or reload get their content script now.
    if (!import.meta.env.FIREFOX && (reason === 'install' || reason === 'update')) {
      void injectIntoOpenTabs(browserReinjectionDeps()).catch(() => undefined);
    }
  });
});
