/**
 * The trusted timestamps in report.html (format version 4): per capture, who stamped its files, when, and that
 * each token was verified against its file at export (and is again at import); and how to check them with
 * openssl. Pure functions of the manifest.
 */
import type { CaptureRecord } from '../evidence/types';
import { translate, type Lang, type MessageKey } from '../i18n';
import { esc } from './html';
import type { BundleManifest } from './manifest';
import { AUDIT_HEAD_PATH, type BundleTimestamp } from './timestamps';

/** The capture's "Trusted timestamp" row: authority, its time, "verified"; nothing when none of its files has one. */
export function captureTimestampRow(capture: CaptureRecord, manifest: BundleManifest, lang: Lang): string {
  const paths = new Set(manifest.files.filter((file) => file.captureId === capture.id).map((file) => file.path));
  const tokens = (manifest.timestamps ?? []).filter((entry) => paths.has(entry.stamps));
  if (tokens.length === 0) return '';
  const t = (key: MessageKey, params?: Record<string, string | number>) => esc(translate(lang, key, params));
  const lines = tokens.map(
    (token) => `<div class="mono">${esc(token.stamps.slice(token.stamps.lastIndexOf('/') + 1))}: ${describe(token)} · ${t('timestamps.verified')}</div>`,
  );
  const partial = tokens.length < paths.size ? `<div>${t('timestamps.partial', { stamped: tokens.length, total: paths.size })}</div>` : '';
  return `<div><dt>${t('bundle.report.timestamp')}</dt><dd>${lines.join('')}${partial}</dd></div>`;
}

/** How to check the tokens, and the audit head's, under the bundle's verification section. */
export function timestampSection(manifest: BundleManifest, lang: Lang): string {
  const tokens = manifest.timestamps ?? [];
  if (tokens.length === 0) return '';
  const t = (key: MessageKey, params?: Record<string, string | number>) => esc(translate(lang, key, params));
  const example = tokens.find((token) => token.stamps !== AUDIT_HEAD_PATH) ?? tokens[0]!;
  const head = tokens.find((token) => token.stamps === AUDIT_HEAD_PATH);
  return `<h2>${t('bundle.report.timestamps.title')}</h2>
<p>${t('bundle.report.timestamps.body')}</p>
<pre class="cmd">openssl ts -verify -data ${esc(example.stamps)} -in ${esc(example.path)} -CAfile &lt;CA&gt;${example.chainPath ? ` -untrusted ${esc(example.chainPath)}` : ''}
openssl ts -reply -in ${esc(example.path)} -text</pre>
${head ? `<p>${t('timestamps.auditHead')}: ${describe(head)} · ${t('timestamps.verified')} (<span class="mono">${esc(AUDIT_HEAD_PATH)}</span>)</p>` : ''}`;
}

function describe(token: BundleTimestamp): string {
  return `${esc(token.authority)} (${esc(token.authorityUrl)}), ${esc(token.genTime.replace('T', ' ').replace('Z', ' UTC'))}`;
}
