import { describe, expect, it } from 'vitest';
import { closeMeeting, planEvaluation } from './meetingRecord';
import { composeSummaryMail, summariseMeeting } from './meetingSummary';
import { mergePlans } from './mergePlans';
import {
  checkParkedDecided, checkParkNote, decideParkedTopic, PARK_NOTE_MAX, parkedTopicsOf, parkedTopicToAgreement, parkStepName, parkTopic,
} from './parkList';
import { PlanSchema } from './planSchema';
import type { Plan } from './planSchema';
import { printablePlanHtml, residentPlan, residentPlanText } from './residentPlan';
import { samplePlan } from './testing/samplePlan';
import { validatePlan } from './validatePlan';

const by = (minute: number, user = 'u-priya') => ({ at: `2026-12-01T09:${String(minute).padStart(2, '0')}:00.000Z`, byUserId: user });
const M = 'm-1';

function parked(): Plan {
  let plan = samplePlan();
  plan = parkTopic(plan, { id: 'pt-1', meetingId: M, stepKey: 'currentState', note: '  Schulden bij de  woningcorporatie ' }, by(5));
  plan = parkTopic(plan, { id: 'pt-2', meetingId: M, stepKey: 'want-2', note: 'Vervoer naar de dagbesteding' }, by(20));
  return plan;
}

describe('checkParkNote', () => {
  it('asks for a note when it is blank, in Dutch, at the note field', () => {
    expect(checkParkNote(' \u00a0\n')).toEqual([expect.objectContaining({ code: 'park-note-missing', severity: 'error', path: 'note' })]);
    expect(checkParkNote('')[0]!.message).toBe('Schrijf kort op welk onderwerp je parkeert.');
  });

  it(`refuses a note above ${PARK_NOTE_MAX} characters and says how long it is`, () => {
    expect(checkParkNote('x'.repeat(PARK_NOTE_MAX))).toEqual([]);
    const [problem] = checkParkNote('x'.repeat(PARK_NOTE_MAX + 1));
    expect(problem).toMatchObject({ code: 'park-note-too-long', path: 'note' });
    expect(problem!.message).toContain(`${PARK_NOTE_MAX + 1} tekens`);
  });
});

describe('parkTopic', () => {
  it('records the note (cleaned), the step, who and when, open; and logs it', () => {
    const plan = parked();
    expect(parkedTopicsOf(plan, M)).toEqual([
      { id: 'pt-1', meetingId: M, note: 'Schulden bij de woningcorporatie', stepKey: 'currentState', parkedAt: by(5).at, parkedByUserId: 'u-priya', decision: 'open', updatedAt: by(5).at },
      expect.objectContaining({ id: 'pt-2', stepKey: 'want-2', decision: 'open' }),
    ]);
    expect(plan.log.filter((l) => l.action === 'topic.parked').map((l) => l.targetId)).toEqual(['pt-1', 'pt-2']);
    expect(validatePlan(plan).problems).toEqual([]);
  });

  it('leaves the plan as it was for a bad note, a replayed id, an unknown or a closed SO', () => {
    const plan = parked();
    expect(parkTopic(plan, { id: 'pt-3', meetingId: M, stepKey: 'can', note: '  ' }, by(30))).toBe(plan);
    expect(parkTopic(plan, { id: 'pt-1', meetingId: M, stepKey: 'can', note: 'Ander onderwerp' }, by(30))).toBe(plan);
    expect(parkTopic(plan, { id: 'pt-3', meetingId: 'm-x', stepKey: 'can', note: 'Iets' }, by(30))).toBe(plan);
    const closed = closeMeeting(decideAll(plan), M, by(40));
    expect(parkTopic(closed, { id: 'pt-3', meetingId: M, stepKey: 'can', note: 'Iets' }, by(41))).toBe(closed);
  });
});

function decideAll(plan: Plan): Plan {
  return plan.parkedTopics.reduce((p, t) => decideParkedTopic(p, t.id, 'dropped', by(35)), plan);
}

