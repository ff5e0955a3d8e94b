/**
 * An age identity for a passphrase whose scrypt runs in a worker (scrypt.worker.ts) where the page can make one:
 * age's own passphrase identity runs scrypt in one piece, holding the page for a second or so. The result is the
 * same file key, or the same errors (by message, as age-stream.ts reads them); a cancel ends the worker at once.
 */
import type { Identity, Stanza } from 'age-encryption';

/** The identity to add for `passphrase`: in a worker when the context has them, else null (age's own, in place). */
export function workerPassphraseIdentity(passphrase: string, signal?: AbortSignal): Identity | null {
  if (typeof Worker === 'undefined') return null;
  return { unwrapFileKey: (stanzas) => unwrapInWorker(passphrase, stanzas, signal) };
}

function unwrapInWorker(passphrase: string, stanzas: Stanza[], signal?: AbortSignal): Promise<Uint8Array | null> {
  if (!stanzas.some((stanza) => stanza.args[0] === 'scrypt')) return Promise.resolve(null);
  signal?.throwIfAborted();
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./scrypt.worker.ts', import.meta.url), { type: 'module' });
    const stop = () => {
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      stop();
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.onmessage = (event: MessageEvent<{ fileKey?: Uint8Array | null; error?: string }>) => {
      stop();
      if (event.data.error !== undefined) reject(new Error(event.data.error));
      else resolve(event.data.fileKey ?? null);
    };
    worker.onerror = (event) => {
      stop();
      reject(new Error(`The passphrase could not be checked: ${event.message}`));
    };
    worker.postMessage({ passphrase, stanzas: stanzas.map((stanza) => ({ args: stanza.args, body: stanza.body })) });
  });
}
