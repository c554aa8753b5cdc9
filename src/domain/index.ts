// The domain's public API: other layers import the domain only through this file.
export { isCaseAlias, nextCaseAlias } from './caseAlias';
export { CASE_STATUSES, isCaseStatus, summarisePlan } from './caseSummary';
export type { CaseStatus, CaseSummary } from './caseSummary';
export { createDraftPlan } from './draftPlan';
export type { DraftPlan, DraftPlanInput } from './draftPlan';
