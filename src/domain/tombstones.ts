// Deletes are facts. Removing a record (an "ik wil" point, an organisation, a note, a response, …) leaves a
// tombstone in the plan — which list, which id, at which revision of the document — and the merge treats it
// like any other edit: a record with a tombstone never comes back, whoever still holds a copy.
//
// Compaction: every device merges against its base (the last stored version it knows, kept in the outbox),
// and a record that is in the base but missing on one side reads as deleted even without its tombstone. A
// tombstone is therefore only needed while a device could merge without a base that holds the record; after
// TOMBSTONE_KEEP_REVISIONS further writes of the document it is dropped.
import { isObject, recordId } from './mergeValues';
import type { Json } from './mergeValues';
import type { Plan, Tombstone } from './planSchema';

export const TOMBSTONE_KEEP_REVISIONS = 50;

export const tombstoneKey = (t: Pick<Tombstone, 'list' | 'id'>) => `${t.list}#${t.id}`;

/** The records (by list path and id) that `after` no longer has, nested lists included. */
function collectDeletes(before: unknown, after: unknown, path: string, out: Pick<Tombstone, 'list' | 'id'>[]): void {
  if (Array.isArray(before) && Array.isArray(after)) {
    const kept = new Map(after.map((item) => [recordId(item), item] as const));
    for (const item of before) {
      const id = recordId(item);
      if (id === undefined) return;
      if (!kept.has(id)) out.push({ list: path, id });
      else collectDeletes(item, kept.get(id), `${path}/${id}`, out);
    }
    return;
  }
  if (!isObject(before) || !isObject(after) || before === after) return;
  for (const key of Object.keys(before)) {
    if (before[key] !== after[key]) collectDeletes(before[key], after[key], path === '' ? key : `${path}/${key}`, out);
  }
}

/**
 * `after` is `before` with an edit applied: every record the edit removed gets a tombstone (at the revision the
 * edit started from). The log and an agreement's history are append-only and never lose entries this way.
 */
export function recordDeletes(before: Plan, after: Plan): Plan {
  if (before === after) return after;
  const found: Pick<Tombstone, 'list' | 'id'>[] = [];
  collectDeletes(before as unknown as Json, after as unknown as Json, '', found);
  if (found.length === 0) return after;
  const known = new Set((after.tombstones ?? []).map(tombstoneKey));
  const rev = before.revision ?? 0;
  const added = found.filter((t) => !known.has(tombstoneKey(t))).map((t): Tombstone => ({ ...t, rev }));
  return added.length === 0 ? after : { ...after, tombstones: [...(after.tombstones ?? []), ...added] };
}

function prune(value: unknown, path: string, deleted: ReadonlySet<string>, lists: ReadonlySet<string>): unknown {
  if (Array.isArray(value)) {
    if (!value.every((item) => recordId(item) !== undefined)) return value;
    const kept = lists.has(path) ? value.filter((item) => !deleted.has(`${path}#${recordId(item)!}`)) : value;
    let changed = kept.length !== value.length;
    const next = kept.map((item) => {
      const pruned = prune(item, `${path}/${recordId(item)!}`, deleted, lists);
      changed ||= pruned !== item;
      return pruned;
    });
    return changed ? next : value;
  }
  if (!isObject(value)) return value;
  let changed = false;
  const next: Json = {};
  for (const [key, child] of Object.entries(value)) {
    const pruned = prune(child, path === '' ? key : `${path}/${key}`, deleted, lists);
    changed ||= pruned !== child;
    next[key] = pruned;
  }
  return changed ? next : value;
}

/**
 * The plan without the records its tombstones name (a merge that took one side whole may have taken a record
 * the other side deleted).
 */
export function withoutDeleted(plan: Plan): Plan {
  const tombstones = plan.tombstones ?? [];
  if (tombstones.length === 0) return plan;
  const deleted = new Set(tombstones.map(tombstoneKey));
  const lists = new Set(tombstones.map((t) => t.list));
  return prune(plan, '', deleted, lists) as Plan;
}

/** Both sides' tombstones, once each (the earliest revision counts). */
export function unionTombstones(a: readonly Tombstone[] | undefined, b: readonly Tombstone[] | undefined): Tombstone[] | undefined {
  if (a === undefined && b === undefined) return undefined;
  const byKey = new Map<string, Tombstone>();
  for (const t of [...(a ?? []), ...(b ?? [])]) {
    const known = byKey.get(tombstoneKey(t));
    if (known === undefined || t.rev < known.rev) byKey.set(tombstoneKey(t), t);
  }
  return [...byKey.values()].sort((x, y) => x.rev - y.rev || (tombstoneKey(x) < tombstoneKey(y) ? -1 : 1));
}

/** Drops the tombstones no device can need any more (see the top of this file). */
export function compactTombstones(plan: Plan): Plan {
  const revision = plan.revision ?? 0;
  const tombstones = plan.tombstones ?? [];
  const kept = tombstones.filter((t) => revision - t.rev < TOMBSTONE_KEEP_REVISIONS);
  return kept.length === tombstones.length ? plan : { ...plan, tombstones: kept };
}

export const KEEP_WRITE_IDS = 20;

/**
 * The plan as it is written as revision n + 1 of the document (n = the stored version it is written over):
 * the document's own sequence, which orders writes where device clocks cannot. `writeId` names this write,
 * so the device can tell later that it landed even when the answer was lost.
 */
export function nextRevision(plan: Plan, stored: Plan, writeId?: string): Plan {
  const next: Plan = { ...plan, revision: Math.max(plan.revision ?? 0, stored.revision ?? 0) + 1 };
  if (writeId !== undefined) next.writes = [...(stored.writes ?? []), writeId].slice(-KEEP_WRITE_IDS);
  return compactTombstones(next);
}

/**
 * The common base for a merge with `stored`: normally the version this device last read; but when a write
 * whose answer never came did land (its id is in the stored plan's writes), what it wrote is the newer base —
 * without it, our own earlier write would look like a concurrent edit of someone else.
 */
export function landedBase(base: Plan, stored: Plan, pending: { plan: Plan; writeId: string } | undefined): Plan {
  if (pending === undefined || !(stored.writes ?? []).includes(pending.writeId)) return base;
  return pending.plan;
}
