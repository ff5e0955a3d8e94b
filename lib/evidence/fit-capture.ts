/**
 * A capture record fitted to the evidence schema's text rules (text.ts) before it is stored: what a page gave is
 * cut to its limit, and an identifier no platform issues is left out.
 */
import { CONTROL_OR_FORMAT, FREE_TEXT_IDENTIFIER_KEYS, fitText, hasUnsafeIdentifierCharacter, TEXT_LIMITS } from './text';
import type { CaptureRecord, IdentifierField, ParsedUrl } from './types';

/** Whether an identifier's value can stand as one: free text fitted, identifiers without unsafe characters. */
function usableIdentifier(field: IdentifierField): boolean {
  if (FREE_TEXT_IDENTIFIER_KEYS.includes(field.key)) return true;
  return field.value.length <= TEXT_LIMITS.identifier && !hasUnsafeIdentifierCharacter(field.value);
}

function fitField(field: IdentifierField): IdentifierField {
  return FREE_TEXT_IDENTIFIER_KEYS.includes(field.key) ? { ...field, value: fitText(field.value, TEXT_LIMITS.identifier) } : field;
}

function fitFields(fields: readonly IdentifierField[]): IdentifierField[] {
  return fields.filter(usableIdentifier).map(fitField);
}

/** An address with every control or format character percent-encoded (as a browser writes it), then cut. */
function fitUrl(url: string): string {
  const encoded = url.replace(new RegExp(CONTROL_OR_FORMAT.source, 'gu'), (character) => encodeURIComponent(character));
  return encoded.length <= TEXT_LIMITS.long ? encoded : encoded.slice(0, TEXT_LIMITS.long);
}

function fitParsed(parsed: ParsedUrl): ParsedUrl {
  const ids = Object.fromEntries(
    Object.entries(parsed.ids).filter(([, value]) => typeof value === 'string' && value.length <= TEXT_LIMITS.identifier && !hasUnsafeIdentifierCharacter(value)),
  );
  return {
    ...parsed,
    ids,
    url: fitUrl(parsed.url),
    ...(parsed.target ? { target: { url: fitUrl(parsed.target.url), parsed: parsed.target.parsed ? fitParsed(parsed.target.parsed) : null } } : {}),
  };
}

/**
 * A capture record as a page's texts fit the evidence schema: addresses and titles fitted, identifiers that no
 * platform issues (holding a control or bidi character, or absurdly long) left out. The images and page source,
 * which are the evidence, are untouched; an identifier left out cannot be used in a report form anyway.
 */
export function fitCaptureRecord(record: CaptureRecord): CaptureRecord {
  return {
    ...record,
    requestedUrl: fitUrl(record.requestedUrl),
    finalUrl: fitUrl(record.finalUrl),
    title: fitText(record.title, TEXT_LIMITS.long),
    parsed: record.parsed ? fitParsed(record.parsed) : null,
    identifiers: fitFields(record.identifiers),
    selectedItems: record.selectedItems
      .filter((item) => item.key.length <= TEXT_LIMITS.identifier && !hasUnsafeIdentifierCharacter(item.key))
      .map((item) => ({
        ...item,
        fields: fitFields(item.fields),
        ...(item.excerpt !== undefined ? { excerpt: fitText(item.excerpt, TEXT_LIMITS.identifier) } : {}),
      })),
  };
}
