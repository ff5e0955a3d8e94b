/**
 * report.html and README.txt of an evidence bundle: pure functions of the manifest.
 *
 * The report is self-contained and printable: inline CSS, no script, no external resource (a CSP meta tag
 * forbids them all, so even a mistake in escaping could not run code). Images are referenced by their relative
 * path inside the ZIP (`evidence/<capture>/screenshot.png`), not embedded: embedding would hold every image in
 * memory a second time (as base64, a third larger) and make the report as large as the evidence. So the ZIP must
 * be extracted before opening the report; the README and the report say so. On screen the images are blurred
 * until the person clicks one (a CSS checkbox, no JavaScript); printed, they are shown normally.
 *
 * Every string from a record is attacker-controlled (page titles, URLs, identifiers, notes): all of it goes
 * through `esc`. URLs are shown as text, never as links: no accidental visit to the abusive page.
 */
import { captureTimestampRow, timestampSection } from './report-timestamps';
import type { AuditEntry, CaptureRecord, CapturerRole, FileMeta } from '../evidence/types';
import { catalog, translate, type MessageKey, type Lang } from '../i18n';
import { registry as defaultRegistry, type PlatformRegistry } from '../platforms/registry';
import type { PlatformId } from '../platforms/types';
import { kindLabel } from '../page-label';
import { esc } from './html';
import type { BundleFile, BundleManifest } from './manifest';
import { recordingBlock, recordingDetails } from './report-recording';
import type { CheckedBundleTimestamp } from './timestamps';
import { confirmationDay, type SignerStatus } from './origin';
import { isolate } from '../evidence/text';

/** A platform's display name in the report; reports not tied to a platform ('other') show a dash. */
function platformName(id: PlatformId | 'other', registry: PlatformRegistry): string {
  return id === 'other' ? '-' : registry.byId(id).name;
}

/** Who signs the bundle (signature.ts): the fingerprint printed in the report and README.txt. */
export interface SignedBy {
  fingerprint: string;
}

/** What report.html says beyond the manifest: what this installation checked or knows. */
export interface ReportContext {
  /** Whether each token was made by a real authority (timestamps.ts `checkBundleTimestamps`, run at export). */
  timestampTrust?: readonly CheckedBundleTimestamp[];
  /** For a case imported from a bundle: who signed that bundle, as far as the exporting person confirmed it. */
  origin?: SignerStatus;
}

