/**
 * Injected into a tab only when the person asks for a capture (scripting.executeScript, activeTab): see
 * lib/capture/agent.ts. Installing twice is harmless: the second run finds the first.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { CaptureAgent } from '../lib/capture/agent';
import { onMessage } from '../lib/messaging';

// This global lives in the extension's isolated world, invisible to the page's scripts.
const INSTALLED = Symbol.for('capture-and-report.agent');

export default defineUnlistedScript(() => {
  const scope = globalThis as unknown as Record<symbol, boolean>;
  if (scope[INSTALLED]) return;
  scope[INSTALLED] = true;
  const agent = new CaptureAgent(document);

  // Only the background may drive the agent (lib/messaging/protocol.ts).
  onMessage('agent-prepare', () => agent.prepare());
  onMessage('agent-show-tile', (request) => agent.showTile(request.scrollTop, request));
  onMessage('agent-restore', () => {
    agent.restore();
    return true;
  });
  onMessage('agent-serialize', () => agent.serialize());
});
