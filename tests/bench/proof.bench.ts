/**
 * Cost of the installation's signatures in Node (WebCrypto = OpenSSL, like the browsers' native code):
 *   npm run bench -- proof
 * Making the key (once per installation), loading it from its stored form (each page that signs), one signature
 * of a 64-character audit hash (what signing each audit entry would cost), the two signatures of an export
 * (manifest.json of a 200-capture case, about 1 MB, and its SHA256SUMS), and checking them on import.
 */
import { generateInstallationKey, importInstallationKey, signBytes, verifySignature } from '../../lib/proof/signing-key';

async function time<T>(label: string, runs: number, run: () => Promise<T>): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  console.log(`${label}: median ${times[Math.floor(runs / 2)]!.toFixed(2)} ms (min ${times[0]!.toFixed(2)}, max ${times.at(-1)!.toFixed(2)}, ${runs} runs)`);
}

const { key, pkcs8 } = await generateInstallationKey();
await time('make the key pair', 20, () => generateInstallationKey());
await time('load the stored key (import + self-check)', 50, () => importInstallationKey(pkcs8, key.spki));
const auditHash = new TextEncoder().encode('a'.repeat(64));
await time('sign one audit hash (64 characters)', 500, () => signBytes(key.privateKey, auditHash));
const manifest = new Uint8Array(1024 * 1024).fill(0x61);
const sums = new Uint8Array(200 * 3 * 110).fill(0x61);
await time('sign an export: 1 MB manifest.json + SHA256SUMS of 600 files', 50, async () => {
  await signBytes(key.privateKey, manifest);
  await signBytes(key.privateKey, sums);
});
const manifestSignature = await signBytes(key.privateKey, manifest);
await time('verify on import: the 1 MB manifest.json signature', 50, () => verifySignature(key.spki, manifest, manifestSignature));