export function renderReport(
  manifest: BundleManifest,
  lang: Lang = manifest.language,
  signedBy?: SignedBy,
  registry: PlatformRegistry = defaultRegistry,
  context: ReportContext = {},
): string {
  const t = (key: MessageKey, params?: Record<string, string | number>) => esc(translate(lang, key, params));
  const files = new Map(manifest.files.map((file) => [file.fileId, file]));
  const total = manifest.captures.length;
  const lastEntry = manifest.audit.at(-1);

  const head = `<!doctype html>
<html lang="${esc(lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src 'self' file: data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${t('bundle.report.title')}</title>
<style>${STYLE}</style>
</head>
<body>`;

  const caseSection = `
<header>
<h1>${t('bundle.report.title')}</h1>
<p class="warning" role="note">${t('bundle.report.contentWarning')}</p>
</header>
<section>
<h2>${t('bundle.report.case')}</h2>
<dl>
${row(t('bundle.report.caseTitle'), free(manifest.case.title))}
${row(t('bundle.report.caseCreated'), esc(utc(manifest.case.createdAt)))}
${row(t('bundle.report.capturer'), person(lang, manifest.case.capturerRole, manifest.case.capturerName))}
${row(t('bundle.report.exportedAt'), esc(utc(manifest.exportedAt)))}
${row(t('bundle.report.exportedBy'), person(lang, manifest.exportedBy.role, manifest.exportedBy.name))}
${row(t('bundle.report.tool'), esc(`${manifest.tool.name} ${manifest.tool.version}`))}
${row(t('bundle.report.scope'), t(manifest.scope === 'case' ? 'bundle.report.scope.case' : 'bundle.report.scope.selection', { count: total }))}
${manifest.case.imported ? row(t('bundle.report.imported'), t('bundle.report.importedFrom', { sha256: manifest.case.imported.bundleSha256, date: utc(manifest.case.imported.importedAt) }), 'mono') : ''}
${context.origin ? row(t('bundle.report.origin'), originText(context.origin, t)) : ''}
${manifest.case.notes ? row(t('bundle.report.notes'), free(manifest.case.notes), 'pre') : ''}
</dl>
</section>
<section>
<h2>${t('bundle.report.method.title')}</h2>
<p>${t('bundle.report.method.body')}</p>
<h2>${t('bundle.report.verify.title')}</h2>
<p>${t('bundle.report.verify.body')}</p>
<pre class="cmd">sha256sum -c SHA256SUMS</pre>
${signedBy ? signatureSection(signedBy, t) : ''}
${timestampSection(manifest, lang, context.timestampTrust)}
</section>`;

  const reports =
    manifest.reports.length === 0
      ? ''
      : `
<section>
<h2>${t('bundle.report.reports')}</h2>
<table>
<thead><tr><th>${t('bundle.report.platform')}</th><th>${t('bundle.report.reportStatus')}</th><th>${t('bundle.report.reportedOn')}</th><th>${t('bundle.report.reference')}</th><th>${t('bundle.report.answer')}</th></tr></thead>
<tbody>
${manifest.reports
  .map(
    (report) =>
      `<tr><td>${esc(platformName(report.platform, registry))}</td><td>${t(`bundle.report.status.${report.status}`)}</td><td>${esc(report.reportedOn ?? '')}</td><td class="mono">${free(report.reference ?? '')}</td><td class="pre">${free(report.answer ?? '')}</td></tr>`,
  )
  .join('\n')}
</tbody>
</table>
</section>`;

  const captures = manifest.captures
    .map((capture, index) => renderCapture(capture, index, total, lang, files, registry, captureTimestampRow(capture, manifest, lang, context.timestampTrust)))
    .join('\n');

  const audit = `
<section class="audit">
<h2>${t('bundle.report.audit.title')}</h2>
<p>${t('bundle.report.audit.body')}</p>
${lastEntry ? `<p>${t('bundle.report.audit.last', { seq: lastEntry.seq, hash: lastEntry.hash })}</p>` : ''}
<table>
<thead><tr><th>#</th><th>${t('bundle.report.audit.time')}</th><th>${t('bundle.report.audit.action')}</th><th>${t('bundle.report.audit.role')}</th><th>${t('bundle.report.audit.details')}</th><th>SHA-256</th></tr></thead>
<tbody>
${manifest.audit.map((entry) => auditRow(entry, lang)).join('\n')}
</tbody>
</table>
</section>
<footer><p>${t('bundle.report.footer', { tool: `${manifest.tool.name} ${manifest.tool.version}`, date: utc(manifest.exportedAt), format: `${manifest.format} ${manifest.formatVersion}` })}</p></footer>
</body>
</html>
`;

  return `${head}${caseSection}${reports}
<section>
<h2>${t('bundle.report.captures', { count: total })}</h2>
${captures}
</section>${audit}`;
}

