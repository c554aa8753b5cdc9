// A new case starts as an empty Samenwerkplan in draft; the case director fills it with the resident.
import type { Plan } from './planSchema';

export interface DraftPlanInput {
  caseAlias: string;
  municipality: string;
  caseDirectorUserId: string;
  /** ISO timestamp supplied by the caller: the domain never reads the clock. */
  now: string;
  areaId?: string;
}

/** A draft is simply a Plan with nothing filled in yet. */
export type DraftPlan = Plan;

export function createDraftPlan(input: DraftPlanInput): DraftPlan {
  return {
    schemaVersion: 2,
    caseAlias: input.caseAlias,
    status: 'draft',
    createdAt: input.now,
    // The resident is not a tenant user; the id only has to be stable within this plan.
    resident: { id: 'resident', name: '' },
    municipality: input.municipality,
    ...(input.areaId === undefined ? {} : { areaId: input.areaId }),
    caseDirectorUserId: input.caseDirectorUserId,
    wants: [],
    wellbeing: [],
    can: { own: [], offer: [] },
    needs: { shortTerm: [], longTerm: [] },
    organisations: [],
    participants: [],
    consents: [],
    meetings: [],
    agreements: [],
    caseDirection: { processDirectorNeeded: false },
    evaluations: [],
    microAnalyses: [],
    meetingNotes: [],
    runFacts: [],
    followUpReminders: [],
    changeNotices: [],
    actions: [],
    log: [{ at: input.now, byUserId: input.caseDirectorUserId, action: 'plan.created' }],
  };
}
