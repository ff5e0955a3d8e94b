/**
 * The trusted timestamps in report.html (format version 4): per capture, who stamped its files and when, as far as
 * it was verified; and how to check them with openssl. Pure functions of the manifest and of each token's trust
 * (timestamps.ts `checkBundleTimestamps`, run at export). A token is named after the listed authority whose root its
 * chain reaches, never after the name its certificate gives itself; one that reaches none says so.
 */
import type { CaptureRecord } from '../evidence/types';
import { translate, type Lang, type MessageKey } from '../i18n';
import { authorityById } from '../proof/authorities';
import type { TimestampTrust } from '../proof/timestamp-trust';
import { esc } from './html';
import type { BundleManifest } from './manifest';
import { AUDIT_HEAD_PATH, type BundleTimestamp, type CheckedBundleTimestamp } from './timestamps';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** The capture's "Trusted timestamp" row: per stamped file, by whom and when, or that it is not verified. */
export function captureTimestampRow(capture: CaptureRecord, manifest: BundleManifest, lang: Lang, trust: readonly CheckedBundleTimestamp[] = []): string {
  const paths = new Set(manifest.files.filter((file) => file.captureId === capture.id).map((file) => file.path));
  const tokens = (manifest.timestamps ?? []).filter((entry) => paths.has(entry.stamps));
  if (tokens.length === 0) return '';
  const t: Translate = (key, params) => esc(translate(lang, key, params));
  const lines = tokens.map((token) => `<div class="mono">${esc(token.stamps.slice(token.stamps.lastIndexOf('/') + 1))}: ${describe(token, trustOf(token, trust), t)}</div>`);
  const partial = tokens.length < paths.size ? `<div>${t('timestamps.partial', { stamped: tokens.length, total: paths.size })}</div>` : '';
  return `<div><dt>${t('bundle.report.timestamp')}</dt><dd>${lines.join('')}${partial}</dd></div>`;
}

/** How to check the tokens, and the audit head's, under the bundle's verification section. */
export function timestampSection(manifest: BundleManifest, lang: Lang, trust: readonly CheckedBundleTimestamp[] = []): string {
  const tokens = manifest.timestamps ?? [];
  if (tokens.length === 0) return '';
  const t: Translate = (key, params) => esc(translate(lang, key, params));
  const example = tokens.find((token) => token.stamps !== AUDIT_HEAD_PATH) ?? tokens[0]!;
  const head = tokens.find((token) => token.stamps === AUDIT_HEAD_PATH);
  return `<h2>${t('bundle.report.timestamps.title')}</h2>
<p>${t('bundle.report.timestamps.body')}</p>
<pre class="cmd">openssl ts -verify -data ${esc(example.stamps)} -in ${esc(example.path)} -CAfile &lt;CA&gt;${example.chainPath ? ` -untrusted ${esc(example.chainPath)}` : ''}
openssl ts -reply -in ${esc(example.path)} -text</pre>
${head ? `<p>${t('timestamps.auditHead')}: ${describe(head, trustOf(head, trust), t)} (<span class="mono">${esc(AUDIT_HEAD_PATH)}</span>)</p>` : ''}`;
}

/** A token not checked at all counts as not verified. */
function trustOf(token: BundleTimestamp, trust: readonly CheckedBundleTimestamp[]): TimestampTrust {
  return trust.find((entry) => entry.path === token.path)?.trust ?? { kind: 'unverified', reason: 'unknown-authority' };
}

function describe(token: BundleTimestamp, trust: TimestampTrust, t: Translate): string {
  const time = esc(token.genTime.replace('T', ' ').replace('Z', ' UTC'));
  if (trust.kind === 'unverified') return `${time} · ${t(`timestamps.unverified.${trust.reason}`)}`;
  const authority = authorityById(trust.authorityId)?.name ?? trust.rootName;
  return `${esc(authority)}, ${time} · ${t('timestamps.verifiedTo', { root: trust.rootName })}`;
}
