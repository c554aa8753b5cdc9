// What the case list shows about a case, derived from its plan without exposing plan details.
import { caseFigures } from './areaFigures';
import type { CaseFigures, CaseFiguresInput } from './areaFigures';

// A tuple, so the plan schema can build its enum from the same list.
export const CASE_STATUSES = ['draft', 'preparing', 'planned', 'running', 'evaluating', 'closed'] as const;

export type CaseStatus = (typeof CASE_STATUSES)[number];

export interface CaseSummary {
  caseAlias: string;
  status: CaseStatus;
  /** ISO start of the next planned SO, if any. */
  nextMeeting?: string;
  openAgreements: number;
  /** The numbers the area view adds up (never a name or text): written into the index with the rest. */
  figures?: CaseFigures;
}

export function isCaseStatus(value: unknown): value is CaseStatus {
  return typeof value === 'string' && (CASE_STATUSES as readonly string[]).includes(value);
}

interface PlanLike extends CaseFiguresInput {
  caseAlias: string;
  status: CaseStatus;
  meetings?: { start: string; status: string; closedAt?: string; eventId?: string; soNeededSince?: string }[];
  agreements?: { status: string }[];
}

/**
 * The case's status, derived from what happened in the plan (issue 11 item 8) — never a field a screen sets
 * and forgets: closed when the case director closed the case; evaluating once an SO was held and an evaluation
 * is planned or done; running (the agreements are being carried out) once an SO was held and closed; planned
 * once an SO's invitation went out; preparing while an SO is being prepared (or the plan is filled for
 * one); a new plan is a draft.
 */
export function caseStatusOf(plan: Pick<PlanLike, 'status' | 'meetings' | 'evaluations'>): CaseStatus {
  if (plan.status === 'closed') return 'closed';
  const meetings = (plan.meetings ?? []).filter((m) => m.status !== 'cancelled');
  const held = meetings.some((m) => m.status === 'held' || m.closedAt !== undefined);
  if (held && (plan.evaluations ?? []).length > 0) return 'evaluating';
  if (held) return 'running';
  if (meetings.some((m) => m.eventId !== undefined)) return 'planned';
  if (meetings.length > 0) return 'preparing';
  return plan.status === 'draft' ? 'draft' : 'preparing';
}

/** The next planned meeting at or after `now`, and the agreements still open. */
export function summarisePlan(plan: PlanLike, now: string): CaseSummary {
  const nowMs = Date.parse(now);
  const upcoming = (plan.meetings ?? [])
    .filter((m) => m.status === 'planned' && Date.parse(m.start) >= nowMs)
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  const summary: CaseSummary = {
    caseAlias: plan.caseAlias,
    status: caseStatusOf(plan),
    openAgreements: (plan.agreements ?? []).filter((a) => a.status !== 'done').length,
  };
  if (upcoming[0]) summary.nextMeeting = upcoming[0].start;
  summary.figures = caseFigures(plan);
  return summary;
}
