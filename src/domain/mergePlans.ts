// The 412 merge: the plan document changed on the server since we loaded it, so we combine our version
// with theirs and write again. Records with a stable id are united by id and the later `updatedAt` wins
// per record, except agreements, which merge per field (see mergeAgreement); nothing with an id is ever
// dropped (an agreement least of all). Plan-wide fields without
// ids use the version we loaded (`base`) to see who changed what. The log is an append-only union.
import { parseInstant } from './calendar';
import { AGREEMENT_FIELDS } from './planSchema';
import type { Agreement, AgreementChange, AgreementField, DistributionEntry, LogEntry, Meeting, Plan, PlannerLink, PlanParticipant, PlanShare } from './planSchema';

// Key order must not make two equal records look different.
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);
const timeOf = (iso: string) => parseInstant(iso) ?? Number.NEGATIVE_INFINITY;

interface Versioned {
  id: string;
  updatedAt: string;
}

/**
 * The later of two versions of one record. Equal timestamps with different content are a real tie: the
 * content decides, so both devices pick the same winner whichever merges first.
 */
function later<T extends Versioned>(a: T, b: T): T {
  const ta = timeOf(a.updatedAt);
  const tb = timeOf(b.updatedAt);
  if (ta !== tb) return ta > tb ? a : b;
  return canonical(a) >= canonical(b) ? a : b;
}

/** Union by id, our order first, then records only they have; per id the later version. */
function mergeById<T extends Versioned>(local: readonly T[], remote: readonly T[], pick: (l: T, r: T) => T = later): T[] {
  const theirs = new Map(remote.map((r) => [r.id, r]));
  const merged = local.map((l) => {
    const r = theirs.get(l.id);
    return r === undefined ? l : pick(l, r);
  });
  const ours = new Set(local.map((l) => l.id));
  return [...merged, ...remote.filter((r) => !ours.has(r.id))];
}

function unionHistory(a: readonly AgreementChange[], b: readonly AgreementChange[]): AgreementChange[] {
  const byKey = new Map<string, AgreementChange>();
  for (const change of [...a, ...b]) byKey.set(canonical(change), change);
  return [...byKey.entries()]
    .sort(([ka, x], [kb, y]) => timeOf(x.at) - timeOf(y.at) || (ka < kb ? -1 : ka > kb ? 1 : 0))
    .map(([, change]) => change);
}

// Agreements merge per field: the chair may change the due date while the note taker rewords the same
// agreement, and neither edit may undo the other. Each side's value of a field stems from the latest change
// to that field it knows of; the side whose latest change is the later one holds the newer value.

/** When `side` last changed `field`: its latest history entry touching it, else the agreement's creation. */
function lastChange(side: Agreement, field: AgreementField): number {
  let last = timeOf(side.createdAt);
  for (const change of side.history) {
    const touched = change.fields?.includes(field) === true || (change.previous !== undefined && field in change.previous && change.previous[field] !== undefined);
    if (touched) last = Math.max(last, timeOf(change.at));
  }
  return last;
}

function fieldValue(a: Agreement, field: AgreementField): unknown {
  return field === 'status' ? [a.status, a.doneAt] : a[field];
}

/** Which side's value of `field` stands. On equal change times: the later record, then the content. */
function fieldWinner(l: Agreement, r: Agreement, field: AgreementField, record: Agreement): Agreement {
  if (same(fieldValue(l, field), fieldValue(r, field))) return l;
  const tl = lastChange(l, field);
  const tr = lastChange(r, field);
  if (tl !== tr) return tl > tr ? l : r;
  // Neither history says who changed it last (an edit made without history): the record-level winner.
  return record;
}

/** The link the mirror wrote last; a link is a fact about Planner, so one side's link is never dropped. */
function laterLink(a: PlannerLink | undefined, b: PlannerLink | undefined): PlannerLink | undefined {
  if (a === undefined || b === undefined) return a ?? b;
  const ta = a.syncedUpdatedAt === undefined ? Number.NEGATIVE_INFINITY : timeOf(a.syncedUpdatedAt);
  const tb = b.syncedUpdatedAt === undefined ? Number.NEGATIVE_INFINITY : timeOf(b.syncedUpdatedAt);
  if (ta !== tb) return ta > tb ? a : b;
  return canonical(a) >= canonical(b) ? a : b;
}

