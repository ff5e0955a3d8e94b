/**
 * ECDSA signatures in the two forms in use: WebCrypto's raw `r || s` (IEEE P1363, each integer left-padded to
 * the curve's size) and the DER `ECDSA-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }` (RFC 3279) that
 * `openssl dgst -verify` and X.509 tools expect.
 *
 * Written out here rather than taken from an ASN.1 library: it is two INTEGERs in a SEQUENCE, and the rules that
 * matter (a DER INTEGER is signed, so a value whose top bit is set gets a 0x00 byte in front; leading zero bytes of
 * r or s are dropped; every length is minimal) are easier to test where they are written.
 */

/** P-256: r and s are 32 bytes each in the raw form. */
export const P256_INTEGER_BYTES = 32;

export class SignatureEncodingError extends Error {
  override readonly name = 'SignatureEncodingError';
}

const SEQUENCE = 0x30;
const INTEGER = 0x02;

/** DER of a raw `r || s` signature (each half `integerBytes` long). */
export function rawToDer(raw: Uint8Array, integerBytes = P256_INTEGER_BYTES): Uint8Array<ArrayBuffer> {
  if (raw.length !== 2 * integerBytes) {
    throw new SignatureEncodingError(`A raw signature is ${2 * integerBytes} bytes, not ${raw.length}.`);
  }
  const r = derInteger(raw.subarray(0, integerBytes));
  const s = derInteger(raw.subarray(integerBytes));
  return concat([SEQUENCE], derLength(r.length + s.length), r, s);
}

/** Raw `r || s` of a DER signature. Refuses anything that is not strict DER of two positive integers that fit. */
export function derToRaw(der: Uint8Array, integerBytes = P256_INTEGER_BYTES): Uint8Array<ArrayBuffer> {
  const reader = new DerReader(der);
  const body = reader.element(SEQUENCE, 'SEQUENCE');
  if (!reader.done()) throw new SignatureEncodingError('Bytes after the signature.');
  const inner = new DerReader(body);
  const r = positiveInteger(inner.element(INTEGER, 'INTEGER r'), integerBytes, 'r');
  const s = positiveInteger(inner.element(INTEGER, 'INTEGER s'), integerBytes, 's');
  if (!inner.done()) throw new SignatureEncodingError('More than two integers in the signature.');
  const raw = new Uint8Array(2 * integerBytes);
  raw.set(r, integerBytes - r.length);
  raw.set(s, 2 * integerBytes - s.length);
  return raw;
}

/** A non-negative big-endian integer as a DER INTEGER: minimal, with a 0x00 in front when the top bit is set. */
function derInteger(unsigned: Uint8Array): Uint8Array {
  let start = 0;
  while (start < unsigned.length - 1 && unsigned[start] === 0) start++;
  const digits = unsigned.subarray(start);
  const content = digits[0]! & 0x80 ? concat([0], digits) : digits;
  return concat([INTEGER], derLength(content.length), content);
}

function derLength(length: number): number[] {
  if (length < 0x80) return [length];
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest >>= 8) bytes.unshift(rest & 0xff);
  return [0x80 | bytes.length, ...bytes];
}

/** The magnitude of a DER INTEGER's content, checked positive, minimal and at most `size` bytes. */
function positiveInteger(content: Uint8Array, size: number, name: string): Uint8Array {
  if (content.length === 0) throw new SignatureEncodingError(`Integer ${name} is empty.`);
  if (content[0]! & 0x80) throw new SignatureEncodingError(`Integer ${name} is negative.`);
  if (content.length > 1 && content[0] === 0 && !(content[1]! & 0x80)) {
    throw new SignatureEncodingError(`Integer ${name} has a needless leading zero (not DER).`);
  }
  const magnitude = content[0] === 0 && content.length > 1 ? content.subarray(1) : content;
  if (magnitude.length > size) throw new SignatureEncodingError(`Integer ${name} is longer than ${size} bytes.`);
  return magnitude;
}

class DerReader {
  private offset = 0;
  constructor(private readonly bytes: Uint8Array) {}

  done(): boolean {
    return this.offset === this.bytes.length;
  }

  /** The content of the next element, which must have tag `tag`. */
  element(tag: number, what: string): Uint8Array {
    if (this.bytes[this.offset] !== tag) throw new SignatureEncodingError(`Expected a ${what}.`);
    this.offset++;
    const length = this.length(what);
    if (this.offset + length > this.bytes.length) throw new SignatureEncodingError(`The ${what} is cut short.`);
    const content = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return content;
  }

  private length(what: string): number {
    const first = this.bytes[this.offset++];
    if (first === undefined) throw new SignatureEncodingError(`The ${what} has no length.`);
    if (first < 0x80) return first;
    const count = first & 0x7f;
    if (count === 0 || count > 2) throw new SignatureEncodingError(`The ${what} has an unsupported length form.`);
    let length = 0;
    for (let i = 0; i < count; i++) {
      const byte = this.bytes[this.offset++];
      if (byte === undefined) throw new SignatureEncodingError(`The ${what}'s length is cut short.`);
      length = (length << 8) | byte;
    }
    if (length < 0x80 || (count === 2 && length < 0x100)) {
      throw new SignatureEncodingError(`The ${what}'s length is not minimal (not DER).`);
    }
    return length;
  }
}

function concat(...parts: ArrayLike<number>[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
