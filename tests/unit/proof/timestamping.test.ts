/**
 * The stamping flow on a real store (fake-indexeddb) with a test authority (openssl ts -reply) standing in for the
 * network: queueing after a save, stamping, failures kept pending with their reason and retried on a backoff,
 * first-use pinning, deleted captures, and what the manager is told.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureTimestampState, trustOfRecords } from '../../../lib/proof/timestamp-state';
import type { TrustRoot } from '../../../lib/proof/timestamp-trust';
import { TimeStampReq } from 'pkijs';
import { buildTimestampRequest } from '../../../lib/proof/timestamp';
import { auditHeadText, retryDelayMs, stampPending, TimestampTransportError, type PostTimestampQuery } from '../../../lib/proof/timestamping';
import { makeCapture, openTestStore } from '../storage/helpers';
import { TestTsa, type TsaSigner } from './test-tsa';

const AUTHORITY = 'https://tsa.test.example/tsr';
let tsa: TestTsa;
/** The roots the stamping may reach: the test root standing for FreeTSA's, and another CA standing for DigiCert's. */
let roots: TrustRoot[];
beforeAll(() => {
  tsa = new TestTsa();
  roots = [tsa.trustRoot('ca', 'freetsa'), tsa.trustRoot('other-root', 'digicert')];
});
afterAll(() => tsa.remove());

/** The authority, answering with the given signer, recording every request's URL and body. */
function authority(signer: TsaSigner = 'valid') {
  const requests: { url: string; body: Uint8Array<ArrayBuffer> }[] = [];
  const post: PostTimestampQuery = async (url, body) => {
    requests.push({ url, body });
    return tsa.reply(body, signer);
  };
  return { post, requests };
}

const offline: PostTimestampQuery = async () => {
  throw new TimestampTransportError('network', 'The authority could not be reached (Failed to fetch).');
};

async function savedCapture() {
  const { store, db } = await openTestStore();
  const caseRecord = await store.ensureDefaultCase();
  const { record, files } = await makeCapture(caseRecord.id);
  await store.saveCapture(record, files, 'victim');
  return { store, db, record, files };
}

