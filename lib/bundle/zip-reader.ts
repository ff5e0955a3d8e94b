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
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';
import { BundleError } from './errors';

export interface ZipEntry {
  name: string;
  /** The entry's bytes: a slice of the ZIP file (nothing is copied; read it when needed). */
  data: Blob;
  /** SHA-256 (hex) of the entry's bytes, computed while its CRC-32 was checked. */
  sha256: string;
}

export interface ZipContents {
  entries: ZipEntry[];
  /** SHA-256 (hex) of the whole ZIP file. */
  sha256: string;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const DESCRIPTOR = 0x08074b50;
const END = 0x06054b50;
const END_SIZE = 22;
const VERSION = 20;
/** Bit 3: sizes and CRC in a data descriptor after the data (how a streaming writer works). */
const FLAGS = 0x0008;
/** Bytes read at a time in the pass over the whole file. */
const READ_SIZE = 1 << 20;

interface Located {
  name: string;
  crc: number;
  dataStart: number;
  size: number;
}

/**
 * Reads every entry, in order; throws BundleError ('not-a-zip', 'truncated', 'damaged', 'file-changed'). The
 * headers are read as small slices; then ONE pass over the file, a megabyte at a time, hashes the whole file and
 * checks each entry's CRC-32 and hashes it: a bundle of any size is never held in memory.
 */
export async function readZip(source: Blob): Promise<ZipContents> {
  const bytesAt = await byteReader(source);
  const located = await locateEntries(source, bytesAt);
  const whole = sha256.create();
  const sums = located.map(() => ({ crc: 0xffffffff, hash: sha256.create() }));
  let next = 0;
  for (let offset = 0; offset < source.size; offset += READ_SIZE) {
    const piece = await bytesAt(offset, Math.min(READ_SIZE, source.size - offset));
    whole.update(piece);
    const pieceEnd = offset + piece.length;
    // Entries are in file order and do not overlap: feed each the part of this piece that is its data.
    for (let i = next; i < located.length && located[i]!.dataStart < pieceEnd; i++) {
      const entry = located[i]!;
      const from = Math.max(entry.dataStart, offset);
      const to = Math.min(entry.dataStart + entry.size, pieceEnd);
      if (to > from) {
        const part = piece.subarray(from - offset, to - offset);
        sums[i]!.crc = crc32Update(sums[i]!.crc, part);
        sums[i]!.hash.update(part);
      }
      if (entry.dataStart + entry.size <= pieceEnd) next = i + 1;
    }
  }
  const entries = located.map((entry, i) => {
    const actual = (sums[i]!.crc ^ 0xffffffff) >>> 0;
    if (actual !== entry.crc) {
      throw new BundleError(
        'file-changed',
        `The content changed: its CRC-32 is ${hex32(actual)}, the ZIP recorded ${hex32(entry.crc)}.`,
        entry.name,
      );
    }
    return {
      name: entry.name,
      data: source.slice(entry.dataStart, entry.dataStart + entry.size),
      sha256: bytesToHex(sums[i]!.hash.digest()),
    };
  });
  return { entries, sha256: bytesToHex(whole.digest()) };
}

type ByteReader = (offset: number, length: number) => Promise<Uint8Array>;

/** Reads ranges of the file: a small file is read once and served from memory, a large one slice by slice. */
async function byteReader(source: Blob): Promise<ByteReader> {
  if (source.size <= READ_SIZE) {
    const all = new Uint8Array(await source.arrayBuffer());
    return (offset, length) => Promise.resolve(all.subarray(offset, offset + length));
  }
  return async (offset, length) => new Uint8Array(await source.slice(offset, offset + length).arrayBuffer());
}

/** Every header field checked (end record, table of contents, local headers, data descriptors); nothing hashed. */
async function locateEntries(source: Blob, bytesAt: ByteReader): Promise<Located[]> {
  const size = source.size;
  const start = await bytesAt(0, Math.min(size, END_SIZE));
  const startView = new DataView(start.buffer, start.byteOffset, start.byteLength);
  if (start.length < 4 || startView.getUint32(0, true) !== LOCAL) {
    if (start.length >= END_SIZE && startView.getUint32(0, true) === END) {
      throw new BundleError('not-a-bundle', 'The ZIP file is empty.');
    }
    throw new BundleError('not-a-zip', 'The file does not start like a ZIP file.');
  }
  const endBytes = size >= END_SIZE ? await bytesAt(size - END_SIZE, END_SIZE) : new Uint8Array(0);
  const endView = new DataView(endBytes.buffer, endBytes.byteOffset, endBytes.byteLength);
  if (size < END_SIZE || endView.getUint32(0, true) !== END) {
    throw new BundleError(
      'truncated',
      `The ZIP file's table of contents is not at its end (${size} bytes): ` +
        'it was cut off, or its end was damaged.',
    );
  }

  const end = size - END_SIZE;
  const damaged = (detail: string, path?: string) => new BundleError('damaged', detail, path);
  const count = endView.getUint16(10, true);
  const cdSize = endView.getUint32(12, true);
  const cdOffset = endView.getUint32(16, true);
  if (endView.getUint16(4, true) !== 0 || endView.getUint16(6, true) !== 0) throw damaged('Disk numbers of a multi-part ZIP.', 'end of ZIP');
  if (endView.getUint16(8, true) !== count) throw damaged('The two entry counts differ.', 'end of ZIP');
  if (endView.getUint16(20, true) !== 0) throw damaged('A ZIP comment was added.', 'end of ZIP');
  if (cdOffset + cdSize !== end) {
    throw damaged(`The table of contents should end at byte ${end}, not ${cdOffset + cdSize}.`, 'end of ZIP');
  }

  const cd = await bytesAt(cdOffset, cdSize);
  const view = new DataView(cd.buffer, cd.byteOffset, cd.byteLength);
  const u32 = (at: number) => view.getUint32(at, true);
  const u16 = (at: number) => view.getUint16(at, true);
  const located: Located[] = [];
  const names = new Set<string>();
  let central = 0;
  let local = 0;
  for (let i = 0; i < count; i++) {
    const where = `entry ${i + 1}`;
    if (central + 46 > cdSize || u32(central) !== CENTRAL) throw damaged('Broken table of contents.', where);
    const nameLength = u16(central + 28);
    const nameEnd = central + 46 + nameLength;
    if (nameEnd > cdSize) throw damaged('Broken table of contents.', where);
    const rawName = cd.subarray(central + 46, nameEnd);
    const name = decodeName(rawName, where);
    const field = (detail: string) => damaged(detail, name);
    const crc = u32(central + 16);
    const entrySize = u32(central + 20);
    if (u16(central + 4) !== VERSION) throw field('"version made by" is not what this tool writes.');
    if (u16(central + 6) !== VERSION) throw field('"version needed" in the table of contents.');
    if (u16(central + 8) !== FLAGS) throw field('Flags in the table of contents.');
    if (u16(central + 10) !== 0) throw field('The entry is compressed; bundles store every file as is.');
    if (u32(central + 24) !== entrySize) throw field('Compressed and original sizes differ in the table of contents.');
    if (u16(central + 30) !== 0 || u16(central + 32) !== 0) throw field('Extra field or comment in the table of contents.');
    if (u16(central + 34) !== 0 || u16(central + 36) !== 0 || u32(central + 38) !== 0) {
      throw field('Disk number or attributes in the table of contents.');
    }
    if (u32(central + 42) !== local) throw field(`The entry should start at byte ${local}, not ${u32(central + 42)}.`);

    // Local header, then the data, then the data descriptor; the next entry starts right after.
    const dataStart = local + 30 + nameLength;
    const descriptorAt = dataStart + entrySize;
    if (descriptorAt + 16 > cdOffset) throw field('The entry runs into the table of contents.');
    const header = await bytesAt(local, 30 + nameLength);
    const lv = new DataView(header.buffer, header.byteOffset, header.byteLength);
    if (lv.getUint32(0, true) !== LOCAL) throw field('Local header signature.');
    if (lv.getUint16(4, true) !== VERSION) throw field('"version needed" in the local header.');
    if (lv.getUint16(6, true) !== FLAGS) throw field('Flags in the local header.');
    if (lv.getUint16(8, true) !== 0) throw field('Compression method in the local header.');
    if (lv.getUint32(10, true) !== u32(central + 12)) throw field('Modification time differs between the two headers.');
    if (lv.getUint32(14, true) !== 0 || lv.getUint32(18, true) !== 0 || lv.getUint32(22, true) !== 0) {
      throw field('CRC or sizes in the local header (they belong in the data descriptor).');
    }
    if (lv.getUint16(26, true) !== nameLength || lv.getUint16(28, true) !== 0) throw field('Name length or extra field in the local header.');
    if (!equalBytes(header.subarray(30), rawName)) throw field('The name differs between the two headers.');
    const descriptor = await bytesAt(descriptorAt, 16);
    const dv = new DataView(descriptor.buffer, descriptor.byteOffset, descriptor.byteLength);
    if (dv.getUint32(0, true) !== DESCRIPTOR) throw field('Data descriptor signature.');
    if (dv.getUint32(4, true) !== crc) throw field('CRC-32 differs between the data descriptor and the table of contents.');
    if (dv.getUint32(8, true) !== entrySize || dv.getUint32(12, true) !== entrySize) {
      throw field('Sizes differ between the data descriptor and the table of contents.');
    }
    if (names.has(name)) throw new BundleError('unexpected-file', 'The ZIP holds this name twice.', name);
    names.add(name);
    located.push({ name, crc, dataStart, size: entrySize });
    local = descriptorAt + 16;
    central = nameEnd;
  }
  if (local !== cdOffset) throw damaged(`${cdOffset - local} bytes are not part of any entry.`, 'end of ZIP');
  if (central !== cdSize) throw damaged('The table of contents has more bytes than its entries.', 'end of ZIP');
  return located;
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
  return (crc32Update(0xffffffff, data) ^ 0xffffffff) >>> 0;
}

/** Continues a CRC-32 over more bytes (start with 0xffffffff, finish with `^ 0xffffffff`). */
function crc32Update(start: number, data: Uint8Array): number {
  table ??= makeTable();
  let crc = start;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return crc;
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
