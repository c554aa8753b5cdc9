import { describe, expect, it } from 'vitest';
import {
  addEvaluationAction, agreementsToEvaluate, checkEvaluationAction, completeEvaluation, currentEvaluation, EVALUATION_STEPS, evaluationActionDue,
  evaluationProgress, recordEvaluationWellbeing, setEvaluationLesson, setEvaluationOutcome, startEvaluation, wellbeingSeries,
} from './evaluation';
import { addAgreement, closeMeeting } from './meetingRecord';
import { addWellbeing } from './planEdits';
import type { Plan } from './planSchema';
import { samplePlan } from './testing/samplePlan';

const stamp = (at: string) => ({ at, byUserId: 'u-esra' });

function withFour(): Plan {
  let plan = samplePlan();
  plan = addWellbeing(plan, { id: 'wb-0', score: 4, date: '2026-11-19', moment: 'start', comment: '' }, '2026-11-19T09:00:00Z');
  for (const [i, who] of ['p-bram', 'p-resident', 'p-wouter', 'p-sister'].entries()) {
    plan = addAgreement(plan, { id: `a-${i + 1}`, who, what: `Afspraak ${i + 1}`, due: '2027-01-12', meetingId: 'm-1' }, stamp('2026-12-01T09:20:00Z'));
  }
  plan = closeMeeting(plan, 'm-1', stamp('2026-12-01T10:30:00Z'));
  return startEvaluation(plan, { id: 'e-1', date: '2027-01-12', how: 'meeting' }, '2027-01-12T09:00:00Z');
}

describe('the evaluation agenda', () => {
  it('follows the handbook’s format: twelve steps in three phases', () => {
    expect(EVALUATION_STEPS).toHaveLength(12);
    expect(new Set(EVALUATION_STEPS.map((s) => s.phase))).toEqual(new Set(['before', 'meeting', 'after']));
  });

  it('asks "uitgevoerd?" per agreement; done marks the agreement done, partly and not leave it open', () => {
    let plan = withFour();
    const at = stamp('2027-01-12T10:00:00Z');
    plan = setEvaluationOutcome(plan, 'e-1', { agreementId: 'a-1', result: 'done' }, at);
    plan = setEvaluationOutcome(plan, 'e-1', { agreementId: 'a-2', result: 'done' }, at);
    plan = setEvaluationOutcome(plan, 'e-1', { agreementId: 'a-3', result: 'done' }, at);
    plan = setEvaluationOutcome(plan, 'e-1', { agreementId: 'a-4', result: 'partly', note: ' Nog één keer mee. ' }, at);
    expect(plan.agreements.map((a) => a.status)).toEqual(['done', 'done', 'done', 'open']);
    expect(plan.agreements[0]!.history.at(-1)).toMatchObject({ change: 'done', fields: ['status'] });
    expect(plan.evaluations[0]!.outcomes?.find((o) => o.agreementId === 'a-4')).toMatchObject({ result: 'partly', note: 'Nog één keer mee.' });
    expect(evaluationProgress(plan, 'e-1')).toMatchObject({ agreements: 4, answered: 4, done: 3, partly: 1, not: 0 });
  });

  it('adds extra actions to the same plan, marked, due within six weeks of the evaluation', () => {
    let plan = withFour();
    expect(evaluationActionDue('2027-01-12')).toBe('2027-02-23');
    expect(checkEvaluationAction({ id: 'x', who: 'p-bram', what: 'Iets', due: '2027-03-30' }, { evaluationDate: '2027-01-12', today: '2027-01-12' }).map((p) => p.code)).toEqual(['due-beyond-six-weeks']);
    plan = addEvaluationAction(plan, 'e-1', { id: 'a-5', who: 'p-bram', what: 'Extra: budgetcursus', due: '2027-02-23' }, stamp('2027-01-12T10:10:00Z'));
    expect(plan.agreements.at(-1)).toMatchObject({ id: 'a-5', evaluationId: 'e-1', status: 'open' });
    expect(agreementsToEvaluate(plan, 'e-1').map((a) => a.id)).toEqual(['a-1', 'a-2', 'a-3', 'a-4']);
    expect(addEvaluationAction(plan, 'no-such', { id: 'a-6', who: 'p-bram', what: 'x', due: '2027-02-23' }, stamp('2027-01-12T10:11:00Z'))).toBe(plan);
  });

  it('keeps the new welzijnscijfer beside the earlier ones, and changes it instead of adding a second', () => {
    let plan = withFour();
    plan = recordEvaluationWellbeing(plan, 'e-1', { id: 'wb-1', score: 7, date: '2027-01-12', comment: 'Beter.' }, '2027-01-12T10:20:00Z');
    plan = recordEvaluationWellbeing(plan, 'e-1', { id: 'wb-2', score: 8, date: '2027-01-12', comment: 'Beter.' }, '2027-01-12T10:21:00Z');
    expect(wellbeingSeries(plan).map((w) => [w.moment, w.score])).toEqual([['start', 4], ['evaluation', 8]]);
    expect(plan.evaluations[0]!.wellbeingId).toBe('wb-1');
  });

  it('keeps lessons per step, drops a step emptied again, and completes once', () => {
    let plan = withFour();
    plan = setEvaluationLesson(plan, 'e-1', { step: 'planning', did: 'Binnen een week gepland', wentWell: 'Iedereen kon', needed: '' }, '2027-01-12T10:30:00Z');
    plan = setEvaluationLesson(plan, 'e-1', { step: 'signal', did: 'x', wentWell: '', needed: '' }, '2027-01-12T10:31:00Z');
    plan = setEvaluationLesson(plan, 'e-1', { step: 'signal', did: '', wentWell: '', needed: '' }, '2027-01-12T10:32:00Z');
    expect(plan.evaluations[0]!.lessons?.map((l) => l.step)).toEqual(['planning']);
    plan = setEvaluationOutcome(plan, 'e-1', { agreementId: 'a-1', result: 'not' }, stamp('2027-01-12T10:33:00Z'));
    const done = completeEvaluation(plan, 'e-1', stamp('2027-01-12T11:00:00Z'));
    expect(done.evaluations[0]).toMatchObject({ status: 'done', completedAt: '2027-01-12T11:00:00Z', allActionsDone: false });
    expect(completeEvaluation(done, 'e-1', stamp('2027-01-12T12:00:00Z'))).toBe(done);
    expect(currentEvaluation(done)?.id).toBe('e-1');
  });
});
