// What people did with an SO's event, kept in the plan as facts (issue 11): responses with their words,
// escalations, reminders, shares, moves, invitees added or removed, cancellations, the resident told. Each is a
// record with an id, so two devices' records merge by id; a change that calls Graph is written `started` before
// the call and `done` after, so a reload or another device sees what may already have happened.
import type { ActionRecipient, MeetingAction, MeetingActionKind, Plan } from './planSchema';

/** Adds the record, or replaces the one with its id. */
export function recordAction(plan: Plan, action: MeetingAction): Plan {
  const others = plan.actions.filter((a) => a.id !== action.id);
  return { ...plan, actions: [...others, { ...action }] };
}

/** Marks a recorded action done (or unclear); unknown ids leave the plan as it is. */
export function settleAction(plan: Plan, id: string, state: 'done' | 'unclear', now: string): Plan {
  const found = plan.actions.find((a) => a.id === id);
  if (!found || found.state === state) return plan;
  return recordAction(plan, { ...found, state, updatedAt: now });
}

/** The actions of one SO, oldest first; optionally of some kinds only. */
export function actionsOf(plan: Pick<Plan, 'actions'>, meetingId: string, kinds?: readonly MeetingActionKind[]): MeetingAction[] {
  return plan.actions
    .filter((a) => a.meetingId === meetingId && (kinds === undefined || kinds.includes(a.kind)))
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The escalations about one participant's decline, oldest first (done or maybe done). */
export function escalationsFor(plan: Pick<Plan, 'actions'>, meetingId: string, participantId: string): MeetingAction[] {
  return actionsOf(plan, meetingId, ['escalation']).filter((a) => a.participantId === participantId);
}

/** The reminders sent for one SO, oldest first (done or maybe done). */
export function remindersFor(plan: Pick<Plan, 'actions'>, meetingId: string): MeetingAction[] {
  return actionsOf(plan, meetingId, ['reminder']);
}

/** A response's id is stable per responder and answer time: reading the mailbox twice records it once. */
export function responseActionId(meetingId: string, email: string, at: string): string {
  return `resp:${meetingId}:${email.trim().toLowerCase()}:${at}`;
}

// ---------------------------------------------------------------------------------------------------------
// Passing a seat: the forward's note goes to the colleague with the forward (Graph's Comment); the organiser
// learns it from the forwarder's decline, whose comment says in one fixed sentence who takes the seat and why.

const SEAT_PASSED = /^Ik geef mijn plek door aan (.+?) <([^<>\s]+@[^<>\s]+)>\.(?:\s+Waarom:\s*([\s\S]*))?$/;

/** The decline comment of someone who passes their seat: readable for a person, readable for the app. */
export function composeSeatPassedComment(to: { name: string; email: string }, note: string): string {
  const why = note.trim();
  return `Ik geef mijn plek door aan ${to.name.trim()} <${to.email.trim()}>.${why ? ` Waarom: ${why}` : ''}`;
}

/** The colleague and note of a seat-passed comment, or undefined for any other comment. */
export function readSeatPassedComment(comment: string): { to: ActionRecipient & { email: string }; note: string } | undefined {
  const m = SEAT_PASSED.exec(comment.trim());
  if (!m) return undefined;
  return { to: { name: m[1]!.trim(), email: m[2]!.trim() }, note: (m[3] ?? '').trim() };
}
