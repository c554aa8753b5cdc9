import { describe, expect, it } from 'vitest';
import { createDraftPlan } from './draftPlan';
import { mergePlans } from './mergePlans';
import type { Plan, PlanParticipant } from './planSchema';
import { PlanSchema } from './planSchema';
import {
  addForwardedParticipant,
  addInvitee,
  addWorkingDays,
  amsterdamInstant,
  checkSoPreparation,
  createMeeting,
  defaultRespondBy,
  defaultSoNeededSince,
  invitedByPhone,
  invitedParticipants,
  isPlanShared,
  prepareSend,
  proposedStart,
  recordMeetingConsent,
  recordSent,
  recordShare,
  recordShareRevoked,
  removeInvitee,
  setInviteeOptional,
  shareBlocker,
  soTimeWindows,
  updateMeeting,
} from './soPreparation';
import { validatePlan } from './validatePlan';

const NOW = '2026-11-23T08:00:00.000Z'; // Monday 09:00 in Amsterdam
const stamp = { now: NOW };
const actor = { now: NOW, byUserId: 'u-esra' };

function participant(id: string, extra: Partial<PlanParticipant> = {}): PlanParticipant {
  return { id, name: `Naam ${id}`, role: 'professional', reasons: ['expertise'], expectation: 'Denkt mee.', updatedAt: NOW, ...extra };
}

function plan(): Plan {
  const draft = createDraftPlan({ caseAlias: 'SO-2026-014', municipality: 'Maasveld', caseDirectorUserId: 'u-esra', now: '2026-11-16T10:00:00Z' });
  return {
    ...draft,
    participants: [
      participant('p-res', { role: 'resident', reasons: [], name: 'Samira' }),
      participant('p-sis', { role: 'network', name: 'Nadia' }),
      participant('p-esra', { email: 'esra@buurtkracht.example' }),
      participant('p-bram', { email: 'bram@veldwijzer.example' }),
    ],
  };
}

describe('days and times in Amsterdam', () => {
  it('turns an Amsterdam wall-clock time into an instant with the right offset, also across DST', () => {
    expect(amsterdamInstant('2026-12-01T10:00')).toBe('2026-12-01T10:00:00+01:00');
    expect(amsterdamInstant('2026-07-01T10:00:00')).toBe('2026-07-01T10:00:00+02:00');
    expect(amsterdamInstant('2026-10-25T12:00')).toBe('2026-10-25T12:00:00+01:00');
    expect(amsterdamInstant('2026-02-30T10:00')).toBeUndefined();
    expect(amsterdamInstant('morgen')).toBeUndefined();
  });

  it('counts working days, skipping weekends', () => {
    expect(addWorkingDays('2026-12-01', -3)).toBe('2026-11-26'); // Tue → Thu before
    expect(addWorkingDays('2026-11-27', 1)).toBe('2026-11-30'); // Fri → Mon
  });

  it('asks for an answer three working days before the SO, never before today and never after the SO', () => {
    expect(defaultRespondBy('2026-12-01T10:00:00+01:00', '2026-11-23')).toBe('2026-11-26');
    expect(defaultRespondBy('2026-11-25T10:00:00+01:00', '2026-11-23')).toBe('2026-11-23');
    expect(defaultRespondBy('2026-11-20T10:00:00+01:00', '2026-11-23')).toBe('2026-11-20');
    expect(defaultRespondBy('geen', '2026-11-23')).toBeUndefined();
  });

  it('takes the day of the SO consent as the start of the two weeks, else the day the plan began', () => {
    const p = plan();
    expect(defaultSoNeededSince(p)).toBe('2026-11-16');
    const withConsent = recordMeetingConsent(createMeeting(p, { id: 'm-1', now: NOW }), 'm-1', { ...actor, id: 'c-1', date: '2026-11-19', how: 'verbal' });
    expect(defaultSoNeededSince(withConsent)).toBe('2026-11-19');
  });

  it('looks for times on working days in working hours, from the next half hour until two weeks after the need', () => {
    const { windows, lastDay, outsideWindow } = soTimeWindows({ soNeededSince: '2026-11-19', now: NOW, durationMinutes: 90 });
    expect(lastDay).toBe('2026-12-03');
    expect(outsideWindow).toBe(false);
    expect(windows[0]).toEqual({ start: '2026-11-23T09:30:00', end: '2026-11-23T17:00:00' });
    expect(windows.at(-1)).toEqual({ start: '2026-12-03T08:30:00', end: '2026-12-03T17:00:00' });
    expect(windows.map((w) => w.start.slice(0, 10))).not.toContain('2026-11-28');
    expect(windows).toHaveLength(9);
  });

  it('still looks, over the next two working weeks, when the two weeks have passed', () => {
    const late = soTimeWindows({ soNeededSince: '2026-10-01', now: NOW, durationMinutes: 90 });
    expect(late.outsideWindow).toBe(true);
    expect(late.windows).toHaveLength(10);
    expect(late.windows[0]!.start.startsWith('2026-11-23')).toBe(true);
  });

  it('proposes 10:00, five working days ahead, for a new SO', () => {
    expect(proposedStart(NOW)).toBe('2026-11-30T10:00:00+01:00');
  });
});

