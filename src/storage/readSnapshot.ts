// A one-off, read-only look at a kvStore database (./kvStore.ts) from outside the page that owns it: the
// service worker reads the outbox before a new app version may install or take over. It never creates the
// database, never holds a connection open (a page upgrading the database would be blocked by it), and treats a
// missing database or store as empty.
import { countPendingEdits, OUTBOX_DB, OUTBOX_PREFIX } from '../app/pendingEdits';

const STORE = 'kv';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function openExisting(factory: IDBFactory, dbName: string): Promise<IDBDatabase | undefined> {
  return new Promise((resolve, reject) => {
    const req = factory.open(dbName);
    let created = false;
    // Opening a database that does not exist creates it: abort that, so the owner creates it its own way.
    req.onupgradeneeded = () => { created = true; req.transaction?.abort(); };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => (created ? resolve(undefined) : reject(req.error ?? new Error(`cannot open ${dbName}`)));
    req.onblocked = () => reject(new Error(`${dbName} is blocked`));
  });
}

/** The entries whose key starts with prefix, read in one transaction. */
export async function readSnapshot(factory: IDBFactory, dbName: string, prefix: string): Promise<Map<string, unknown>> {
  const db = await openExisting(factory, dbName);
  if (!db) return new Map();
  try {
    if (!db.objectStoreNames.contains(STORE)) return new Map();
    const store = db.transaction(STORE, 'readonly').objectStore(STORE);
    const [keys, values] = await Promise.all([request(store.getAllKeys()), request(store.getAll())]);
    const entries = new Map<string, unknown>();
    keys.forEach((key, i) => { if (String(key).startsWith(prefix)) entries.set(String(key), values[i]); });
    return entries;
  } finally {
    db.close();
  }
}

/** Unsynced plan edits in this device's outbox, read without touching the page's own connection. */
export async function pendingEditsOnDevice(factory: IDBFactory): Promise<number> {
  const entries = await readSnapshot(factory, OUTBOX_DB, OUTBOX_PREFIX);
  return countPendingEdits({ get: async <T>(key: string) => entries.get(key) as T | undefined, keys: async () => [...entries.keys()] });
}
