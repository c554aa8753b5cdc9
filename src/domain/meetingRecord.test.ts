import { describe, expect, it } from 'vitest';
import {
  addAgreement, agreementOwnerName, agreementOwnerOptions, checkCaseDirection, checkEvaluationDraft, closeMeeting, editAgreement,
  meetingAgreements, meetingNoteText, planEvaluation, recordDistribution, setCaseDirection, setMeetingNote,
} from './meetingRecord';
import { PlanSchema } from './planSchema';
import type { Plan } from './planSchema';
import { samplePlan } from './testing/samplePlan';

const chair = { at: '2026-12-01T10:40:00+01:00', byUserId: 'u-esra' };
const later = { at: '2026-12-01T10:45:00+01:00', byUserId: 'u-bram' };
const codes = (problems: { severity: string; code: string }[]) => problems.map((p) => `${p.severity}:${p.code}`);

function withAgreement(plan: Plan = samplePlan()): Plan {
  return addAgreement(plan, { id: 'a-1', who: 'p-bram', what: '  Belt de huisarts over slapen.  ', due: '2027-01-12', meetingId: 'm-1', wantId: 'w-1' }, chair);
}

describe('addAgreement', () => {
  it('adds an open agreement created now, with its history, the SO and the "ik wil" point', () => {
    const plan = withAgreement();
    expect(plan.agreements).toEqual([
      {
        id: 'a-1', who: 'p-bram', what: 'Belt de huisarts over slapen.', due: '2027-01-12', status: 'open', createdAt: chair.at, updatedAt: chair.at,
        meetingId: 'm-1', wantId: 'w-1', history: [{ at: chair.at, byUserId: 'u-esra', change: 'created' }],
      },
    ]);
    expect(plan.log.at(-1)).toEqual({ at: chair.at, byUserId: 'u-esra', action: 'agreement.added', targetId: 'a-1' });
    expect(PlanSchema.safeParse(plan).success).toBe(true);
  });

  it('keeps perspectiveOnly and evaluationId when given, and leaves an empty wantId out', () => {
    const plan = addAgreement(samplePlan(), { id: 'a-2', who: 'p-resident', what: 'x', due: '2027-03-01', perspectiveOnly: true, evaluationId: 'e-1', wantId: '' }, chair);
    expect(plan.agreements[0]).toMatchObject({ perspectiveOnly: true, evaluationId: 'e-1' });
    expect(plan.agreements[0]).not.toHaveProperty('wantId');
  });

  it('adds the same id only once: a replayed edit changes nothing', () => {
    const plan = withAgreement();
    expect(addAgreement(plan, { id: 'a-1', who: 'p-esra', what: 'anders', due: '2027-01-01' }, later)).toBe(plan);
  });
});

describe('editAgreement', () => {
  it('changes a field with history and a fresh updatedAt', () => {
    const plan = editAgreement(withAgreement(), 'a-1', { due: '2027-01-05', what: ' Belt de huisarts. ' }, later);
    expect(plan.agreements[0]).toMatchObject({ due: '2027-01-05', what: 'Belt de huisarts.', updatedAt: later.at });
    expect(plan.agreements[0]!.history.at(-1)).toEqual({ at: later.at, byUserId: 'u-bram', change: 'edited', previous: { what: 'Belt de huisarts over slapen.', due: '2027-01-12' }, fields: ['what', 'due'] });
  });

  it('marks done and reopens; an unknown id or no change leaves the plan as it was', () => {
    const plan = withAgreement();
    const done = editAgreement(plan, 'a-1', { status: 'done' }, later);
    expect(done.agreements[0]).toMatchObject({ status: 'done', doneAt: later.at });
    expect(editAgreement(plan, 'nope', { status: 'done' }, later)).toBe(plan);
    expect(editAgreement(plan, 'a-1', { who: 'p-bram' }, later)).toBe(plan);
  });

  it('unlinks the "ik wil" point with an empty wantId', () => {
    const plan = editAgreement(withAgreement(), 'a-1', { wantId: '' }, later);
    expect(plan.agreements[0]).not.toHaveProperty('wantId');
    expect(plan.agreements[0]!.history.at(-1)).toMatchObject({ previous: { wantId: 'w-1' }, fields: ['wantId'] });
  });
});