describe('preparing the SO in the plan', () => {
  it('creates a meeting at home for 90 minutes with everyone invited, and the plan is being prepared', () => {
    const p = createMeeting(plan(), { id: 'm-1', now: NOW });
    expect(p.status).toBe('preparing');
    expect(p.meetings[0]).toMatchObject({ id: 'm-1', durationMinutes: 90, location: { kind: 'home' }, goal: '', status: 'planned', soNeededSince: '2026-11-23', invitedParticipantIds: ['p-res', 'p-sis', 'p-esra', 'p-bram'] });
    expect(PlanSchema.safeParse(p).success).toBe(true);
  });

  it('invites a colleague once, reusing a participant with the same user or e-mail; removes and marks optional', () => {
    let p = createMeeting(plan(), { id: 'm-1', now: NOW });
    p = removeInvitee(p, 'm-1', 'p-bram', stamp);
    expect(invitedParticipants(p, p.meetings[0]!).map((x) => x.id)).toEqual(['p-res', 'p-sis', 'p-esra']);
    expect(p.participants).toHaveLength(4);
    const again = addInvitee(p, 'm-1', { id: 'p-new', name: 'Bram', email: 'BRAM@veldwijzer.example', role: 'professional', reasons: [] }, stamp);
    expect(again.participantId).toBe('p-bram');
    expect(again.plan.participants).toHaveLength(4);
    const kofi = addInvitee(again.plan, 'm-1', { id: 'p-kofi', name: 'Kofi', email: 'kofi@geldrust.example', role: 'professional', reasons: [], userId: 'u-kofi' }, stamp);
    expect(kofi.plan.participants.map((x) => x.id)).toContain('p-kofi');
    p = setInviteeOptional(kofi.plan, 'm-1', 'p-kofi', true, stamp);
    expect(p.meetings[0]!.optionalParticipantIds).toEqual(['p-kofi']);
    p = updateMeeting(p, 'm-1', { chairParticipantId: 'p-kofi' }, stamp);
    p = removeInvitee(p, 'm-1', 'p-kofi', stamp);
    expect(p.meetings[0]!.optionalParticipantIds).toEqual([]);
    expect(p.meetings[0]!.chairParticipantId).toBeUndefined();
    expect(invitedByPhone(p, p.meetings[0]!).map((x) => x.id)).toEqual(['p-res', 'p-sis']);
    expect(validatePlan(p).problems).toEqual([]);
  });

  it('updates the preparation without losing what is there, and clears a field with undefined', () => {
    let p = createMeeting(plan(), { id: 'm-1', now: NOW });
    p = updateMeeting(p, 'm-1', { preparation: { priorities: 'Eerst het huis.' } }, stamp);
    p = updateMeeting(p, 'm-1', { preparation: { history: 'Eerder overleg met de woningcorporatie.' }, respondBy: '2026-11-26' }, stamp);
    expect(p.meetings[0]!.preparation).toEqual({ priorities: 'Eerst het huis.', history: 'Eerder overleg met de woningcorporatie.' });
    p = updateMeeting(p, 'm-1', { respondBy: undefined }, stamp);
    expect('respondBy' in p.meetings[0]!).toBe(false);
  });

  it('needs the resident’s consent for the SO (an error) and flags invitees the consent does not name', () => {
    let p = createMeeting(plan(), { id: 'm-1', now: NOW });
    const invitees = () => invitedParticipants(p, p.meetings[0]!);
    expect(checkSoPreparation(p, p.meetings[0]!, invitees()).find((x) => x.code === 'consent-missing')).toMatchObject({ severity: 'error', path: 'consent' });
    p = recordMeetingConsent(p, 'm-1', { ...actor, id: 'c-1', date: '2026-11-23', how: 'verbal' });
    expect(p.consents[0]).toMatchObject({ subject: 'meeting', participantIds: ['p-sis', 'p-esra', 'p-bram'] });
    expect(p.log.at(-1)).toMatchObject({ action: 'consent.recorded', targetId: 'c-1' });
    expect(checkSoPreparation(p, p.meetings[0]!, invitees()).filter((x) => x.severity === 'error')).toEqual([]);
    p = addInvitee(p, 'm-1', { id: 'p-kofi', name: 'Kofi', email: 'kofi@geldrust.example', role: 'professional', reasons: [] }, stamp).plan;
    const problems = checkSoPreparation(p, p.meetings[0]!, invitees());
    expect(problems.find((x) => x.code === 'consent-invitee')).toMatchObject({ severity: 'warning', path: 'participants.4' });
    expect(problems.map((x) => x.code)).toEqual(expect.arrayContaining(['chair-missing', 'note-taker-missing', 'resident-support-missing']));
  });

  it('pins the transactionId before sending and keeps the first one; records the send and plans the case', () => {
    let p = createMeeting(plan(), { id: 'm-1', now: NOW });
    p = prepareSend(p, 'm-1', { transactionId: 'so-SO-2026-014-m-1', respondBy: '2026-11-26', soNeededSince: '2026-11-19', now: NOW });
    // Again with nothing new: the same plan (nothing to write), and the first transactionId stays.
    expect(prepareSend(p, 'm-1', { transactionId: 'other', respondBy: '2026-11-26', soNeededSince: '2026-11-19', now: NOW })).toBe(p);
    p = prepareSend(p, 'm-1', { transactionId: 'other', respondBy: '2026-11-27', soNeededSince: '2026-11-19', now: NOW });
    expect(p.meetings[0]!.transactionId).toBe('so-SO-2026-014-m-1');
    expect(p.meetings[0]!.respondBy).toBe('2026-11-27');
    p = recordSent(p, 'm-1', { ...actor, eventId: 'ev-1' });
    expect(p.meetings[0]).toMatchObject({ eventId: 'ev-1', sentAt: NOW });
    expect(p.status).toBe('planned');
    expect(p.log.at(-1)).toMatchObject({ action: 'invitation.sent', targetId: 'm-1' });
  });

  it('adds someone who got a forward, with their reason, as invited and marked', () => {
    let p = createMeeting(plan(), { id: 'm-1', now: NOW });
    p = addForwardedParticipant(p, 'm-1', { id: 'p-linda', name: 'Linda', email: 'linda@thuisveld.example', role: 'professional', reasons: ['expertise'] }, actor);
    expect(p.participants.at(-1)).toMatchObject({ id: 'p-linda', joinedVia: 'forward', reasons: ['expertise'] });
    expect(p.meetings[0]!.invitedParticipantIds).toContain('p-linda');
    expect(p.log.at(-1)).toMatchObject({ action: 'participant.addedViaForward', targetId: 'p-linda' });
  });
});

