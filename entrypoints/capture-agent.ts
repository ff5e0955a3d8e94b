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
import { CaptureAgent, styleElementApplier, type ApplyStyle } from '../lib/capture/agent';
import { connectPort, onMessage, sendMessage } from '../lib/messaging';

/**
 * Firefox destroys this script's world at once when the add-on is reloaded or updated, before it can put anything
 * back; but it also takes away every stylesheet the add-on inserted. So there the capture's stylesheet is inserted
 * by the background (scripting.insertCSS), one change after another, and the background keeps what else to put
 * back (the scroll) for the extension's next instance. Chromium leaves this script running after its
 * extension is gone (it ends itself then, see below), yet keeps inserted stylesheets for good: there the script
 * applies the stylesheet itself, as a <style> element it takes away again.
 */
function insertedByTheExtension(): ApplyStyle {
  let inPage = '';
  let changes = Promise.resolve();
  return (css, putBack) => {
    const change = { add: css, remove: inPage, putBack };
    inPage = css;
    changes = changes.then(() => sendMessage('agent-style', change)).then(
      () => undefined,
      () => undefined, // the background is gone: Firefox has taken the stylesheet away with it
    );
    return changes;
  };
}

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
  const agent = new CaptureAgent(document, import.meta.env.FIREFOX ? insertedByTheExtension() : styleElementApplier(document));
  let silence: number | undefined;
  const putBack = () => {
    clearTimeout(silence);
    return agent.restore();
  };
  ctx.onInvalidated(() => void putBack());
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
    silence = ctx.setTimeout(() => void putBack(), SILENCE_MS);
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
    onMessage('agent-restore', async () => {
      await putBack();
      return true as const;
    }),
    onMessage('agent-serialize', () => agent.serialize()),
  ];
  ctx.onInvalidated(() => stops.forEach((stop) => stop()));
});
