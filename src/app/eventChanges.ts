// A sent SO can change (issue 11): move it, add or remove an invitee, cancel it, and give the address to whoever
// accepted. Each change is idempotent like the send: what is about to happen is stored in the plan first (an
// action record, `started`), the Graph call follows, the result is stored after (`done`); after a failure that
// may have reached Exchange the record says `unclear`, and the next attempt reads the event before acting again.
// Moving and cancelling follow the event's state chart (domain eventLifeTransition); this file is its runner.
import {
  actionsOf,
  amsterdamInstant,
  amsterdamLocal,
  checkMessage,
  eventLifeOf,
  eventLifeTransition,
  hasConsentFor,
  hasErrors,
  messageHtml,
  recordAction,
  settleAction,
  TIME_ZONE,
} from '../domain';
import type { DraftMessage, EventLifeEffect, EventLifeEvent, Meeting, MeetingAction, Plan, PlanParticipant, Problem } from '../domain';
import { AppError } from './errors';
import { invitationForMeeting } from './invitations';
import { newRecordId } from './planAccess';
import type { PlanAccess } from './planAccess';
import type { Services } from './ports';

export type ChangeOutcome =
  | { kind: 'done'; plan: Plan; action: MeetingAction }
  /** Nothing to do: the event already is this way (e.g. the same time), or it cannot change in its state. */
  | { kind: 'nothing'; reason: 'same' | 'not-sent' | 'cancelled' | 'other-change-pending' }
  | { kind: 'blocked'; problems: Problem[] };

function meetingOf(plan: Plan, meetingId: string): Meeting {
  const meeting = plan.meetings.find((m) => m.id === meetingId);
  if (!meeting) throw new RangeError(`no meeting ${meetingId} in ${plan.caseAlias}`);
  return meeting;
}

