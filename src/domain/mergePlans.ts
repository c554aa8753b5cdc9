// The merge of two versions of a plan against their common base: the version this device last read from the
// store (kept in its outbox). Used on a 412, when the plan is read again while edits wait, and when the
// Planner mirror hands back links. Every part merges field by field (mergeValues.ts):
// - a value only one side changed since the base: that side's;
// - a value both changed: free text keeps both versions (one under the other, reported in `textsKeptBoth`);
//   anything else takes ours, because ours is written after theirs in the document's own sequence
//   (`revision`): order never comes from device clocks (an `updatedAt` both changed is ours too);
// - lists of records merge by id; a record with a tombstone stays deleted, a delete beats a concurrent edit;
//   agreements are never dropped (they are done, never deleted);
// - facts about the outside world survive (an event was sent, an SO closed, who received the plan, a
//   Planner task link), and the log and an agreement's history are append-only unions.
// Unknown fields (a newer app, another tool) merge like known ones, so they survive.
import { parseInstant } from './calendar';
import { canonical, emptyReport, isObject, mergeObject, same } from './mergeValues';
import type { Json, MergeContext, MergeReport } from './mergeValues';
import type { Agreement, DistributionEntry, LogEntry, Meeting, ParkedTopic, Plan, PlannerLink, Tombstone } from './planSchema';
import { tombstoneKey, unionTombstones, withoutDeleted } from './tombstones';

export { canonical } from './mergeValues';
export type { MergeReport } from './mergeValues';

const timeOf = (iso: string) => parseInstant(iso) ?? Number.NEGATIVE_INFINITY;

/** Append-only: every entry either side has, once, in time order (time only sorts; it never decides). */
export function mergeLogs(a: readonly LogEntry[], b: readonly LogEntry[]): LogEntry[] {
  return unionByContent(a, b, (x) => x.at);
}

function unionByContent<T>(a: readonly T[], b: readonly T[], at: (item: T) => string): T[] {
  const byKey = new Map<string, T>();
  for (const entry of [...a, ...b]) byKey.set(canonical(entry), entry);
  return [...byKey.entries()]
    .sort(([ka, x], [kb, y]) => timeOf(at(x)) - timeOf(at(y)) || (ka < kb ? -1 : ka > kb ? 1 : 0))
    .map(([, entry]) => entry);
}

/** Everyone either side handed the plan to, once per person and channel (the first time counts). */
function unionDistribution(a: readonly DistributionEntry[], b: readonly DistributionEntry[]): DistributionEntry[] {
  const byKey = new Map<string, DistributionEntry>();
  for (const entry of [...a, ...b]) {
    const key = `${entry.participantId}\u0000${entry.channel}`;
    const known = byKey.get(key);
    if (known === undefined || timeOf(entry.at) < timeOf(known.at)) byKey.set(key, entry);
  }
  return [...byKey.values()].sort((x, y) => timeOf(x.at) - timeOf(y.at) || canonical(x).localeCompare(canonical(y)));
}

const UNIONS: MergeContext['unions'] = new Map<string, (l: readonly unknown[], r: readonly unknown[]) => unknown[]>([
  ['log', (l, r) => mergeLogs(l as LogEntry[], r as LogEntry[])],
  ['history', (l, r) => unionByContent(l as { at: string }[], r as { at: string }[], (x) => x.at)],
  ['distribution', (l, r) => unionDistribution(l as DistributionEntry[], r as DistributionEntry[])],
  // Write ids are facts about the document, kept by nextRevision; the stored list is the one that counts.
  ['writes', (_l, r) => [...r]],
  ['tombstones', (l, r) => unionTombstones(l as Tombstone[], r as Tombstone[]) ?? []],
]);

/** One value taken whole: unchanged on one side → the other's; changed on both → ours (written later). */
function pickWhole<T>(base: T, local: T, remote: T): T {
  if (same(base, local)) return remote;
  return local;
}

/** What the Planner task shows of an agreement. */
const mirroredContent = (a: Agreement) => canonical([a.who, a.what, a.due, a.status]);

/**
 * The link says the task is in step when `syncedUpdatedAt` equals the agreement's `updatedAt`. After a merge
 * that can be true while the task shows only one side's version: then the link forgets when it was in step,
 * so the mirror sends the merged version.
 */
function inStep(link: PlannerLink, merged: Agreement, sides: readonly Agreement[]): PlannerLink {
  if (link.syncedUpdatedAt === undefined || link.syncedUpdatedAt !== merged.updatedAt) return link;
  const shown = sides.some(
    (side) => side.planner !== undefined && same(side.planner, link) && side.updatedAt === link.syncedUpdatedAt && mirroredContent(side) === mirroredContent(merged),
  );
  if (shown) return link;
  const { syncedUpdatedAt: _stale, ...rest } = link;
  return rest;
}

