// Who sits at the table of an SO, derived once from the plan (issue 11, items 8 and 9): the introductions,
// the "Wie" choices, the summary's "present", the distribution of the plan and the evaluation's invitees all
// read it here, so what one person says (a decline, a passed seat) reaches every screen the same way.
//
// Before the close: the invitees as the responses leave them — whoever declined (also by passing their seat to
// a colleague, who joins through the forward) is not expected; the resident always is (it is their table);
// the case director who organised the SO is a participant like the others, also when she left herself off the
// invitee list (she is the event's organiser, not an attendee). At the close the chair records who was
// really there; from then on that list is the answer.
import type { Meeting, Plan, PlanParticipant } from './planSchema';
import { invitedParticipants } from './soPreparation';

type Response = 'accepted' | 'tentative' | 'declined';
/** What attendance reads of a plan. */
export type AttendancePlan = Pick<Plan, 'participants' | 'actions' | 'caseDirectorUserId'>;

const address = (value: string | undefined) => (value ?? '').trim().toLowerCase();

/**
 * Each participant's latest recorded answer to this SO's invitation, by participant id. Answers recorded
 * before the participant was known by id (only the address) count for the participant with that address.
 * Order is the answer's own time (Exchange's), then the record id: two devices derive the same.
 */
export function latestResponses(plan: Pick<Plan, 'actions' | 'participants'>, meetingId: string): Map<string, Response> {
  const answers = plan.actions
    .filter((a) => a.meetingId === meetingId && a.kind === 'response' && a.response !== undefined)
    .sort((a, b) => a.at.localeCompare(b.at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const byAddress = new Map(plan.participants.filter((p) => address(p.email) !== '').map((p) => [address(p.email), p.id]));
  const latest = new Map<string, Response>();
  for (const answer of answers) {
    const participantId = answer.participantId ?? byAddress.get(address(answer.by));
    if (participantId !== undefined) latest.set(participantId, answer.response!);
  }
  return latest;
}

/** Whether this participant is the case director who keeps the plan (known by her tenant user id). */
export function isCaseDirectorParticipant(plan: Partial<Pick<Plan, 'caseDirectorUserId'>>, participant: Pick<PlanParticipant, 'userId'> | undefined): boolean {
  return participant?.userId !== undefined && participant.userId === plan.caseDirectorUserId;
}

/** The participant who organises the case, when the plan knows her as a participant. */
export function caseDirectorParticipant(plan: Pick<Plan, 'participants' | 'caseDirectorUserId'>): PlanParticipant | undefined {
  return plan.participants.find((p) => isCaseDirectorParticipant(plan, p));
}

/** Who is expected at the table now, in the plan's order (the order the case director entered them). */
export function expectedAtTable(plan: AttendancePlan, meeting: Meeting): PlanParticipant[] {
  const invited = new Set(invitedParticipants(plan, meeting).map((p) => p.id));
  const answers = latestResponses(plan, meeting.id);
  const director = caseDirectorParticipant(plan);
  return plan.participants.filter((p) => {
    if (p.role === 'resident') return true;
    if (director !== undefined && p.id === director.id) return true;
    return invited.has(p.id) && answers.get(p.id) !== 'declined';
  });
}

/** Who was at the table: as the chair recorded at the close, else who is expected. */
export function presentAtMeeting(plan: AttendancePlan, meeting: Meeting): PlanParticipant[] {
  if (meeting.presentParticipantIds === undefined) return expectedAtTable(plan, meeting);
  const present = new Set(meeting.presentParticipantIds);
  return plan.participants.filter((p) => present.has(p.id));
}
