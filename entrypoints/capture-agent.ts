/**
 * Injected into a tab only when the person asks for a capture (scripting.executeScript, activeTab): see
 * lib/capture/agent.ts. Installing twice is harmless: the second run finds the first.
 */
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { CaptureAgent } from '../lib/capture/agent';
import { isAgentRequest, type AgentRequest, type AgentResponses } from '../lib/messages';

// This global lives in the extension's isolated world, invisible to the page's scripts.
const INSTALLED = Symbol.for('capture-and-report.agent');

export default defineUnlistedScript(() => {
  const scope = globalThis as unknown as Record<symbol, boolean>;
  if (scope[INSTALLED]) return;
  scope[INSTALLED] = true;
  const agent = new CaptureAgent(document);

  async function handle(request: AgentRequest): Promise<AgentResponses[AgentRequest['op']]> {
    switch (request.op) {
      case 'prepare':
        return agent.prepare();
      case 'show-tile':
        return agent.showTile(request.scrollTop, request);
      case 'restore':
        agent.restore();
        return true;
      case 'serialize':
        return agent.serialize();
    }
  }

  browser.runtime.onMessage.addListener((message: unknown) => (isAgentRequest(message) ? handle(message) : undefined));
});
