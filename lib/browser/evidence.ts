/** The evidence store of this extension context (background or page): opened once, shared. */
import { openEvidenceDb } from '../storage/db';
import { EvidenceStore, requestPersistence } from '../storage/evidence-store';

let opened: Promise<EvidenceStore> | null = null;

/** One connection per background lifetime; persistence is asked for once, on first use. */
export function openStore(): Promise<EvidenceStore> {
  opened ??= openEvidenceDb().then((db) => {
    void requestPersistence().catch(() => false);
    return new EvidenceStore(db);
  });
  return opened;
}
