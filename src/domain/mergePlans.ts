// The 412 merge: the plan document changed on the server since we loaded it, so we combine our version
// with theirs and write again. Records with a stable id are united by id and the later `updatedAt` wins
// per record; nothing with an id is ever dropped (an agreement least of all). Plan-wide fields without
// ids use the version we loaded (`base`) to see who changed what. The log is an append-only union.
import { parseInstant } from './calendar';
import type { Agreement, AgreementChange, LogEntry, Meeting, Plan, PlanParticipant, PlanShare } from './planSchema';

// Key order must not make two equal records look different.
function canonical(value: unknown): string {
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

function mergeAgreement(l: Agreement, r: Agreement): Agreement {
  return { ...later(l, r), history: unionHistory(l.history, r.history) };
}

// Facts about the outside world (an event was created, invitations went out, a permission was granted)
// must survive a concurrent edit of the same record: losing them would invite everyone twice or leave
// a share nobody can revoke. The later record wins as usual; what only the other side knows is kept.
const SEND_FACTS = ['transactionId', 'eventId', 'sentAt'] as const;

function mergeMeeting(l: Meeting, r: Meeting): Meeting {
  const winner = later(l, r);
  const other = winner === l ? r : l;
  const merged: Meeting = { ...winner };
  for (const key of SEND_FACTS) {
    if (merged[key] === undefined && other[key] !== undefined) merged[key] = other[key];
  }
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
    log: mergeLogs(local.log, remote.log),
  };
  const areaId = scalar('areaId');
  if (areaId !== undefined) merged.areaId = areaId;
  return merged;
}
