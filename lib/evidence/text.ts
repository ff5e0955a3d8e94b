/**
 * How long a text of the evidence may be, and which characters it may hold: the same rules when a person types it,
 * when a capture records what a page gave, and when a bundle is read (fields.ts builds the schemas on them).
 *
 * - Typed texts have the limits of the manager's fields (a case title 200 characters...).
 * - What a page gives (addresses, titles, excerpts) has generous limits no real page reaches; a capture fits what
 *   it records to them (fit-capture.ts), so that every bundle this extension writes is one it can read.
 * - Identifiers (ids, handles, links, media types), addresses and file names hold no control or format character:
 *   no bidi control (U+202A-U+202E, U+2066-U+2069) can make `invoice\u202Egnp.exe` read as "invoiceexe.png".
 *   (A browser's address has none: it percent-encodes them; a capture percent-encodes any in an address it decoded.)
 * - Free text (titles, names, notes) may hold any printable character, bidi controls included (a right-to-left
 *   name is legitimate); it is isolated wherever it is shown (`<bdi>`, `dir="auto"`). C0 and C1 control
 *   characters other than tab and line ends are refused there too.
 */
/** Most characters (UTF-16 code units, as String.length counts) of each kind of text. */
export const TEXT_LIMITS = {
  /** A case title or pseudonym, as typed. */
  title: 200,
  /** A person's or sender's name, as typed. */
  name: 200,
  caseNotes: 10_000,
  /** One note added to a capture, as typed. */
  note: 2_000,
  /** All of a capture's notes. */
  captureNotes: 100_000,
  /** A platform's reference number for a report, as typed. */
  reference: 200,
  /** A platform's answer to a report, as typed. */
  answer: 4_000,
  /** A short label: a date as typed, a program's name or version, a time zone. */
  label: 200,
  /** An address, a page's title, an audit detail. */
  long: 65_536,
  /** An identifier, an item's key or excerpt. */
  identifier: 8_192,
  /** A file name. */
  fileName: 255,
} as const;

/** C0 and C1 control characters, DEL, but not tab, line feed and carriage return. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** Any control or format character (tab and line ends, bidi controls, zero-width characters included). */
export const CONTROL_OR_FORMAT = /[\p{Cc}\p{Cf}]/u;

/** Whether free text holds a control character it may not (anything but tab and line ends). */
export function hasControl(text: string): boolean {
  return CONTROL.test(text);
}

/** Whether a text holds a character no identifier or file name may hold (control, bidi or other format). */
export function hasUnsafeIdentifierCharacter(text: string): boolean {
  return CONTROL_OR_FORMAT.test(text);
}

/** Identifier keys whose values are text as the page shows it, not identifiers (lib/evidence/schema.ts). */
export const FREE_TEXT_IDENTIFIER_KEYS: readonly string[] = ['authorName', 'timeShown'];

/** Free text a page gave, fitted to `max`: forbidden control characters become U+FFFD, the rest is cut. */
export function fitText(text: string, max: number): string {
  const cleaned = text.replace(new RegExp(CONTROL.source, 'g'), '\uFFFD');
  return cleaned.length <= max ? cleaned : cleaned.slice(0, max);
}


/**
 * Free text set apart from the text around it, for places that show plain text (a message, an option): first strong
 * isolate (U+2068) ... pop directional isolate (U+2069), so a right-to-left override inside it cannot reorder
 * what follows. In markup, `<bdi>` or `dir="auto"` does the same.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
