/** Cases: the default case new captures go to, creating, changing and reading cases. */
import type { CapturerRole, CaseRecord } from '../evidence/types';
import { appendAudit } from './audit-trail';
import { compareStrings, type StoreCore, type WriteStore } from './core';
import { CaseRecordSchema } from '../evidence/schema';
import { schemaProblems } from '../evidence/validate';
import { Conflict, invalid } from './errors';
import { sameStored, unseal } from './sealing';

export type CaseInput = Pick<CaseRecord, 'title' | 'capturerRole'> &
  Partial<Pick<CaseRecord, 'capturerName' | 'notes'>>;
export type CaseChanges = Partial<Pick<CaseRecord, 'title' | 'capturerRole' | 'capturerName' | 'notes'>>;

const DEFAULT_CASE_SETTING = 'defaultCaseId';

/**
 * The case new captures go to, created on first use so that the first capture needs no setup. Safe to call
 * concurrently: the check and the creation share one transaction.
 */
export async function ensureDefaultCase(
  core: StoreCore,
  options: { title?: string; role?: CapturerRole } = {},
): Promise<CaseRecord> {
  const { title = 'My evidence', role = 'victim' } = options;
  const chosen = await core.sealedWrite(
    ['cases', 'audit', 'settings'],
    (key) => prepareCase(core, key, { title, capturerRole: role }),
    async (tx, fresh) => {
      const saved = await tx.objectStore('settings').get(DEFAULT_CASE_SETTING);
      const savedCase = typeof saved?.value === 'string' ? await tx.objectStore('cases').get(saved.value) : undefined;
      if (savedCase) return savedCase;
      const oldest = oldestCase(await tx.objectStore('cases').getAll());
      const created = oldest ?? (await addCase(core, tx.objectStore('cases'), tx.objectStore('audit'), fresh));
      await tx.objectStore('settings').put({ key: DEFAULT_CASE_SETTING, value: created.id });
      return created;
    },
  );
  return core.readOne('cases', () => Promise.resolve(chosen)) as Promise<CaseRecord>;
}

export async function setDefaultCase(core: StoreCore, caseId: string): Promise<void> {
  await core.write(['cases', 'settings'], async (tx) => {
    await requireCase(tx.objectStore('cases'), caseId);
    await tx.objectStore('settings').put({ key: DEFAULT_CASE_SETTING, value: caseId });
  });
}

export async function createCase(core: StoreCore, input: CaseInput): Promise<CaseRecord> {
  return core.sealedWrite(
    ['cases', 'audit', 'settings'],
    (key) => prepareCase(core, key, input),
    (tx, fresh) => addCase(core, tx.objectStore('cases'), tx.objectStore('audit'), fresh),
  );
}

/** Changes title, notes or capturer. The audit entry names the changed fields, not their values. */
export async function updateCase(
  core: StoreCore,
  caseId: string,
  changes: CaseChanges,
  actorRole: CapturerRole,
): Promise<CaseRecord> {
  return core.sealedWrite(
    ['cases', 'audit', 'settings'],
    async (key) => {
      const stored = await core.db.get('cases', caseId);
      if (!stored) throw invalid(`No case ${caseId}.`);
      const current = await unseal('cases', await core.cipher.key(), stored);
      const fields = changedFields(current, changes);
      const updated: CaseRecord = { ...current, ...Object.fromEntries(fields.map((field) => [field, changes[field]])) };
      if (!updated.title.trim()) throw invalid('A case needs a title.');
      refuseInvalidCase(updated);
      return { stored, current, fields, updated, ...(await core.sealFor(key, 'cases', updated, caseId, { fields })) };
    },
    async (tx, p) => {
      if (!sameStored(await tx.objectStore('cases').get(caseId), p.stored)) throw new Conflict();
      if (p.fields.length === 0) return p.current;
      await tx.objectStore('cases').put(p.toStore);
      const details = { fields: p.fields };
      await appendAudit(
        tx.objectStore('audit'),
        { caseId, at: core.nowIso(), action: 'case-update', actorRole, details },
        p.auditSeal,
      );
      return p.updated;
    },
  );
}

/** Oldest first. */
export async function listCases(core: StoreCore): Promise<CaseRecord[]> {
  const cases = await core.readAll('cases', () => core.db.getAll('cases'));
  return cases.sort((a, b) => compareStrings(a.createdAt, b.createdAt));
}

export async function getCase(core: StoreCore, caseId: string): Promise<CaseRecord | undefined> {
  return core.readOne('cases', () => core.db.get('cases', caseId));
}

/** The rules a bundle's case is read with (lib/evidence/schema.ts): a title of at most 200 characters... */
function refuseInvalidCase(record: CaseRecord): void {
  const problems = schemaProblems(CaseRecordSchema, record);
  if (problems.length > 0) throw invalid('The case is not valid; nothing was stored.', problems);
}

/** The case, read inside a write's transaction; StorageError 'invalid' when there is none. */
export async function requireCase(
  store: { get(key: string): Promise<CaseRecord | undefined> },
  caseId: string,
): Promise<CaseRecord> {
  const found = await store.get(caseId);
  if (!found) throw invalid(`No case ${caseId}.`);
  return found;
}

type PreparedCase = Awaited<ReturnType<typeof prepareCase>>;

/** A new case record and its stored form, prepared before the transaction that adds it (addCase). */
async function prepareCase(core: StoreCore, key: CryptoKey | null, input: CaseInput) {
  if (!input.title.trim()) throw invalid('A case needs a title.');
  const record: CaseRecord = {
    id: core.newId(),
    title: input.title.trim(),
    createdAt: core.nowIso(),
    capturerRole: input.capturerRole,
    notes: input.notes ?? '',
    ...(input.capturerName ? { capturerName: input.capturerName } : {}),
  };
  refuseInvalidCase(record);
  return { record, ...(await core.sealFor(key, 'cases', record, record.id, { caseId: record.id })) };
}

async function addCase(
  core: StoreCore,
  cases: WriteStore<'cases'>,
  audit: WriteStore<'audit'>,
  prepared: PreparedCase,
): Promise<CaseRecord> {
  const { record } = prepared;
  await cases.add(prepared.toStore);
  const fields = {
    caseId: record.id,
    at: core.nowIso(),
    action: 'case-create' as const,
    actorRole: record.capturerRole,
    details: { caseId: record.id },
  };
  await appendAudit(audit, fields, prepared.auditSeal);
  return record;
}

/** Fields given a new value; `undefined` means "leave as is". */
function changedFields(current: CaseRecord, changes: CaseChanges): (keyof CaseChanges)[] {
  return (Object.keys(changes) as (keyof CaseChanges)[])
    .filter((key) => changes[key] !== undefined && changes[key] !== current[key])
    .sort();
}

function oldestCase(cases: CaseRecord[]): CaseRecord | undefined {
  return cases.sort((a, b) => compareStrings(a.createdAt, b.createdAt))[0];
}
