import { describe, expect, it } from 'vitest';
import { hasConsentFor } from './consent';
import { createDraftPlan } from './draftPlan';
import {
  addLine, addOrganisation, addWant, addWellbeing, changeLine, changeWant, checkConsentDraft, checkLine, checkOrganisationName,
  checkWantText, checkWellbeingDraft, isWantInUse, moveWant, parseWellbeingScore, recordConsent, removeLine, removeOrganisation,
  removeWant, renameOrganisation, revokeConsent, setArea, setResidentName, wellbeingHistory,
} from './planEdits';
import type { Plan, PlanParticipant } from './planSchema';
import { validatePlan } from './validatePlan';

const T0 = '2026-11-20T09:00:00.000Z';
const T1 = '2026-11-21T10:30:00.000Z';
const person = (id: string, role: PlanParticipant['role'] = 'professional'): PlanParticipant => ({ id, name: id, role, reasons: ['expertise'], updatedAt: T0 });

function plan(): Plan {
  return {
    ...createDraftPlan({ caseAlias: 'SO-2026-014', municipality: 'Maasveld', caseDirectorUserId: 'u-esra', now: T0 }),
    participants: [person('p-resident', 'resident'), person('p-nadia', 'network'), person('p-bram'), person('p-kofi')],
  };
}

const valid = (p: Plan) => {
  const result = validatePlan(p);
  expect(result.problems.filter((x) => x.severity === 'error')).toEqual([]);
  return result.plan!;
};
const codes = (problems: { code: string }[]) => problems.map((p) => p.code);

describe('ik wil', () => {
  it('adds, changes, moves and removes points, and every step is a valid plan', () => {
    let p = addWant(plan(), { id: 'w-1', text: 'Ik wil in mijn huis blijven wonen.', target: 'De huur is op tijd betaald.' }, T0);
    p = addWant(p, { id: 'w-2', text: 'Ik wil weer rust in mijn hoofd.', target: '' }, T0);
    valid(p);
    p = changeWant(p, 'w-2', { target: 'Ik slaap de meeste nachten door.' }, T1);
    expect(p.wants[1]).toMatchObject({ target: 'Ik slaap de meeste nachten door.', updatedAt: T1 });
    expect(p.wants[0]!.updatedAt).toBe(T0);
    p = moveWant(p, 'w-2', -1);
    expect(p.wants.map((w) => w.id)).toEqual(['w-2', 'w-1']);
    expect(moveWant(p, 'w-2', -1).wants.map((w) => w.id)).toEqual(['w-2', 'w-1']);
    p = removeWant(p, 'w-2');
    expect(valid(p).wants.map((w) => w.id)).toEqual(['w-1']);
  });

  it('keeps a point that an agreement belongs to', () => {
    const base = addWant(plan(), { id: 'w-1', text: 'Ik wil weer werken.', target: '' }, T0);
    const p: Plan = {
      ...base,
      agreements: [{ id: 'a-1', who: 'p-bram', what: 'Vacatures bekijken', due: '2026-12-31', wantId: 'w-1', status: 'open', createdAt: T0, updatedAt: T0, history: [] }],
    };
    expect(isWantInUse(p, 'w-1')).toBe(true);
    expect(removeWant(p, 'w-1')).toBe(p);
  });

  it('does not accept an empty point', () => {
    expect(codes(checkWantText('  '))).toEqual(['want-text-missing']);
    expect(checkWantText('Ik wil koken')).toEqual([]);
  });
});

describe('ik kan and ik heb nodig', () => {
  it('adds, changes and removes lines in the right list', () => {
    let p = addLine(plan(), 'can.own', 'Ik kan goed koken.');
    p = addLine(p, 'needs.longTerm', 'Ik heb een vast aanspreekpunt nodig.');
    p = changeLine(p, 'can.own', 0, 'Ik kan goed koken voor anderen.');
    expect(p.can).toEqual({ own: ['Ik kan goed koken voor anderen.'], offer: [] });
    expect(p.needs).toEqual({ shortTerm: [], longTerm: ['Ik heb een vast aanspreekpunt nodig.'] });
    expect(removeLine(p, 'can.own', 0).can.own).toEqual([]);
    valid(p);
  });

  it('refuses empty and duplicate lines, which the merge could not tell apart', () => {
    const p = addLine(plan(), 'can.offer', 'Ik kan naaien.');
    expect(codes(checkLine(p, 'can.offer', ' '))).toEqual(['line-empty']);
    expect(codes(checkLine(p, 'can.offer', 'Ik kan naaien. '))).toEqual(['line-duplicate']);
    expect(checkLine(p, 'can.offer', 'Ik kan naaien.', 0)).toEqual([]);
    expect(checkLine(p, 'can.own', 'Ik kan naaien.')).toEqual([]);
  });
});

