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
  meetings?: { start: string; status: string }[];
  agreements?: { status: string }[];
}

/** The next planned meeting at or after `now`, and the agreements still open. */
export function summarisePlan(plan: PlanLike, now: string): CaseSummary {
  const nowMs = Date.parse(now);
  const upcoming = (plan.meetings ?? [])
    .filter((m) => m.status === 'planned' && Date.parse(m.start) >= nowMs)
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  const summary: CaseSummary = {
    caseAlias: plan.caseAlias,
    status: plan.status,
    openAgreements: (plan.agreements ?? []).filter((a) => a.status !== 'done').length,
  };
  if (upcoming[0]) summary.nextMeeting = upcoming[0].start;
  summary.figures = caseFigures(plan);
  return summary;
}
