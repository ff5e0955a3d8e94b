import type { IDBPDatabase } from 'idb';

/** Version 1 of the evidence database exactly as released (for migration and version-change tests). Do not edit. */
export function frozenV1(db: IDBPDatabase<unknown>): void {
  db.createObjectStore('cases', { keyPath: 'id' });
  const captures = db.createObjectStore('captures', { keyPath: 'id' });
  captures.createIndex('byCase', 'caseId');
  captures.createIndex('byCaseTime', ['caseId', 'capturedAt']);
  const files = db.createObjectStore('files', { keyPath: 'id' });
  files.createIndex('byCapture', 'captureId');
  db.createObjectStore('audit', { keyPath: ['caseId', 'seq'] }).createIndex('byCase', 'caseId');
  db.createObjectStore('settings', { keyPath: 'key' });
}
