/**
 * The manager's addresses (the part after `#` of manager.html), so that the popup, the side panel and the welcome
 * tab can open the view a person needs: `#cases` (the default), `#case/<id>`, `#settings`, `#settings/<place>`,
 * `#help`, `#help/<place>`, and `#welcome` (the cases with the welcome shown above them, opened once on install).
 * A `<place>` is the id of an element of that view (a field or a section) to bring into view and focus.
 */

export const MANAGER_VIEWS = ['cases', 'settings', 'help'] as const;
export type ManagerView = (typeof MANAGER_VIEWS)[number];

export interface ManagerRoute {
  view: ManagerView;
  /** The case to show (Cases view). */
  caseId?: string;
  /** An element of the view to bring into view and focus. */
  place?: string;
  /** The first start after installation: show the welcome above the cases. */
  welcome?: boolean;
}

/** Places other pages link to, by the element ids the settings view gives them. */
export const SETTINGS_PLACES = {
  passphrase: 'passphrase',
  maxScreens: 'max-screens',
  recordingLength: 'recording-length',
} as const;

/** Ids we make (cases, captures) and element ids: letters, digits, `-`, `_`, `.`; nothing that could mean more. */
const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

function safeId(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(text);
  } catch {
    return undefined;
  }
  return SAFE_ID.test(decoded) ? decoded : undefined;
}

/** The route of `hash` (with or without its `#`); anything unknown opens the cases. */
export function parseManagerHash(hash: string): ManagerRoute {
  const [head = '', rest] = hash.replace(/^#/, '').split(/\/(.*)/s, 2);
  if (head === 'welcome') return { view: 'cases', welcome: true };
  if (head === 'case') {
    const caseId = safeId(rest);
    return caseId ? { view: 'cases', caseId } : { view: 'cases' };
  }
  if (head === 'settings' || head === 'help') {
    const place = safeId(rest);
    return place ? { view: head, place } : { view: head };
  }
  return { view: 'cases' };
}

/** The hash that opens `route` (a welcome is only ever opened by the background, as `#welcome`). */
export function managerHash(route: ManagerRoute): string {
  if (route.welcome) return '#welcome';
  if (route.view === 'cases') return route.caseId ? `#case/${encodeURIComponent(route.caseId)}` : '#cases';
  return route.place ? `#${route.view}/${encodeURIComponent(route.place)}` : `#${route.view}`;
}
