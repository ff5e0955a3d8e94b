/** Shared by the encryption tests. */
import { openDB } from 'idb';

/** Few PBKDF2 iterations, for speed in tests only; the production default (>= 600,000) is tested in keys.test.ts. */
export const TEST_KDF = { iterations: 1_000 };

/** Every string and byte of every value in every store, read raw (without the store), as one text. */
export async function rawDump(name: string): Promise<string> {
  const db = await openDB(name);
  const parts: string[] = [];
  const walk = async (value: unknown): Promise<void> => {
    if (typeof value === 'string') parts.push(value);
    else if (value instanceof Blob) parts.push(Buffer.from(await value.arrayBuffer()).toString('latin1'));
    else if (value instanceof Uint8Array) parts.push(Buffer.from(value).toString('latin1'));
    else if (Array.isArray(value)) for (const item of value) await walk(item);
    else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        parts.push(key);
        await walk(item);
      }
    }
  };
  for (const store of db.objectStoreNames) for (const value of await db.getAll(store)) await walk(value);
  db.close();
  return parts.join('\n');
}

