/**
 * What a bundle can hold, decided before any work (issue 24, "limits before work"): the reader refuses a ZIP beyond
 * these from its end record and table of contents alone, and the writer refuses to write one, so that every bundle
 * this extension writes is one it reads. FORMAT.md ("Limits") explains each figure.
 */

/**
 * Entries in one bundle. A capture is three files (screenshot, page, thumbnail) or two (recording, poster), each
 * with at most a token and its chain when timestamped: nine entries, a few more for a long page whose screenshot is
 * in parts (one per canvas-height limit). 10,000 holds over 1,000 ordinary captures, and hundreds of the longest,
 * plus the fixed files; a larger case is exported a selection at a time. A plain ZIP could hold 65,535: a file with more
 * than this ceiling is refused before its table of contents is even read.
 */
export const MAX_BUNDLE_ENTRIES = 10_000;

/**
 * The longest entry name the exporter writes: `evidence/` + a capture folder (200) + `/` + a file name (200) +
 * `.tsa.pem` (a timestamp's chain). Capture folders and file names are cut at 200 by safeSegment (manifest.ts).
 */
export const MAX_ENTRY_NAME = 'evidence/'.length + 200 + 1 + 200 + '.tsa.pem'.length;

/**
 * manifest.json: read whole and parsed on the page, so bounded. A capture takes a few kilobytes of it and an audit
 * entry under one; 10,000 entries' worth of captures with their trail stay well under this. The writer refuses a
 * larger one; the reader refuses it from the table of contents, before reading it.
 */
export const MAX_MANIFEST_BYTES = 32 * 1024 * 1024;
