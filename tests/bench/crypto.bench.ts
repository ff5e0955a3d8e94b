/**
 * Cost of the passphrase lock in Node (WebCrypto = OpenSSL, like the browsers' native code):
 *   npm run bench -- crypto
 * Unlock (PBKDF2-SHA-256, production iteration count), and encrypting / decrypting a 10 MB screenshot.
 * Browsers' figures are of the same order (same primitives); the end-to-end benchmark measures them in place.
 */
import { decryptBlob, encryptBlob } from '../../lib/crypto/cipher';
import { createKeyring, DEFAULT_PBKDF2_ITERATIONS, unlock } from '../../lib/crypto/keys';

async function time<T>(label: string, runs: number, run: () => Promise<T>): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  console.log(`${label}: median ${times[Math.floor(runs / 2)]!.toFixed(1)} ms (min ${times[0]!.toFixed(1)}, max ${times.at(-1)!.toFixed(1)}, ${runs} runs)`);
}

const { record, dataKey } = await createKeyring('a pass phrase for the benchmark');
await time(`unlock, PBKDF2 ${DEFAULT_PBKDF2_ITERATIONS} iterations`, 5, () => unlock(record, 'a pass phrase for the benchmark'));
const bytes = new Uint8Array(10 * 1024 * 1024);
for (let i = 0; i < bytes.length; i += 65536) crypto.getRandomValues(bytes.subarray(i, i + 65536));
const blob = new Blob([bytes], { type: 'image/png' });
const sealed = await encryptBlob(dataKey, blob, 'files/x');
await time('encrypt 10 MB blob', 10, () => encryptBlob(dataKey, blob, 'files/x'));
await time('decrypt 10 MB blob', 10, () => decryptBlob(dataKey, sealed, 'files/x'));
await time('SHA-256 of 10 MB (for comparison: done for every capture anyway)', 10, () => crypto.subtle.digest('SHA-256', bytes));
