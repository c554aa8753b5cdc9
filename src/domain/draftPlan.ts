// A new case starts as an empty Samenwerkplan in draft; the case director fills it with the resident.
import type { CaseStatus } from './caseSummary';

export interface DraftPlanInput {
  caseAlias: string;
  municipality: string;
  caseDirectorUserId: string;
  /** ISO timestamp supplied by the caller: the domain never reads the clock. */
  now: string;
}

export interface DraftPlan {
  schemaVersion: 1;
  caseAlias: string;
  status: CaseStatus;
  createdAt: string;
  resident: { id: string; name: string };
  municipality: string;
  caseDirectorUserId: string;
  wants: never[];
  wellbeing: never[];
  can: { own: string[]; offer: string[] };
  needs: { shortTerm: string[]; longTerm: string[] };
  organisations: never[];
  participants: never[];
  consents: never[];
  meetings: never[];
  agreements: never[];
  caseDirection: { processDirectorNeeded: boolean };
  log: { at: string; byUserId: string; action: string }[];
}

export function createDraftPlan(input: DraftPlanInput): DraftPlan {
  return {
    schemaVersion: 1,
    caseAlias: input.caseAlias,
    status: 'draft',
    createdAt: input.now,
    resident: { id: 'resident', name: '' },
    municipality: input.municipality,
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
    log: [{ at: input.now, byUserId: input.caseDirectorUserId, action: 'created' }],
  };
}