describe('owners', () => {
  it('offers the resident first, then the network, then professionals', () => {
    expect(agreementOwnerOptions(samplePlan()).map((o) => o.participantId)).toEqual(['p-resident', 'p-sister', 'p-neighbour', 'p-esra', 'p-bram', 'p-wouter']);
  });

  it('for an SO: only the people at its table (always the resident and the case director)', () => {
    const plan = samplePlan();
    const invitedWithoutResident = { ...plan, meetings: [{ ...plan.meetings[0]!, invitedParticipantIds: ['p-bram', 'p-sister'] }] };
    expect(agreementOwnerOptions(invitedWithoutResident, 'm-1').map((o) => o.participantId)).toEqual(['p-resident', 'p-sister', 'p-esra', 'p-bram']);
    expect(agreementOwnerOptions(plan, 'm-1')[2]).toEqual({ participantId: 'p-esra', name: 'Esra Aydin', role: 'professional', userId: 'u-esra', organisation: 'Stichting Buurtkracht' });
  });

  it('names the owner, or shows what was stored when nobody matches', () => {
    const plan = samplePlan();
    expect(agreementOwnerName(plan, 'p-sister')).toBe('Nadia Benali');
    expect(agreementOwnerName(plan, 'Kofi')).toBe('Kofi');
  });

  it('lists the agreements of one SO in plan order', () => {
    let plan = withAgreement();
    plan = addAgreement(plan, { id: 'a-0', who: 'p-esra', what: 'eerder', due: '2027-01-01' }, chair);
    plan = addAgreement(plan, { id: 'a-2', who: 'p-esra', what: 'ook', due: '2027-01-01', meetingId: 'm-1' }, later);
    expect(meetingAgreements(plan, 'm-1').map((a) => a.id)).toEqual(['a-1', 'a-2']);
  });
});

describe('casusregie and procesregie', () => {
  it('sets and clears keys; saying no procesregisseur is needed keeps the AVE level', () => {
    let plan = setCaseDirection(samplePlan(), { caseDirectorParticipantId: 'p-esra', processDirectorNeeded: true, aveLevel: 3 });
    expect(plan.caseDirection).toEqual({ caseDirectorParticipantId: 'p-esra', processDirectorNeeded: true, aveLevel: 3 });
    plan = setCaseDirection(plan, { processDirectorNeeded: false, caseDirectorParticipantId: undefined });
    expect(plan.caseDirection).toEqual({ processDirectorNeeded: false, aveLevel: 3 });
    expect(setCaseDirection(plan, { aveLevel: 3 })).toBe(plan);
  });

  it('asks for a casusregisseur who is a professional of the plan', () => {
    const plan = samplePlan();
    expect(codes(checkCaseDirection(plan))).toEqual(['warning:case-director-missing']);
    expect(codes(checkCaseDirection(setCaseDirection(plan, { caseDirectorParticipantId: 'p-sister' })))).toEqual(['error:case-director-not-professional']);
    expect(checkCaseDirection(setCaseDirection(plan, { caseDirectorParticipantId: 'p-sister' }))[0]!.message).toContain('Nadia Benali');
    expect(codes(checkCaseDirection(setCaseDirection(plan, { caseDirectorParticipantId: 'p-gone' })))).toEqual(['error:case-director-unknown']);
    expect(checkCaseDirection(setCaseDirection(plan, { caseDirectorParticipantId: 'p-esra' }))).toEqual([]);
  });

  it('advises a procesregisseur at AVE 3 or 4, and asks the AVE level when one is needed', () => {
    const plan = setCaseDirection(samplePlan(), { caseDirectorParticipantId: 'p-esra' });
    expect(codes(checkCaseDirection(setCaseDirection(plan, { aveLevel: 2 })))).toEqual([]);
    expect(codes(checkCaseDirection(setCaseDirection(plan, { aveLevel: 3 })))).toEqual(['warning:process-director-advised']);
    expect(codes(checkCaseDirection(setCaseDirection(plan, { aveLevel: 4, processDirectorNeeded: true })))).toEqual([]);
    expect(codes(checkCaseDirection(setCaseDirection(plan, { processDirectorNeeded: true })))).toEqual(['warning:ave-level-missing']);
    expect(codes(checkCaseDirection(setCaseDirection(plan, { processDirectorNeeded: true, aveLevel: 3, processDirectorParticipantId: 'p-resident' })))).toEqual([
      'error:process-director-not-professional',
    ]);
    expect(codes(checkCaseDirection(setCaseDirection(plan, { processDirectorNeeded: true, aveLevel: 3, processDirectorParticipantId: 'p-esra' })))).toEqual([
      'warning:process-director-is-case-director',
    ]);
  });
});

