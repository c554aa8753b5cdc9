import { describe, expect, it } from 'vitest';
import { isCaseStatus, summarisePlan } from './caseSummary';
import { createDraftPlan } from './draftPlan';

describe('summarisePlan', () => {
  const now = '2026-11-22T09:00:00+01:00';

  it('takes the earliest planned meeting that has not started and counts open agreements', () => {
    const summary = summarisePlan({
      caseAlias: 'SO-2026-014',
      status: 'planned',
      meetings: [
        { start: '2026-12-10T10:00:00+01:00', status: 'planned' },
        { start: '2026-12-03T14:00:00+01:00', status: 'planned' },
        { start: '2026-11-01T10:00:00+01:00', status: 'held' },
        { start: '2026-12-01T10:00:00+01:00', status: 'cancelled' },
      ],
      agreements: [{ status: 'open' }, { status: 'done' }, { status: 'open' }],
    }, now);
    expect(summary).toEqual({
      caseAlias: 'SO-2026-014', status: 'planned', nextMeeting: '2026-12-03T14:00:00+01:00', openAgreements: 2,
      // The area view's numbers: the first SO held, the agreements (none carries its dates, so none counts as in time).
      figures: { firstSo: '2026-11-01', agreements: 3, agreementsDoneInTime: 0, declines: 0, escalations: 0 },
    });
  });

  it('has no next meeting when every planned one lies in the past', () => {
    const summary = summarisePlan({ caseAlias: 'SO-2026-001', status: 'evaluating', meetings: [{ start: '2026-10-01T10:00:00+02:00', status: 'planned' }] }, now);
    expect(summary.nextMeeting).toBeUndefined();
    expect(summary.openAgreements).toBe(0);
  });

  it('summarises a fresh draft as a draft without meetings', () => {
    const draft = createDraftPlan({ caseAlias: 'SO-2026-022', municipality: 'Maasveld', caseDirectorUserId: 'u1', now });
    expect(summarisePlan(draft, now)).toEqual({
      caseAlias: 'SO-2026-022', status: 'draft', openAgreements: 0,
      figures: { caseStart: '2026-11-22', agreements: 0, agreementsDoneInTime: 0, declines: 0, escalations: 0 },
    });
    expect(draft.log).toEqual([{ at: now, byUserId: 'u1', action: 'plan.created' }]);
  });

  it('knows the case statuses', () => {
    expect(isCaseStatus('evaluating')).toBe(true);
    expect(isCaseStatus('archived')).toBe(false);
    expect(isCaseStatus(3)).toBe(false);
  });
});
