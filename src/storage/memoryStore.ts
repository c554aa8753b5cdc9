// A LocalStore in memory: the fallback when IndexedDB is unavailable (private windows in some browsers),
// and the store unit tests use. Values are cloned on the way in and out, like IndexedDB does, so a caller
// that mutates what it stored or read cannot change the stored copy.
import type { LocalStore } from '../app/ports/local';

export function createMemoryStore(initial: Record<string, unknown> = {}): LocalStore & { size(): number } {
  const data = new Map<string, unknown>(Object.entries(initial).map(([k, v]) => [k, structuredClone(v)]));
  return {
    get: async <T>(key: string) => (data.has(key) ? (structuredClone(data.get(key)) as T) : undefined),
    set: async (key, value) => { data.set(key, structuredClone(value)); },
    delete: async (key) => { data.delete(key); },
    keys: async (prefix) => [...data.keys()].filter((k) => k.startsWith(prefix)).sort(),
    size: () => data.size,
  };
}