describe('sharing the plan', () => {
  const withShareConsent = (p: Plan, ids: string[]): Plan => ({
    ...p,
    consents: [...p.consents, { id: 'c-s', subject: 'sharePlan', participantIds: ids, date: '2026-11-23', how: 'written', recordedByUserId: 'u-esra', updatedAt: NOW }],
  });

  it('is blocked without acceptance, without the resident’s consent, without e-mail, and once shared', () => {
    const p = plan();
    expect(shareBlocker(p, 'p-bram', true)).toBe('no-consent');
    expect(shareBlocker(withShareConsent(p, ['p-bram']), 'p-bram', false)).toBe('not-accepted');
    expect(shareBlocker(withShareConsent(p, ['p-bram']), 'p-bram', true)).toBeUndefined();
    expect(shareBlocker(withShareConsent(p, ['p-sis']), 'p-sis', true)).toBe('no-email');
    const shared = recordShare(withShareConsent(p, ['p-bram']), 'p-bram', { ...actor, permissionId: 'perm-1' });
    expect(shareBlocker(shared, 'p-bram', true)).toBe('already-shared');
    expect(shared.log.at(-1)).toMatchObject({ action: 'plan.shared', targetId: 'p-bram' });
    const revoked = recordShareRevoked(shared, 'p-bram', { ...actor, now: '2026-11-24T08:00:00Z' });
    expect(isPlanShared(revoked.participants.find((x) => x.id === 'p-bram')!)).toBe(false);
    expect(revoked.participants.find((x) => x.id === 'p-bram')!.share).toMatchObject({ permissionId: 'perm-1', revokedAt: '2026-11-24T08:00:00Z' });
    expect(shareBlocker(revoked, 'p-bram', true)).toBeUndefined();
    expect(PlanSchema.safeParse(revoked).success).toBe(true);
  });
});

