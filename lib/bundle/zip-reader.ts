/**
 * A strict reader for the ZIP files writeBundle makes (fflate's streaming Zip, every entry stored): it parses the
 * structure itself instead of trusting an unzip library, because a generic unzipper ignores most header fields
 * (fflate does not even check CRC-32). Here every field is either a fixed value or cross-checked against its copy
 * (local header, data descriptor, central directory), entries must tile the file exactly, and every entry's CRC-32
 * is recomputed; so a single changed byte anywhere in the file is refused, with the entry and field it hit.
 *
 * A ZIP written by another tool (re-packed after extraction) is refused as 'damaged': the bundle to import is the
 * file that was exported, byte for byte.
 */
import { BundleError } from './errors';

export interface ZipEntry {
  name: string;
  /** A view into the ZIP's bytes (stored entries are not copied). */
  data: Uint8Array;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const DESCRIPTOR = 0x08074b50;
const END = 0x06054b50;
const END_SIZE = 22;
const VERSION = 20;
/** Bit 3: sizes and CRC in a data descriptor after the data (how a streaming writer works). */
const FLAGS = 0x0008;

/** Reads every entry, in order; throws BundleError ('not-a-zip', 'truncated', 'damaged', 'file-changed'). */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number) => view.getUint32(at, true);
  const u16 = (at: number) => view.getUint16(at, true);

  if (bytes.length < 4 || u32(0) !== LOCAL) {
    if (bytes.length >= END_SIZE && u32(0) === END) throw new BundleError('not-a-bundle', 'The ZIP file is empty.');
    throw new BundleError('not-a-zip', 'The file does not start like a ZIP file.');
  }
  if (bytes.length < END_SIZE || u32(bytes.length - END_SIZE) !== END) {
    throw new BundleError(
      'truncated',
      `The ZIP file's table of contents is not at its end (${bytes.length} bytes): ` +
        'it was cut off, or its end was damaged.',
    );
  }

  const end = bytes.length - END_SIZE;
  const damaged = (detail: string, path?: string) => new BundleError('damaged', detail, path);
  const count = u16(end + 10);
  const cdSize = u32(end + 12);
  const cdOffset = u32(end + 16);
  if (u16(end + 4) !== 0 || u16(end + 6) !== 0) throw damaged('Disk numbers of a multi-part ZIP.', 'end of ZIP');
  if (u16(end + 8) !== count) throw damaged('The two entry counts differ.', 'end of ZIP');
  if (u16(end + 20) !== 0) throw damaged('A ZIP comment was added.', 'end of ZIP');
  if (cdOffset + cdSize !== end) {
    throw damaged(`The table of contents should end at byte ${end}, not ${cdOffset + cdSize}.`, 'end of ZIP');
  }

  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let central = cdOffset;
  let local = 0;
  for (let i = 0; i < count; i++) {
    const where = `entry ${i + 1}`;
    if (central + 46 > end || u32(central) !== CENTRAL) throw damaged('Broken table of contents.', where);
    const nameLength = u16(central + 28);
    const nameEnd = central + 46 + nameLength;
    if (nameEnd > end) throw damaged('Broken table of contents.', where);
    const name = decodeName(bytes.subarray(central + 46, nameEnd), where);
    const field = (detail: string) => damaged(detail, name);
    const crc = u32(central + 16);
    const size = u32(central + 20);
    if (u16(central + 4) !== VERSION) throw field('"version made by" is not what this tool writes.');
    if (u16(central + 6) !== VERSION) throw field('"version needed" in the table of contents.');
    if (u16(central + 8) !== FLAGS) throw field('Flags in the table of contents.');
    if (u16(central + 10) !== 0) throw field('The entry is compressed; bundles store every file as is.');
    if (u32(central + 24) !== size) throw field('Compressed and original sizes differ in the table of contents.');
    if (u16(central + 30) !== 0 || u16(central + 32) !== 0) throw field('Extra field or comment in the table of contents.');
    if (u16(central + 34) !== 0 || u16(central + 36) !== 0 || u32(central + 38) !== 0) {
      throw field('Disk number or attributes in the table of contents.');
    }
    if (u32(central + 42) !== local) throw field(`The entry should start at byte ${local}, not ${u32(central + 42)}.`);

    // Local header, then the data, then the data descriptor; the next entry starts right after.
    const dataStart = local + 30 + nameLength;
    const descriptor = dataStart + size;
    if (descriptor + 16 > cdOffset) throw field('The entry runs into the table of contents.');
    if (u32(local) !== LOCAL) throw field('Local header signature.');
    if (u16(local + 4) !== VERSION) throw field('"version needed" in the local header.');
    if (u16(local + 6) !== FLAGS) throw field('Flags in the local header.');
    if (u16(local + 8) !== 0) throw field('Compression method in the local header.');
    if (u32(local + 10) !== u32(central + 12)) throw field('Modification time differs between the two headers.');
    if (u32(local + 14) !== 0 || u32(local + 18) !== 0 || u32(local + 22) !== 0) {
      throw field('CRC or sizes in the local header (they belong in the data descriptor).');
    }
    if (u16(local + 26) !== nameLength || u16(local + 28) !== 0) throw field('Name length or extra field in the local header.');
    if (!equalBytes(bytes.subarray(local + 30, dataStart), bytes.subarray(central + 46, nameEnd))) {
      throw field('The name differs between the two headers.');
    }
    if (u32(descriptor) !== DESCRIPTOR) throw field('Data descriptor signature.');
    if (u32(descriptor + 4) !== crc) throw field('CRC-32 differs between the data descriptor and the table of contents.');
    if (u32(descriptor + 8) !== size || u32(descriptor + 12) !== size) {
      throw field('Sizes differ between the data descriptor and the table of contents.');
    }
    if (names.has(name)) throw new BundleError('unexpected-file', 'The ZIP holds this name twice.', name);
    names.add(name);

    const data = bytes.subarray(dataStart, descriptor);
    const actual = crc32(data);
    if (actual !== crc) {
      throw new BundleError(
        'file-changed',
        `The content changed: its CRC-32 is ${hex32(actual)}, the ZIP recorded ${hex32(crc)}.`,
        name,
      );
    }
    entries.push({ name, data });
    local = descriptor + 16;
    central = nameEnd;
  }
  if (local !== cdOffset) throw damaged(`${cdOffset - local} bytes are not part of any entry.`, 'end of ZIP');
  if (central !== end) throw damaged('The table of contents has more bytes than its entries.', 'end of ZIP');
  return entries;
}

function decodeName(raw: Uint8Array, where: string): string {
  // fflate marks UTF-8 names with flag bit 11; bundle names are ASCII, which the flags check enforces.
  for (const byte of raw) {
    if (byte < 0x20 || byte > 0x7e) throw new BundleError('damaged', 'A file name holds a non-ASCII byte.', where);
  }
  return String.fromCharCode(...raw);
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

let table: Uint32Array | undefined;

/** CRC-32 (IEEE 802.3, as in ZIP). */
export function crc32(data: Uint8Array): number {
  table ??= makeTable();
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function makeTable(): Uint32Array {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
}

function hex32(n: number): string {
  return n.toString(16).padStart(8, '0');
}
