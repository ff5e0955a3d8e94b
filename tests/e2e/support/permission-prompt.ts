/**
 * Answering Firefox's permission prompt as the person would. `permissions.request` shows a doorhanger in the
 * browser's own window (Firefox's chrome), which no page can reach; Firefox started with
 * `--remote-allow-system-access` lets WebDriver BiDi run script in that window, where the test finds the prompt
 * and presses its button. Chromium's prompt is a native dialog that nothing in the harness can reach.
 */
import { until } from './driver';
import type { FirefoxExtensionBrowser } from './browsers';

/** The Firefox argument that opens the browser's own windows to WebDriver BiDi. */
export const FIREFOX_SYSTEM_ACCESS = '--remote-allow-system-access';

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

/**
 * Run in each of the browser's own windows: the extension permission prompt shown there, answered with its main
 * ('allow') or secondary ('deny') button; its text and the button's label, or null while none is shown.
 */
const PRESS_PROMPT_BUTTON = `(choice) => {
  for (const browser of gBrowser.browsers) {
    const prompt = PopupNotifications.getNotification('addon-webext-permissions', browser);
    if (!prompt) continue;
    // The message names the add-on where it says '<>'.
    const text = String(prompt.message).replace('<>', prompt.options?.name ?? '');
    const action = choice === 'allow' ? prompt.mainAction : prompt.secondaryActions?.[0];
    // What a click on the button does: its action, then the prompt goes away.
    action.callback({ source: 'button' });
    prompt.remove();
    return { text: String(text), button: action.label };
  }
  return null;
}`;

/** Waits for the extension's permission prompt in any window and answers it; resolves with what it said. */
export async function answerPermissionPrompt(firefox: FirefoxExtensionBrowser, choice: 'allow' | 'deny'): Promise<{ text: string; button: string }> {
  const connection = (firefox.browser as unknown as { connection: BidiConnection }).connection;
  return until(async () => {
    const { result } = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
    for (const context of (result as { contexts: Array<{ context: string }> }).contexts) {
      const { result: evaluated } = await connection.send('script.callFunction', {
        functionDeclaration: PRESS_PROMPT_BUTTON,
        arguments: [{ type: 'string', value: choice }],
        target: { context: context.context },
        awaitPromise: false,
        resultOwnership: 'none',
      });
      const value = (evaluated as { result?: { type: string; value?: Array<[string, { value: string }]> } }).result;
      if (value?.type === 'object' && value.value) {
        const fields = Object.fromEntries(value.value.map(([key, entry]) => [key, entry.value]));
        return { text: fields.text ?? '', button: fields.button ?? '' };
      }
    }
    return null;
  }, 'the extension permission prompt');
}
