/**
 * A recording through the whole path with a passphrase set (fake-indexeddb): written chunk by chunk, exported as
 * a bundle Blob, read back from that Blob and imported into a fresh profile, with equal hashes everywhere; the
 * video listed in the manifest and SHA256SUMS as video/webm. Size: RECORDING_TEST_MB, default 24 so that the unit
 * suite stays quick on a shared machine; the 200 MB run is `RECORDING_TEST_MB=200 npx vitest run
 * tests/unit/storage/recording-bundle.test.ts` (about two minutes), and `npm run bench -- chunked` prints
 * speed and memory.
 */
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BUNDLE_FORMAT_VERSION } from '../../../lib/bundle/manifest';
import { sha256Hex } from '../../../lib/evidence/hash';
import { liveRecordings } from '../../../lib/storage/recordings';
import { isSealed } from '../../../lib/storage/sealing';
import { exportCaseToBlob, freshStore, importBlob, recordSynthetic, storedSha256 } from '../../support/recording-roundtrip';

const MB = 1 << 20;
const SIZE_MB = Number(process.env.RECORDING_TEST_MB ?? 24);

describe('a recording exported and imported with a passphrase set', () => {
  it(`${SIZE_MB} MB: same SHA-256 written, stored, exported and imported; chunks sealed in both profiles`, async () => {
    const from = await freshStore({ passphrase: true });
    const recorded = await recordSynthetic(from.store, { totalBytes: SIZE_MB * MB + 12345, chunkSize: MB });
    expect(await storedSha256(from.store, recorded.fileId)).toEqual({ sha256: recorded.sha256, size: SIZE_MB * MB + 12345 });
    expect(await from.store.verifyCase(recorded.caseId)).toEqual([]);

    const { zip } = await exportCaseToBlob(from.store, recorded.caseId);
    const to = await freshStore({ passphrase: true });
    await importBlob(to.store, zip);
    expect(await storedSha256(to.store, recorded.fileId)).toEqual({ sha256: recorded.sha256, size: SIZE_MB * MB + 12345 });
    expect(await to.store.verifyCase(recorded.caseId)).toEqual([]);
    const [capture] = await to.store.listCaptures(recorded.caseId);
    expect(capture).toMatchObject({ mode: 'video', recording: { partial: false } });
    expect(await to.db.count('chunks')).toBe(SIZE_MB + 1);
    const chunk = await to.db.get('chunks', [recorded.fileId, 0]);
    expect(isSealed(chunk)).toBe(true);
    from.db.close();
    to.db.close();
  }, 600_000);

  it('the bundle lists the video in the manifest and SHA256SUMS, and the extracted file hashes the same', async () => {
    const { db, store } = await freshStore({ passphrase: true });
    const recorded = await recordSynthetic(store, { totalBytes: 3 * MB + 7, chunkSize: MB });
    const { zip } = await exportCaseToBlob(store, recorded.caseId);
    const files = unzipSync(new Uint8Array(await zip.arrayBuffer()));
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as {
      formatVersion: number;
      files: { path: string; role: string; mime: string; sha256: string }[];
    };
    const video = manifest.files.find((file) => file.role === 'video')!;
    expect(manifest.formatVersion).toBe(BUNDLE_FORMAT_VERSION);
    expect(video).toMatchObject({ path: `evidence/${recorded.captureId}/recording.webm`, mime: 'video/webm', sha256: recorded.sha256 });
    expect(new TextDecoder().decode(files.SHA256SUMS)).toContain(`${recorded.sha256}  ${video.path}\n`);
    expect(await sha256Hex(files[video.path]!)).toBe(recorded.sha256);

    // report.html: the poster frame (blurred until shown, like screenshots), the details, the video linked beside it.
    const report = new TextDecoder().decode(files['report.html']);
    expect(report).toContain(`<img src="evidence/${recorded.captureId}/poster.png"`);
    expect(report).toContain(`<a href="${video.path}" class="mono">${video.path}</a>`);
    expect(report).toContain('Length: 1:00; stopped by the person; picture and sound; 30 frames per second');
    expect(report).not.toContain('PARTIAL RECORDING');
    expect(report).not.toMatch(/src="data:|<video/);
    db.close();
  });

  it('a partial recording recovered after a crash is marked in the manifest and the report', async () => {
    const { db, store } = await freshStore({ passphrase: true });
    const caseRecord = await store.ensureDefaultCase();
    const writer = await store.startRecording(
      { caseId: caseRecord.id, tabUrl: 'https://www.tiktok.com/@a/video/1', title: 't', platform: 'tiktok', startedAt: '2026-11-30T12:00:00.000Z', mimeType: 'video/webm', method: 'tab-frames', audio: false, frameRate: null },
      { actorRole: 'victim', browser: { name: 'Firefox', version: '128' }, extension: { name: 'Capture & Report', version: '0.1.0' }, chunkSize: 1024 },
    );
    await writer.append(new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, ...new Uint8Array(3000)]));
    liveRecordings.delete(writer.captureId); // the background stopped: the writer is gone
    expect((await store.recoverInterruptedRecordings()).kept).toEqual([writer.captureId]);
    const { zip } = await exportCaseToBlob(store, caseRecord.id);
    const files = unzipSync(new Uint8Array(await zip.arrayBuffer()));
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as { captures: { recording?: { partial: boolean; endedBy: string } }[] };
    expect(manifest.captures[0]!.recording).toMatchObject({ partial: true, endedBy: 'interrupted' });
    const report = new TextDecoder().decode(files['report.html']);
    expect(report).toContain('PARTIAL RECORDING');
    expect(report).toContain('Length: unknown; interrupted: the browser or the extension stopped; picture only, no sound');
    db.close();
  });
});
