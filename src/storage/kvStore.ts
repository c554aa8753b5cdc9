// A tiny promise wrapper around one IndexedDB object store, used for data that must survive a
// reload (the demo tenant, and the outbox of unsynced plan edits: it implements the app's LocalStore).
// Never used for tokens.

export interface KvStore {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
  /** The keys starting with prefix, sorted. */
  keys(prefix: string): Promise<string[]>;
}

const STORE = 'kv';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

export function openKvStore(dbName: string, factory: IDBFactory = indexedDB): KvStore {
  let db: Promise<IDBDatabase> | undefined;
  const open = () => {
    db ??= new Promise<IDBDatabase>((resolve, reject) => {
      const req = factory.open(dbName, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error(`cannot open ${dbName}`));
      req.onblocked = () => reject(new Error(`${dbName} is blocked by another tab`));
    });
    db.catch(() => { db = undefined; });
    return db;
  };
  const withStore = async <T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> => {
    const tx = (await open()).transaction(STORE, mode);
    const result = await request(run(tx.objectStore(STORE)));
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
    return result;
  };
  return {
    get: <T>(key: string) => withStore('readonly', (s) => s.get(key) as IDBRequest<T | undefined>),
    set: async (key, value) => { await withStore('readwrite', (s) => s.put(value, key)); },
    delete: async (key) => { await withStore('readwrite', (s) => s.delete(key)); },
    keys: async (prefix) => {
      // Few keys per database: filtering here keeps this independent of the global IDBKeyRange.
      const keys = await withStore('readonly', (s) => s.getAllKeys());
      return keys.map(String).filter((k) => k.startsWith(prefix)).sort();
    },
  };
}
