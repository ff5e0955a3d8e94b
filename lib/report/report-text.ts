/**
 * The "report text": what the person pastes into a platform's report form or e-mail. Pure: everything it says
 * comes from its input, so it is tested without a browser.
 *
 * It gives the identifiers the platform's forms ask for (links first: Discord's Trust & Safety wants message
 * links, X wants post URLs and @handles), the items the person selected, and the captures kept as evidence with
 * their time and SHA-256, so the platform (or later the police) can match a report with the evidence.
 */
import type { PlatformGuide } from '../guide/types';
import { translate, type MessageKey, type Lang } from '../i18n';
import type { ExtractedItem, IdentifierField, IdentifierKey, ItemKind } from '../platforms/types';

/** One capture, as much of it as a report needs. */
export interface ReportCapture {
  capturedAt: string;
  url: string;
  files: ReadonlyArray<{ name: string; sha256: string }>;
}

export interface ReportInput {
  /** The language to write in: see `reportLanguage`. */
  lang: Lang;
  platformName: string;
  /** Identifiers of the page itself (from its URL); may be empty. */
  pageFields: readonly IdentifierField[];
  /** The items the person selected. */
  items: readonly ExtractedItem[];
  captures: readonly ReportCapture[];
}

/** The platform's required report language (Snapchat: English) wins over the interface language. */
export function reportLanguage(guide: PlatformGuide | undefined, chosen: Lang): Lang {
  return guide?.reportLanguage ?? chosen;
}

export function identifierLabel(lang: Lang, key: IdentifierKey): string {
  return translate(lang, `id.${key}` as MessageKey);
}

/** What an item is, in words ("Comment"): said where a list mixes kinds (a video's author above its comments). */
export function itemKindLabel(lang: Lang, kind: ItemKind): string {
  return translate(lang, `item.${kind}` as MessageKey);
}

/** True when the items are not all of one kind, so that each must say what it is. */
export function mixesKinds(items: readonly ExtractedItem[]): boolean {
  return items.some((item) => item.kind !== items[0]?.kind);
}

/** "Label: value" for each field, as a form or an e-mail reads it. */
export function fieldLines(lang: Lang, fields: readonly IdentifierField[], indent = ''): string[] {
  return fields.map((field) => `${indent}${identifierLabel(lang, field.key)}: ${field.value}`);
}

/**
 * An item's fields, with an explicit "unknown" user id for a message whose author's avatar carried none: the
 * platform then knows it was looked for, not forgotten. Only where messages have ids (Discord): the chat apps that
 * publish none have no user ids either, and "unknown" would say one exists.
 */
export function itemFields(lang: Lang, item: ExtractedItem): IdentifierField[] {
  const fields = [...item.fields];
  const hasIds = fields.some((field) => field.key === 'messageId');
  if (item.kind === 'message' && hasIds && !fields.some((field) => field.key === 'userId')) {
    const authorIndex = fields.findIndex((field) => field.key === 'authorName');
    const unknown: IdentifierField = { key: 'userId', value: translate(lang, 'ids.unknown') };
    fields.splice(authorIndex === -1 ? fields.length : authorIndex + 1, 0, unknown);
  }
  return fields;
}

export function buildReportText(input: ReportInput): string {
  const { lang } = input;
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(lang, key, params);
  const lines: string[] = [t('report.heading', { platform: input.platformName }), '', t('report.intro')];

  if (input.pageFields.length > 0) {
    lines.push('', `${t('report.page')}:`, ...fieldLines(lang, input.pageFields, '- '));
  }

  if (input.items.length > 0) {
    lines.push('', `${t('report.items', { count: input.items.length })}:`);
    const mixed = mixesKinds(input.items);
    input.items.forEach((item, index) => {
      const fields = fieldLines(lang, itemFields(lang, item));
      // In a list of one kind the first field heads the item; in a mixed list, what the item is.
      const [head, rest] = mixed ? [itemKindLabel(lang, item.kind), fields] : [fields[0] ?? item.key, fields.slice(1)];
      lines.push(`${index + 1}. ${head}`, ...rest.map((line) => `   ${line}`));
    });
  }

  lines.push('', `${t('report.captures')}:`);
  if (input.captures.length === 0) lines.push(t('report.noCaptures'));
  for (const capture of input.captures) {
    lines.push(`- ${capture.capturedAt} - ${capture.url}`);
    for (const file of capture.files) lines.push(`  ${file.name}: ${file.sha256}`);
  }
  return `${lines.join('\n')}\n`;
}

/** "Copy all": every identifier on the panel, page first, then each item, as plain lines. */
export function allIdentifiersText(lang: Lang, pageFields: readonly IdentifierField[], items: readonly ExtractedItem[]): string {
  const blocks = [fieldLines(lang, pageFields).join('\n')];
  const mixed = mixesKinds(items);
  for (const item of items) {
    const lines = fieldLines(lang, itemFields(lang, item));
    blocks.push((mixed ? [itemKindLabel(lang, item.kind), ...lines] : lines).join('\n'));
  }
  return `${blocks.filter((block) => block !== '').join('\n\n')}\n`;
}
