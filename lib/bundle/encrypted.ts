/**
 * The age layer around a bundle (FORMAT.md, "Encrypted bundles"): on export, the ZIP that writeBundle streams
 * goes through age on its way into a Blob; on import, an age file is decrypted into a plaintext Blob that is
 * authenticated to its last byte BEFORE the ZIP import reads any of it. Both stream: the page holds a few chunks
 * at a time (BlobCollector hands the rest to the browser's blob storage), whatever the size of the case.
 */
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';
import { decryptStream, encryptStream, type AgeProtection, type AgeUnlock } from '../crypto/age-stream';
import { BlobCollector } from './blob-collector';
import type { BundleSink } from './export';
import { Pacer, type WorkControl } from '../pacer';

export type ExportProtection = AgeProtection | { kind: 'none' };

/** Where writeBundle's bytes go, and the file they become. */
export interface BundleOutput {
  sink: BundleSink;
  /**
   * Once writeBundle has returned: the file to save, and the SHA-256 of the encrypted file (null when the file is
   * the ZIP itself, whose hash writeBundle gives).
   */
  finish(): Promise<{ blob: Blob; sha256: string | null }>;
  /** writeBundle failed: drop what was written. */
  abort(reason: unknown): Promise<void>;
}

/** The ZIP as is: pieces of stored files are kept as references to them (see BlobCollector). */
export function plainOutput(): BundleOutput {
  const collector = new BlobCollector();
  return {
    sink: (chunk, _final, origin) => collector.add(chunk, origin),
    finish: () => Promise.resolve({ blob: collector.blob('application/zip'), sha256: null }),
    abort: () => Promise.resolve(),
  };
}

/**
 * The ZIP encrypted with age as it is written. For a passphrase, scrypt runs before this resolves. The writer
 * waits for the encryption (backpressure), so at most a chunk or two is in flight.
 */
export async function encryptedOutput(protection: AgeProtection, options: { scryptWorkFactor?: number } = {}): Promise<BundleOutput> {
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
  const encrypted = await encryptStream(readable, protection, options);
  const writer = writable.getWriter();
  const collected = collect(encrypted, 'application/octet-stream', true);
  // Read only in finish(); until then a failure is kept, not reported as unhandled.
  collected.catch(() => undefined);
  return {
    sink: async (chunk, final) => {
      await writer.ready;
      await writer.write(chunk);
      if (final) await writer.close();
    },
    finish: () => collected,
    abort: async (reason) => {
      await writer.abort(reason).catch(() => undefined);
      await collected.catch(() => undefined);
    },
  };
}

/**
 * Decrypts an age file into a Blob. Resolves only once the whole file has been read and every chunk, the last
 * one included, verified: a file cut short or changed anywhere rejects (AgeError), and nothing of it is returned.
 */
export async function decryptToBlob(file: Blob, unlock: AgeUnlock, control: WorkControl = {}): Promise<Blob> {
  const plain = await decryptStream(file.stream(), file.size, unlock, control.signal ? { signal: control.signal } : {});
  return (await collect(plain, 'application/zip', false, { control, total: file.size })).blob;
}

/**
 * The stream as a Blob, and its SHA-256 when asked for. With `paced`, the page gets its turn between chunks, the
 * progress is reported against `total`, and a cancel stops the stream (nothing of it is returned).
 */
async function collect(
  stream: ReadableStream<Uint8Array>,
  type: string,
  hashed: boolean,
  paced?: { control: WorkControl; total: number },
): Promise<{ blob: Blob; sha256: string | null }> {
  const collector = new BlobCollector();
  const hash = hashed ? sha256.create() : null;
  const reader = stream.getReader();
  const pacer = paced ? new Pacer(paced.control) : null;
  let done = 0;
  for (;;) {
    try {
      await pacer?.breathe();
    } catch (cancelled) {
      await reader.cancel(cancelled).catch(() => undefined);
      throw cancelled;
    }
    const next = await reader.read();
    if (next.done) break;
    hash?.update(next.value);
    collector.add(next.value);
    done += next.value.length;
    if (paced) pacer?.progress(Math.min(done, paced.total), paced.total);
  }
  return { blob: collector.blob(type), sha256: hash ? bytesToHex(hash.digest()) : null };
}