describe('organisations', () => {
  it('adds, renames and removes, refusing empty and duplicate names', () => {
    let p = addOrganisation(plan(), { organisationId: 'o-1', name: 'Buurtkracht' });
    expect(codes(checkOrganisationName(p, 'buurtkracht'))).toEqual(['organisation-duplicate']);
    expect(checkOrganisationName(p, 'buurtkracht', 'o-1')).toEqual([]);
    expect(codes(checkOrganisationName(p, ''))).toEqual(['organisation-name-missing']);
    p = renameOrganisation(p, 'o-1', 'Buurtkracht Maasveld');
    expect(valid(p).organisations).toEqual([{ organisationId: 'o-1', name: 'Buurtkracht Maasveld' }]);
    expect(removeOrganisation(p, 'o-1').organisations).toEqual([]);
  });
});

describe('welzijnscijfer', () => {
  const draft = { score: '7', date: '2026-11-20', moment: 'start', comment: 'Het gaat iets beter.' };

  it('accepts whole numbers from 1 to 10 only', () => {
    expect(['1', ' 7 ', '10'].map(parseWellbeingScore)).toEqual([1, 7, 10]);
    expect(['0', '11', '7,5', 'zeven', ''].map(parseWellbeingScore)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it('says in Dutch what is wrong with a typed score, date or moment', () => {
    expect(checkWellbeingDraft(draft, T0)).toEqual([]);
    const eleven = checkWellbeingDraft({ ...draft, score: '11' }, T0);
    expect(eleven).toEqual([expect.objectContaining({ code: 'score-out-of-range', path: 'score', message: expect.stringContaining('tussen 1 en 10') })]);
    expect(codes(checkWellbeingDraft({ ...draft, score: 'zeven' }, T0))).toEqual(['score-not-number']);
    expect(codes(checkWellbeingDraft({ ...draft, score: '6,5' }, T0))).toEqual(['score-not-whole']);
    expect(codes(checkWellbeingDraft({ ...draft, score: '-2' }, T0))).toEqual(['score-out-of-range']);
    expect(codes(checkWellbeingDraft({ ...draft, score: '' }, T0))).toEqual(['score-missing']);
    expect(codes(checkWellbeingDraft({ ...draft, date: '2026-02-30' }, T0))).toEqual(['date-invalid']);
    expect(codes(checkWellbeingDraft({ ...draft, date: '2026-11-21' }, T0))).toEqual(['date-future']);
    expect(codes(checkWellbeingDraft({ ...draft, moment: 'halfway' }, T0))).toEqual(['moment-invalid']);
  });

  it('reads "today" in Amsterdam', () => {
    // 23:30 UTC on the 20th is already the 21st in Amsterdam.
    expect(checkWellbeingDraft({ ...draft, date: '2026-11-21' }, '2026-11-20T23:30:00Z')).toEqual([]);
  });

  it('adds an entry with its id and updatedAt, and shows the history in date order', () => {
    let p = addWellbeing(plan(), { id: 'wb-2', score: 6, date: '2026-11-20', moment: 'evaluation', comment: '' }, T1);
    p = addWellbeing(p, { id: 'wb-1', score: 3, date: '2026-10-01', moment: 'start', comment: 'Ik ben op.' }, T1);
    expect(valid(p).wellbeing[0]).toMatchObject({ id: 'wb-2', score: 6, updatedAt: T1 });
    expect(wellbeingHistory(p).map((e) => e.id)).toEqual(['wb-1', 'wb-2']);
  });
});

describe('consent', () => {
  const stamp = { at: T1, byUserId: 'u-esra' };
  const share = { subject: 'sharePlan', participantIds: ['p-nadia', 'p-bram'], date: '2026-11-20', how: 'written', note: '' };

  it('needs named participants to share the plan with, a real past date and how it was given', () => {
    expect(checkConsentDraft(plan(), share, T1)).toEqual([]);
    expect(codes(checkConsentDraft(plan(), { ...share, participantIds: [] }, T1))).toEqual(['participants-missing']);
    expect(codes(checkConsentDraft(plan(), { ...share, participantIds: ['p-ghost'] }, T1))).toEqual(['participant-unknown']);
    expect(codes(checkConsentDraft(plan(), { ...share, date: '2026-12-01' }, T1))).toEqual(['date-future']);
    expect(codes(checkConsentDraft(plan(), { ...share, how: '' }, T1))).toEqual(['how-missing']);
    expect(codes(checkConsentDraft(plan(), { ...share, subject: 'samenwerkwijze', participantIds: [] }, T1))).toEqual([]);
  });

  it('records who agreed to what, when, how and by whom, and logs it', () => {
    const p = recordConsent(plan(), { id: 'c-1', subject: 'sharePlan', participantIds: ['p-nadia', 'p-bram', 'p-nadia'], date: '2026-11-20', how: 'written', note: '  ' }, stamp);
    expect(valid(p).consents).toEqual([
      { id: 'c-1', subject: 'sharePlan', participantIds: ['p-nadia', 'p-bram'], date: '2026-11-20', how: 'written', recordedByUserId: 'u-esra', updatedAt: T1 },
    ]);
    expect(p.log.at(-1)).toEqual({ at: T1, byUserId: 'u-esra', action: 'consent.recorded', targetId: 'c-1' });
    expect(hasConsentFor(p, 'sharePlan', 'p-bram')).toBe(true);
    expect(hasConsentFor(p, 'sharePlan', 'p-kofi')).toBe(false);
  });

  it('drops named participants for the Samenwerkwijze, which is about the resident alone', () => {
    const p = recordConsent(plan(), { id: 'c-1', subject: 'samenwerkwijze', participantIds: ['p-nadia'], date: '2026-11-20', how: 'verbal', note: 'Samira wil dat Nadia meedoet.' }, stamp);
    expect(p.consents[0]).not.toHaveProperty('participantIds');
    expect(p.consents[0]!.note).toBe('Samira wil dat Nadia meedoet.');
  });

  it('revokes by keeping the record with when and by whom, once', () => {
    const given = recordConsent(plan(), { id: 'c-1', subject: 'sharePlan', participantIds: ['p-nadia'], date: '2026-11-20', how: 'verbal' }, { at: T0, byUserId: 'u-esra' });
    const revoked = revokeConsent(given, 'c-1', { at: T1, byUserId: 'u-kofi' });
    expect(valid(revoked).consents).toEqual([expect.objectContaining({ id: 'c-1', revokedAt: T1, revokedByUserId: 'u-kofi', updatedAt: T1, recordedByUserId: 'u-esra' })]);
    expect(revoked.log.at(-1)).toEqual({ at: T1, byUserId: 'u-kofi', action: 'consent.revoked', targetId: 'c-1' });
    expect(hasConsentFor(revoked, 'sharePlan', 'p-nadia')).toBe(false);
    expect(revokeConsent(revoked, 'c-1', stamp)).toBe(revoked);
    expect(revokeConsent(revoked, 'c-404', stamp)).toBe(revoked);
  });
});

describe('resident', () => {
  it('names whose plan it is', () => {
    expect(valid(setResidentName(plan(), 'Samira Benali')).resident).toEqual({ id: 'resident', name: 'Samira Benali' });
  });

  it('puts the case in an area, and takes it out again', () => {
    const noord = valid(setArea(plan(), 'area-maasveld-noord'));
    expect(noord.areaId).toBe('area-maasveld-noord');
    expect(setArea(noord, 'area-maasveld-noord')).toBe(noord);
    const none = valid(setArea(noord, ''));
    expect('areaId' in none).toBe(false);
    expect(setArea(none, undefined)).toBe(none);
  });
});
