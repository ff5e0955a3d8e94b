/**
 * Whole-file encryption in the age format (age-encryption.org/v1), streamed both ways, through the reference
 * TypeScript implementation (npm `age-encryption`). Only what the `age` tool of every current system reads:
 * scrypt passphrases and X25519 (`age1…`) recipients; never the hybrid post-quantum ones.
 *
 * The payload is ChaCha20-Poly1305 in 64 KiB chunks, each authenticated, the last one marked final: a changed
 * byte fails its chunk, and a file cut short fails where its end should be. Decryption errors are thrown as
 * AgeError with a code that names what happened (see `AgeErrorCode`).
 */
import { Decrypter, Encrypter } from 'age-encryption';
import { HEADER_PEEK_BYTES, peekAgeHeader } from './age-header';
import { workerPassphraseIdentity } from './age-scrypt';

/** scrypt's work factor (log2 N) for the files we make: age's own default, about 256 MiB and a second or two. */
export const SCRYPT_WORK_FACTOR = 18;
/** Plaintext bytes per payload chunk, and what each chunk adds (its Poly1305 tag). */
export const AGE_CHUNK = 64 * 1024;
const TAG = 16;
const CHUNK_WITH_TAG = AGE_CHUNK + TAG;
/** The random nonce between the header and the payload. */
const NONCE = 16;

export type AgeProtection =
  | { kind: 'passphrase'; passphrase: string }
  /** `age1…` X25519 public keys, checked (age-keys.ts checkRecipientLines). */
  | { kind: 'recipients'; recipients: readonly string[] };

export interface AgeUnlock {
  passphrase?: string;
  /** `AGE-SECRET-KEY-1…` X25519 identities. */
  identities?: readonly string[];
}

export type AgeErrorCode =
  /** Not an age file at all. */
  | 'not-age'
  /** Made for a passphrase, and this one does not open it (or the passphrase part of the header was changed). */
  | 'wrong-passphrase'
  /** Made for public keys, none of which is ours. */
  | 'other-key'
  /** Made for a kind of key this tool does not use (post-quantum, SSH, hardware tokens). */
  | 'unsupported'
  /** The file ends too early, or its last part was changed: a chunk that should be the last does not verify. */
  | 'cut-short'
  /** A byte was changed: the header's MAC or a payload chunk before the last one does not verify. */
  | 'changed';

export class AgeError extends Error {
  override readonly name = 'AgeError';
  constructor(
    readonly code: AgeErrorCode,
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
  }
}

/** The encrypted stream of `plain`. For a passphrase, scrypt runs (synchronously, a second or two) before this resolves. */
export async function encryptStream(
  plain: ReadableStream<Uint8Array>,
  protection: AgeProtection,
  options: { scryptWorkFactor?: number } = {},
): Promise<ReadableStream<Uint8Array>> {
  const encrypter = new Encrypter();
  if (protection.kind === 'passphrase') {
    if (protection.passphrase === '') throw new RangeError('The passphrase is empty.');
    encrypter.setPassphrase(protection.passphrase);
    encrypter.setScryptWorkFactor(options.scryptWorkFactor ?? SCRYPT_WORK_FACTOR);
  } else {
    if (protection.recipients.length === 0) throw new RangeError('No recipient.');
    // addRecipient would also take post-quantum and tag recipients: only plain X25519 keys get this far.
    for (const recipient of protection.recipients) {
      if (!/^age1[02-9ac-hj-np-z]+$/.test(recipient) || recipient.startsWith('age1pq1') || recipient.startsWith('age1tag')) {
        throw new RangeError(`Not an X25519 age recipient: ${recipient.slice(0, 12)}…`);
      }
      encrypter.addRecipient(recipient);
    }
  }
  return encrypter.encrypt(plain);
}

/**
 * The decrypted stream of an age file of `size` bytes. The header is read and the file key unwrapped before
 * this resolves (a wrong passphrase or key is thrown here); payload errors surface while the stream is read, as
 * AgeError 'changed' or 'cut-short'. Whatever came out before such an error is NOT authenticated as a whole:
 * nothing may be kept until the stream has ended without error.
 */
