/**
 * Pages no extension may read or capture. Asking anyway gives a cryptic browser error; we say why instead.
 */
export type BlockReason = 'browser-page' | 'extension-store' | 'file-access' | 'not-web';

const BROWSER_SCHEMES = ['chrome:', 'edge:', 'about:', 'chrome-extension:', 'moz-extension:', 'view-source:', 'devtools:', 'chrome-search:', 'resource:', 'data:', 'blob:', 'javascript:'];

/** Extension galleries are protected by both browsers. */
const STORE_HOSTS = [
  'chromewebstore.google.com',
  'addons.mozilla.org',
  'microsoftedge.microsoft.com',
];

export function captureBlockReason(rawUrl: string | undefined, fileAccessAllowed: boolean): BlockReason | null {
  if (!rawUrl) return null; // Unknown URL: let the capture try, and report its own error.
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return 'not-web';
  }
  if (BROWSER_SCHEMES.includes(url.protocol)) return 'browser-page';
  if (url.protocol === 'file:') return fileAccessAllowed ? null : 'file-access';
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'not-web';
  if (STORE_HOSTS.includes(url.hostname)) return 'extension-store';
  if (url.hostname === 'chrome.google.com' && url.pathname.startsWith('/webstore')) return 'extension-store';
  return null;
}