const same = (a: string | undefined, b: string | undefined) => (a ?? '').trim().toLowerCase() !== '' && (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase();

/**
 * True unless the failure surely changed nothing: a 4xx answer (the request was refused) is clear; no answer, a
 * 5xx or anything unknown may have reached Exchange.
 */
export function mayHaveHappened(error: unknown): boolean {
  // A lost answer arrives as 'network-offline' too: only a refusal by the service is sure to have changed nothing.
  // Treating a request the device never sent as unclear costs one read of the event on the next attempt.
  if (!(error instanceof AppError)) return true;
  return !(error.status !== undefined && error.status >= 400 && error.status < 500);
}

/** Runs one Graph call of a stored action: `done` after, `unclear` (passed on) or removed (passed on) on failure. */
async function settle<T>(services: Pick<Services, 'clock'>, access: PlanAccess, actionId: string, call: () => Promise<T>, done: (plan: Plan) => Plan = (p) => p): Promise<Plan> {
  try {
    await call();
  } catch (error) {
    const now = services.clock.now().toISOString();
    if (mayHaveHappened(error)) await access.commit((p) => settleAction(p, actionId, 'unclear', now));
    else await access.commit((p) => ({ ...p, actions: p.actions.filter((a) => a.id !== actionId) }));
    throw error;
  }
  const now = services.clock.now().toISOString();
  return access.commit((p) => done(settleAction(p, actionId, 'done', now)));
}

async function me(services: Pick<Services, 'directory'>) {
  const user = await services.directory.me();
  return { id: user.id, name: user.displayName };
}

/** Performs the state chart's effects for a move or a cancellation, in order. */
async function runLife(
  services: Pick<Services, 'calendar' | 'clock' | 'directory'>,
  access: PlanAccess,
  meetingId: string,
  event: EventLifeEvent,
  detail: { until?: string; comment?: string },
): Promise<ChangeOutcome> {
  const plan = access.current();
  const meeting = meetingOf(plan, meetingId);
  const state = eventLifeOf(plan, meeting);
  if (state.name === 'cancelled') return { kind: 'nothing', reason: 'cancelled' };
  if (state.name !== 'sent' && state.name !== 'moved') return { kind: 'nothing', reason: 'not-sent' };
  const step = eventLifeTransition(state, event);
  if (step.effects.length === 0) return { kind: 'nothing', reason: state.pending ? 'other-change-pending' : 'same' };
  const who = await me(services);
  const pending = state.pending;
  let actionId = pending?.id;
  let result: Plan = plan;
  for (const effect of step.effects) {
    result = await perform(effect);
  }
  const action = result.actions.find((a) => a.id === actionId)!;
  return { kind: 'done', plan: result, action };

  async function perform(effect: EventLifeEffect): Promise<Plan> {
    const now = services.clock.now().toISOString();
    switch (effect.type) {
      case 'store-change': {
        actionId = newRecordId(effect.change === 'moved' ? 'move' : 'cancel');
        const record: MeetingAction = {
          id: actionId, meetingId, kind: effect.change, state: 'started', at: now, by: who.id, byName: who.name, updatedAt: now,
          ...(effect.change === 'moved' ? { from: meeting.start, until: detail.until! } : {}),
          ...(detail.comment ? { comment: detail.comment } : {}),
        };
        return access.commit((p) => recordAction(p, record));
      }
      case 'patch-time': {
        const until = pending?.until ?? effect.start;
        const startMs = Date.parse(until);
        const time = { start: amsterdamLocal(startMs), end: amsterdamLocal(startMs + meeting.durationMinutes * 60_000), timeZone: TIME_ZONE };
        return settle(services, access, actionId!, async () => {
          if (effect.mayExist) {
            // An earlier attempt may have moved it: look before sending everyone a second update.
            const now2 = await services.calendar.getEventState(effect.eventId);
            if (Date.parse(now2.start) === startMs) return;
          }
          await services.calendar.moveEvent(effect.eventId, time);
        }, (p) => ({ ...p, meetings: p.meetings.map((m) => (m.id === meetingId ? { ...m, start: amsterdamInstant(time.start) ?? until, updatedAt: services.clock.now().toISOString() } : m)) }));
      }
      case 'cancel-event': {
        const comment = pending?.comment ?? effect.comment;
        return settle(services, access, actionId!, async () => {
          if (effect.mayExist) {
            const current = await services.calendar.getEventState(effect.eventId).catch((error: unknown) => {
              // Cancelled by the organiser: the event left their calendar (Deleted Items), so it is gone.
              if (error instanceof AppError && error.code === 'graph-not-found') return { isCancelled: true };
              throw error;
            });
            if (current.isCancelled) return;
          }
          await services.calendar.cancelEvent(effect.eventId, comment);
        }, (p) => ({ ...p, meetings: p.meetings.map((m) => (m.id === meetingId ? { ...m, status: 'cancelled' as const, updatedAt: services.clock.now().toISOString() } : m)) }));
      }
      default:
        // Send effects are run by sendMeetingEvent (invitations.ts); settle-change is part of `settle`.
        return access.current();
    }
  }
}

/** Moves a sent SO to a new start (same length): one PATCH of start and end; Exchange updates every attendee once. */
export function moveMeeting(services: Pick<Services, 'calendar' | 'clock' | 'directory'>, access: PlanAccess, meetingId: string, start: string): Promise<ChangeOutcome> {
  const pending = pendingChange(access.current(), meetingId);
  const until = pending?.kind === 'moved' ? pending.until! : start;
  return runLife(services, access, meetingId, { type: 'move', start: until }, { until });
}

/** Cancels a sent SO with a message to every attendee (POST …/cancel). */
export function cancelMeeting(services: Pick<Services, 'calendar' | 'clock' | 'directory'>, access: PlanAccess, meetingId: string, comment: string): Promise<ChangeOutcome> {
  const problems = checkMessage({ subject: '', text: comment }, 'het bericht bij de annulering');
  if (hasErrors(problems)) return Promise.resolve({ kind: 'blocked', problems });
  return runLife(services, access, meetingId, { type: 'cancel', comment: comment.trim() }, { comment: comment.trim() });
}

/** A move or cancellation that was started and not confirmed (after a reload, or an unclear failure). */
export function pendingChange(plan: Plan, meetingId: string): MeetingAction | undefined {
  return actionsOf(plan, meetingId, ['moved', 'cancelled']).find((a) => a.state !== 'done');
}

// ---------------------------------------------------------------------------------------------------------
// Invitees after the send

/**
 * Invites one more person to a sent SO: in the plan (with their reasons, invited to this SO) first, then the
 * organiser's forward of the event to them only — the hand-out travels with it and nobody else is notified (a
 * PATCH of attendees would re-send the meeting to everyone). The forward's comment tells them why they are asked.
 */
export async function addInvitee(
  services: Pick<Services, 'calendar' | 'clock' | 'directory' | 'municipality'>,
  access: PlanAccess,
  meetingId: string,
  person: Omit<PlanParticipant, 'updatedAt'>,
): Promise<ChangeOutcome> {
  const plan = access.current();
  const meeting = meetingOf(plan, meetingId);
  if (meeting.eventId === undefined) return { kind: 'nothing', reason: 'not-sent' };
  if (meeting.status === 'cancelled') return { kind: 'nothing', reason: 'cancelled' };
  const email = (person.email ?? '').trim();
  if (email === '') throw new RangeError('an invitee added after the send needs an e-mail address');
  const who = await me(services);
  const existing = plan.participants.find((p) => same(p.email, email));
  const participantId = existing?.id ?? person.id;
  const earlier = actionsOf(plan, meetingId, ['invitee-added']).find((a) => a.participantId === participantId && a.state !== 'done');
  const actionId = earlier?.id ?? newRecordId('add');
  const now = services.clock.now().toISOString();
  const stored = await access.commit((p) => {
    const participants = p.participants.some((x) => x.id === participantId)
      ? p.participants.map((x) => (x.id === participantId ? { ...x, reasons: [...person.reasons], ...(person.expectation ? { expectation: person.expectation } : {}), updatedAt: now } : x))
      : [...p.participants, { ...person, id: participantId, email, updatedAt: now }];
    const meetings = p.meetings.map((m) => {
      if (m.id !== meetingId || m.invitedParticipantIds === undefined || m.invitedParticipantIds.includes(participantId)) return m;
      return { ...m, invitedParticipantIds: [...m.invitedParticipantIds, participantId], updatedAt: now };
    });
    const action: MeetingAction = {
      id: actionId, meetingId, kind: 'invitee-added', state: earlier?.state ?? 'started', at: earlier?.at ?? now, by: who.id, byName: who.name,
      participantId, to: [{ name: person.name, email, participantId }], updatedAt: now,
    };
    return recordAction({ ...p, participants, meetings }, action);
  });
  // Why they are asked, in the invitation's own words for them (the body others got does not name them).
  const invitation = invitationForMeeting(stored, meetingId, { organiser: { name: who.name, email: '' }, municipality: services.municipality, now: services.clock.now() });
  const mine = invitation.text.split(/\n{2,}/).find((part) => part.includes(person.name)) ?? '';
  const note = [`Je bent uitgenodigd voor dit Samenwerkoverleg.`, mine].filter(Boolean).join('\n\n');
  const done = await settle(services, access, actionId, async () => {
    if (earlier?.state === 'unclear') {
      const current = await services.calendar.getEventState(meeting.eventId!);
      if (current.attendees.some((a) => same(a.email, email))) return;
      // Not on the event yet: they may still have it (a forward adds no attendee until they answer). Sending it
      // once more is the lesser harm than leaving them without the hand-out.
    }
    await services.calendar.forward(meeting.eventId!, { name: person.name, email }, note);
  });
  return { kind: 'done', plan: done, action: done.actions.find((a) => a.id === actionId)! };
}

/**
 * Takes someone off a sent SO: the event's attendee list without them (Graph replaces the list: everyone on it
 * gets an update, they get a cancellation), and the plan no longer invites them to this SO.
 */
export async function removeInvitee(
  services: Pick<Services, 'calendar' | 'clock' | 'directory'>,
  access: PlanAccess,
  meetingId: string,
  participantId: string,
): Promise<ChangeOutcome> {
  const plan = access.current();
  const meeting = meetingOf(plan, meetingId);
  if (meeting.eventId === undefined) return { kind: 'nothing', reason: 'not-sent' };
  if (meeting.status === 'cancelled') return { kind: 'nothing', reason: 'cancelled' };
  const person = plan.participants.find((p) => p.id === participantId);
  if (!person) throw new RangeError(`no participant ${participantId}`);
  const who = await me(services);
  const current = await services.calendar.getEventState(meeting.eventId);
  const earlier = actionsOf(plan, meetingId, ['invitee-removed']).find((a) => a.participantId === participantId && a.state !== 'done');
  const actionId = earlier?.id ?? newRecordId('remove');
  const now = services.clock.now().toISOString();
  await access.commit((p) => recordAction(p, {
    id: actionId, meetingId, kind: 'invitee-removed', state: earlier?.state ?? 'started', at: earlier?.at ?? now, by: who.id, byName: who.name,
    participantId, to: [{ name: person.name, ...(person.email ? { email: person.email } : {}), participantId }], updatedAt: now,
  }));
  const keep = current.attendees.filter((a) => a.type !== 'resource' && !same(a.email, person.email));
  const done = await settle(services, access, actionId, async () => {
    if (keep.length === current.attendees.length) return; // not on the event (any more)
    await services.calendar.setAttendees(meeting.eventId!, keep.map((a) => ({ name: a.name, email: a.email, type: a.type === 'optional' ? 'optional' : 'required' })));
  }, (p) => ({
    ...p,
    meetings: p.meetings.map((m) => {
      if (m.id !== meetingId) return m;
      const invited = (m.invitedParticipantIds ?? p.participants.map((x) => x.id)).filter((id) => id !== participantId);
      return { ...m, invitedParticipantIds: invited, updatedAt: services.clock.now().toISOString() };
    }),
  }));
  return { kind: 'done', plan: done, action: done.actions.find((a) => a.id === actionId)! };
}

// ---------------------------------------------------------------------------------------------------------
// The address, after acceptance

export type AddressBlocker = 'no-address' | 'not-accepted' | 'no-consent' | 'no-email' | 'already-sent';

/**
 * Whether this participant may get the SO's address now: only after they accepted, and only when the resident's
 * consent for this SO covers them. The event never carries it (forwarded copies and non-accepted invitees see
 * the event), so it goes by a mail to that one person.
 */
export function addressBlocker(plan: Plan, meetingId: string, participantId: string, accepted: boolean): AddressBlocker | undefined {
  const meeting = meetingOf(plan, meetingId);
  const person = plan.participants.find((p) => p.id === participantId);
  if ((meeting.address ?? '').trim() === '') return 'no-address';
  if (!person || (person.email ?? '').trim() === '') return 'no-email';
  if (!accepted) return 'not-accepted';
  if (!hasConsentFor(plan, 'meeting', participantId)) return 'no-consent';
  if (addressSentAt(plan, meetingId, participantId) !== undefined) return 'already-sent';
  return undefined;
}

/** When the address went to this participant (or may have). */
export function addressSentAt(plan: Plan, meetingId: string, participantId: string): string | undefined {
  return actionsOf(plan, meetingId, ['address-sent']).find((a) => a.participantId === participantId)?.at;
}

/** The mail with the address: the case alias and time, the address; nothing else from the plan. */
export function addressMessage(plan: Plan, meetingId: string, organiser: string): DraftMessage {
  const meeting = meetingOf(plan, meetingId);
  const when = new Intl.DateTimeFormat('nl-NL', { timeZone: TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }).format(new Date(meeting.start));
  return {
    subject: `Samenwerkoverleg ${plan.caseAlias}: het adres`,
    text: [
      'Hoi,',
      `Fijn dat je komt naar het Samenwerkoverleg ${plan.caseAlias} op ${when}. We zijn bij de inwoner thuis. Het adres is:`,
      (meeting.address ?? '').trim(),
      'Dit adres is alleen voor jou: stuur dit bericht niet door.',
      `Groet,\n${organiser}`,
    ].join('\n\n'),
  };
}

/** Mails the address to one accepted, consented participant; kept in the plan as a fact before and after. */
export async function sendAddress(
  services: Pick<Services, 'mail' | 'clock' | 'directory'>,
  access: PlanAccess,
  meetingId: string,
  participantId: string,
  accepted: boolean,
): Promise<{ kind: 'sent'; plan: Plan } | { kind: 'refused'; reason: AddressBlocker }> {
  const plan = access.current();
  const blocker = addressBlocker(plan, meetingId, participantId, accepted);
  if (blocker) return { kind: 'refused', reason: blocker };
  const person = plan.participants.find((p) => p.id === participantId)!;
  const who = await me(services);
  const message = addressMessage(plan, meetingId, who.name);
  const actionId = newRecordId('addr');
  const now = services.clock.now().toISOString();
  const to = { name: person.name, email: person.email!.trim() };
  await access.commit((p) => recordAction(p, {
    id: actionId, meetingId, kind: 'address-sent', state: 'started', at: now, by: who.id, byName: who.name, participantId, to: [{ ...to, participantId }], updatedAt: now,
  }));
  const done = await settle(services, access, actionId, () => services.mail.send({ to: [to], subject: message.subject, html: messageHtml(message.text) }));
  return { kind: 'sent', plan: done };
}
