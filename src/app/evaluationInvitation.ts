// The evaluation held in an SO: the chair records it (date, organiser, in an SO) and may send its Outlook
// invitation from the recording panel. The follow-up SO is planned in the shared plan and its event goes out
// through the SO invitation's own idempotent path (transactionId stored first, the hand-out attached).
import {
  agreementOwnerName,
  amsterdamDay,
  amsterdamLocal,
  composeEvaluationInvitation,
  defaultRespondBy,
  evaluationMeeting,
  evaluationMeetingId,
  evaluationStart,
  invitedParticipants,
  meetingLocationText,
  planEvaluationMeeting,
  TIME_ZONE,
} from '../domain';
import type { Meeting, Plan } from '../domain';
import { AppError } from './errors';
import { moveMeeting } from './eventChanges';
import type { ChangeOutcome } from './eventChanges';
import { sendMeetingEvent } from './invitations';
import type { MeetingEvent, SendOutcome } from './invitations';
import { documentAccess } from './planAccess';
import type { OpenPlanDocument, PlanAccess } from './planAccess';
import type { Services } from './ports';

export type EvaluationSendOutcome = Exclude<SendOutcome, { kind: 'sent' }> | { kind: 'sent'; eventId: string; sentAt: string; created: boolean; plan: Plan; meetingId: string };

/** The transactionId of an evaluation's event: stable, so a retry after a reload finds the same event. */
export function evaluationTransactionId(plan: Pick<Plan, 'caseAlias'>, evaluationId: string): string {
  return `evaluatie-${plan.caseAlias}-${evaluationId}`;
}

/**
 * The evaluation's event as it would be sent from this plan (its follow-up SO must be planned: see
 * planEvaluationMeeting). Pure; the organiser of the event is the sender.
 */
export function evaluationEventFor(plan: Plan, evaluationId: string, context: { sender: { name: string; email: string }; now: Date | string }): MeetingEvent {
  const evaluation = plan.evaluations.find((e) => e.id === evaluationId);
  const meeting = evaluationMeeting(plan, evaluationId);
  if (evaluation === undefined || meeting === undefined) throw new RangeError(`no follow-up SO for evaluation ${evaluationId} in ${plan.caseAlias}`);
  const now = typeof context.now === 'string' ? context.now : context.now.toISOString();
  const composed = composeEvaluationInvitation({
    caseAlias: plan.caseAlias,
    goal: meeting.goal,
    start: meeting.start,
    durationMinutes: meeting.durationMinutes,
    location: meeting.location,
    organiser: evaluation.organiserParticipantId === undefined ? '' : agreementOwnerName(plan, evaluation.organiserParticipantId),
    sender: context.sender,
    invitees: invitedParticipants(plan, meeting),
    now,
  });
  const { startLocal, endLocal } = localTimes(meeting);
  const nowMs = Date.parse(now);
  return {
    ...composed,
    startLocal,
    endLocal,
    timeZone: TIME_ZONE,
    location: meetingLocationText(meeting.location),
    respondBy: meeting.respondBy ?? (Number.isNaN(nowMs) ? undefined : defaultRespondBy(meeting.start, amsterdamDay(nowMs))) ?? evaluation.date,
    soNeededSince: meeting.soNeededSince ?? evaluation.date,
  };
}

function localTimes(meeting: Meeting): { startLocal: string; endLocal: string } {
  const startMs = Date.parse(meeting.start);
  if (Number.isNaN(startMs)) return { startLocal: '', endLocal: '' };
  return { startLocal: amsterdamLocal(startMs), endLocal: amsterdamLocal(startMs + Math.max(0, meeting.durationMinutes) * 60_000) };
}

/**
 * Sends the invitation to an evaluation held in an SO: plans the follow-up SO in the shared plan (same
 * people, goal, place and time of day as the SO it was agreed in), then sends one event with the hand-out
 * to the professionals and network members with e-mail. Safe to retry, also after a reload: the
 * transactionId is in the plan before the first attempt. Offline, nothing starts.
 */
export async function sendEvaluationInvitation(
  services: Pick<Services, 'calendar' | 'directory' | 'handout' | 'clock' | 'connectivity'>,
  document: OpenPlanDocument,
  evaluationId: string,
): Promise<EvaluationSendOutcome> {
  if (!services.connectivity.isOnline()) throw new AppError('network-offline', { detail: 'the device is offline' });
  const evaluation = document.plan.evaluations.find((e) => e.id === evaluationId);
  if (evaluation === undefined || evaluation.how !== 'meeting') throw new RangeError(`no evaluation ${evaluationId} held in an SO`);
  const me = await services.directory.me();
  const sender = { name: me.displayName, email: me.mail ?? '' };
  // The evaluation as recorded must be in the shared plan before its event goes out.
  const stored = (await document.saveNow()) ?? document.plan;
  const access = documentAccess(document, stored);
  const meetingId = evaluationMeetingId(evaluationId);
  const outcome = await sendMeetingEvent(services, access, meetingId, {
    byUserId: me.id,
    // The event goes out from my calendar: the plan records me as its organiser, whoever organises the evaluation.
    organiser: { userId: me.id, name: me.displayName },
    transactionId: evaluationTransactionId(stored, evaluationId),
    prepare: (plan) => planEvaluationMeeting(plan, evaluationId, services.clock.now().toISOString()),
    compose: (plan) => evaluationEventFor(plan, evaluationId, { sender, now: services.clock.now() }),
  });
  if (outcome.kind !== 'sent') return outcome;
  return { kind: 'sent', eventId: outcome.eventId, sentAt: outcome.sentAt, created: outcome.created, plan: outcome.plan, meetingId };
}

/**
 * The evaluation's event follows its date: when the evaluation's day changed after its invitation went out, the
 * event moves to that day at the same time (one PATCH; Exchange updates every attendee). Only the organiser's
 * calendar can move it: from another user's device this reports 'not-organiser' and changes nothing.
 */
export async function followEvaluationDate(
  services: Pick<Services, 'calendar' | 'clock' | 'directory'>,
  access: PlanAccess,
  evaluationId: string,
): Promise<ChangeOutcome | { kind: 'not-organiser'; organiser: string }> {
  const plan = access.current();
  const evaluation = plan.evaluations.find((e) => e.id === evaluationId);
  const meeting = evaluationMeeting(plan, evaluationId);
  if (evaluation === undefined || meeting?.eventId === undefined) return { kind: 'nothing', reason: 'not-sent' };
  const start = evaluationStart(evaluation.date, meeting);
  if (start === undefined || Date.parse(start) === Date.parse(meeting.start)) return { kind: 'nothing', reason: 'same' };
  const me = await services.directory.me();
  if (meeting.eventOrganiser !== undefined && meeting.eventOrganiser.userId !== me.id) return { kind: 'not-organiser', organiser: meeting.eventOrganiser.name };
  return moveMeeting(services, access, meeting.id, start);
}
