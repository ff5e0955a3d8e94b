/** The browser's storage manager: persistence and how much room is left. */

/**
 * Asks the browser not to evict this extension's data under storage pressure. Returns whether storage is
 * persistent (false where the API is missing or refuses).
 */
export async function requestPersistence(): Promise<boolean> {
  const storage = browserStorage();
  if (!storage?.persist) return false;
  try {
    return (await storage.persisted?.()) || (await storage.persist());
  } catch {
    return false;
  }
}

/** Bytes used and available, when the browser tells; null otherwise. */
export async function storageEstimate(): Promise<{ usage: number; quota: number } | null> {
  const storage = browserStorage();
  if (!storage?.estimate) return null;
  try {
    const { usage, quota } = await storage.estimate();
    return usage === undefined || quota === undefined ? null : { usage, quota };
  } catch {
    return null;
  }
}

function browserStorage(): Partial<StorageManager> | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.storage;
}
