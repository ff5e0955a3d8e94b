import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateAgeIdentity } from '../../../lib/crypto/age-keys';
import { AGE_CHUNK, AgeError, decryptStream, encryptStream, type AgeProtection, type AgeUnlock } from '../../../lib/crypto/age-stream';
import { ageFileNeeds, peekAgeHeader } from '../../../lib/crypto/age-header';
import { decryptToBlob, encryptedOutput } from '../../../lib/bundle/encrypted';

/** A low scrypt work factor keeps these tests fast; what ships is SCRYPT_WORK_FACTOR (18), tested below. */
const FAST = { scryptWorkFactor: 10 };
const PASSPHRASE = 'correct horse battery staple';

function bytesOf(length: number, seed = 1): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/** A stream of `data` in pieces of `piece` bytes, as a file would come. */
function streamOf(data: Uint8Array, piece = 100_000): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= data.length) return controller.close();
      controller.enqueue(data.slice(at, at + piece));
      at += piece;
    },
  });
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function encrypt(data: Uint8Array, protection: AgeProtection): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await new Response(await encryptStream(streamOf(data), protection, FAST)).arrayBuffer());
}

async function decrypt(file: Uint8Array, unlock: AgeUnlock): Promise<Uint8Array> {
  return readAll(await decryptStream(streamOf(file, 70_000), file.length, unlock));
}

async function failure(run: () => Promise<unknown>): Promise<AgeError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof AgeError) return error;
    throw error;
  }
  throw new Error('expected an AgeError');
}

