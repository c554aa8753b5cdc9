import { describe, expect, it } from 'vitest';
import { addEvaluationAction, completeEvaluation, recordEvaluationWellbeing, startEvaluation } from './evaluation';
import { addAgreement, closeMeeting, editAgreement, recordDistribution, setCaseDirection } from './meetingRecord';
import { addWellbeing } from './planEdits';
import { jargonIn, printablePlanHtml, residentPlan, residentPlanText } from './residentPlan';
import type { Plan } from './planSchema';
import { samplePlan } from './testing/samplePlan';

const stamp = (at: string) => ({ at, byUserId: 'u-esra' });

function evaluated(): Plan {
  let plan = samplePlan();
  plan = addWellbeing(plan, { id: 'wb-0', score: 4, date: '2026-11-19', moment: 'start', comment: '' }, '2026-11-19T09:00:00Z');
  plan = addAgreement(plan, { id: 'a-1', who: 'p-bram', what: 'Belt de huisarts', due: '2027-01-12', meetingId: 'm-1' }, stamp('2026-12-01T09:20:00Z'));
  plan = addAgreement(plan, { id: 'a-2', who: 'p-resident', what: 'Ik zet de post in een map', due: '2027-01-12', meetingId: 'm-1' }, stamp('2026-12-01T09:21:00Z'));
  plan = setCaseDirection(plan, { caseDirectorParticipantId: 'p-esra', processDirectorNeeded: true, aveLevel: 2, processDirectorParticipantId: 'p-wouter' });
  plan = closeMeeting(plan, 'm-1', stamp('2026-12-01T10:30:00Z'));
  plan = recordDistribution(plan, 'm-1', [{ participantId: 'p-resident', channel: 'print' }], '2026-12-01T10:40:00Z');
  plan = editAgreement(plan, 'a-1', { due: '2027-01-08' }, stamp('2026-12-10T10:00:00Z'));
  plan = startEvaluation(plan, { id: 'e-1', date: '2027-01-12', how: 'meeting' }, '2027-01-12T09:00:00Z');
  plan = addEvaluationAction(plan, 'e-1', { id: 'a-3', who: 'p-sister', what: 'Gaat mee naar de budgetcursus', due: '2027-02-23' }, stamp('2027-01-12T10:00:00Z'));
  plan = recordEvaluationWellbeing(plan, 'e-1', { id: 'wb-1', score: 7, date: '2027-01-12', comment: '' }, '2027-01-12T10:05:00Z');
  return completeEvaluation(plan, 'e-1', stamp('2027-01-12T11:00:00Z'));
}

describe('the resident’s plan in B1 words', () => {
  it('says casusregie, procesregisseur and the AVE level plainly', () => {
    const text = residentPlanText(residentPlan(evaluated(), 'm-1'));
    expect(jargonIn(text)).toEqual([]);
    expect(text).toContain('Esra Aydin is mijn vaste contactpersoon');
    expect(text).toContain('Er komt iemand bij die erop let dat de hulpverleners goed blijven samenwerken. Dat wordt Wouter Dijkman.');
    expect(text).toContain('Nu is het 2: ik heb hulp nodig en we werken met een gewoon plan.');
  });

  it('the check itself finds the jargon the old print used', () => {
    expect(jargonIn('Er is een procesregisseur nodig. De casus zit op AVE-niveau 2.')).toEqual(['procesregisseur', 'AVE', 'casus']);
    expect(jargonIn('Ik ga naar de kaveling en de rave.')).toEqual([]);
  });

  it('marks the extra action with its date, notes a change, and shows the scores after the evaluation', () => {
    const plan = evaluated();
    const rows = residentPlan(plan, 'm-1').blocks.find((b) => b.kind === 'agreements');
    expect(rows?.kind === 'agreements' && rows.rows.map((r) => [r.id, r.who, r.addition, r.changed])).toEqual([
      ['a-1', 'Bram Hoekstra', undefined, 'Veranderd op donderdag 10 december 2026'],
      ['a-2', 'Ik', undefined, undefined],
      ['a-3', 'Nadia Benali', 'Aanvulling van dinsdag 12 januari 2027', undefined],
    ]);
    const html = printablePlanHtml(plan, 'm-1');
    expect(html).toMatch(/<tr class="addition"><td>Nadia Benali<\/td><td><span class="label">Aanvulling van dinsdag 12 januari 2027<\/span>/);
    const text = residentPlanText(residentPlan(plan, 'm-1'));
    expect(text).toContain('dinsdag 12 januari 2027: 7');
    expect(text).toContain('Op dinsdag 12 januari 2027 hebben we samen teruggekeken.');
  });
});