function renderCapture(
  capture: CaptureRecord,
  index: number,
  total: number,
  lang: Lang,
  files: Map<string, BundleFile>,
  registry: PlatformRegistry,
  timestampRow = '',
): string {
  const t = (key: MessageKey, params?: Record<string, string | number>) => esc(translate(lang, key, params));
  const kind = capture.parsed ? kindLabel(capture.parsed, lang, registry) : '';
  const screenshots = capture.files.filter((meta) => meta.role === 'screenshot');
  // A recording shows its poster frame where a capture shows its screenshot.
  const pictures = capture.files.filter((meta) => meta.role === 'screenshot' || meta.role === 'poster');
  const method = [
    translate(lang, `bundle.report.mode.${capture.mode}`),
    screenshots.length > 1 ? translate(lang, 'bundle.report.parts', { count: screenshots.length }) : '',
    capture.limitedTo
      ? translate(lang, capture.scroller === 'inner' ? 'bundle.report.limited' : 'bundle.report.limited.top', { screens: capture.limitedTo.screens })
      : '',
    capture.captureMethod ? translate(lang, `bundle.report.method.${capture.captureMethod.method}`) : '',
    capture.captureMethod?.fallback
      ? translate(lang, 'bundle.report.method.fallback', { screen: capture.captureMethod.fallback.fromScreen, reason: capture.captureMethod.fallback.reason })
      : '',
  ]
    .filter(Boolean)
    .join(' ');

  const identifiers = capture.identifiers.length
    ? row(t('bundle.report.identifiers'), fieldList(capture.identifiers, lang))
    : '';
  const items = capture.selectedItems.length
    ? row(
        t('bundle.report.selectedItems'),
        capture.selectedItems
          .map(
            (item) =>
              `<div class="item"><p class="kind">${esc(label(lang, `item.${item.kind}`, item.kind))}</p>${fieldList(item.fields, lang)}${item.excerpt ? `<p class="excerpt" dir="auto">${esc(item.excerpt)}</p>` : ''}</div>`,
          )
          .join(''),
      )
    : '';

  const images = pictures
    .map((meta) => {
      const file = files.get(meta.id);
      if (!file) return '';
      const id = `show-${index + 1}-${meta.part ?? 1}`;
      const caption = meta.role === 'poster' ? t('bundle.report.fileRole.poster') :
        meta.partCount && meta.partCount > 1
          ? t('bundle.report.imagePart', { part: meta.part ?? 1, count: meta.partCount })
          : t('bundle.report.image');
      return `<figure class="shot">
<input type="checkbox" id="${esc(id)}" class="reveal">
<label for="${esc(id)}" class="reveal-button"><span class="when-hidden">${t('bundle.report.showImage')}</span><span class="when-shown">${t('bundle.report.hideImage')}</span></label>
<label for="${esc(id)}" class="frame"><img src="${esc(file.path)}" alt="${caption}: ${esc(file.path)}" loading="lazy"></label>
<figcaption>${caption} · <span class="mono">${esc(file.path)}</span> · ${t('bundle.report.extractFirst')}</figcaption>
</figure>`;
    })
    .join('\n');

  return `<article class="capture">
<h3>${t('bundle.report.capture', { n: index + 1, total })}</h3>
<dl>
${row(t('bundle.report.pageTitle'), free(capture.title))}
${row(t('bundle.report.url'), free(capture.finalUrl), 'mono')}
${capture.requestedUrl !== capture.finalUrl ? row(t('bundle.report.requestedUrl'), free(capture.requestedUrl), 'mono') : ''}
${row(t('bundle.report.timeUtc'), esc(utc(capture.capturedAt)))}
${row(t('bundle.report.timeLocal'), esc(`${capture.localTime.replace('T', ' ')} (${capture.timeZone})`))}
${row(t('bundle.report.platform'), esc(capture.platform ? platformName(capture.platform, registry) : translate(lang, 'bundle.report.noPlatform')) + (kind ? ` - ${esc(kind)}` : ''))}
${identifiers}
${items}
${row(t('bundle.report.method'), esc(method))}
${timestampRow}
${capture.recording ? row(t('bundle.report.recording'), recordingDetails(capture, lang)) : ''}
${row(t('bundle.report.browser'), esc(`${capture.browser.name} ${capture.browser.version}; ${capture.extension.name} ${capture.extension.version}`))}
${row(t('bundle.report.geometry'), t('bundle.report.geometryValue', { viewport: `${capture.viewport.width} × ${capture.viewport.height}`, page: `${capture.page.width} × ${capture.page.height}`, ratio: capture.devicePixelRatio, scale: capture.scale }))}
${capture.notes ? row(t('bundle.report.notes'), free(capture.notes), 'pre') : ''}
</dl>
${recordingBlock(capture, lang, files)}
${images}
<table class="files">
<thead><tr><th>${t('bundle.report.file')}</th><th>${t('bundle.report.fileKind')}</th><th>${t('bundle.report.size')}</th><th>SHA-256</th></tr></thead>
<tbody>
${capture.files.map((meta) => fileRow(meta, files.get(meta.id), lang)).join('\n')}
</tbody>
</table>
</article>`;
}

