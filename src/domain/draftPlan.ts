// A new case starts as an empty Samenwerkplan in draft; the case director fills it with the resident.
import type { Plan } from './planSchema';

export interface DraftPlanInput {
  caseAlias: string;
  municipality: string;
  caseDirectorUserId: string;
  /** ISO timestamp supplied by the caller: the domain never reads the clock. */
  now: string;
  areaId?: string;
  /**
   * The case director as the directory knows her: she sits at the resident's table like everyone else, so she
   * starts as the plan's first professional (choosable for casusregie, in the distribution and the evaluation).
   */
  caseDirector?: { name: string; email?: string; jobTitle?: string; organisation?: string };
}

/** The case director's participant id in a plan the app started. */
export const CASE_DIRECTOR_PARTICIPANT_ID = 'p-casusregisseur';

/** A draft is simply a Plan with nothing filled in yet. */
export type DraftPlan = Plan;

export function createDraftPlan(input: DraftPlanInput): DraftPlan {
  const director = input.caseDirector;
  const participants: Plan['participants'] = director === undefined ? [] : [{
    id: CASE_DIRECTOR_PARTICIPANT_ID,
    name: director.name.trim(),
    role: 'professional',
    userId: input.caseDirectorUserId,
    // She brings the overview of the case and thinks along; the case director can change this like any reason.
    reasons: ['thinkAlong'],
    updatedAt: input.now,
    ...(director.email?.trim() ? { email: director.email.trim() } : {}),
    ...(director.jobTitle?.trim() ? { jobTitle: director.jobTitle.trim() } : {}),
    ...(director.organisation?.trim() ? { organisation: director.organisation.trim() } : {}),
  }];
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
    participants,
    consents: [],
    meetings: [],
    agreements: [],
    caseDirection: { processDirectorNeeded: false },
    evaluations: [],
    microAnalyses: [],
    meetingNotes: [],
    runFacts: [],
    parkedTopics: [],
    followUpReminders: [],
    changeNotices: [],
    actions: [],
    log: [{ at: input.now, byUserId: input.caseDirectorUserId, action: 'plan.created' }],
  };
}