export async function decryptStream(
  cipher: ReadableStream<Uint8Array>,
  size: number,
  unlock: AgeUnlock,
  options: { signal?: AbortSignal } = {},
): Promise<ReadableStream<Uint8Array>> {
  const [head, source] = await splitHead(cipher);
  const header = peekAgeHeader(head);
  if (header.kind === 'not-age') throw new AgeError('not-age', 'The file does not start like an age file.');
  if (header.kind === 'incomplete') throw new AgeError('cut-short', 'The file ends inside its header.');
  const types = header.stanzas;
  if (!types.includes('scrypt') && !types.includes('X25519')) {
    throw new AgeError('unsupported', `Made for ${[...new Set(types)].join(', ') || 'nobody'}.`);
  }
  const decrypter = new Decrypter();
  if (unlock.passphrase !== undefined && types.includes('scrypt')) {
    const inWorker = workerPassphraseIdentity(unlock.passphrase, options.signal);
    if (inWorker) decrypter.addIdentity(inWorker);
    else decrypter.addPassphrase(unlock.passphrase);
  }
  for (const identity of unlock.identities ?? []) decrypter.addIdentity(identity);
  const payloadSize = size - header.length - NONCE;
  const chunks = payloadSize < TAG ? 1 : Math.ceil(payloadSize / CHUNK_WITH_TAG);

  let plain: ReadableStream<Uint8Array>;
  try {
    // In pieces of at most one chunk: each step of the decrypter then authenticates at most one chunk, so the
    // count of bytes that came out tells which chunk failed (see below).
    plain = await decrypter.decrypt(source.pipeThrough(pieces(CHUNK_WITH_TAG)));
  } catch (error) {
    // Cancelled while the passphrase was being checked: said as a cancel, not as a damaged file.
    if (options.signal?.aborted && error === options.signal.reason) throw error;
    const named = headerError(error, types);
    throw named.code === 'changed' && payloadSize < TAG ? cutInHead(size) : named;
  }
  if (payloadSize < TAG) throw cutInHead(size);

  let out = 0;
  const reader = plain.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await reader.read();
      } catch (error) {
        // The decrypter reads one chunk ahead of what it hands out, and holds nothing unread: the chunk that
        // failed is the one after those that came out.
        const failed = Math.floor(out / AGE_CHUNK);
        const message = error instanceof Error ? error.message : String(error);
        controller.error(
          failed >= chunks - 1
            ? new AgeError('cut-short', `Its last chunk (${failed + 1} of ${chunks} for ${size} bytes) does not verify as the last: ${message}.`)
            : new AgeError('changed', `Chunk ${failed + 1} of ${chunks} (about byte ${header.length + NONCE + failed * CHUNK_WITH_TAG}) does not verify: ${message}.`),
        );
        return;
      }
      if (next.done) {
        controller.close();
        return;
      }
      out += next.value.length;
      controller.enqueue(next.value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}

function cutInHead(size: number): AgeError {
  return new AgeError('cut-short', `The file (${size} bytes) ends before its first chunk.`);
}

function headerError(error: unknown, types: readonly string[]): AgeError {
  if (error instanceof AgeError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/no identity matched/.test(message)) {
    return types.includes('scrypt')
      ? new AgeError('wrong-passphrase', 'The passphrase does not open the file.')
      : new AgeError('other-key', `None of the keys tried is one of the file's ${types.length} recipients.`);
  }
  if (/work factor is too high/.test(message)) return new AgeError('unsupported', message);
  return new AgeError('changed', `The header does not verify: ${message}.`);
}

/** Reads the stream's first bytes (enough for any header we accept) and gives them back with the whole stream. */
async function splitHead(stream: ReadableStream<Uint8Array>): Promise<[Uint8Array, ReadableStream<Uint8Array>]> {
  const reader = stream.getReader();
  const held: Uint8Array[] = [];
  let length = 0;
  let done = false;
  while (length < HEADER_PEEK_BYTES && !done) {
    const next = await reader.read();
    if (next.done) done = true;
    else {
      held.push(next.value);
      length += next.value.length;
    }
  }
  const head = new Uint8Array(length);
  let at = 0;
  for (const piece of held) {
    head.set(piece, at);
    at += piece.length;
  }
  const rest = new ReadableStream<Uint8Array>({
    start(controller) {
      if (head.length > 0) controller.enqueue(head);
      if (done) controller.close();
    },
    async pull(controller) {
      const next = await reader.read();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  return [head, rest];
}

/** Splits a byte stream into pieces of at most `size` bytes (views, no copies). */
function pieces(size: number): TransformStream<Uint8Array, Uint8Array> {
  return new TransformStream({
    transform(chunk, controller) {
      for (let at = 0; at < chunk.length; at += size) controller.enqueue(chunk.subarray(at, at + size));
    },
  });
}
