/**
 * The manager's views (Cases, Settings, Help and safety), reached as a person reaches them: by a click on its
 * navigation. Tests of the deep links open `manager.html#<view>` themselves.
 */
import type { DrivenPage, ExtensionBrowser } from './driver';

export type ManagerView = 'cases' | 'settings' | 'help';

/**
 * Clicks the navigation's link to `view` and waits until it is the current one. The view's content may still be
 * behind the unlock form (Cases and Settings): callers wait for what they need in it.
 */
export async function showView(manager: DrivenPage, view: ManagerView): Promise<void> {
  const link = `[data-testid="manager-nav"] a[data-view="${view}"]`;
  // A page just opened may not be drawn yet (it reads the chosen language first); Firefox's driver clicks at once.
  await manager.waitFor((css: string) => document.querySelector(css), link);
  await manager.click(link);
  await manager.waitFor((name: string) => document.querySelector(`[data-testid="manager-nav"] a[data-view="${name}"][aria-current="page"]`), view);
}

/** Opens the manager (on Cases, where it opens) and goes to `view` through its navigation. */
export async function openManager(browser: ExtensionBrowser, view: ManagerView = 'cases'): Promise<DrivenPage> {
  const manager = await browser.openExtensionPage('manager.html');
  if (view !== 'cases') await showView(manager, view);
  return manager;
}