function mergeAgreement(l: Agreement, r: Agreement): Agreement {
  const record = later(l, r);
  const merged: Agreement = { ...record, history: unionHistory(l.history, r.history) };
  for (const field of AGREEMENT_FIELDS) {
    const winner = fieldWinner(l, r, field, record);
    if (field === 'status') {
      merged.status = winner.status;
      if (winner.doneAt === undefined) delete merged.doneAt;
      else merged.doneAt = winner.doneAt;
    } else if (winner[field] === undefined) {
      delete merged[field];
    } else {
      (merged as Record<string, unknown>)[field] = winner[field];
    }
  }
  merged.updatedAt = timeOf(l.updatedAt) >= timeOf(r.updatedAt) ? l.updatedAt : r.updatedAt;
  const planner = laterLink(l.planner, r.planner);
  if (planner === undefined) delete merged.planner;
  else merged.planner = inStep(planner, merged, [l, r]);
  return merged;
}

/** What the Planner task shows of an agreement. */
const mirroredContent = (a: Agreement) => canonical([a.who, a.what, a.due, a.status]);

/**
 * The link says the task is in step when `syncedUpdatedAt` equals the agreement's `updatedAt`. After a
 * merge that can be true while the task shows only one side's version (the other side's older edit won a
 * field): then the link forgets when it was in step, so the mirror sends the merged version.
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

// Facts about the outside world (an event was created, invitations went out, a permission was granted)
// must survive a concurrent edit of the same record: losing them would invite everyone twice or leave
// a share nobody can revoke. The later record wins as usual; what only the other side knows is kept.
const SEND_FACTS = ['transactionId', 'eventId', 'sentAt'] as const;

/** Everyone either side handed the plan to, once per person and channel (the first time counts). */
function unionDistribution(a: readonly DistributionEntry[] | undefined, b: readonly DistributionEntry[] | undefined): DistributionEntry[] | undefined {
  if (a === undefined && b === undefined) return undefined;
  const byKey = new Map<string, DistributionEntry>();
  for (const entry of [...(a ?? []), ...(b ?? [])]) {
    const key = `${entry.participantId}\u0000${entry.channel}`;
    const known = byKey.get(key);
    if (known === undefined || timeOf(entry.at) < timeOf(known.at)) byKey.set(key, entry);
  }
  return [...byKey.values()].sort((x, y) => timeOf(x.at) - timeOf(y.at) || canonical(x).localeCompare(canonical(y)));
}

function mergeMeeting(l: Meeting, r: Meeting): Meeting {
  const winner = later(l, r);
  const other = winner === l ? r : l;
  const merged: Meeting = { ...winner };
  for (const key of SEND_FACTS) {
    if (merged[key] === undefined && other[key] !== undefined) merged[key] = other[key];
  }
  if (merged.eventOrganiser === undefined && other.eventOrganiser !== undefined) merged.eventOrganiser = other.eventOrganiser;
  // Closing is a fact too: a later edit on a device that had not seen the close does not reopen the SO.
  const closer = [l, r].filter((m) => m.closedAt !== undefined).sort((x, y) => timeOf(x.closedAt!) - timeOf(y.closedAt!))[0];
  if (closer !== undefined) {
    merged.status = 'held';
    merged.closedAt = closer.closedAt!;
    if (closer.closedByUserId === undefined) delete merged.closedByUserId;
    else merged.closedByUserId = closer.closedByUserId;
  }
  const distribution = unionDistribution(l.distribution, r.distribution);
  if (distribution !== undefined) merged.distribution = distribution;
  return merged;
}

/** The share whose last event (granted or revoked) is the later one. */
function laterShare(a: PlanShare | undefined, b: PlanShare | undefined): PlanShare | undefined {
  if (a === undefined || b === undefined) return a ?? b;
  const lastOf = (s: PlanShare) => Math.max(timeOf(s.sharedAt), s.revokedAt === undefined ? Number.NEGATIVE_INFINITY : timeOf(s.revokedAt));
  const ta = lastOf(a);
  const tb = lastOf(b);
  if (ta !== tb) return ta > tb ? a : b;
  return canonical(a) >= canonical(b) ? a : b;
}

function mergeParticipant(l: PlanParticipant, r: PlanParticipant): PlanParticipant {
  const merged: PlanParticipant = { ...later(l, r) };
  const share = laterShare(l.share, r.share);
  if (share !== undefined) merged.share = share;
  return merged;
}