describe('age streams', () => {
  it('round-trips with a passphrase, across chunk boundaries, and shows nothing of the plaintext', async () => {
    for (const size of [0, 1, AGE_CHUNK - 1, AGE_CHUNK, AGE_CHUNK + 1, 3 * AGE_CHUNK + 17]) {
      const data = bytesOf(size, size + 1);
      const file = await encrypt(data, { kind: 'passphrase', passphrase: PASSPHRASE });
      expect(peekAgeHeader(file)).toMatchObject({ kind: 'age', stanzas: ['scrypt'] });
      expect(await decrypt(file, { passphrase: PASSPHRASE })).toEqual(data);
    }
    const text = new TextEncoder().encode('PK\u0003\u0004 evidence/screenshot.png https://x.com/fixtureuser');
    const file = await encrypt(text, { kind: 'passphrase', passphrase: PASSPHRASE });
    const clear = Buffer.from(file).toString('latin1');
    for (const visible of ['PK\u0003\u0004', 'evidence', 'x.com']) expect(clear).not.toContain(visible);
  });

  it('round-trips for several recipients, each opening it with their own key', async () => {
    const [a, b] = [await generateAgeIdentity(), await generateAgeIdentity()];
    const data = bytesOf(200_000);
    const file = await encrypt(data, { kind: 'recipients', recipients: [a.recipient, b.recipient] });
    expect(peekAgeHeader(file)).toMatchObject({ kind: 'age', stanzas: ['X25519', 'X25519'] });
    expect(ageFileNeeds(['X25519', 'X25519'])).toBe('key');
    expect(await decrypt(file, { identities: [a.identity] })).toEqual(data);
    expect(await decrypt(file, { identities: [b.identity] })).toEqual(data);
  });

  it('ships scrypt at work factor 18 (age’s default)', async () => {
    const stream = await encryptStream(streamOf(new Uint8Array(0)), { kind: 'passphrase', passphrase: PASSPHRASE });
    const header = new TextDecoder().decode((await readAll(stream)).subarray(0, 200));
    expect(header).toMatch(/^age-encryption\.org\/v1\n-> scrypt \S{22} 18\n/);
  });

  it('refuses post-quantum and tag recipients, and an empty passphrase', async () => {
    await expect(encryptStream(streamOf(new Uint8Array(1)), { kind: 'recipients', recipients: ['age1pq1abc'] })).rejects.toThrow(RangeError);
    await expect(encryptStream(streamOf(new Uint8Array(1)), { kind: 'recipients', recipients: [] })).rejects.toThrow(RangeError);
    await expect(encryptStream(streamOf(new Uint8Array(1)), { kind: 'passphrase', passphrase: '' })).rejects.toThrow(RangeError);
  });

  it('names a wrong passphrase, another key, and a file that is not age', async () => {
    const data = bytesOf(1000);
    const byPassphrase = await encrypt(data, { kind: 'passphrase', passphrase: PASSPHRASE });
    expect((await failure(() => decrypt(byPassphrase, { passphrase: 'wrong horse battery staple' }))).code).toBe('wrong-passphrase');
    const mine = await generateAgeIdentity();
    const theirs = await generateAgeIdentity();
    const byKey = await encrypt(data, { kind: 'recipients', recipients: [theirs.recipient] });
    expect((await failure(() => decrypt(byKey, { identities: [mine.identity] }))).code).toBe('other-key');
    expect((await failure(() => decrypt(byKey, { passphrase: PASSPHRASE }))).code).toBe('other-key');
    expect((await failure(() => decrypt(new TextEncoder().encode('PK\u0003\u0004 a zip'), { passphrase: PASSPHRASE }))).code).toBe('not-age');
  });

  it('names a file for a kind of key this tool does not use', async () => {
    const file = new TextEncoder().encode('age-encryption.org/v1\n-> mlkem768x25519 abc\nAAAA\n--- AAAA\n' + 'x'.repeat(40));
    expect((await failure(() => decrypt(file, { passphrase: PASSPHRASE }))).code).toBe('unsupported');
  });

  describe('a changed or cut file', () => {
    const data = bytesOf(5 * AGE_CHUNK + 1000, 7);
    let file: Uint8Array<ArrayBuffer>;
    let headerLength: number;
    const open = (bytes: Uint8Array) => decrypt(bytes, { passphrase: PASSPHRASE });

    it('is refused as cut short wherever it is cut', async () => {
      file = await encrypt(data, { kind: 'passphrase', passphrase: PASSPHRASE });
      headerLength = (peekAgeHeader(file) as { length: number }).length;
      const payload = headerLength + 16;
      const cuts = [10, headerLength - 5, headerLength + 3, payload + 10, payload + AGE_CHUNK + 16, payload + 2 * (AGE_CHUNK + 16) + 5, file.length - 1];
      for (const cut of cuts) {
        const error = await failure(() => open(file.subarray(0, cut)));
        expect(error.code, `cut at ${cut}`).toBe('cut-short');
      }
    });

    it('is refused as changed when one byte in the header or a middle chunk changes, as cut short in the last chunk', async () => {
      const flip = (at: number) => {
        const copy = file.slice();
        copy[at] = copy[at]! ^ 0x01;
        return copy;
      };
      const payload = headerLength + 16;
      // The MAC line (last header line) and the nonce: the header no longer verifies, or chunk 1 fails.
      expect((await failure(() => open(flip(headerLength - 3)))).code).toBe('changed');
      expect((await failure(() => open(flip(headerLength + 2)))).code).toBe('changed');
      for (const chunk of [0, 1, 4]) {
        const error = await failure(() => open(flip(payload + chunk * (AGE_CHUNK + 16) + 500)));
        expect(error.code, `chunk ${chunk}`).toBe('changed');
        expect(error.detail).toContain(`Chunk ${chunk + 1} of 6`);
      }
      expect((await failure(() => open(flip(file.length - 3)))).code).toBe('cut-short');
    });

    it('decryptToBlob gives nothing for a damaged file, and the whole file for a good one', async () => {
      const good = await decryptToBlob(new Blob([file]), { passphrase: PASSPHRASE });
      expect(new Uint8Array(await good.arrayBuffer())).toEqual(data);
      const cut = new Blob([file.subarray(0, file.length - 100)]);
      await expect(decryptToBlob(cut, { passphrase: PASSPHRASE })).rejects.toMatchObject({ code: 'cut-short' });
    });

    it('any single changed byte is refused, never decrypted (property)', async () => {
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 0, max: file.length - 1 }), fc.integer({ min: 1, max: 255 }), async (at, mask) => {
          const copy = file.slice();
          copy[at] = copy[at]! ^ mask;
          await expect(open(copy)).rejects.toBeInstanceOf(AgeError);
        }),
        { numRuns: 40 },
      );
    });
  });

  it('encryptedOutput encrypts what a sink receives, and its abort drops it', async () => {
    const data = bytesOf(300_000, 3);
    const output = await encryptedOutput({ kind: 'passphrase', passphrase: PASSPHRASE }, FAST);
    for (let at = 0; at < data.length; at += 64_000) await output.sink(data.subarray(at, at + 64_000), at + 64_000 >= data.length);
    const { blob, sha256 } = await output.finish();
    const bytes = new Uint8Array(await blob.arrayBuffer());
    expect(sha256).toBe(Buffer.from(await crypto.subtle.digest('SHA-256', bytes)).toString('hex'));
    expect(await decrypt(bytes, { passphrase: PASSPHRASE })).toEqual(data);

    const failed = await encryptedOutput({ kind: 'passphrase', passphrase: PASSPHRASE }, FAST);
    await failed.sink(data.subarray(0, 1000), false);
    await failed.abort(new Error('writeBundle failed'));
    await expect(failed.finish()).rejects.toThrow();
  });
});
