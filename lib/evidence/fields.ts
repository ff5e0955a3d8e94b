/**
 * The building blocks of the evidence schemas (schema.ts): valibot schemas that each carry the plain-English
 * message a bundle reader reports with the field's path ("captures[0].capturedAt: is missing").
 *
 * Every object is strict: an unknown field is refused with its path, never dropped. Evidence should hold
 * nothing unexplained, and a reader that does not know a field cannot vouch for it.
 */
import * as v from 'valibot';
import { SHA256_HEX } from './hash';
import { hasControl, hasUnsafeIdentifierCharacter, TEXT_LIMITS } from './text';

const UTC_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?([+-]\d{2}:\d{2}|Z)$/;
/** A path segment: starts with a letter or digit, then letters, digits, '.', '_', '-' (no '..' tricks, no '/'). */
const SAFE_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A plain object (not a list, not null), whatever its fields. */
const anObject = v.custom<Record<string, unknown>>(isPlainObject, 'must be an object');

/**
 * An object with exactly these fields (`v.optional` for optional ones). Fields are checked in the order given,
 * then unknown fields are refused; valibot's own object check would let a list through, hence `anObject` first.
 */
export function record<const E extends v.ObjectEntries>(entries: E) {
  return v.pipe(
    anObject,
    v.strictObject(entries, (issue) => (issue.expected === 'never' ? 'is not a field of this format version' : 'is missing')),
  );
}

/** A list of at most `max` items (by default more than any real case holds). */
export function list<T extends v.GenericSchema>(item: T, max = 100_000) {
  return v.pipe(v.array(item, 'must be a list'), v.maxLength(max, `must have at most ${max} items`));
}

/** One of a fixed list of texts; the message names them all. */
export function oneOf<const T extends readonly string[]>(options: T) {
  return v.picklist(options, `must be one of ${options.join(', ')}`);
}

export const text = v.string('must be text');
export const nonEmptyText = v.pipe(text, v.check((s) => s.trim() !== '', 'must not be empty'));

// Texts with the limits and characters of text.ts. The length is checked first: a text of megabytes is refused
// before anything reads it.

function atMost(max: number) {
  return v.pipe(text, v.maxLength(max, `must be at most ${max.toLocaleString('en')} characters`));
}

const notEmpty = v.check((s: string) => s.trim() !== '', 'must not be empty');

/** Free text (titles, names, notes): any printable character, bidi controls included; tab and line ends too. */
export function freeText(max: number) {
  return v.pipe(atMost(max), v.check((s) => !hasControl(s), 'must not hold control characters'));
}

export function nonEmptyFreeText(max: number) {
  return v.pipe(freeText(max), notEmpty);
}

/** Free text on one line (what a one-line field lets a person type). */
export function oneLine(max: number) {
  return v.pipe(freeText(max), v.check((s) => !/[\n\r]/.test(s), 'must be one line'));
}

export function nonEmptyOneLine(max: number) {
  return v.pipe(oneLine(max), notEmpty);
}

/** An identifier, address or media type: no control, format or bidi character. */
export function identifier(max: number = TEXT_LIMITS.identifier) {
  return v.pipe(atMost(max), v.check((s) => !hasUnsafeIdentifierCharacter(s), 'must not hold control, format or bidi characters'));
}

export function nonEmptyIdentifier(max: number = TEXT_LIMITS.identifier) {
  return v.pipe(identifier(max), notEmpty);
}

/**
 * A stored file's name: an identifier (no control, format or bidi character). Older records may prefix it with
 * their capture's folder (`<capture id>/screenshot-1.png`); a bundle's paths are made by its exporter, never from it.
 */
export const fileName = nonEmptyIdentifier(TEXT_LIMITS.fileName * 2);

function matching(pattern: RegExp, what: string) {
  return v.pipe(text, v.regex(pattern, `must be ${what}`));
}

export const utcTime = v.pipe(
  matching(UTC_TIME, 'a UTC ISO 8601 time like 2026-11-28T15:02:11.123Z'),
  v.check((s) => !Number.isNaN(Date.parse(s)), 'is not a real date'),
);
export const localTime = matching(LOCAL_TIME, 'a local ISO 8601 time with its offset');
export const sha256 = matching(SHA256_HEX, '64 lowercase hexadecimal digits (SHA-256)');
export const segment = matching(SAFE_SEGMENT, 'letters, digits, . _ - (starting with a letter or digit)');
export const evidencePath = matching(
  /^evidence\/([A-Za-z0-9][A-Za-z0-9._-]{0,199})\/([A-Za-z0-9][A-Za-z0-9._-]{0,199})$/,
  'evidence/<capture id>/<file name>, letters, digits, . _ -',
);

const finiteNumber = v.pipe(v.number('must be a number'), v.finite('must be a number'));
/** Sizes, counts, positions: never negative. */
export const amount = v.pipe(finiteNumber, v.minValue(0, 'must not be negative'));
export const wholeAmount = v.pipe(finiteNumber, v.integer('must be a whole number'), v.minValue(0, 'must not be negative'));
export const positive = v.pipe(finiteNumber, v.gtValue(0, 'must be above 0'));
export const wholePositive = v.pipe(finiteNumber, v.integer('must be a whole number'), v.gtValue(0, 'must be above 0'));

export const size = record({ width: amount, height: amount });
export const nameVersion = record({ name: oneLine(TEXT_LIMITS.label), version: oneLine(TEXT_LIMITS.label) });

export type DetailValue = string | number | boolean | null | string[];

const MAX_DETAIL_KEYS = 100;
const MAX_DETAIL_LIST = 10_000;

function isDetailText(value: unknown): value is string {
  return typeof value === 'string' && value.length <= TEXT_LIMITS.long && !hasControl(value);
}

function isDetailValue(value: unknown): value is DetailValue {
  return (
    value === null ||
    isDetailText(value) ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value)) ||
    (Array.isArray(value) && value.length <= MAX_DETAIL_LIST && value.every(isDetailText))
  );
}

/**
 * A free map of simple values (audit details), checked key by key. Kept as it is: a copying schema would drop
 * keys such as `constructor`, and the audit hash covers every key.
 */
export const detailMap = v.pipe(
  anObject,
  v.rawCheck<Record<string, unknown>>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const map = dataset.value;
    const keys = Object.keys(map);
    if (keys.length > MAX_DETAIL_KEYS) {
      addIssue({ message: `must have at most ${MAX_DETAIL_KEYS} entries` });
      return;
    }
    const bad = keys.find((key) => key.length > 64 || hasUnsafeIdentifierCharacter(key) || !isDetailValue(map[key]));
    if (bad === undefined) return;
    addIssue({
      message: `must be a text (at most ${TEXT_LIMITS.long.toLocaleString('en')} characters, no control characters), a number, true/false, null or a list of such texts`,
      path: [{ type: 'object', origin: 'value', input: map, key: bad, value: map[bad] }],
    });
  }),
  v.transform((map) => map as Record<string, DetailValue>),
);
