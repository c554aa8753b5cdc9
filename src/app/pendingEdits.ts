// Whether this device holds plan edits that are not yet written to the shared plan: the app shell asks before a
// new app version may take over (src/sw/serviceWorker.ts, src/hosts/appShell.ts), so a version change never
// happens under an unsynced edit. It reads the outbox records the sync engine keeps (src/app/planSync.ts,
// `outbox:<user>:<document>`): a record whose draft differs from what was last stored carries `local`.
// A record of a shape this version does not know counts as pending: when in doubt, wait.
import type { LocalStore } from './ports/local';

/** The IndexedDB database of the outbox: one per origin, shared by every surface and user. */
export const OUTBOX_DB = 'samenwerkoverleg-outbox';
export const OUTBOX_PREFIX = 'outbox:';

function isSettled(record: unknown): boolean {
  if (record === null || typeof record !== 'object') return false;
  const r = record as { local?: unknown; base?: unknown };
  return r.local === undefined && r.base !== undefined;
}

/** How many plans on this device have edits the shared plan has not got yet. */
export async function countPendingEdits(local: Pick<LocalStore, 'get' | 'keys'>): Promise<number> {
  // A store that cannot list its keys cannot answer: count that as pending rather than risk an edit.
  if (!local.keys) return 1;
  const keys = await local.keys(OUTBOX_PREFIX);
  const records = await Promise.all(keys.map((key) => local.get<unknown>(key)));
  return records.filter((record) => !isSettled(record)).length;
}
