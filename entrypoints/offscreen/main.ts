/**
 * Chrome's offscreen document (lib/browser/offscreen.ts makes and closes it): never shown, it holds what needs a
 * document and the background's service worker cannot have, the media streams of captured tabs. Each feature
 * registers its own messages here; Chrome gives this document chrome.runtime only, the rest comes by message.
 */
import { serveTabStreams } from '../../lib/browser/capture/tab-stream-service';
import { serveRecordings } from '../../lib/browser/recording/offscreen-service';

serveTabStreams();
serveRecordings();
