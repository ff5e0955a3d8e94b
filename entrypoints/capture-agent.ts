/**
 * Injected into a tab only when the person asks for a capture (scripting.executeScript, activeTab): see
 * lib/capture/agent.ts. Each injection starts a fresh agent in a WXT content-script context, and starting it ends
 * the agent injected before it in this page (an earlier capture's, or one orphaned by an update of the extension).
 *
 * The agent holds a port open to the background while it lives: the background learns at once when this document
 * goes away (reload, navigation, crash), and the agent learns when the background goes away (stopped, reloaded).
 * Then, or when no request came for a while during a capture, it puts the page back by itself: no page is ever
 * left changed by us, and the agent ends: its listeners and timers stop, quietly (nothing in the page's console),
 * also when its extension was updated or reloaded.
 */
import type { Browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { CaptureAgent } from '../lib/capture/agent';
import { connectPort, onMessage } from '../lib/messaging';

/** Longer than any gap between two requests of a running capture (pacing, retries, a tall Firefox tile). */
const SILENCE_MS = 15_000;

export default defineUnlistedScript(() => {
  let port: Browser.runtime.Port | null = null;
  try {
    // Connected before the older agent ends below: the background then takes that agent's goodbye for an old
    // port's, not for this document going away (which would stop the capture about to start).
    port = connectPort('capture-agent');
  } catch {
    return; // the extension is gone already (updated or reloaded): nothing to do in this page
  }
  // No window message: the page's scripts must not learn that a capture starts (see platform.content.ts).
  const ctx = new ContentScriptContext('capture-agent', { noScriptStartedPostMessage: true });
  const agent = new CaptureAgent(document);
  let silence: number | undefined;
  const putBack = () => {
    clearTimeout(silence);
    agent.restore();
  };
  ctx.onInvalidated(putBack);
  // No background can drive this agent again (a restarted one has no capture for it, and the next capture
  // injects a fresh agent): it ends with its port, whether the background stopped or the extension was reloaded.
  port.onDisconnect.addListener(() => {
    port = null;
    ctx.notifyInvalidated();
  });
  ctx.onInvalidated(() => port?.disconnect()); // ended by a newer agent

  /** Every request restarts the silence timer; the capture's last one (restore) stops it. */
  const heard = () => {
    clearTimeout(silence);
    silence = ctx.setTimeout(putBack, SILENCE_MS);
  };

  // Only the background may drive the agent (lib/messaging/protocol.ts).
  const stops = [
    onMessage('agent-prepare', () => {
      heard();
      return agent.prepare();
    }),
    onMessage('agent-show-tile', (request) => {
      heard();
      return agent.showTile(request.scrollTop, request);
    }),
    onMessage('agent-restore', () => {
      putBack();
      return true;
    }),
    onMessage('agent-serialize', () => agent.serialize()),
  ];
  ctx.onInvalidated(() => stops.forEach((stop) => stop()));
});
