// What this device holds that the stored plan does not yet have: the screen says "saved on this device"
// for those, and "everything synced" when nothing is left. A comparison by content, so a change made and
// undone again before it was written counts as nothing.
import { canonical } from './mergePlans';
import type { Agreement, Plan } from './planSchema';

const agreementKey = (a: Agreement) => canonical([a.updatedAt, a.status, a.planner]);

/** Agreements that are new here, or whose updatedAt, status or Planner link differ from the stored plan. */
export function unsyncedAgreementIds(stored: Plan | undefined, local: Plan): Set<string> {
  const known = new Map((stored?.agreements ?? []).map((a) => [a.id, agreementKey(a)]));
  return new Set(local.agreements.filter((a) => known.get(a.id) !== agreementKey(a)).map((a) => a.id));
}

function differingRecords<T extends { id: string }>(stored: readonly T[], local: readonly T[]): number {
  const theirs = new Map(stored.map((r) => [r.id, canonical(r)]));
  const ours = new Set(local.map((r) => r.id));
  const changed = local.filter((r) => theirs.get(r.id) !== canonical(r)).length;
  const gone = stored.filter((r) => !ours.has(r.id)).length;
  return changed + gone;
}

/** How many records differ: every agreement, note, evaluation, meeting, … counts once; plan-wide parts count once each. */
export function countUnsyncedChanges(stored: Plan | undefined, local: Plan): number {
  const s = stored;
  const records =
    differingRecords(s?.agreements ?? [], local.agreements) +
    differingRecords(s?.meetingNotes ?? [], local.meetingNotes) +
    differingRecords(s?.runFacts ?? [], local.runFacts) +
    differingRecords(s?.parkedTopics ?? [], local.parkedTopics) +
    differingRecords(s?.evaluations ?? [], local.evaluations) +
    differingRecords(s?.meetings ?? [], local.meetings) +
    differingRecords(s?.wants ?? [], local.wants) +
    differingRecords(s?.wellbeing ?? [], local.wellbeing) +
    differingRecords(s?.participants ?? [], local.participants) +
    differingRecords(s?.consents ?? [], local.consents) +
    differingRecords(s?.microAnalyses ?? [], local.microAnalyses);
  const parts: (keyof Plan)[] = ['caseDirection', 'can', 'needs', 'organisations', 'resident', 'status', 'areaId', 'caseAlias', 'municipality', 'caseDirectorUserId'];
  const wide = parts.filter((key) => canonical(s?.[key]) !== canonical(local[key])).length;
  return records + wide;
}
