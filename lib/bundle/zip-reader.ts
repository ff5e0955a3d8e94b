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
import { MAX_BUNDLE_ENTRIES, MAX_ENTRY_NAME } from './limits';
import { Pacer, type WorkControl } from '../pacer';

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

/** An entry whose headers were all checked; its data not read yet. */
export interface LocatedEntry {
  name: string;
  crc: number;
  dataStart: number;
  size: number;
}

/** A ZIP whose structure was checked (openZip): its entries in file order, nothing hashed yet. */
export interface OpenedZip {
  source: Blob;
  entries: LocatedEntry[];
  /** Reads ranges of the source (a small file from memory). */
  read: ByteReader;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const DESCRIPTOR = 0x08074b50;
const END = 0x06054b50;
const END_SIZE = 22;
const CENTRAL_SIZE = 46;
const LOCAL_SIZE = 30;
const DESCRIPTOR_SIZE = 16;
const VERSION = 20;
/** Bit 3: sizes and CRC in a data descriptor after the data (how a streaming writer works). */
const FLAGS = 0x0008;
/** Bytes read at a time in the pass over the whole file, and at most in one read of headers. */
const READ_SIZE = 1 << 20;
/** Bytes hashed between two chances for the page to run (a few milliseconds of work). */
const HASH_STEP = 64 * 1024;
/** Headers closer than this share one read (the bytes between are read and skipped: cheaper than another read). */
const READ_GAP = 64 * 1024;

/** Checks the structure (openZip), then hashes every entry (hashZip). */
export async function readZip(source: Blob, control: WorkControl = {}): Promise<ZipContents> {
  return hashZip(await openZip(source, control), control);
}

/**
 * Every header field checked (end record, table of contents, local headers, data descriptors); nothing hashed.
 * Limits first: the entry count from the end record, then names and sizes from the table of contents, refused
 * before a single local header is read. Then the local headers and descriptors, many per read.
 * Throws BundleError ('not-a-zip', 'truncated', 'damaged', 'too-many-files', 'unexpected-file').
 */
export async function openZip(source: Blob, control: WorkControl = {}): Promise<OpenedZip> {
  const pacer = new Pacer(control);
  const bytesAt = await byteReader(source);
  const { count, cdOffset, cdSize } = await readEnd(source.size, bytesAt);
  const located = await readDirectory(await bytesAt(cdOffset, cdSize), count, cdOffset, pacer);
  await checkLocalHeaders(located, bytesAt, pacer);
  return { source, entries: located.map(({ name, crc, dataStart, size }) => ({ name, crc, dataStart, size })), read: bytesAt };
}

/**
 * ONE pass over the file, a megabyte at a time, hashes the whole file and checks each entry's CRC-32 and hashes
 * it: a bundle of any size is never held in memory, and the page gets its turn every few milliseconds.
 */
export async function hashZip(zip: OpenedZip, control: WorkControl = {}): Promise<ZipContents> {
  const { source, entries: located, read: bytesAt } = zip;
  const pacer = new Pacer(control);
  const whole = sha256.create();
  const sums = located.map(() => ({ crc: 0xffffffff, hash: sha256.create() }));
  let next = 0;
  for (let offset = 0; offset < source.size; offset += READ_SIZE) {
    await pacer.breathe();
    const piece = await bytesAt(offset, Math.min(READ_SIZE, source.size - offset));
    for (let step = 0; step < piece.length; step += HASH_STEP) {
      await pacer.breathe();
      whole.update(piece.subarray(step, step + HASH_STEP));
    }
    const pieceEnd = offset + piece.length;
    // Entries are in file order and do not overlap: feed each the part of this piece that is its data.
    for (let i = next; i < located.length && located[i]!.dataStart < pieceEnd; i++) {
      const entry = located[i]!;
      const from = Math.max(entry.dataStart, offset);
      const to = Math.min(entry.dataStart + entry.size, pieceEnd);
      for (let at = from; at < to; at += HASH_STEP) {
        await pacer.breathe();
        const part = piece.subarray(at - offset, Math.min(at + HASH_STEP, to) - offset);
        sums[i]!.crc = crc32Update(sums[i]!.crc, part);
        sums[i]!.hash.update(part);
      }
      if (entry.dataStart + entry.size <= pieceEnd) next = i + 1;
    }
    pacer.progress(pieceEnd, source.size);
  }
  const entries = located.map((entry, i) => {
    checkCrc(entry, (sums[i]!.crc ^ 0xffffffff) >>> 0);
    return { name: entry.name, data: entryData(zip, entry), sha256: bytesToHex(sums[i]!.hash.digest()) };
  });
  return { entries, sha256: bytesToHex(whole.digest()) };
}

/** One entry's bytes, its CRC-32 checked (in steps, the page getting its turn): for manifest.json, read first. */
export async function readEntry(zip: OpenedZip, entry: LocatedEntry, control: WorkControl = {}): Promise<Uint8Array> {
  const pacer = new Pacer(control);
  const data = (await zip.read(entry.dataStart, entry.size)).slice();
  let crc = 0xffffffff;
  for (let at = 0; at < data.length; at += HASH_STEP) {
    await pacer.breathe();
    crc = crc32Update(crc, data.subarray(at, at + HASH_STEP));
  }
  checkCrc(entry, (crc ^ 0xffffffff) >>> 0);
  return data;
}

function entryData(zip: OpenedZip, entry: LocatedEntry): Blob {
  return zip.source.slice(entry.dataStart, entry.dataStart + entry.size);
}

function checkCrc(entry: LocatedEntry, actual: number): void {
  if (actual !== entry.crc) {
    throw new BundleError('file-changed', `The content changed: its CRC-32 is ${hex32(actual)}, the ZIP recorded ${hex32(entry.crc)}.`, entry.name);
  }
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

const damaged = (detail: string, path?: string) => new BundleError('damaged', detail, path);

/** The first bytes and the end record: where the table of contents is, and how many entries it lists. */
async function readEnd(size: number, bytesAt: ByteReader): Promise<{ count: number; cdOffset: number; cdSize: number }> {
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
  const count = endView.getUint16(10, true);
  const cdSize = endView.getUint32(12, true);
  const cdOffset = endView.getUint32(16, true);
  if (endView.getUint16(4, true) !== 0 || endView.getUint16(6, true) !== 0) throw damaged('Disk numbers of a multi-part ZIP.', 'end of ZIP');
  if (endView.getUint16(8, true) !== count) throw damaged('The two entry counts differ.', 'end of ZIP');
  if (endView.getUint16(20, true) !== 0) throw damaged('A ZIP comment was added.', 'end of ZIP');
  if (count > MAX_BUNDLE_ENTRIES) {
    throw new BundleError('too-many-files', `${count} entries; a bundle holds at most ${MAX_BUNDLE_ENTRIES}.`, 'end of ZIP');
  }
  if (cdOffset + cdSize !== end) {
    throw damaged(`The table of contents should end at byte ${end}, not ${cdOffset + cdSize}.`, 'end of ZIP');
  }
  if (cdSize > count * (CENTRAL_SIZE + MAX_ENTRY_NAME)) {
    throw damaged(`A table of contents of ${cdSize} bytes for ${count} entries: longer than a bundle's.`, 'end of ZIP');
  }
  return { count, cdOffset, cdSize };
}

/** An entry as the table of contents describes it, with where its local header and data descriptor must be. */
interface Listed extends LocatedEntry {
  rawName: Uint8Array;
  localAt: number;
  descriptorAt: number;
  time: number;
}

/**
 * Every field of the table of contents, in memory: names (ASCII, at most MAX_ENTRY_NAME, each once), and where
 * each entry must start, so that the entries tile the file up to the table exactly. Nothing else is read.
 */
async function readDirectory(cd: Uint8Array, count: number, cdOffset: number, pacer: Pacer): Promise<Listed[]> {
  const cdSize = cd.length;
  const view = new DataView(cd.buffer, cd.byteOffset, cd.byteLength);
  const u32 = (at: number) => view.getUint32(at, true);
  const u16 = (at: number) => view.getUint16(at, true);
  const listed: Listed[] = [];
  const names = new Set<string>();
  let central = 0;
  let local = 0;
  for (let i = 0; i < count; i++) {
    await pacer.breathe();
    const where = `entry ${i + 1}`;
    if (central + CENTRAL_SIZE > cdSize || u32(central) !== CENTRAL) throw damaged('Broken table of contents.', where);
    const nameLength = u16(central + 28);
    if (nameLength > MAX_ENTRY_NAME) throw damaged(`A name of ${nameLength} bytes; a bundle's are at most ${MAX_ENTRY_NAME}.`, where);
    const nameEnd = central + CENTRAL_SIZE + nameLength;
    if (nameEnd > cdSize) throw damaged('Broken table of contents.', where);
    const rawName = cd.subarray(central + CENTRAL_SIZE, nameEnd);
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
    const dataStart = local + LOCAL_SIZE + nameLength;
    const descriptorAt = dataStart + entrySize;
    if (descriptorAt + DESCRIPTOR_SIZE > cdOffset) {
      throw field(`The entry (${entrySize} bytes from byte ${dataStart}) runs past the ${cdOffset} bytes before the table of contents.`);
    }
    if (names.has(name)) throw new BundleError('unexpected-file', 'The ZIP holds this name twice.', name);
    names.add(name);
    listed.push({ name, crc, dataStart, size: entrySize, rawName, localAt: local, descriptorAt, time: u32(central + 12) });
    local = descriptorAt + DESCRIPTOR_SIZE;
    central = nameEnd;
  }
  if (local !== cdOffset) throw damaged(`${cdOffset - local} bytes are not part of any entry.`, 'end of ZIP');
  if (central !== cdSize) throw damaged('The table of contents has more bytes than its entries.', 'end of ZIP');
  return listed;
}

/**
 * Each entry's local header and data descriptor against its table of contents entry. Headers close together (small
 * files) are read together, up to a megabyte at a time: a bundle of many small files costs a few reads, not two
 * per file.
 */
async function checkLocalHeaders(listed: readonly Listed[], bytesAt: ByteReader, pacer: Pacer): Promise<void> {
  const spans = listed.flatMap((entry) => [
    { from: entry.localAt, to: entry.dataStart, check: (bytes: Uint8Array) => checkLocalHeader(entry, bytes) },
    { from: entry.descriptorAt, to: entry.descriptorAt + DESCRIPTOR_SIZE, check: (bytes: Uint8Array) => checkDescriptor(entry, bytes) },
  ]);
  for (let first = 0; first < spans.length; ) {
    let last = first;
    while (last + 1 < spans.length && spans[last + 1]!.from - spans[last]!.to <= READ_GAP && spans[last + 1]!.to - spans[first]!.from <= READ_SIZE) last++;
    await pacer.breathe();
    const from = spans[first]!.from;
    const bytes = await bytesAt(from, spans[last]!.to - from);
    for (let i = first; i <= last; i++) {
      await pacer.breathe();
      spans[i]!.check(bytes.subarray(spans[i]!.from - from, spans[i]!.to - from));
    }
    first = last + 1;
  }
}

function checkLocalHeader(entry: Listed, header: Uint8Array): void {
  const field = (detail: string) => damaged(detail, entry.name);
  const lv = new DataView(header.buffer, header.byteOffset, header.byteLength);
  if (lv.getUint32(0, true) !== LOCAL) throw field('Local header signature.');
  if (lv.getUint16(4, true) !== VERSION) throw field('"version needed" in the local header.');
  if (lv.getUint16(6, true) !== FLAGS) throw field('Flags in the local header.');
  if (lv.getUint16(8, true) !== 0) throw field('Compression method in the local header.');
  if (lv.getUint32(10, true) !== entry.time) throw field('Modification time differs between the two headers.');
  if (lv.getUint32(14, true) !== 0 || lv.getUint32(18, true) !== 0 || lv.getUint32(22, true) !== 0) {
    throw field('CRC or sizes in the local header (they belong in the data descriptor).');
  }
  if (lv.getUint16(26, true) !== entry.rawName.length || lv.getUint16(28, true) !== 0) throw field('Name length or extra field in the local header.');
  if (!equalBytes(header.subarray(LOCAL_SIZE), entry.rawName)) throw field('The name differs between the two headers.');
}

function checkDescriptor(entry: Listed, descriptor: Uint8Array): void {
  const field = (detail: string) => damaged(detail, entry.name);
  const dv = new DataView(descriptor.buffer, descriptor.byteOffset, descriptor.byteLength);
  if (dv.getUint32(0, true) !== DESCRIPTOR) throw field('Data descriptor signature.');
  if (dv.getUint32(4, true) !== entry.crc) throw field('CRC-32 differs between the data descriptor and the table of contents.');
  if (dv.getUint32(8, true) !== entry.size || dv.getUint32(12, true) !== entry.size) {
    throw field('Sizes differ between the data descriptor and the table of contents.');
  }
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
