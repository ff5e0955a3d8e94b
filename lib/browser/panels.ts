/** Opening the extension's other pages from a user's click (both browsers require that gesture). */
import { browser } from 'wxt/browser';
import { managerHash, type ManagerRoute } from '../manager-route';

interface ChromeSidePanel {
  open(options: { tabId?: number; windowId?: number }): Promise<void>;
}
interface FirefoxSidebar {
  open(): Promise<void>;
}

/** Chrome's side panel or Firefox's sidebar. Must be called synchronously from a click handler. */
export async function openSidePanel(tabId: number | null): Promise<void> {
  const api = browser as unknown as { sidePanel?: ChromeSidePanel; sidebarAction?: FirefoxSidebar };
  if (api.sidebarAction) return api.sidebarAction.open();
  if (api.sidePanel) {
    if (tabId !== null) return api.sidePanel.open({ tabId });
    const win = await browser.windows.getCurrent();
    return api.sidePanel.open({ windowId: win.id! });
  }
}

/** The address of the manager's view `route` (lib/manager-route.ts), for links from the other pages. */
export function managerUrl(route: ManagerRoute = { view: 'cases' }): string {
  return `${browser.runtime.getURL('/manager.html')}${managerHash(route)}`;
}

export async function openManager(route?: ManagerRoute): Promise<void> {
  await browser.tabs.create({ url: managerUrl(route) });
}
