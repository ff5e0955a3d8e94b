/**
 * Export from one store, import into another: the same hashes, a verified trail joined by the bundle's SHA-256,
 * and a second import of the same case refused with nothing written.
 */
import { describe, expect, it } from 'vitest';
import { writeBundle } from '../../../lib/bundle/export';
import { readBundle } from '../../../lib/bundle/import';
import { planImport } from '../../../lib/bundle/import-plan';
import type { EvidenceStore } from '../../../lib/storage/evidence-store';
import { StorageError } from '../../../lib/storage/evidence-store';
import { makeCapture, openTestStore } from './helpers';
import { storedCaseInput } from '../../support/stored-case-input';

async function exportFrom(store: EvidenceStore, caseId: string) {
  const chunks: Uint8Array[] = [];
  const result = await writeBundle(
    await storedCaseInput(store, caseId, 'helper'),
    (chunk) => void chunks.push(chunk),
  );
  const zip = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    zip.set(chunk, offset);
    offset += chunk.length;
  }
  return { zip, result };
}

describe('bundles through the store', () => {
  it('a helper exports, the institute imports: same hashes, both trails verified and joined', async () => {
    const { store: helper } = await openTestStore();
    const helperCase = await helper.createCase({ title: 'For A.', capturerRole: 'helper' });
    for (let i = 0; i < 2; i += 1) {
      const { record, files } = await makeCapture(helperCase.id);
      await helper.saveCapture(record, files, 'helper');
    }
    await helper.saveReport({ caseId: helperCase.id, platform: 'x', status: 'reported', reference: 'X-1' }, 'helper');
    const { zip, result } = await exportFrom(helper, helperCase.id);
    await helper.recordExport(helperCase.id, { fileName: 'evidence.zip', bundleSha256: result.sha256, scope: 'case', captureIds: [] }, 'helper');
    expect((await helper.auditTrail(helperCase.id)).at(-1)).toMatchObject({ action: 'export', details: { bundleSha256: result.sha256 } });
    expect(await helper.verifyCase(helperCase.id)).toEqual([]);

    const { store: institute } = await openTestStore();
    const bundle = await readBundle(zip);
    expect(bundle.bundleSha256).toBe(result.sha256);
    await institute.importCase(planImport(bundle, { bundleName: 'evidence.zip', importedAt: new Date(), actorRole: 'staff' }));

    const imported = (await institute.getCase(helperCase.id))!;
    expect(imported.imported).toMatchObject({ bundleSha256: result.sha256, bundleName: 'evidence.zip' });
    const hashes = async (store: EvidenceStore) =>
      (await store.listCaptures(helperCase.id)).flatMap((capture) => capture.files.map((file) => `${file.name}:${file.sha256}`)).sort();
    expect(await hashes(institute)).toEqual(await hashes(helper));
    expect(await institute.listReports(helperCase.id)).toHaveLength(1);
    expect(await institute.verifyCase(helperCase.id)).toEqual([]);
    expect((await institute.auditTrail(helperCase.id)).at(-1)).toMatchObject({ action: 'import', details: { bundleSha256: result.sha256 } });
    // The exported entries are marked imported (the bundle's signature covered them); the 'import' entry is signed here.
    const exportedEntries = (await helper.auditTrail(helperCase.id)).length - 1; // the helper's 'export' entry came after
    expect(await institute.auditSignatureSummary(helperCase.id)).toEqual({ signed: 1, beforeSigning: 0, imported: exportedEntries });

    // Importing the same case again is refused, and changes nothing.
    const before = await institute.auditTrail(helperCase.id);
    const again = await institute.importCase(planImport(bundle, { bundleName: 'again.zip', importedAt: new Date(), actorRole: 'staff' })).catch((error: unknown) => error);
    expect(again).toBeInstanceOf(StorageError);
    expect((again as StorageError).problems.join()).toContain('already here');
    expect(await institute.auditTrail(helperCase.id)).toEqual(before);
  });

  it("the store hashes every file again: a file whose bytes are not the plan's is refused, nothing written", async () => {
    const { store: helper } = await openTestStore();
    const helperCase = await helper.createCase({ title: 'For A.', capturerRole: 'helper' });
    const { record, files } = await makeCapture(helperCase.id);
    await helper.saveCapture(record, files, 'helper');
    const plan = planImport(await readBundle((await exportFrom(helper, helperCase.id)).zip), {
      bundleName: 'evidence.zip',
      importedAt: new Date(),
      actorRole: 'staff',
    });
    // Same size, one byte different: only the hash can tell.
    const [first, ...rest] = plan.files;
    const flipped = new Uint8Array(await first!.blob.slice(-1).arrayBuffer()).map((byte) => byte ^ 0xff);
    const changed = [{ ...first!, blob: new Blob([first!.blob.slice(0, first!.size - 1), flipped], { type: first!.blob.type }) }, ...rest];
    const { store: institute } = await openTestStore();
    const failure = await institute.importCase({ ...plan, files: changed }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StorageError);
    expect((failure as StorageError).problems.join()).toContain(`File ${plan.files[0]!.name}: sha256 is `);
    expect(await institute.getCase(helperCase.id)).toBeUndefined();
  });
});