describe('evaluation', () => {
  const draft = { id: 'e-1', date: '2027-01-12', organiserParticipantId: 'p-esra', how: 'meeting' as const };
  const context = { today: '2026-12-01', meetingDate: '2026-12-01T10:00:00+01:00' };

  it('accepts a date within six weeks with an organiser', () => {
    expect(checkEvaluationDraft(draft, context)).toEqual([]);
  });

  it('reports a bad or past date and a missing organiser as errors, later than six weeks as a warning', () => {
    expect(codes(checkEvaluationDraft({ ...draft, date: '2027-02-30' }, context))).toEqual(['error:date-invalid']);
    expect(codes(checkEvaluationDraft({ ...draft, date: '2026-11-30' }, context))).toEqual(['error:date-past']);
    expect(codes(checkEvaluationDraft({ id: 'e-1', date: '2027-01-13', how: 'mail' }, context))).toEqual(['warning:evaluation-beyond-six-weeks', 'error:organiser-missing']);
    expect(checkEvaluationDraft({ ...draft, organiserParticipantId: '' }, context)[0]).toMatchObject({ path: 'organiserParticipantId' });
    expect(codes(checkEvaluationDraft({ ...draft, date: '2027-03-01' }, { today: '2026-12-01' }))).toEqual([]);
  });

  it('plans it, and changes the same evaluation when planned again', () => {
    let plan = planEvaluation(samplePlan(), { ...draft, meetingId: 'm-1' }, chair.at);
    expect(plan.evaluations).toEqual([{ id: 'e-1', date: '2027-01-12', how: 'meeting', status: 'planned', organiserParticipantId: 'p-esra', meetingId: 'm-1', updatedAt: chair.at }]);
    plan = planEvaluation(plan, { id: 'e-1', date: '2027-01-10', how: 'mail' }, later.at);
    expect(plan.evaluations).toEqual([{ id: 'e-1', date: '2027-01-10', how: 'mail', status: 'planned', updatedAt: later.at }]);
    expect(PlanSchema.safeParse(plan).success).toBe(true);
  });
});

describe('notes per agenda item', () => {
  it('keeps one note per item, and changes nothing when the text is the same', () => {
    let plan = setMeetingNote(samplePlan(), { meetingId: 'm-1', itemKey: 'wants', text: 'Slapen eerst.' }, chair.at);
    plan = setMeetingNote(plan, { meetingId: 'm-1', itemKey: 'wants', text: 'Slapen eerst, dan geld.' }, later.at);
    expect(plan.meetingNotes).toEqual([{ id: 'm-1:wants', meetingId: 'm-1', itemKey: 'wants', text: 'Slapen eerst, dan geld.', updatedAt: later.at }]);
    expect(setMeetingNote(plan, { meetingId: 'm-1', itemKey: 'wants', text: 'Slapen eerst, dan geld.' }, '2026-12-02T09:00:00Z')).toBe(plan);
    expect(meetingNoteText(plan, 'm-1', 'wants')).toBe('Slapen eerst, dan geld.');
    expect(meetingNoteText(plan, 'm-1', 'can')).toBe('');
  });
});

describe('closing and distribution', () => {
  it('closes the SO once: held, when and by whom, logged, the case running', () => {
    const plan = closeMeeting(samplePlan(), 'm-1', chair);
    expect(plan.meetings[0]).toMatchObject({ status: 'held', closedAt: chair.at, closedByUserId: 'u-esra', updatedAt: chair.at });
    expect(plan.status).toBe('running');
    expect(plan.log.at(-1)).toEqual({ at: chair.at, byUserId: 'u-esra', action: 'meeting.closed', targetId: 'm-1' });
    expect(closeMeeting(plan, 'm-1', later)).toBe(plan);
    expect(closeMeeting(samplePlan(), 'm-x', chair).meetings[0]!.status).toBe('planned');
    expect(closeMeeting({ ...samplePlan(), status: 'evaluating' }, 'm-1', chair).status).toBe('evaluating');
    expect(PlanSchema.safeParse(plan).success).toBe(true);
  });

  it('records who got the plan how, once per person and channel', () => {
    let plan = recordDistribution(samplePlan(), 'm-1', [{ participantId: 'p-bram', channel: 'mail' }, { participantId: 'p-resident', channel: 'print' }], chair.at);
    plan = recordDistribution(plan, 'm-1', [{ participantId: 'p-bram', channel: 'mail' }, { participantId: 'p-sister', channel: 'print' }], later.at);
    expect(plan.meetings[0]!.distribution).toEqual([
      { participantId: 'p-bram', channel: 'mail', at: chair.at },
      { participantId: 'p-resident', channel: 'print', at: chair.at },
      { participantId: 'p-sister', channel: 'print', at: later.at },
    ]);
    expect(recordDistribution(plan, 'm-1', [{ participantId: 'p-bram', channel: 'mail' }], later.at)).toBe(plan);
    expect(PlanSchema.safeParse(plan).success).toBe(true);
  });
});