function setOrDelete(target: Json, key: string, value: unknown): void {
  if (value === undefined) delete target[key];
  else target[key] = value;
}

/** Done-ness and its moment go together; the Planner link is a fact. */
function agreementRule(base: Json | undefined, localJson: Json, remoteJson: Json, mergedJson: Json): Json {
  const [b, l, r] = [base as Agreement | undefined, localJson as Agreement, remoteJson as Agreement];
  const merged = { ...mergedJson } as Agreement;
  const [status, doneAt] = pickWhole([b?.status, b?.doneAt], [l.status, l.doneAt], [r.status, r.doneAt]);
  merged.status = status!;
  setOrDelete(merged, 'doneAt', doneAt);
  // A link is a fact about Planner: one side's link is never dropped; when both linked, ours (written later).
  const planner = pickWhole(b?.planner, l.planner, r.planner) ?? l.planner ?? r.planner;
  setOrDelete(merged, 'planner', planner === undefined ? undefined : inStep(planner, merged, [l, r]));
  return merged as unknown as Json;
}

/** Facts: an invitation sent stays sent, a close stays closed (the first close counts). */
function meetingRule(_base: Json | undefined, localJson: Json, remoteJson: Json, mergedJson: Json): Json {
  const [l, r] = [localJson as Meeting, remoteJson as Meeting];
  const merged = { ...mergedJson } as Meeting;
  for (const key of ['transactionId', 'eventId', 'sentAt', 'eventOrganiser'] as const) {
    if (merged[key] === undefined) setOrDelete(merged, key, l[key] ?? r[key]);
  }
  const closer = [l, r].filter((m) => m.closedAt !== undefined).sort((x, y) => timeOf(x.closedAt!) - timeOf(y.closedAt!))[0];
  if (closer !== undefined) {
    merged.status = 'held';
    merged.closedAt = closer.closedAt!;
    setOrDelete(merged, 'closedByUserId', closer.closedByUserId);
  }
  return merged as unknown as Json;
}

const DECISION_FIELDS = ['decision', 'agreementId', 'decidedAt', 'decidedByUserId'] as const;

/**
 * A parked topic's decision travels with what belongs to it: field by field, one device's "agreement" could
 * end up with the other's missing agreement id. Both decided: ours (written later).
 */
function parkedTopicRule(base: Json | undefined, localJson: Json, remoteJson: Json, mergedJson: Json): Json {
  const [b, l, r] = [base as ParkedTopic | undefined, localJson as ParkedTopic, remoteJson as ParkedTopic];
  const merged = { ...mergedJson } as ParkedTopic;
  const pick = (t: ParkedTopic | undefined) => DECISION_FIELDS.map((key) => t?.[key]);
  const chosen = pickWhole(b === undefined ? undefined : pick(b), pick(l), pick(r));
  DECISION_FIELDS.forEach((key, i) => setOrDelete(merged, key, chosen?.[i]));
  return merged as unknown as Json;
}

const RECORD_RULES: MergeContext['recordRules'] = new Map([
  ['agreements', agreementRule],
  ['meetings', meetingRule],
  ['parkedTopics', parkedTopicRule],
]);

/** The merge with what it had to decide (texts kept twice, edits of deleted records, overwritten values). */
export function mergePlansReport(base: Plan | undefined, local: Plan, remote: Plan): { plan: Plan; report: MergeReport } {
  const tombstones = unionTombstones(local.tombstones, remote.tombstones);
  const ctx: MergeContext = {
    path: '',
    key: '',
    deleted: new Set((tombstones ?? []).map(tombstoneKey)),
    // Run facts are never edited or removed: the union is the run every device replays. A parked topic is
    // decided (even "dropped" is a decision the summary shows), never deleted.
    neverDropped: new Set(['agreements', 'runFacts', 'parkedTopics']),
    unions: UNIONS,
    recordRules: RECORD_RULES,
    report: emptyReport(),
  };
  const merged = mergeObject(base as unknown as Json | undefined, local as unknown as Json, remote as unknown as Json, ctx) as unknown as Plan;
  merged.schemaVersion = 2;
  const revision = Math.max(local.revision ?? 0, remote.revision ?? 0);
  if (revision > 0) merged.revision = revision;
  ctx.report.overwritten = ctx.report.overwritten.filter((path) => path !== 'revision');
  if (tombstones !== undefined) merged.tombstones = tombstones;
  if (!isObject(merged.caseDirection)) merged.caseDirection = local.caseDirection;
  return { plan: withoutDeleted(merged), report: ctx.report };
}

export function mergePlans(base: Plan | undefined, local: Plan, remote: Plan): Plan {
  return mergePlansReport(base, local, remote).plan;
}