describe('stamping a saved capture', () => {
  it('sends one request per file holding only its SHA-256, and keeps each verified answer', async () => {
    const { store, record, files } = await savedCapture();
    expect(await store.queueCaptureTimestamps(record.id)).toBe(3);
    expect(await store.queueCaptureTimestamps(record.id)).toBe(0);
    expect(captureTimestampState(await store.captureTimestamps(record.id), new Map())).toEqual({ kind: 'pending', stamped: 0, total: 3, lastError: null });

    const { post, requests } = authority();
    expect(await stampPending(store, post, AUTHORITY, { roots })).toEqual({ stamped: 3, failed: 0 });
    expect(requests.map((request) => request.url)).toEqual([AUTHORITY, AUTHORITY, AUTHORITY]);
    // Each body is a TimeStampReq over exactly one file's SHA-256, and holds nothing of the capture's record.
    const imprints = requests.map((request) => toHex(imprintOf(request.body)));
    expect(imprints.sort()).toEqual(files.map((file) => file.sha256).sort());
    for (const { body } of requests) {
      const text = new TextDecoder('latin1').decode(body);
      for (const secret of [record.finalUrl, record.title, 'x.com']) expect(text).not.toContain(secret);
    }

    const stamped = await store.captureTimestamps(record.id);
    expect(stamped.every((entry) => entry.state === 'stamped' && entry.authorityUrl === AUTHORITY && entry.response && entry.chain.length === 1)).toBe(true);
    // Named after the listed authority whose root the chain reaches, not the certificate's own name.
    const state = captureTimestampState(stamped, await trustOfRecords(stamped, new Map(), roots));
    expect(state).toMatchObject({ kind: 'stamped', authority: 'FreeTSA (freetsa.org)' });
    expect(captureTimestampState(stamped, await trustOfRecords(stamped, new Map(), [roots[1]!]))).toMatchObject({ kind: 'unverified', reason: 'unknown-authority' });
    // openssl agrees: the stored answer stamps the file.
    const file = files[0]!;
    const entry = stamped.find((item) => item.fileId === file.id)!;
    tsa.openssl.write('stored.bin', new Uint8Array(await file.blob.arrayBuffer()));
    tsa.openssl.write('stored.bin.tsr', Buffer.from(entry.response!, 'base64'));
    expect(tsa.openssl.run('ts', '-verify', '-data', 'stored.bin', '-in', 'stored.bin.tsr', '-CAfile', 'ca.pem').output).toContain('Verification: OK');
    // Nothing pending is left, so a later run sends nothing.
    expect(await stampPending(store, post, AUTHORITY, { all: true, roots })).toEqual({ stamped: 0, failed: 0 });
    expect(requests).toHaveLength(3);
  });

  it('offline: the capture stays, each file pending with the reason, retried on a growing delay, stamped once back', async () => {
    const { store, record } = await savedCapture();
    await store.queueCaptureTimestamps(record.id);
    let now = new Date('2026-11-30T10:00:00.000Z');
    const clock = () => now;
    expect(await stampPending(store, offline, AUTHORITY, { now: clock, roots })).toEqual({ stamped: 0, failed: 3 });
    expect(await store.listCaptures(record.caseId)).toEqual([record]);
    const pending = await store.captureTimestamps(record.id);
    expect(pending.every((entry) => entry.state === 'pending' && entry.attempts === 1 && entry.nextAttemptAt === '2026-11-30T10:01:00.000Z')).toBe(true);
    expect(captureTimestampState(pending, new Map())).toEqual({
      kind: 'pending',
      stamped: 0,
      total: 3,
      lastError: { code: 'network', message: 'The authority could not be reached (Failed to fetch).' },
    });

    // Not due yet: nothing is tried; due: tried again, and the delay doubles.
    const { post, requests } = authority();
    expect(await stampPending(store, post, AUTHORITY, { now: clock, roots })).toEqual({ stamped: 0, failed: 0 });
    expect(requests).toEqual([]);
    now = new Date('2026-11-30T10:01:00.000Z');
    expect(await stampPending(store, offline, AUTHORITY, { now: clock, roots })).toEqual({ stamped: 0, failed: 3 });
    expect((await store.captureTimestamps(record.id))[0]!.nextAttemptAt).toBe('2026-11-30T10:03:00.000Z');
    // At start-up or when the manager opens, every pending one is tried, due or not.
    expect(await stampPending(store, post, AUTHORITY, { now: clock, all: true, roots })).toEqual({ stamped: 3, failed: 0 });
    expect(requests).toHaveLength(3);
    const stamped = await store.captureTimestamps(record.id);
    expect(captureTimestampState(stamped, await trustOfRecords(stamped, new Map(), roots)).kind).toBe('stamped');
  });

  it('a replayed answer (wrong nonce) or one for another file (wrong hash) is not kept', async () => {
    const { store, record } = await savedCapture();
    await store.queueCaptureTimestamps(record.id);
    const other = authority();
    const replay: PostTimestampQuery = async (url, body) => {
      const first = other.requests[0]?.body;
      return other.post(url, first ?? body);
    };
    // The first answer is for the first request; every later request gets that same answer back.
    expect(await stampPending(store, replay, AUTHORITY, { roots })).toEqual({ stamped: 1, failed: 2 });
    const codes = (await store.captureTimestamps(record.id)).filter((entry) => entry.state === 'pending').map((entry) => entry.lastError?.code);
    expect(codes).toEqual(['wrong-hash', 'wrong-hash']);

    const { store: store2, record: record2 } = await savedCapture();
    await store2.queueCaptureTimestamps(record2.id);
    const sameHashOtherNonce: PostTimestampQuery = async (url, body) => {
      // Same hash, but the authority answers an earlier request of it (another nonce): a replay.
      return tsa.reply(buildTimestampRequest(imprintOf(body)).der);
    };
    expect(await stampPending(store2, sameHashOtherNonce, AUTHORITY, { roots })).toEqual({ stamped: 0, failed: 3 });
    expect((await store2.captureTimestamps(record2.id)).map((entry) => entry.lastError?.code)).toEqual(['wrong-nonce', 'wrong-nonce', 'wrong-nonce']);
  });

  it('pins the authority on first use to the shipped root it reached: a later answer under another shipped root is refused (untrusted)', async () => {
    const { store, record } = await savedCapture();
    await store.queueCaptureTimestamps(record.id);
    expect(await store.timestampPin(AUTHORITY)).toBeNull();
    expect((await stampPending(store, authority('valid').post, AUTHORITY, { roots })).stamped).toBe(3);
    const pin = await store.timestampPin(AUTHORITY);
    expect(pin).toBe(roots[0]!.sha256);

    const later = await makeCapture(record.caseId);
    await store.saveCapture(later.record, later.files, 'victim');
    await store.queueCaptureTimestamps(later.record.id);
    expect(await stampPending(store, authority('other-ca').post, AUTHORITY, { roots })).toEqual({ stamped: 0, failed: 3 });
    expect((await store.captureTimestamps(later.record.id))[0]!.lastError?.code).toBe('untrusted');
    expect(await store.timestampPin(AUTHORITY)).toBe(pin);
  });

  it('keeps no answer whose chain reaches no shipped root, and pins nothing then', async () => {
    const { store, record } = await savedCapture();
    await store.queueCaptureTimestamps(record.id);
    expect(await stampPending(store, authority('valid').post, AUTHORITY, { roots: [roots[1]!] })).toEqual({ stamped: 0, failed: 3 });
    expect((await store.captureTimestamps(record.id)).map((entry) => [entry.state, entry.lastError?.code])).toEqual([
      ['pending', 'untrusted'],
      ['pending', 'untrusted'],
      ['pending', 'untrusted'],
    ]);
    expect(await store.timestampPin(AUTHORITY)).toBeNull();
  });

  it('replaces a pin whose root this version no longer ships, and the pins of earlier versions', async () => {
    const { store, record, db } = await savedCapture();
    await db.put('settings', { key: 'timestampPins', value: { [AUTHORITY]: 'MIIB...an old top certificate' } });
    await db.put('settings', { key: 'timestampRootPins', value: { [AUTHORITY]: 'f'.repeat(64) } });
    await store.queueCaptureTimestamps(record.id);
    expect((await stampPending(store, authority('valid').post, AUTHORITY, { roots })).stamped).toBe(3);
    expect(await store.timestampPin(AUTHORITY)).toBe(roots[0]!.sha256);
    expect(await db.get('settings', 'timestampPins')).toBeUndefined();
  });

  it('drops the records of a capture deleted before it was stamped, and queues captures missed since switching on', async () => {
    const { store, record, db } = await savedCapture();
    await store.queueCaptureTimestamps(record.id);
    await store.deleteCapture(record.id, 'victim');
    const { post, requests } = authority();
    expect(await stampPending(store, post, AUTHORITY, { roots })).toEqual({ stamped: 0, failed: 0 });
    expect(requests).toEqual([]);
    expect(await db.count('timestamps')).toBe(0);

    const old = await makeCapture(record.caseId, { capturedAt: '2026-11-01T00:00:00.000Z' });
    const missed = await makeCapture(record.caseId, { capturedAt: '2026-11-29T00:00:00.000Z' });
    await store.saveCapture(old.record, old.files, 'victim');
    await store.saveCapture(missed.record, missed.files, 'victim');
    expect(await store.queueMissedCaptures('2026-11-20T00:00:00.000Z')).toBe(3);
    expect(await store.captureTimestamps(old.record.id)).toEqual([]);
    expect(await store.captureTimestamps(missed.record.id)).toHaveLength(3);
    expect(await store.queueMissedCaptures('2026-11-20T00:00:00.000Z')).toBe(0);
  });

  it('queues and stamps an audit head as the text exported beside it', async () => {
    const { store, record } = await savedCapture();
    const [head] = (await store.auditTrail(record.caseId)).slice(-1);
    const text = auditHeadText(head!);
    expect(text).toBe(`Capture & Report audit trail head\ncase ${record.caseId}\nseq ${head!.seq}\nhash ${head!.hash}\n`);
    const sha256 = toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))));
    const queued = await store.queueAuditHeadTimestamp(record.caseId, head!.seq, sha256);
    expect(queued).toMatchObject({ id: `audit:${record.caseId}:${head!.seq}`, subject: 'audit-head', state: 'pending', sha256 });
    expect(await stampPending(store, authority().post, AUTHORITY, { roots })).toEqual({ stamped: 1, failed: 0 });
    expect((await store.getTimestamp(queued.id))?.state).toBe('stamped');
  });
});

describe('retry delay', () => {
  it('starts at one minute, doubles, and stops growing at six hours', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(retryDelayMs(30)).toBe(6 * 3_600_000);
  });
});

/** The SHA-256 a DER TimeStampReq asks to stamp. */
function imprintOf(body: Uint8Array): Uint8Array {
  const request = TimeStampReq.fromBER(body.slice().buffer);
  return new Uint8Array(request.messageImprint.hashedMessage.valueBlock.valueHexView);
}

function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
