/**
 * A look at an age file's header (age-encryption.org/v1) without any key: whether the file is one, and for what
 * kinds of recipients it was made (`scrypt` = a passphrase, `X25519` = public keys), so that the page asks for
 * the right thing. The header is untrusted input: this only reads its shape; the age library checks its MAC.
 *
 * The header is text: `age-encryption.org/v1`, then stanzas `-> <type> <args…>` each followed by base64 body
 * lines (the last one shorter than 64 characters), then `--- <MAC>`; every line ends with `\n`.
 */
export const AGE_MAGIC = 'age-encryption.org/v1\n';
/** The first bytes to read for a peek: enough for a header of a few dozen recipients (ours have one or a few). */
export const HEADER_PEEK_BYTES = 16 * 1024;

export type AgeHeaderPeek =
  | { kind: 'not-age' }
  /** The header does not end within the bytes given (a file cut inside it, or an unreasonably large header). */
  | { kind: 'incomplete' }
  /** `stanzas`: each recipient stanza's type, in order; `length`: the header's bytes, through the MAC line. */
  | { kind: 'age'; stanzas: string[]; length: number };

/** Whether `bytes` (a file's first bytes) start like an age file. */
export function looksLikeAge(bytes: Uint8Array): boolean {
  if (bytes.length < AGE_MAGIC.length) return false;
  for (let i = 0; i < AGE_MAGIC.length; i++) if (bytes[i] !== AGE_MAGIC.charCodeAt(i)) return false;
  return true;
}

/** A file shorter than the magic line that is its beginning: an age file cut in its first line. */
function startsLikeAge(bytes: Uint8Array): boolean {
  return bytes.length > 0 && bytes.length < AGE_MAGIC.length && bytes.every((byte, i) => byte === AGE_MAGIC.charCodeAt(i));
}

/** Reads the header's shape from the file's first bytes (16 KiB is plenty for any file this tool makes). */
export function peekAgeHeader(bytes: Uint8Array): AgeHeaderPeek {
  if (!looksLikeAge(bytes)) return startsLikeAge(bytes) ? { kind: 'incomplete' } : { kind: 'not-age' };
  const stanzas: string[] = [];
  let at = AGE_MAGIC.length;
  let inBody = false;
  for (;;) {
    const end = bytes.indexOf(0x0a, at);
    if (end < 0) return { kind: 'incomplete' };
    const line = ascii(bytes.subarray(at, end));
    if (line === null) return { kind: 'not-age' };
    at = end + 1;
    if (inBody) {
      if (!/^[A-Za-z0-9+/]{0,64}$/.test(line)) return { kind: 'not-age' };
      inBody = line.length === 64;
      continue;
    }
    if (line.startsWith('--- ')) return { kind: 'age', stanzas, length: at };
    const args = line.split(' ');
    if (args[0] !== '->' || args.length < 2 || args.some((arg) => arg === '')) return { kind: 'not-age' };
    stanzas.push(args[1]!);
    inBody = true;
  }
}

/** What the file asks for: a passphrase, one of our keys, or something this tool cannot open. */
export function ageFileNeeds(stanzas: readonly string[]): 'passphrase' | 'key' | 'unsupported' {
  if (stanzas.length === 1 && stanzas[0] === 'scrypt') return 'passphrase';
  if (stanzas.includes('X25519') && !stanzas.includes('scrypt')) return 'key';
  return 'unsupported';
}

function ascii(bytes: Uint8Array): string | null {
  let text = '';
  for (const byte of bytes) {
    if (byte < 0x20 || byte > 0x7e) return null;
    text += String.fromCharCode(byte);
  }
  return text;
}
