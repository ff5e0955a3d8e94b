/**
 * Recordings through the storage path (EvidenceStore on fake-indexeddb, passphrase set), per chunk size: write
 * (chunk by chunk, incremental SHA-256, AES-GCM per chunk), export (writeBundle into a BlobCollector, chunks
 * decrypted one at a time), import (readBundle from the Blob, chunks written again) in MB/s, and the peak of the
 * JS heap above the level before each step. Printed, never asserted:
 *   npm run bench -- chunked                   # 200 MB, chunks of 256 KiB, 1 MiB and 4 MiB
 *   BENCH_RECORDING_MB=50 npm run bench -- chunked
 * The aim: the heap peak under 2 x chunk size + a fixed margin, whatever the recording's size.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { exportCaseToBlob, freshStore, importBlob, recordSynthetic, storedSha256 } from '../support/recording-roundtrip';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const MB = 1 << 20;
const TOTAL_MB = Number(process.env.BENCH_RECORDING_MB ?? 200);
const CHUNK_SIZES = [256 * 1024, MB, 4 * MB];

/** The JS heap only: in Node, Blob bytes (what fake-indexeddb stores, what the BlobCollector joins) are counted in
 * arrayBuffers, where a browser keeps them out of the page (IndexedDB, blob storage); so arrayBuffers grows with
 * the data stored and is printed apart, as "stored". */
const used = () => process.memoryUsage().heapUsed;
const stored = () => process.memoryUsage().arrayBuffers;

/** Runs `step`, sampling memory every 5 ms (and whenever the step calls `sample`); returns time and peak rise. */
async function measure<T>(step: (sample: () => void) => Promise<T>): Promise<{ result: T; seconds: number; peak: number; storedRise: number }> {
  gc();
  const base = used();
  const storedBase = stored();
  let peak = 0;
  let storedRise = 0;
  const sample = () => {
    peak = Math.max(peak, used() - base);
    storedRise = Math.max(storedRise, stored() - storedBase);
  };
  const timer = setInterval(sample, 5);
  const started = performance.now();
  try {
    const result = await step(sample);
    sample();
    return { result, seconds: (performance.now() - started) / 1000, peak, storedRise };
  } finally {
    clearInterval(timer);
  }
}

const mb = (bytes: number) => (bytes / MB).toFixed(1);

console.log(`Recording of ${TOTAL_MB} MB, passphrase set; peak = highest JS heap above the start of the step (stored = ArrayBuffer/Blob bytes, grows with the data)`);
console.log('chunk    | write MB/s | peak MB | export MB/s | peak MB | import MB/s | peak MB | 2 x chunk MB | stored MB w/e/i | hashes equal');
for (const chunkSize of CHUNK_SIZES) {
  const from = await freshStore({ passphrase: true });
  const total = TOTAL_MB * MB;
  const write = await measure((sample) => recordSynthetic(from.store, { totalBytes: total, chunkSize, onPiece: sample }));
  const exported = await measure((sample) => exportCaseToBlob(from.store, write.result.caseId, sample));
  const to = await freshStore({ passphrase: true });
  const imported = await measure(() => importBlob(to.store, exported.result.zip));
  const after = await storedSha256(to.store, write.result.fileId);
  const equal = after.sha256 === write.result.sha256 && after.size === total;
  console.log(
    [
      `${(chunkSize / 1024).toString().padStart(4)} KiB`,
      (TOTAL_MB / write.seconds).toFixed(1).padStart(10),
      mb(write.peak).padStart(7),
      (TOTAL_MB / exported.seconds).toFixed(1).padStart(11),
      mb(exported.peak).padStart(7),
      (TOTAL_MB / imported.seconds).toFixed(1).padStart(11),
      mb(imported.peak).padStart(7),
      mb(2 * chunkSize).padStart(12),
      `${mb(write.storedRise)}/${mb(exported.storedRise)}/${mb(imported.storedRise)}`.padStart(15),
      equal ? 'yes' : 'NO',
    ].join(' | '),
  );
  from.db.close();
  to.db.close();
}
