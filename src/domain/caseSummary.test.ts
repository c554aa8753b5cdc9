import { describe, expect, it } from 'vitest';
import { caseStatusOf, isCaseStatus, summarisePlan } from './caseSummary';
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
      // An SO was held (and nothing evaluated yet): the agreements are under way, whatever the stored status says.
      caseAlias: 'SO-2026-014', status: 'running', nextMeeting: '2026-12-03T14:00:00+01:00', openAgreements: 2,
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

  it('derives the status from what happened: prepared, sent, held, evaluated, closed', () => {
    const meeting = { start: '2026-12-03T14:00:00+01:00', status: 'planned' };
    expect(caseStatusOf({ status: 'draft' })).toBe('draft');
    expect(caseStatusOf({ status: 'preparing', meetings: [] })).toBe('preparing');
    expect(caseStatusOf({ status: 'draft', meetings: [meeting] })).toBe('preparing');
    expect(caseStatusOf({ status: 'preparing', meetings: [{ ...meeting, eventId: 'ev-1' }] })).toBe('planned');
    // Found by a new user: closing the SO left "SO bezig" on the case list.
    expect(caseStatusOf({ status: 'running', meetings: [{ ...meeting, eventId: 'ev-1', status: 'held', closedAt: '2026-12-03T16:00:00+01:00' }] })).toBe('running');
    expect(caseStatusOf({ status: 'running', meetings: [{ ...meeting, status: 'held' }], evaluations: [{ status: 'planned', date: '2027-01-12' }] })).toBe('evaluating');
    // A cancelled SO is no SO: back to preparing.
    expect(caseStatusOf({ status: 'planned', meetings: [{ ...meeting, eventId: 'ev-1', status: 'cancelled' }, meeting] })).toBe('preparing');
    expect(caseStatusOf({ status: 'closed', meetings: [{ ...meeting, status: 'held' }] })).toBe('closed');
  });

  it('knows the case statuses', () => {
    expect(isCaseStatus('evaluating')).toBe(true);
    expect(isCaseStatus('archived')).toBe(false);
    expect(isCaseStatus(3)).toBe(false);
  });
});