function fileRow(meta: FileMeta, file: BundleFile | undefined, lang: Lang): string {
  return `<tr><td class="mono">${free(file?.path ?? meta.name)}</td><td>${esc(translate(lang, `bundle.report.fileRole.${meta.role}`))}</td><td>${esc(translate(lang, 'bundle.report.bytes', { n: meta.size }))}</td><td class="mono hash">${esc(meta.sha256)}</td></tr>`;
}

function fieldList(fields: readonly { key: string; value: string }[], lang: Lang): string {
  return `<ul class="fields">${fields
    .map((field) => `<li><span class="key">${esc(label(lang, `id.${field.key}`, field.key))}</span> <span class="mono">${free(field.value)}</span></li>`)
    .join('')}</ul>`;
}

function auditRow(entry: AuditEntry, lang: Lang): string {
  const details = Object.entries(entry.details)
    .map(([key, value]) => `${key}: ${Array.isArray(value) ? value.join(', ') : String(value)}`)
    .join('\n');
  return `<tr><td>${entry.seq}</td><td>${esc(utc(entry.at))}</td><td>${esc(translate(lang, `bundle.report.action.${entry.action}`))}</td><td>${esc(translate(lang, `bundle.report.role.${entry.actorRole}`))}</td><td class="pre details" dir="auto">${esc(details)}</td><td class="mono hash">${esc(entry.hash)}</td></tr>`;
}

function row(term: string, value: string, className = ''): string {
  return `<div><dt>${term}</dt><dd${className ? ` class="${className}"` : ''}>${value}</dd></div>`;
}

/** A message of the catalog, or `fallback` when it has none (labels shared with other parts of the interface). */
function label(lang: Lang, key: string, fallback: string): string {
  return (catalog(lang) as Record<string, string | undefined>)[key] ?? fallback;
}

/** A role, and the person's name as free text (escaped, isolated). */
function person(lang: Lang, role: CapturerRole, name: string | undefined): string {
  const roleText = esc(translate(lang, `bundle.report.role.${role}`));
  return name ? `${roleText}: ${free(name)}` : roleText;
}

/**
 * Free text from a record (a title, a name, a note, an address), escaped and isolated: a right-to-left override in
 * it cannot reorder the text around it.
 */
function free(value: string): string {
  return `<bdi>${esc(value)}</bdi>`;
}

/** 2026-11-28T15:02:11.123Z -> 2026-11-28 15:02:11.123 UTC */
function utc(iso: string): string {
  return `${iso.replace('T', ' ').replace(/Z$/, '')} UTC`;
}

/** Who signed the bundle an imported case came from, as far as the person who imported it confirmed. */
function originText(origin: SignerStatus, t: (key: MessageKey, params?: Record<string, string | number>) => string): string {
  switch (origin.kind) {
    case 'confirmed':
      return t('bundle.report.origin.confirmed', { name: isolate(origin.name), fingerprint: origin.fingerprint, date: confirmationDay(origin.confirmedAt) });
    case 'unconfirmed':
      return t('bundle.report.origin.unconfirmed', { fingerprint: origin.fingerprint });
    case 'unsigned':
      return t('bundle.report.origin.unsigned');
  }
}

function signatureSection(signedBy: SignedBy, t: (key: MessageKey) => string): string {
  return `<h2>${t('bundle.report.signature.title')}</h2>
<p>${t('bundle.report.signature.body')}</p>
<pre class="cmd">openssl dgst -sha256 -verify public-key.pem -signature manifest.json.sig manifest.json
openssl dgst -sha256 -verify public-key.pem -signature SHA256SUMS.sig SHA256SUMS</pre>
<dl>
${row(t('bundle.report.signature.fingerprint'), `<span class="fingerprint">${esc(signedBy.fingerprint)}</span>`, 'mono')}
</dl>`;
}

