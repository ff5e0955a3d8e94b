/** The manager's passphrase forms, used as a person does: typing into the fields, then the buttons. */
import type { DrivenPage } from './driver';
import { showView } from './manager';

/**
 * Types into a field as the person would (Svelte's bindings listen to input events), once it is shown (settings
 * fields appear when their view has read what is stored).
 */
export async function fill(page: DrivenPage, selector: string, value: string): Promise<void> {
  await page.waitFor((css: string) => document.querySelector(css), selector);
  await page.evaluate(
    ({ selector, value }: { selector: string; value: string }) => {
      const input = document.querySelector<HTMLInputElement>(selector);
      if (!input) throw new Error(`No field ${selector}`);
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    },
    { selector, value },
  );
}

export function waitForUnlockForm(page: DrivenPage, timeoutMs = 20_000): Promise<unknown> {
  return page.waitFor(() => document.querySelector('[data-testid="unlock-form"]'), null, timeoutMs);
}

export async function unlockWith(page: DrivenPage, passphrase: string): Promise<void> {
  await waitForUnlockForm(page);
  await fill(page, '[data-testid="unlock-passphrase"]', passphrase);
  await page.click('[data-testid="unlock-submit"]');
}

/** In an open manager: goes to Settings, sets the first passphrase and waits for it to be confirmed. */
export async function setPassphrase(manager: DrivenPage, passphrase: string): Promise<void> {
  await showView(manager, 'settings');
  await fill(manager, '#passphrase-new', passphrase);
  await fill(manager, '#passphrase-confirm', passphrase);
  await manager.click('[data-testid="passphrase-set"]');
  await manager.waitFor(() => document.querySelector('[data-testid="passphrase-done"]'), null, 60_000);
}
