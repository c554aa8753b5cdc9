import { describe, expect, it } from 'vitest';
import { addAgreement, editAgreement, planEvaluation, setCaseDirection, setMeetingNote } from './meetingRecord';
import { applyMirrorLinks } from './plannerMirror';
import { countUnsyncedChanges, unsyncedAgreementIds } from './syncStatus';
import { samplePlan } from './testing/samplePlan';

const stamp = (minute: number) => ({ at: `2026-12-01T10:${String(minute).padStart(2, '0')}:00+01:00`, byUserId: 'u-esra' });

describe('sync status', () => {
  const stored = addAgreement(samplePlan(), { id: 'a-1', who: 'p-bram', what: 'x', due: '2027-01-12' }, stamp(1));

  it('nothing is unsynced when the device holds what is stored', () => {
    expect(unsyncedAgreementIds(stored, stored)).toEqual(new Set());
    expect(countUnsyncedChanges(stored, structuredClone(stored))).toBe(0);
  });

  it('names new and changed agreements, and a new Planner link', () => {
    let local = addAgreement(stored, { id: 'a-2', who: 'p-esra', what: 'y', due: '2027-01-12' }, stamp(2));
    expect(unsyncedAgreementIds(stored, local)).toEqual(new Set(['a-2']));
    local = editAgreement(local, 'a-1', { what: 'z' }, stamp(3));
    expect(unsyncedAgreementIds(stored, local)).toEqual(new Set(['a-1', 'a-2']));
    expect(unsyncedAgreementIds(stored, applyMirrorLinks(stored, [{ agreementId: 'a-1', planId: 'p', taskId: 't', etag: 'e' }]))).toEqual(new Set(['a-1']));
  });

  it('without a stored plan, everything is unsynced', () => {
    expect(unsyncedAgreementIds(undefined, stored)).toEqual(new Set(['a-1']));
    expect(countUnsyncedChanges(undefined, stored)).toBeGreaterThan(5);
  });

  it('counts each changed record once, across agreements, notes, evaluations, meetings and plan-wide parts', () => {
    let local = editAgreement(stored, 'a-1', { what: 'z' }, stamp(3));
    local = editAgreement(local, 'a-1', { due: '2027-01-10' }, stamp(4));
    expect(countUnsyncedChanges(stored, local)).toBe(1);
    local = setMeetingNote(local, { meetingId: 'm-1', itemKey: 'wants', text: 'n' }, stamp(5).at);
    local = planEvaluation(local, { id: 'e-1', date: '2027-01-12', how: 'mail', organiserParticipantId: 'p-esra' }, stamp(6).at);
    local = setCaseDirection(local, { caseDirectorParticipantId: 'p-esra' });
    local = { ...local, meetings: local.meetings.map((m) => ({ ...m, goal: 'Anders', updatedAt: stamp(7).at })) };
    expect(countUnsyncedChanges(stored, local)).toBe(5);
    // A record the device no longer has counts too.
    expect(countUnsyncedChanges(stored, { ...stored, agreements: [] })).toBe(1);
  });
});