/** README.txt: the chosen language, then English (anyone receiving the bundle can read one of them). */
export function renderReadme(manifest: BundleManifest, lang: Lang = manifest.language, signedBy?: SignedBy): string {
  const params = {
    tool: manifest.tool.name,
    version: manifest.tool.version,
    date: utc(manifest.exportedAt),
    role: translate(lang, `bundle.report.role.${manifest.exportedBy.role}`),
    format: manifest.format,
    formatVersion: manifest.formatVersion,
  };
  const inLang = (language: Lang, role: string) =>
    [
      translate(language, 'bundle.readme', { ...params, role }),
      ...(signedBy ? [translate(language, 'bundle.readme.signature', { fingerprint: signedBy.fingerprint })] : []),
      ...((manifest.timestamps ?? []).length > 0 ? [translate(language, 'bundle.readme.timestamps')] : []),
    ].join('\n\n');
  const texts = [inLang(lang, params.role)];
  if (lang !== 'en') texts.push(inLang('en', translate('en', `bundle.report.role.${manifest.exportedBy.role}`)));
  // CRLF: README.txt is most often opened with Windows Notepad by the people receiving it.
  return `${texts.join('\n\n----------------------------------------\n\n')}\n`.replace(/\r?\n/g, '\r\n');
}

const STYLE = `
:root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
body { margin: 2rem auto; max-width: 60rem; padding: 0 1rem; line-height: 1.45; color: #1a1a1a; background: #fff; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #ccc; } h3 { font-size: 1.1rem; }
.warning { background: #fff4e5; border-left: 4px solid #b45309; padding: .6rem .8rem; }
dl { margin: 0; } dl > div { display: grid; grid-template-columns: 14rem 1fr; gap: .6rem; padding: .2rem 0; border-bottom: 1px dotted #ddd; }
dt { font-weight: 600; } dd { margin: 0; overflow-wrap: anywhere; }
.mono, .cmd { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .85em; overflow-wrap: anywhere; }
.pre { white-space: pre-wrap; overflow-wrap: anywhere; }
.hash { word-break: break-all; }
.cmd { background: #f3f3f3; padding: .4rem .6rem; }
table { border-collapse: collapse; width: 100%; margin: .8rem 0; font-size: .85rem; }
th, td { border: 1px solid #ccc; padding: .25rem .4rem; text-align: left; vertical-align: top; }
ul.fields { margin: 0; padding-left: 1.1rem; } .key { font-weight: 600; } .excerpt { margin: .2rem 0; color: #444; } .item .kind { margin: .3rem 0 0; font-weight: 600; }
.capture { margin: 1.5rem 0; padding-top: .5rem; border-top: 2px solid #888; }
.shot { margin: 1rem 0; }
.reveal { position: absolute; opacity: 0; width: 1px; height: 1px; }
.reveal-button { display: inline-block; cursor: pointer; padding: .3rem .8rem; border: 1px solid #555; border-radius: .3rem; background: #f3f3f3; margin-bottom: .4rem; }
.reveal:focus-visible + .reveal-button { outline: 3px solid #1d4ed8; outline-offset: 2px; }
.when-shown { display: none; }
.reveal:checked + .reveal-button .when-hidden { display: none; }
.reveal:checked + .reveal-button .when-shown { display: inline; }
.frame { display: block; overflow: hidden; cursor: pointer; border: 1px solid #ccc; }
.frame img { display: block; max-width: 100%; height: auto; filter: blur(28px) grayscale(60%); transform: scale(1.02); }
.reveal:checked ~ .frame img { filter: none; transform: none; }
figcaption { font-size: .8rem; color: #555; }
.audit .details { font-size: .8em; }
footer { margin-top: 2rem; font-size: .8rem; color: #555; }
@media print {
  body { margin: 0; max-width: none; }
  .reveal, .reveal-button { display: none; }
  .frame { border: none; }
  .frame img { filter: none !important; transform: none !important; }
  .capture { break-before: page; }
  tr, .shot { break-inside: avoid; }
}
`;