describe('deciding', () => {
  it('turns a topic into an agreement in one edit: the agreement of this SO, and the topic linked to it', () => {
    const plan = parkedTopicToAgreement(parked(), 'pt-1', { id: 'a-9', who: 'p-wouter', what: 'Betalingsregeling met de corporatie', due: '2026-12-20' }, by(50));
    expect(plan.agreements).toEqual([expect.objectContaining({ id: 'a-9', meetingId: M, who: 'p-wouter', status: 'open' })]);
    expect(plan.parkedTopics[0]).toMatchObject({ decision: 'agreement', agreementId: 'a-9', decidedAt: by(50).at, decidedByUserId: 'u-priya', updatedAt: by(50).at });
    expect(plan.log.map((l) => l.action)).toEqual(expect.arrayContaining(['agreement.added', 'topic.agreement']));
  });

  it('records follow-up and dropped, and back to open forgets when and by whom', () => {
    let plan = decideParkedTopic(parked(), 'pt-2', 'follow-up', by(51));
    expect(plan.parkedTopics[1]).toMatchObject({ decision: 'follow-up', decidedAt: by(51).at });
    plan = decideParkedTopic(plan, 'pt-2', 'open', by(52));
    expect(plan.parkedTopics[1]).not.toHaveProperty('decidedAt');
    expect(plan.parkedTopics[1]!.decision).toBe('open');
    expect(decideParkedTopic(plan, 'pt-x', 'dropped', by(53))).toBe(plan);
    expect(decideParkedTopic(plan, 'pt-2', 'open', by(53))).toBe(plan);
  });
});

describe('checkParkedDecided: the close waits for every decision', () => {
  it('names how many are open and what to do', () => {
    const [problem] = checkParkedDecided(parked(), M);
    expect(problem).toMatchObject({ code: 'parked-open', severity: 'error' });
    expect(problem!.message).toMatch(/^Er staan nog 2 onderwerpen open op de parkeerplaats\. Kies bij elk onderwerp: een afspraak maken/);
    const one = decideParkedTopic(parked(), 'pt-1', 'dropped', by(40));
    expect(checkParkedDecided(one, M)[0]!.message).toMatch(/^Er staat nog 1 onderwerp open/);
    expect(checkParkedDecided(samplePlan(), M)).toEqual([]);
  });

  it('warns when a topic goes to a follow-up SO that is not planned, until it is', () => {
    const plan = decideParkedTopic(decideParkedTopic(parked(), 'pt-1', 'dropped', by(40)), 'pt-2', 'follow-up', by(41));
    expect(checkParkedDecided(plan, M)).toEqual([expect.objectContaining({ code: 'parked-follow-up-unplanned', severity: 'warning' })]);
    const planned = planEvaluation(plan, { id: 'e-1', date: '2027-01-05', how: 'meeting', meetingId: M, organiserParticipantId: 'p-esra' }, by(42).at);
    expect(checkParkedDecided(planned, M)).toEqual([]);
  });
});

describe('parkStepName', () => {
  it('names the step shortly, never with the resident’s own words', () => {
    expect(parkStepName('currentState')).toBe('Hoe staat het ervoor');
    expect(parkStepName('want-2')).toBe('‘Ik wil’-punt 2');
  });
});

function decidedPlan(): Plan {
  let plan = parkTopic(parked(), { id: 'pt-3', meetingId: M, stepKey: 'needs', note: 'Bel <script>alert(1)</script> 06-12345678' }, by(30));
  plan = parkedTopicToAgreement(plan, 'pt-1', { id: 'a-9', who: 'p-wouter', what: 'Betalingsregeling', due: '2026-12-20' }, by(50));
  plan = decideParkedTopic(plan, 'pt-2', 'follow-up', by(51));
  plan = decideParkedTopic(plan, 'pt-3', 'dropped', by(52));
  return planEvaluation(plan, { id: 'e-1', date: '2027-01-05', how: 'meeting', meetingId: M, organiserParticipantId: 'p-esra' }, by(53).at);
}

