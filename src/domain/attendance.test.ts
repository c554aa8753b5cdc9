import { describe, expect, it } from 'vitest';
import { caseDirectorParticipant, expectedAtTable, latestResponses, presentAtMeeting } from './attendance';
import { createDraftPlan } from './draftPlan';
import { recordAction } from './meetingActions';
import { agreementOwnerOptions, closeMeeting, checkPresent } from './meetingRecord';
import type { Meeting, MeetingAction, Plan } from './planSchema';
import { samplePlan } from './testing/samplePlan';

const AT = '2026-12-01T09:00:00+01:00';

function answer(plan: Plan, meetingId: string, who: { participantId?: string; by: string }, response: 'accepted' | 'tentative' | 'declined', at: string, extra: Partial<MeetingAction> = {}): Plan {
  return recordAction(plan, {
    id: `resp:${meetingId}:${who.by}:${at}`, meetingId, kind: 'response', state: 'done', at, by: who.by, response, updatedAt: at,
    ...(who.participantId === undefined ? {} : { participantId: who.participantId }), ...extra,
  });
}

const meetingOf = (plan: Plan): Meeting => plan.meetings[0]!;
const ids = (people: readonly { id: string }[]) => people.map((p) => p.id);

describe('attendance', () => {
  it('expects every invitee and the resident while nobody declined', () => {
    const plan = samplePlan();
    const meeting = meetingOf(plan);
    const invited = new Set(meeting.invitedParticipantIds ?? plan.participants.map((p) => p.id));
    expect(ids(expectedAtTable(plan, meeting))).toEqual(plan.participants.filter((p) => p.role === 'resident' || invited.has(p.id)).map((p) => p.id));
  });

  it('leaves out whoever declined last, also when the answer is known by address only; a later accept brings them back', () => {
    let plan = samplePlan();
    const meeting = meetingOf(plan);
    const [first, second] = plan.participants.filter((p) => p.role === 'professional' && p.email && p.userId !== plan.caseDirectorUserId);
    plan = answer(plan, meeting.id, { participantId: first!.id, by: first!.email! }, 'declined', '2026-11-20T10:00:00Z', { comment: 'Ik ben dan op cursus.' });
    plan = answer(plan, meeting.id, { by: ` ${second!.email!.toUpperCase()} ` }, 'declined', '2026-11-20T11:00:00Z');
    expect(ids(expectedAtTable(plan, meeting))).not.toContain(first!.id);
    expect(ids(expectedAtTable(plan, meeting))).not.toContain(second!.id);
    expect(latestResponses(plan, meeting.id).get(second!.id)).toBe('declined');

    plan = answer(plan, meeting.id, { participantId: first!.id, by: first!.email! }, 'accepted', '2026-11-21T08:00:00Z');
    expect(ids(expectedAtTable(plan, meeting))).toContain(first!.id);
    // Answers of another SO do not count here.
    plan = answer(plan, 'm-other', { participantId: first!.id, by: first!.email! }, 'declined', '2026-11-22T08:00:00Z');
    expect(ids(expectedAtTable(plan, meeting))).toContain(first!.id);
  });

  it('a passed seat: the forwarder is out, the colleague who joined through the forward is in', () => {
    let plan = samplePlan();
    const meeting = meetingOf(plan);
    const forwarder = plan.participants.find((p) => p.role === 'professional' && p.email && p.userId !== plan.caseDirectorUserId)!;
    plan = answer(plan, meeting.id, { participantId: forwarder.id, by: forwarder.email! }, 'declined', '2026-11-20T10:00:00Z', {
      comment: 'Zij kent de wijk beter.', passedTo: { name: 'Fatima Ouali', email: 'fatima@wijkteam.nl' },
    });
    plan = {
      ...plan,
      participants: [...plan.participants, { id: 'p-fatima', name: 'Fatima Ouali', email: 'fatima@wijkteam.nl', role: 'professional', reasons: ['expertise'], joinedVia: 'forward', updatedAt: AT }],
      meetings: plan.meetings.map((m) => (m.id === meeting.id && m.invitedParticipantIds ? { ...m, invitedParticipantIds: [...m.invitedParticipantIds, 'p-fatima'] } : m)),
    };
    const table = ids(expectedAtTable(plan, meetingOf(plan)));
    expect(table).not.toContain(forwarder.id);
    expect(table).toContain('p-fatima');
    // The "Wie" choices follow: the forwarder cannot be given an agreement, the colleague can.
    const owners = agreementOwnerOptions(plan, meeting.id).map((o) => o.participantId);
    expect(owners).not.toContain(forwarder.id);
    expect(owners).toContain('p-fatima');
  });

  it('the case director is at the table even when she left herself off the invitee list', () => {
    const draft = createDraftPlan({ caseAlias: 'SO-2026-050', municipality: 'Maasveld', caseDirectorUserId: 'u-esra', now: AT, caseDirector: { name: ' Esra Aydin ', email: 'esra@maasveld.nl', jobTitle: 'Casusregisseur' } });
    const director = caseDirectorParticipant(draft)!;
    expect(director).toMatchObject({ name: 'Esra Aydin', email: 'esra@maasveld.nl', role: 'professional', userId: 'u-esra', jobTitle: 'Casusregisseur' });
    const plan: Plan = {
      ...draft,
      participants: [...draft.participants, { id: 'p-bram', name: 'Bram', email: 'bram@ggz.nl', role: 'professional', reasons: ['expertise'], updatedAt: AT }],
      meetings: [{ ...samplePlan().meetings[0]!, id: 'm-1', invitedParticipantIds: ['p-bram'] }],
    };
    expect(ids(expectedAtTable(plan, meetingOf(plan)))).toEqual([director.id, 'p-bram']);
    expect(agreementOwnerOptions(plan, 'm-1').map((o) => o.participantId)).toContain(director.id);
    // Without a directory profile the draft starts empty, as before.
    expect(createDraftPlan({ caseAlias: 'SO-2026-051', municipality: 'Maasveld', caseDirectorUserId: 'u-esra', now: AT }).participants).toEqual([]);
  });

  it('after the close, who was there is what the chair recorded — also someone who had declined and came anyway', () => {
    let plan = samplePlan();
    const meeting = meetingOf(plan);
    const pro = plan.participants.find((p) => p.role === 'professional' && p.email)!;
    const resident = plan.participants.find((p) => p.role === 'resident')!;
    plan = answer(plan, meeting.id, { participantId: pro.id, by: pro.email! }, 'declined', '2026-11-20T10:00:00Z');
    expect(checkPresent(plan, [])).toHaveLength(1);
    expect(checkPresent(plan, ['nobody'])[0]).toMatchObject({ code: 'present-missing', path: 'presentParticipantIds' });
    expect(checkPresent(plan, [pro.id])).toEqual([]);
    const closed = closeMeeting(plan, meeting.id, { at: AT, byUserId: 'u-esra' }, [pro.id, resident.id, pro.id, 'unknown']);
    expect(meetingOf(closed).presentParticipantIds).toEqual([pro.id, resident.id]);
    expect(ids(presentAtMeeting(closed, meetingOf(closed))).sort()).toEqual([pro.id, resident.id].sort());
    // Closing without a list keeps the derived answer.
    const plain = closeMeeting(plan, meeting.id, { at: AT, byUserId: 'u-esra' });
    expect(meetingOf(plain).presentParticipantIds).toBeUndefined();
    expect(ids(presentAtMeeting(plain, meetingOf(plain)))).toEqual(ids(expectedAtTable(plan, meeting)));
  });
});
