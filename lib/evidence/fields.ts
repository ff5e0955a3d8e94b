/**
 * The building blocks of the evidence schemas (schema.ts): valibot schemas that each carry the plain-English
 * message a bundle reader reports with the field's path ("captures[0].capturedAt: is missing").
 *
 * Every object is strict: an unknown field is refused with its path, never dropped. Evidence should hold
 * nothing unexplained, and a reader that does not know a field cannot vouch for it.
 */
import * as v from 'valibot';
import { SHA256_HEX } from './hash';

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

export function list<T extends v.GenericSchema>(item: T) {
  return v.array(item, 'must be a list');
}

/** One of a fixed list of texts; the message names them all. */
export function oneOf<const T extends readonly string[]>(options: T) {
  return v.picklist(options, `must be one of ${options.join(', ')}`);
}

export const text = v.string('must be text');
export const nonEmptyText = v.pipe(text, v.check((s) => s.trim() !== '', 'must not be empty'));

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
export const nameVersion = record({ name: text, version: text });

export type DetailValue = string | number | boolean | null | string[];

function isDetailValue(value: unknown): value is DetailValue {
  return (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value)) ||
    (Array.isArray(value) && value.every((item) => typeof item === 'string'))
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
    const bad = Object.keys(map).find((key) => !isDetailValue(map[key]));
    if (bad === undefined) return;
    addIssue({
      message: 'must be text, a number, true/false, null or a list of texts',
      path: [{ type: 'object', origin: 'value', input: map, key: bad, value: map[bad] }],
    });
  }),
  v.transform((map) => map as Record<string, DetailValue>),
);