describe('the summary, the mail and the resident’s plan show the park list', () => {
  it('summarises each topic with its step and decision', () => {
    expect(summariseMeeting(decidedPlan(), M).parked).toEqual([
      { id: 'pt-1', note: 'Schulden bij de woningcorporatie', step: 'Hoe staat het ervoor', decision: 'agreement', agreement: { who: 'Wouter Dijkman', whoId: 'p-wouter', what: 'Betalingsregeling', due: '2026-12-20' } },
      { id: 'pt-2', note: 'Vervoer naar de dagbesteding', step: '‘Ik wil’-punt 2', decision: 'follow-up', followUpDate: '2027-01-05' },
      { id: 'pt-3', note: 'Bel <script>alert(1)</script> 06-12345678', step: 'Ik heb nodig', decision: 'dropped' },
    ]);
  });

  it('puts them in the mail escaped, with identifiers left out', () => {
    const { html } = composeSummaryMail(summariseMeeting(decidedPlan(), M), 'Bram');
    expect(html).toContain('<h3>Geparkeerde onderwerpen</h3>');
    expect(html).toContain('Schulden bij de woningcorporatie <small>(geparkeerd bij: Hoe staat het ervoor)</small><br>Dit is een afspraak geworden: Wouter Dijkman pakt het op, uiterlijk');
    expect(html).toContain('Dit komt terug in het vervolg-SO van');
    expect(html).toContain('Dit laten we vallen');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('06-12345678');
  });

  it('leaves the section out of the mail when nothing was parked', () => {
    expect(composeSummaryMail(summariseMeeting(samplePlan(), M), 'Bram').html).not.toContain('Geparkeerde');
  });

  it('tells the resident in plain words, in the first person, escaped in the print', () => {
    const plan = decidedPlan();
    const text = residentPlanText(residentPlan(plan, M));
    expect(text).toContain('Wat we even apart hebben gezet');
    expect(text).toContain('Vervoer naar de dagbesteding – Hier praten we verder over in het volgende gesprek, op');
    expect(text).toContain('– Hier doen we nu niets mee.');
    const html = printablePlanHtml(plan, M);
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<script>');
    const own = parkedTopicToAgreement(parked(), 'pt-1', { id: 'a-r', who: 'p-resident', what: 'Zelf bellen', due: '2026-12-20' }, by(50));
    expect(residentPlanText(residentPlan(own, M))).toContain('Dit is een afspraak geworden. Ik doe dit zelf, uiterlijk');
    expect(residentPlanText(residentPlan(samplePlan(), M))).not.toContain('apart hebben gezet');
  });
});

describe('parked topics through the 412 merge', () => {
  const stored = () => PlanSchema.parse(JSON.parse(JSON.stringify(parked())));

  it('keeps topics parked on two devices at once, and a chair’s decision against a colleague’s untouched copy', () => {
    const base = stored();
    const chair = decideParkedTopic(parkTopic(base, { id: 'pt-c', meetingId: M, stepKey: 'can', note: 'Van de voorzitter' }, by(30)), 'pt-1', 'dropped', by(31));
    const noteTaker = parkTopic(base, { id: 'pt-n', meetingId: M, stepKey: 'can', note: 'Van de notulist' }, by(30, 'u-esra'));
    for (const merged of [mergePlans(base, chair, noteTaker), mergePlans(base, noteTaker, chair)]) {
      expect(merged.parkedTopics.map((t) => t.id).sort()).toEqual(['pt-1', 'pt-2', 'pt-c', 'pt-n']);
      expect(merged.parkedTopics.find((t) => t.id === 'pt-1')).toMatchObject({ decision: 'dropped', decidedAt: by(31).at });
    }
  });

  it('takes a decision whole: never one device’s "agreement" with the other’s missing agreement id', () => {
    const base = stored();
    const a = parkedTopicToAgreement(base, 'pt-1', { id: 'a-1', who: 'p-bram', what: 'Bellen', due: '2026-12-20' }, by(30));
    const b = decideParkedTopic(base, 'pt-1', 'follow-up', by(31, 'u-esra'));
    const ours = mergePlans(base, b, a).parkedTopics.find((t) => t.id === 'pt-1')!;
    expect(ours).toMatchObject({ decision: 'follow-up', decidedByUserId: 'u-esra' });
    expect(ours).not.toHaveProperty('agreementId');
    const theirs = mergePlans(base, a, b).parkedTopics.find((t) => t.id === 'pt-1')!;
    expect(theirs).toMatchObject({ decision: 'agreement', agreementId: 'a-1', decidedByUserId: 'u-priya' });
  });

  it('never drops a topic one side no longer has, and keeps fields a newer app wrote', () => {
    const base = stored();
    const newer = { ...base, parkedTopics: base.parkedTopics.map((t) => ({ ...t, colour: 'geel' })) } as Plan;
    const lost = { ...base, parkedTopics: [] };
    const merged = mergePlans(base, lost, newer);
    expect(merged.parkedTopics).toHaveLength(2);
    expect((PlanSchema.parse(JSON.parse(JSON.stringify(merged))).parkedTopics[0] as Record<string, unknown>).colour).toBe('geel');
  });
});
