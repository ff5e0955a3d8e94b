/** What each view of the manager is called: in its navigation and as its page heading. */
import type { MessageKey } from '../../lib/i18n';
import type { ManagerView } from '../../lib/manager-route';

export const VIEW_TITLES: Record<ManagerView, MessageKey> = {
  cases: 'manager.cases',
  settings: 'manager.nav.settings',
  help: 'manager.nav.help',
};