describe('the merge keeps what happened outside the plan', () => {
  it('keeps the event id and the share when a colleague’s later edit of the same record did not know them', () => {
    const base = createMeeting(plan(), { id: 'm-1', now: NOW });
    const mine = recordShare(recordSent(base, 'm-1', { ...actor, eventId: 'ev-1', now: '2026-11-23T09:00:00Z' }), 'p-bram', { ...actor, permissionId: 'perm-1', now: '2026-11-23T09:00:00Z' });
    // Later edits of the same meeting and participant, made from the version before the send.
    const theirs = updateMeeting(base, 'm-1', { goal: 'Rust in huis' }, { now: '2026-11-23T10:00:00Z' });
    const theirs2 = { ...theirs, participants: theirs.participants.map((x) => (x.id === 'p-bram' ? { ...x, expectation: 'Iets anders', updatedAt: '2026-11-23T10:00:00Z' } : x)) };
    for (const merged of [mergePlans(base, mine, theirs2), mergePlans(base, theirs2, mine)]) {
      expect(merged.meetings[0]).toMatchObject({ goal: 'Rust in huis', eventId: 'ev-1' });
      expect(merged.meetings[0]!.sentAt).toBe('2026-11-23T09:00:00Z');
      expect(merged.participants.find((x) => x.id === 'p-bram')).toMatchObject({ expectation: 'Iets anders', share: { permissionId: 'perm-1' } });
    }
  });

  it('takes the later share event: a revocation beats the grant it revokes', () => {
    const base = plan();
    const shared = recordShare(base, 'p-bram', { ...actor, permissionId: 'perm-1' });
    const revoked = recordShareRevoked(shared, 'p-bram', { ...actor, now: '2026-11-24T08:00:00Z' });
    const other = { ...shared, participants: shared.participants.map((x) => (x.id === 'p-bram' ? { ...x, name: 'Bram H.', updatedAt: '2026-11-25T08:00:00Z' } : x)) };
    const merged = mergePlans(shared, revoked, other);
    expect(merged.participants.find((x) => x.id === 'p-bram')).toMatchObject({ name: 'Bram H.', share: { revokedAt: '2026-11-24T08:00:00Z' } });
  });
});

describe('schema', () => {
  it('reads a version 2 plan with the new optional fields, and one without them', () => {
    let p = createMeeting(plan(), { id: 'm-1', now: NOW });
    expect(PlanSchema.safeParse(p).success).toBe(true);
    p = updateMeeting(p, 'm-1', { respondBy: '2026-11-26', preparation: { residentSupport: 'Nadia is erbij.' } }, stamp);
    p = prepareSend(p, 'm-1', { transactionId: 'so-x', respondBy: '2026-11-26', soNeededSince: '2026-11-19', now: NOW });
    expect(validatePlan(JSON.parse(JSON.stringify(p))).plan).toEqual(p);
    const broken = JSON.parse(JSON.stringify(p)) as { meetings: { respondBy: string }[] };
    broken.meetings[0]!.respondBy = '26-11-2026';
    const { problems } = validatePlan(broken);
    expect(problems[0]).toMatchObject({ code: 'plan-invalid', path: 'meetings.0.respondBy' });
    expect(problems[0]!.message).toContain('Overleggen, nummer 1, reageren uiterlijk');
  });

  it('warns about an invitee, chair or note taker who is not among the participants', () => {
    let p = createMeeting(plan(), { id: 'm-1', now: NOW });
    p = { ...p, meetings: p.meetings.map((m) => ({ ...m, invitedParticipantIds: [...m.invitedParticipantIds!, 'p-gone'], chairParticipantId: 'p-gone2' })) };
    const { plan: read, problems } = validatePlan(p);
    expect(read).toBeDefined();
    expect(problems.map((x) => x.path)).toEqual(['meetings.0.chairParticipantId', 'meetings.0.invitedParticipantIds.4']);
  });
});
