/**
 * Injected into a tab only when the person asks for a capture (scripting.executeScript, activeTab): see
 * lib/capture/agent.ts. Installing twice is harmless: the second run finds the first (and reconnects it).
 *
 * The agent holds a port open to the background while it lives: the background learns at once when this document
 * goes away (reload, navigation, crash), and the agent learns when the background goes away (stopped, reloaded).
 * Then, or when no request came for a while during a capture, it puts the page back by itself: no page is ever
 * left changed by us.
 */
import type { Browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { CaptureAgent } from '../lib/capture/agent';
import { connectPort, onMessage } from '../lib/messaging';

// This global lives in the extension's isolated world, invisible to the page's scripts.
const INSTALLED = Symbol.for('capture-and-report.agent');
/** Longer than any gap between two requests of a running capture (pacing, retries, a tall Firefox tile). */
const SILENCE_MS = 15_000;

export default defineUnlistedScript(() => {
  const scope = globalThis as unknown as Record<symbol, (() => void) | undefined>;
  if (scope[INSTALLED]) return scope[INSTALLED]();
  const agent = new CaptureAgent(document);
  let port: Browser.runtime.Port | null = null;
  let silence: ReturnType<typeof setTimeout> | undefined;

  const putBack = () => {
    clearTimeout(silence);
    agent.restore();
  };
  const connect = () => {
    if (port) return;
    try {
      port = connectPort('capture-agent');
    } catch {
      return putBack(); // the extension is gone (updated or reloaded)
    }
    port.onDisconnect.addListener(() => {
      port = null;
      putBack();
    });
  };
  scope[INSTALLED] = connect;
  connect();

  /** Every request restarts the silence timer; the capture's last one (restore) stops it. */
  const heard = () => {
    clearTimeout(silence);
    silence = setTimeout(putBack, SILENCE_MS);
  };

  // Only the background may drive the agent (lib/messaging/protocol.ts).
  onMessage('agent-prepare', () => {
    heard();
    return agent.prepare();
  });
  onMessage('agent-show-tile', (request) => {
    heard();
    return agent.showTile(request.scrollTop, request);
  });
  onMessage('agent-restore', () => {
    putBack();
    return true;
  });
  onMessage('agent-serialize', () => agent.serialize());
});
