/**
 * PEM (RFC 7468): base64 of DER between `-----BEGIN <label>-----` and `-----END <label>-----`, 64 characters a
 * line, as openssl writes and reads it.
 */
import { fromBase64, toBase64 } from '../crypto/bytes';

/** One PEM block, LF line ends, ending with a line end. */
export function pemEncode(label: string, der: Uint8Array): string {
  const lines = toBase64(der).match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** The DER of every `label` block in `text`, in order (other text between blocks is ignored). */
export function pemDecodeAll(text: string, label: string): Uint8Array<ArrayBuffer>[] {
  const pattern = new RegExp(`-----BEGIN ${label}-----([A-Za-z0-9+/=\\s]*?)-----END ${label}-----`, 'g');
  return [...text.matchAll(pattern)].map((match) => {
    try {
      return fromBase64(match[1]!.replace(/\s+/g, ''));
    } catch {
      throw new RangeError(`A PEM "${label}" block is not valid base64.`);
    }
  });
}

/** The DER of the one `label` block that `text` must hold. */
export function pemDecode(text: string, label: string): Uint8Array<ArrayBuffer> {
  const blocks = pemDecodeAll(text, label);
  if (blocks.length !== 1) throw new RangeError(`Expected one PEM "${label}" block, found ${blocks.length}.`);
  return blocks[0]!;
}
