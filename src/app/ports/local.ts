// What the app keeps on this device, and whether the device is online. The outbox of unsynced plan edits
// lives in a LocalStore (IndexedDB in the browser, memory in tests); Connectivity lets the sync loop pause
// while the device is offline and resume as soon as it is back.

/** A small key-value store that survives a reload. Values are structured-cloneable data. Never for tokens. */
export interface LocalStore {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
  /** The keys starting with prefix, sorted. */
  keys?(prefix: string): Promise<string[]>;
}

export interface Connectivity {
  /** false only when the device knows it is offline; true does not promise that Graph answers. */
  isOnline(): boolean;
  /** Calls the listener on every change; returns the unsubscribe. */
  onChange(listener: (online: boolean) => void): () => void;
}

/** A device that never goes offline (tests, and where the browser cannot tell). */
export const alwaysOnline: Connectivity = {
  isOnline: () => true,
  onChange: () => () => undefined,
};