/** Append-only: every entry either side has, once, in time order. */
export function mergeLogs(a: readonly LogEntry[], b: readonly LogEntry[]): LogEntry[] {
  const byKey = new Map<string, LogEntry>();
  for (const entry of [...a, ...b]) byKey.set(canonical(entry), entry);
  return [...byKey.entries()]
    .sort(([ka, x], [kb, y]) => timeOf(x.at) - timeOf(y.at) || (ka < kb ? -1 : ka > kb ? 1 : 0))
    .map(([, entry]) => entry);
}

/** Three-way pick: if we did not change it since base, theirs stands; if we did, ours does. */
function pick3<T>(base: T | undefined, local: T, remote: T, hasBase: boolean): T {
  return hasBase && same(local, base) ? remote : local;
}

function mergeFields<T extends object>(base: T | undefined, local: T, remote: T): T {
  const keys = new Set([...Object.keys(local), ...Object.keys(remote)]) as Set<keyof T>;
  const result = {} as T;
  for (const key of keys) {
    const value = pick3(base?.[key], local[key], remote[key], base !== undefined);
    if (value !== undefined) result[key] = value;
  }
  return result;
}

/** Lines without ids ("ik kan", "ik heb nodig"): keep additions from both sides, honour removals. */
function mergeLines(base: readonly string[] | undefined, local: readonly string[], remote: readonly string[]): string[] {
  const removedByThem = base === undefined ? new Set<string>() : new Set(base.filter((line) => !remote.includes(line)));
  const result = [...new Set(local.filter((line) => !removedByThem.has(line)))];
  for (const line of remote) {
    if (!result.includes(line) && !(base ?? []).includes(line)) result.push(line);
  }
  return result;
}

export function mergePlans(base: Plan | undefined, local: Plan, remote: Plan): Plan {
  const hasBase = base !== undefined;
  const scalar = <K extends keyof Plan>(key: K): Plan[K] => pick3(base?.[key], local[key], remote[key], hasBase);
  const merged: Plan = {
    schemaVersion: 2,
    caseAlias: scalar('caseAlias'),
    status: scalar('status'),
    createdAt: scalar('createdAt'),
    resident: mergeFields(base?.resident, local.resident, remote.resident),
    municipality: scalar('municipality'),
    caseDirectorUserId: scalar('caseDirectorUserId'),
    wants: mergeById(local.wants, remote.wants),
    wellbeing: mergeById(local.wellbeing, remote.wellbeing),
    can: {
      own: mergeLines(base?.can.own, local.can.own, remote.can.own),
      offer: mergeLines(base?.can.offer, local.can.offer, remote.can.offer),
    },
    needs: {
      shortTerm: mergeLines(base?.needs.shortTerm, local.needs.shortTerm, remote.needs.shortTerm),
      longTerm: mergeLines(base?.needs.longTerm, local.needs.longTerm, remote.needs.longTerm),
    },
    organisations: mergeById(
      local.organisations.map((o) => ({ ...o, id: o.organisationId, updatedAt: '' })),
      remote.organisations.map((o) => ({ ...o, id: o.organisationId, updatedAt: '' })),
      (l) => l,
    ).map(({ organisationId, name }) => ({ organisationId, name })),
    participants: mergeById(local.participants, remote.participants, mergeParticipant),
    consents: mergeById(local.consents, remote.consents),
    meetings: mergeById(local.meetings, remote.meetings, mergeMeeting),
    agreements: mergeById(local.agreements, remote.agreements, mergeAgreement),
    caseDirection: mergeFields(base?.caseDirection, local.caseDirection, remote.caseDirection),
    evaluations: mergeById(local.evaluations, remote.evaluations),
    microAnalyses: mergeById(local.microAnalyses, remote.microAnalyses),
    meetingNotes: mergeById(local.meetingNotes, remote.meetingNotes),
    followUpReminders: mergeById(local.followUpReminders, remote.followUpReminders),
    changeNotices: mergeById(local.changeNotices, remote.changeNotices),
    actions: mergeById(local.actions, remote.actions),
    log: mergeLogs(local.log, remote.log),
  };
  const areaId = scalar('areaId');
  if (areaId !== undefined) merged.areaId = areaId;
  return merged;
}
